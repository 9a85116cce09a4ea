"""Benchmark of the directory search at scale: `make bench`.

    bin/coop-bench-search [--sizes 1000 10000] [--requests 50] [--clients 8]

It builds a throwaway site per size in a temporary instance (its own zope.conf
and FileStorage: the instance's var/ is never touched), /coop1000 and
/coop10000, fills its /annuaire with published cooperatives from a
deterministic generator (the same entries on every run and machine: the larger
site starts with the smaller one's entries), then serves the sites with
waitress, 4 threads as the instance, on a loopback port, and measures with
real HTTP requests made by clients in a process of their own, as browsers
are: `http.client` connections in threads, as an anonymous visitor. (In the
server's process, reading the pages took their share of its interpreter lock:
the larger the page, the more it was slowed by its own measurement.)

Each `@coop-search` and `/annuaire` request takes the next query of its
target's list (hundreds of distinct ones: every department, sector and trade
competence, the trades' names as words, the 20 most common departments with
each sector, word or competence); the lists are shuffled the same way on
every run. `@coop-search 0` has no criterion to vary: it turns through pages
and sort orders, and its facets come from the cache; so does `/annuaire
pages`, the directory page as one lands on it and pages through it.

Before measuring, 8 clients make a pass over every query of every target, so
that the database caches of the server's connections hold the catalog as
those of a site that has been running do; then the RAM caches (facets,
keywords, latest entries) are emptied: the measured requests are first searches
of their queries, as after any change of the catalog, not cache hits.

For each page or service: the 50th and 95th percentiles of the latency of one
client making requests one after the other (after a warm-up), then the
requests per second that 8 clients making requests at the same time get.
The targets of both sizes take turns (a request each; 10 short runs of 8
clients each, 400 requests in all), so that what else runs on the machine
slows them alike: with 5 runs of 200 requests, the ratio of two pages of equal
cost swung by 0.05 (standard deviation) from run to run on a shared host, and
with one size measured after the other, the growth from 1 000 to 10 000 entries
swung with the host's load in between (from 1.1 to 2.5 for the same code).
Measured: `@coop-search` with 0, 1 and 3 criteria, the `/annuaire` page
(searches with two criteria, and its pages without criteria), the site's
home page (the baseline) and the stock
`@search?portal_type=Cooperative&sort_on=sortable_title` (25 per page, as
`@coop-search` here). The table ends with the ratios the issue sets as
targets at 10 000 entries, and the growth from the smallest size.

Figures depend on the machine and on what else runs on it: compare the ratios
of one run, not figures of different runs.
"""

from coop.content.common.config import DIRECTORY_ID
from coop.content.directory.keywords import normalize_keyword
from coop.content.vocabularies.geography import DEPARTMENT_REGION
from coop.policy.setuphandlers.demo_directory import _siret
from coop.policy.setuphandlers.demo_directory import LEGAL_FORMS
from coop.policy.setuphandlers.demo_directory import TRADES
from coop_platform.site import ensure_site
from coop_platform.throwaway_site import add_published_entries
from coop_platform.throwaway_site import Server
from coop_platform.throwaway_site import throwaway_instance
from coop_platform.zope_app import start_zope
from coop_platform.zope_app import zope_app
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from faker import Faker
from urllib.parse import quote
from zope.component import getUtility
from zope.ramcache.interfaces.ram import IRAMCache

import argparse
import http.client
import itertools
import json
import multiprocessing
import queue
import random
import statistics
import sys
import threading
import time
import transaction


SEED = 2026
WARM_UP = 5
# The runs of 8 clients take turns so many times.
ROUNDS = 10
PAGE_SIZE = 25
# Entries are created and cataloged so many at a time, one transaction each.
CHUNK = 500
# The targets of the issue, at the largest size.
MAX_P95_MS = 80
MIN_SEARCH_VS_STOCK = 1.5
MIN_DIRECTORY_VS_HOME = 1.0
MAX_GROWTH = 2.0


# The generator


def _postal_code(department):
    """A postal code of the department's chief town."""
    if department == "2A":
        return "20000"
    if department == "2B":
        return "20200"
    return department.ljust(5, "0")


def _by_weight(seed):
    """The departments, the most common first: a department's weight is 1/rank."""
    departments = sorted(DEPARTMENT_REGION)
    # Made-up data, no secret: any generator that repeats itself will do.
    return random.Random(seed).sample(departments, len(departments))  # noqa: S311


