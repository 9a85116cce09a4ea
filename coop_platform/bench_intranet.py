"""Benchmark of the /intranet home at scale: `make bench`.

    bin/coop-bench-intranet [--holders 70] [--workshops 200]
                            [--registrations 2000] [--requests 50] [--clients 8]

It builds a throwaway site in a temporary instance (its own zope.conf and
FileStorage: the instance's var/ is never touched), /coop, with project
holders and coaches, each holder's personal file followed by a coach, a
year of workshop sessions (two thirds of them past, with their attendance
marked but for a few recent ones), registrations spread over the sessions
and two appointments per holder with their coach, all from a deterministic
generator (the same site on every run and machine). The registrations and
the attendance are stored directly, as the workshops' store keeps them, and
each session is reindexed once: the registration mails of thousands of
sign-ups would only fill the queue.

Then waitress serves the site (4 threads, as the instance) on a loopback
port, and clients in a process of their own make real HTTP requests, as
browsers do, as the search benchmark's (coop_platform.bench_search: the
same clients, latencies and runs of 8 clients in turns): the site's home
page as an anonymous visitor and as the measured project holder and coach,
then the /intranet home of that holder and of that coach, signed in with
HTTP basic authentication. For each: the 50th and 95th percentiles of one
client's requests one after the other, the requests per second of 8 clients
at once, and the ratio of those to the anonymous visitor's home page and to
the home page as the same member sees it (the target), measured in the same
run. Compare the ratios of one run, not figures of different runs.
"""

from coop.content.agenda.registrations.store import ABSENT
from coop.content.agenda.registrations.store import ATTENDED
from coop.content.agenda.registrations.store import EXCUSED
from coop.content.agenda.registrations.store import get_store
from coop.content.common.cachekeys import bump
from coop.content.common.cachekeys import REGISTRATIONS
from coop.content.common.config import APPOINTMENT_TYPE
from coop.content.common.config import APPOINTMENTS_ID
from coop.content.common.config import COACHES_GROUP
from coop.content.common.config import ENTREPRENEURS_GROUP
from coop.content.common.config import INTRANET_ID
from coop.content.common.config import WORKSHOP_TYPE
from coop.content.common.config import WORKSHOPS_ID
from coop.content.intranet.workshops.registrations import holder_fields
from coop.content.intranet.workshops.registrations import REGISTRATION_INDEXES
from coop.content.vocabularies.intranet import workshop_themes
from coop.policy.personal_files import ensure_personal_file
from coop_platform.bench_search import add_measure_arguments
from coop_platform.bench_search import measure
from coop_platform.bench_search import measure_targets
from coop_platform.bench_search import Target
from coop_platform.site import ensure_site
from coop_platform.throwaway_site import Server
from coop_platform.throwaway_site import throwaway_instance
from coop_platform.zope_app import start_zope
from coop_platform.zope_app import zope_app
from datetime import datetime
from datetime import time as day_time
from datetime import timedelta
from plone import api

import argparse
import base64
import os
import pytz
import random
import re
import sys
import time
import transaction


SEED = 2026
SITE_ID = "coop"
PASSWORD = "bench-mot-de-passe"  # noqa: S105 (a throwaway site's accounts)
COACHES = 5
# Sessions start so many days before and after the day the site is built.
DAYS_BACK = 250
DAYS_AHEAD = 120
SESSION_HOURS = 3
# Recent past sessions whose attendance nobody marked: one in so many.
UNMARKED_EVERY = 3
UNMARKED_WITHIN_DAYS = 30
ATTENDANCE = ((ATTENDED, 80), (ABSENT, 15), (EXCUSED, 5))
# The target of the issue: the intranet home against the site's home page.
MIN_HOME_RATIO = 0.8
MEASURED = 0


def holder_email(number):
    return f"porteur-{number:03d}@bench.example"


def coach_email(number):
    return f"coach-{number:02d}@bench.example"


def _member(email, fullname, group):
    user = api.user.create(
        email=email, password=PASSWORD, properties={"fullname": fullname}
    )
    api.group.add_user(groupname=group, user=user)
    return user.getId()


