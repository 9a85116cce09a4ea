"""The intranet home's benchmark on a tiny site: what it builds, and that its
measures run and report (their figures are the machine's, never asserted)."""

from argparse import Namespace
from collections import Counter
from coop.content.agenda.registrations.store import get_store
from coop_platform.bench_intranet import clients
from coop_platform.bench_intranet import coach_email
from coop_platform.bench_intranet import fill
from coop_platform.bench_intranet import holder_email
from coop_platform.bench_intranet import report
from coop_platform.bench_intranet import targets
from coop_platform.bench_search import measure
from datetime import datetime
from plone import api
from urllib.parse import urlsplit

import pytest
import pytz
import transaction


HOLDERS = 4
COACHES = 2
WORKSHOPS = 6
REGISTRATIONS = 20
NAMES = (
    "home page",
    "home page holder",
    "home page coach",
    "/intranet holder",
    "/intranet coach",
)


@pytest.fixture
def bench_site(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        fill(functional_portal, HOLDERS, WORKSHOPS, REGISTRATIONS, coaches=COACHES)
    transaction.commit()
    return functional_portal


def test_the_site_has_its_members_sessions_and_registrations(bench_site):
    holders = [api.user.get(username=holder_email(n)) for n in range(HOLDERS)]
    coaches = [api.user.get(username=coach_email(n)) for n in range(COACHES)]
    assert all("entrepreneurs" in holder.getGroups() for holder in holders)
    assert all("coaches" in coach.getGroups() for coach in coaches)
    sessions = bench_site["intranet"]["ateliers"].contentValues()
    assert len(sessions) == WORKSHOPS
    records = [
        record for session in sessions for record in get_store(session).records()
    ]
    assert len(records) == REGISTRATIONS
    assert {record["userid"] for record in records} == {h.getId() for h in holders}
    now = datetime.now(pytz.utc)
    past = [session for session in sessions if session.end < now]
    assert past and len(past) < WORKSHOPS
    statuses = Counter(
        record["status"] for session in past for record in get_store(session).records()
    )
    assert statuses["attended"] > 0
    appointments = bench_site["intranet"]["rendez-vous"].contentValues()
    assert len(appointments) == 2 * HOLDERS
    files = bench_site["intranet"]["dossiers"]
    for number, holder in enumerate(holders):
        coach = coaches[number % COACHES].getId()
        assert "Editor" in files[holder.getId()].get_local_roles_for_userid(coach)


def test_the_targets_are_the_homes_of_the_site_and_of_the_intranet():
    measured = targets("/coop", WORKSHOPS)
    assert tuple(target.name for target in measured) == NAMES
    for target in measured:
        assert target.json is False
        signed_in = dict(target.headers).get("Authorization", "")
        assert signed_in.startswith("Basic ") is (target.name != "home page")
    assert {target.paths for target in measured} == {("/coop",), ("/coop/intranet",)}


def test_the_measures_run_and_report(bench_site):
    url = urlsplit(bench_site.absolute_url())
    args = Namespace(
        site_path=url.path,
        holders=HOLDERS,
        workshops=WORKSHOPS,
        registrations=REGISTRATIONS,
        requests=2,
        clients=2,
    )
    rows = measure(url.port, args, clients=clients)
    assert tuple(name for _size, name, *_figures in rows) == NAMES
    for _size, _name, p50, p95, rate in rows:
        assert 0 < p50 <= p95
        assert rate > 0
    table = report(rows, args).splitlines()
    assert table[0] == (
        "4 project holders, 6 workshops, 20 registrations; 2 clients at once"
    )
    for name in NAMES:
        assert any(line.startswith(name) for line in table), name
    verdicts = [line for line in table if "req/s / their home page" in line]
    assert len(verdicts) == 2
    assert all(line.endswith((" ok", " MISSED")) for line in verdicts)