def generate(start, stop, seed=SEED):
    """The entries number `start` to `stop - 1`: (id, fields, effective date).

    Each entry depends on its number and the seed only: the first 1 000 entries
    are the same whether 1 000 or 10 000 are made. The trades, names and
    SIRET numbers are the demo directory's; the departments spread over the
    whole country, some much more than others, as the cooperatives do.
    """
    departments = sorted(DEPARTMENT_REGION)
    ranked = _by_weight(seed)
    weights = [1 / (rank + 1) for rank in range(len(ranked))]
    fake = Faker("fr_FR")
    first = DateTime("2024/01/01 08:00:00 UTC")
    sirets = set()
    for number in range(start, stop):
        fake.seed_instance(seed * 100_000 + number)
        rng = fake.random
        trade = TRADES[number % len(TRADES)]
        prefix, legal_forms = rng.choice(LEGAL_FORMS)
        department = rng.choices(ranked, weights)[0]
        city = fake.city()
        competences = rng.sample(
            trade.competences, rng.randint(3, min(8, len(trade.competences)))
        )
        # Free keywords too: thousands of them in a large directory.
        competences += [fake.word().capitalize() for _word in range(rng.randint(0, 2))]
        fields = {
            "title": f"{prefix} {rng.choice(trade.names)} {fake.last_name()}",
            "legal_form": rng.choice(legal_forms),
            "siret": _siret(fake, sirets),
            "description": trade.activity,
            "sector": trade.sector,
            "goods_services": rng.sample(
                trade.goods_services, rng.randint(1, min(4, len(trade.goods_services)))
            ),
            "competences": list(dict.fromkeys(competences))[:10],
            "consultation_email": f"contact@cooperative-{number}.example",
            "street": fake.street_address(),
            "postal_code": _postal_code(department),
            "city": city,
            "head_office": {
                "street": None,
                "postal_code": _postal_code(department),
                "city": city,
            },
        }
        if rng.random() < 0.3:
            fields["establishments"] = [
                {
                    "name": f"Agence {index + 1}",
                    "street": None,
                    "postal_code": _postal_code(other),
                    "city": fake.city(),
                    "department": None,
                    "phone": None,
                }
                for index, other in enumerate(
                    rng.sample(departments, rng.randint(1, 2))
                )
            ]
        # One entry published per hour: the newest have the highest numbers.
        yield f"cooperative-{number:05d}", fields, first + number / 24


def site_id(size):
    """The throwaway site with `size` entries."""
    return f"coop{size}"


def fill(zope_conf, size):
    """A site with `size` entries, added a transaction per chunk."""
    with zope_app(zope_conf) as app:
        site = ensure_site(app, site_id(size))
        directory = site[DIRECTORY_ID]
        entries = generate(0, size)
        while chunk := list(itertools.islice(entries, CHUNK)):
            add_published_entries(directory, chunk)
            transaction.commit()


# The measures


@dataclass(frozen=True)
class Target:
    """A page or service of a site, and the paths its requests take in turn."""

    name: str
    size: int
    paths: tuple
    json: bool = True
    # More request headers, as (name, value) pairs: a signed-in member's.
    headers: tuple = ()
    turn: itertools.count = field(
        default_factory=itertools.count, compare=False, repr=False
    )

    def next_path(self):
        """The path of the next request, whichever client makes it."""
        return self.paths[next(self.turn) % len(self.paths)]


def _shuffled(queries):
    queries = list(queries)
    # Made-up order, no secret: the same on every run.
    random.Random(SEED).shuffle(queries)  # noqa: S311
    return tuple(queries)


def queries():
    """The criteria of the directory searches: (one, two and three criteria)."""
    departments = _by_weight(SEED)[:20]
    sectors = sorted({trade.sector for trade in TRADES})
    competences = sorted(
        {quote(normalize_keyword(c)) for trade in TRADES for c in trade.competences}
    )
    words = sorted({quote(name) for trade in TRADES for name in trade.names})
    one = [
        *(f"department={department}" for department in sorted(DEPARTMENT_REGION)),
        *(f"sector={sector}" for sector in sectors),
        *(f"competences={competence}" for competence in competences),
        *(f"SearchableText={word}" for word in words),
    ]
    two = [
        f"{criterion}&department={department}"
        for criterion in (
            *(f"sector={sector}" for sector in sectors),
            *(f"SearchableText={word}" for word in words),
        )
        for department in departments
    ]
    three = [
        f"sector={trade.sector}&department={department}"
        f"&competences={quote(normalize_keyword(competence))}"
        for trade in TRADES
        for competence in trade.competences
        for department in departments
    ]
    return _shuffled(one), _shuffled(two), _shuffled(three)