def _start(timezone, number, count):
    """The start of session `number` of `count`, over the year around today."""
    days = -DAYS_BACK + number * (DAYS_BACK + DAYS_AHEAD) // count
    day = datetime.now(timezone).date() + timedelta(days=days)
    hour = day_time(9, 30) if number % 2 else day_time(14, 0)
    return days, timezone.localize(datetime.combine(day, hour))


def _attendance(rng, days, number):
    """The status of a past session's registration, or None left unmarked."""
    if days > -UNMARKED_WITHIN_DAYS and number % UNMARKED_EVERY == 0:
        return None
    statuses, weights = zip(*ATTENDANCE, strict=True)
    return rng.choices(statuses, weights)[0]


def fill(site, holders, workshops, registrations, coaches=COACHES, seed=SEED):
    """The members, personal files, sessions, registrations and appointments.

    Deterministic for a given seed and day. Commits as it goes.
    """
    # Made-up data, no secret: any generator that repeats itself will do.
    rng = random.Random(seed)  # noqa: S311
    coach_ids = [
        _member(coach_email(n), f"Coach {n}", COACHES_GROUP) for n in range(coaches)
    ]
    holder_ids = [
        _member(holder_email(n), f"Porteur {n}", ENTREPRENEURS_GROUP)
        for n in range(holders)
    ]
    for number, userid in enumerate(holder_ids):
        ensure_personal_file(userid, coach_ids=(coach_ids[number % coaches],))
    transaction.commit()
    fields = {userid: holder_fields(userid) for userid in holder_ids}
    themes = sorted(workshop_themes())
    timezone = pytz.timezone(api.portal.get_registry_record("plone.portal_timezone"))
    folder = site[INTRANET_ID][WORKSHOPS_ID]
    per_session, extra = divmod(registrations, workshops)
    for number in range(workshops):
        days, start = _start(timezone, number, workshops)
        workshop = api.content.create(
            container=folder,
            type=WORKSHOP_TYPE,
            id=f"session-{number:04d}",
            title=f"Atelier {themes[number % len(themes)]} numéro {number}",
            theme=themes[number % len(themes)],
            capacity=rng.choice((8, 10, 12, 15)),
            trainer=coach_ids[number % coaches],
            registration_open=True,
            start=start,
            end=start + timedelta(hours=SESSION_HOURS),
            location="12 avenue de Genève, 74000 Annecy",
        )
        store = get_store(workshop, create=True)
        count = min(per_session + (number < extra), holders)
        for userid in rng.sample(holder_ids, count):
            record = store.add(dict(fields[userid]), capacity=workshop.capacity)
            status = _attendance(rng, days, number) if days < 0 else None
            if status is not None and record["status"] != "waitlisted":
                store.set_status(record["id"], status)
        workshop.reindexObject(idxs=REGISTRATION_INDEXES)
        # Stored without the events of a registration: the homes are told.
        bump(REGISTRATIONS)
        if number % 50 == 49:
            transaction.commit()
    appointments = site[INTRANET_ID][APPOINTMENTS_ID]
    for number, userid in enumerate(holder_ids):
        for days, status in ((-20 - number % 30, "done"), (3 + number % 40, "planned")):
            start = timezone.localize(
                datetime.combine(
                    datetime.now(timezone).date() + timedelta(days=days),
                    day_time(10, 0),
                )
            )
            api.content.create(
                container=appointments,
                type=APPOINTMENT_TYPE,
                id=f"rdv-{number:03d}-{status}",
                subject="Point mensuel",
                entrepreneur=userid,
                coach=coach_ids[number % coaches],
                mode="in_person",
                status=status,
                location="Bureau 2, 12 avenue de Genève, 74000 Annecy",
                start=start,
                end=start + timedelta(hours=1),
            )
    transaction.commit()


# The measures


def _signed_in(email):
    credentials = base64.b64encode(f"{email}:{PASSWORD}".encode()).decode()
    return (("Authorization", f"Basic {credentials}"),)


def targets(site_path, workshops):
    """What is measured: the home page, anonymous and as the measured holder
    and coach, then the /intranet home of that holder and that coach."""
    holder = _signed_in(holder_email(MEASURED))
    coach = _signed_in(coach_email(MEASURED))
    intranet = f"{site_path}/{INTRANET_ID}"
    return (
        Target("home page", workshops, (site_path,), json=False),
        Target("home page holder", workshops, (site_path,), False, holder),
        Target("home page coach", workshops, (site_path,), False, coach),
        Target("/intranet holder", workshops, (intranet,), False, holder),
        Target("/intranet coach", workshops, (intranet,), False, coach),
    )


# What the first answer of each target shows: class names of the home.
SHOWN = {
    "sessions": re.compile(r'class="coop-session[ "]'),
    "appointments": re.compile(r'class="coop-appointment"'),
    "holders": re.compile(r'class="coop-holder"'),
    "missed series": re.compile(r'class="coop-missed-series[ "]'),
}


def describe(target, body):
    """What the first request of a target answered: its size, its items."""
    page = body.decode()
    shown = ", ".join(
        f"{len(pattern.findall(page))} {name}" for name, pattern in SHOWN.items()
    )
    print(f"  {target.name}: {len(body)} bytes, {shown}", file=sys.stderr)


def clients(port, args, messages, caches_emptied):
    """The clients' process (bench_search.measure_targets)."""
    measure_targets(
        port,
        targets(args.site_path, args.workshops),
        args,
        messages,
        caches_emptied,
        describe,
    )


# The report


def report(results, args):
    """The table of figures, then the targets with what was reached.

    The intranet home is only ever seen signed in: its target compares it
    with the home page as the same member sees it (their toolbar, their
    events); the anonymous visitor's home page is given too.
    """
    lines = [
        f"{args.holders} project holders, {args.workshops} workshops, "
        f"{args.registrations} registrations; {args.clients} clients at once",
        "",
        f"{'what':<20}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>9}"
        f"{'vs home':>9}{'vs theirs':>11}",
    ]
    rates = {name: rate for _size, name, _p50, _p95, rate in results}
    anonymous = rates["home page"]
    for _size, name, p50, p95, rate in results:
        member = name.rsplit(" ", 1)[-1]
        theirs = rates.get(f"home page {member}", anonymous)
        lines.append(
            f"{name:<20}{p50:>9.1f}{p95:>9.1f}{rate:>9.1f}"
            f"{rate / anonymous:>9.2f}{rate / theirs:>11.2f}"
        )
    lines += ["", f"{'target':<44}{'measured':>10}  {'wanted':<8} result"]
    for member in ("holder", "coach"):
        ratio = rates[f"/intranet {member}"] / rates[f"home page {member}"]
        verdict = "ok" if ratio >= MIN_HOME_RATIO else "MISSED"
        label = f"/intranet {member} req/s / their home page"
        lines.append(f"{label:<44}{ratio:>10.2f}  >= {MIN_HOME_RATIO:<5} {verdict}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holders", type=int, default=70)
    parser.add_argument("--workshops", type=int, default=200)
    parser.add_argument("--registrations", type=int, default=2000)
    add_measure_arguments(parser)
    args = parser.parse_args(argv)
    args.site_path = f"/{SITE_ID}"
    with throwaway_instance() as zope_conf:
        # The registrations' and appointments' mails wait in the queue: no
        # mail server listens, and a queue thread retrying thousands of them
        # would take the processor from the pages it measures.
        os.environ["MAILHOST_QUEUE_ONLY"] = "1"
        application = start_zope(zope_conf)
        started = time.perf_counter()
        with zope_app(zope_conf) as app:
            site = ensure_site(app, SITE_ID)
            fill(site, args.holders, args.workshops, args.registrations)
        print(
            f"/{SITE_ID}: ready in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
        with Server(application) as server:
            results = measure(server.port, args, clients=clients)
        print(report(results, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