def targets(sizes):
    """What is measured on the site of each size: a name, the paths, JSON or HTML.

    The same queries on every site, a target's sizes one after the other.
    """
    page = f"b_size={PAGE_SIZE}"
    one, two, three = queries()
    pages = [
        f"sort_on={sort_on}&b_start={start}"
        for sort_on in ("sortable_title", "effective")
        for start in range(0, 200, PAGE_SIZE)
    ]
    below_site = (
        ("home page", ("",), False),
        ("/annuaire", tuple(f"/annuaire?{query}" for query in two), False),
        ("/annuaire pages", tuple(f"/annuaire?{q}" for q in pages), False),
        (
            "stock @search",
            (f"/@search?portal_type=Cooperative&sort_on=sortable_title&{page}",),
            True,
        ),
        ("@coop-search 0", tuple(f"/@coop-search?{q}&{page}" for q in pages), True),
        ("@coop-search 1", tuple(f"/@coop-search?{q}&{page}" for q in one), True),
        ("@coop-search 3", tuple(f"/@coop-search?{q}&{page}" for q in three), True),
    )
    return tuple(
        Target(name, size, tuple(f"/{site_id(size)}{path}" for path in paths), json)
        for name, paths, json in below_site
        for size in sizes
    )


class Client:
    """One keep-alive HTTP connection, as a browser or a REST client."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, target):
        accept = "application/json" if target.json else "text/html"
        path = target.next_path()
        started = time.perf_counter()
        headers = {"Accept": accept, **dict(target.headers)}
        self.connection.request("GET", path, headers=headers)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise RuntimeError(f"{path}: HTTP {response.status}")
        return elapsed, body

    def close(self):
        self.connection.close()


def latencies(port, targets_, requests):
    """p50 and p95 in milliseconds of one client's requests, one after the other.

    The targets take turns, a request each: what else runs on the machine
    slows them alike.
    """
    clients = {target: Client(port) for target in targets_}
    times = {target: [] for target in targets_}
    try:
        for _round in range(WARM_UP):
            for target, client in clients.items():
                client.get(target)
        for _round in range(requests):
            for target, client in clients.items():
                times[target].append(client.get(target)[0] * 1000)
    finally:
        for client in clients.values():
            client.close()
    return {
        target: (
            statistics.median(values),
            statistics.quantiles(values, n=20, method="inclusive")[18],
        )
        for target, values in times.items()
    }


def _concurrent_run(port, target, clients, requests):
    """Seconds that `clients` clients take to make `requests` requests each at once."""
    barrier = threading.Barrier(clients + 1)
    errors = []

    def run():
        client = Client(port)
        try:
            client.get(target)
            barrier.wait()
            for _request in range(requests):
                client.get(target)
        except Exception as error:  # reported below, the run is void
            errors.append(error)
            barrier.abort()
        finally:
            client.close()

    threads = [threading.Thread(target=run) for _client in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise errors[0]
    return elapsed


def throughputs(port, targets_, clients, requests):
    """Requests per second with `clients` clients at once, per target.

    In ROUNDS turns, as the latencies: a short run of each target in turn.
    """
    per_round = max(1, requests // ROUNDS)
    elapsed = dict.fromkeys(targets_, 0.0)
    for _round in range(ROUNDS):
        for target in targets_:
            elapsed[target] += _concurrent_run(port, target, clients, per_round)
    return {
        target: clients * per_round * ROUNDS / seconds
        for target, seconds in elapsed.items()
    }


def warm_up(port, targets_, clients):
    """A pass over every query of every target, `clients` clients at once."""
    for target in targets_:
        _concurrent_run(port, target, clients, -(-len(target.paths) // clients))


def empty_ram_caches():
    """Empty the RAM caches of the process, which all the sites share."""
    getUtility(IRAMCache).invalidateAll()


def _describe_search(target, body):
    if target.json:
        found = json.loads(body).get("items_total")
        print(
            f"  {target.size} {target.name}: {len(target.paths)} queries, "
            f"the first finds {found}",
            file=sys.stderr,
        )


def clients(port, args, messages, caches_emptied):
    """The clients' process of the search benchmark (`measure_targets`)."""
    measure_targets(
        port, targets(args.sizes), args, messages, caches_emptied, _describe_search
    )


def measure_targets(port, targets_, args, messages, caches_emptied, describe):
    """Warm up, wait for the caches to be emptied, measure `targets_`.

    `describe(target, body)` reports what the first request of each target
    answered. Puts on `messages` "warmed", then one (size, name, p50, p95,
    requests per second) per target.
    """
    warm_up(port, targets_, args.clients)
    messages.put("warmed")
    caches_emptied.wait()
    for target in targets_:
        client = Client(port)
        _elapsed, body = client.get(target)
        client.close()
        describe(target, body)
    latency = latencies(port, targets_, args.requests)
    rate = throughputs(port, targets_, args.clients, args.requests)
    messages.put(
        [
            (target.size, target.name, *latency[target], rate[target])
            for target in targets_
        ]
    )


def _receive(process, messages):
    """The next message of the clients' process."""
    while True:
        try:
            return messages.get(timeout=1)
        except queue.Empty:
            if not process.is_alive():
                raise RuntimeError("the clients' process stopped (see above)") from None


def measure(port, args, clients=clients):
    """One row per target: (size, name, p50, p95, requests per second).

    `clients` is the function of the clients' process (`measure_targets`
    over a benchmark's targets), a module-level one: the process is spawned.
    """
    processes = multiprocessing.get_context("spawn")
    messages, caches_emptied = processes.Queue(), processes.Event()
    process = processes.Process(
        target=clients, args=(port, args, messages, caches_emptied)
    )
    process.start()
    try:
        _receive(process, messages)
        empty_ram_caches()
        caches_emptied.set()
        rows = _receive(process, messages)
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()
    return rows


# The report


def _ratio(rows, size, name, other, column):
    return rows[size, name][column] / rows[size, other][column]


def report(results, sizes):
    """The table of figures, then the targets with what was reached."""
    lines = [
        "After a pass over every query and with the RAM caches emptied, each",
        "@coop-search and /annuaire request is the first of its query (but",
        "@coop-search 0 and /annuaire pages, which turn through the pages and sorts",
        "of all entries: their facets are cached).",
        "",
        f"{'entries':>7}  {'what':<16}{'p50 ms':>9}{'p95 ms':>9}{'req/s x8':>10}"
        f"{'vs home':>9}",
    ]
    rows = {}
    for size, name, p50, p95, rate in results:
        rows[size, name] = (p50, p95, rate)
    # A size's rows together, in the order of the targets.
    for size, name, p50, p95, rate in sorted(results, key=lambda row: row[0]):
        vs_home = rate / rows[size, "home page"][2]
        lines.append(
            f"{size:>7}  {name:<16}{p50:>9.1f}{p95:>9.1f}{rate:>10.1f}{vs_home:>9.2f}"
        )
    largest, smallest = max(sizes), min(sizes)
    checks = [
        (
            f"@coop-search 3 criteria p95 at {largest} (ms)",
            rows[largest, "@coop-search 3"][1],
            f"<= {MAX_P95_MS}",
            rows[largest, "@coop-search 3"][1] <= MAX_P95_MS,
        ),
    ]
    for count in ("0", "1", "3"):
        ratio = _ratio(rows, largest, f"@coop-search {count}", "stock @search", 2)
        checks.append(
            (
                f"@coop-search {count} req/s / stock @search",
                ratio,
                f">= {MIN_SEARCH_VS_STOCK}",
                ratio >= MIN_SEARCH_VS_STOCK,
            )
        )
    ratio = _ratio(rows, largest, "/annuaire", "home page", 2)
    checks.append(
        (
            "/annuaire req/s / home page",
            ratio,
            f">= {MIN_DIRECTORY_VS_HOME}",
            ratio >= MIN_DIRECTORY_VS_HOME,
        )
    )
    if largest != smallest:
        for name in ("@coop-search 0", "@coop-search 1", "@coop-search 3", "/annuaire"):
            growth = rows[largest, name][0] / rows[smallest, name][0]
            checks.append(
                (
                    f"{name} p50 {largest} / {smallest}",
                    growth,
                    f"<= {MAX_GROWTH}",
                    growth <= MAX_GROWTH,
                )
            )
    lines += ["", f"{'target':<44}{'measured':>10}  {'wanted':<8} result"]
    for label, value, wanted, reached in checks:
        verdict = "ok" if reached else "MISSED"
        lines.append(f"{label:<44}{value:>10.2f}  {wanted:<8} {verdict}")
    ratio = _ratio(rows, largest, "/annuaire pages", "home page", 2)
    label = "(/annuaire pages req/s / home page)"
    lines.append(f"{label:<44}{ratio:>10.2f}")
    if largest != smallest:
        # The baseline does not search: it should not grow.
        growth = rows[largest, "home page"][0] / rows[smallest, "home page"][0]
        label = f"(home page p50 {largest} / {smallest})"
        lines.append(f"{label:<44}{growth:>10.2f}")
    return "\n".join(lines)


def add_measure_arguments(parser):
    """The options of `measure`: requests of each client, clients at once."""
    parser.add_argument(
        "--requests",
        type=int,
        default=50,
        help="requests of the lone client, and of each client at once",
    )
    parser.add_argument("--clients", type=int, default=8)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    add_measure_arguments(parser)
    args = parser.parse_args(argv)
    args.sizes = sorted(set(args.sizes))
    with throwaway_instance() as zope_conf:
        application = start_zope(zope_conf)
        for size in args.sizes:
            started = time.perf_counter()
            fill(zope_conf, size)
            print(
                f"/{site_id(size)}: {size} entries ready in "
                f"{time.perf_counter() - started:.0f} s",
                file=sys.stderr,
            )
        with Server(application) as server:
            results = measure(server.port, args)
        print(report(results, args.sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
