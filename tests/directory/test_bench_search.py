"""The search benchmark's generator: the same valid published entries every time."""

from coop.content.content.cooperative import ICooperative
from coop.content.directory.search import parse_query
from coop.content.directory.search import search
from coop_platform.bench_search import generate
from coop_platform.bench_search import targets
from coop_platform.throwaway_site import add_published_entries
from plone import api
from plone.app.testing import logout
from urllib.parse import parse_qs
from urllib.parse import urlsplit
from zope.schema import getValidationErrors

import pytest


ENTRIES = 12


def test_the_generator_repeats_itself():
    entries = list(generate(0, ENTRIES))
    assert entries == list(generate(0, ENTRIES))
    # An entry depends on its number only: a larger run starts with the same.
    assert list(generate(4, 8)) == entries[4:8]
    assert len({fields["siret"] for _id, fields, _date in entries}) == ENTRIES
    assert len({entry_id for entry_id, _fields, _date in entries}) == ENTRIES


@pytest.fixture
def generated(portal):
    directory = portal["annuaire"]
    add_published_entries(directory, generate(0, ENTRIES))
    return [directory[entry_id] for entry_id, _fields, _date in generate(0, ENTRIES)]


def test_the_entries_are_valid_and_published(generated):
    for cooperative in generated:
        assert getValidationErrors(ICooperative, cooperative) == []
        assert api.content.get_state(cooperative) == "published"
        assert cooperative.department
        assert cooperative.region


def test_visitors_find_them_by_every_criterion(generated):
    logout()
    assert search(parse_query({})).total == ENTRIES
    branches = [cooperative for cooperative in generated if cooperative.establishments]
    assert branches, "some entries have secondary establishments"
    cooperative = branches[0]
    branch_department = cooperative.establishments[0]["department"]
    form = {
        "sector": cooperative.sector,
        "department": branch_department,
        "competences": cooperative.competences[0],
        "SearchableText": cooperative.city,
    }
    found = search(parse_query(form))
    assert cooperative.UID() in {brain.UID for brain in found.brains}


def test_each_size_has_its_site_and_the_same_queries():
    smaller, larger = targets([1000, 10000])[:2]
    assert (smaller.name, smaller.size) == ("home page", 1000)
    assert (larger.name, larger.size) == ("home page", 10000)
    by_size = {}
    for target in targets([1000, 10000]):
        site = f"/coop{target.size}"
        for path in target.paths:
            assert path == site or path.startswith(f"{site}/"), path
        below_site = tuple(path.removeprefix(site) for path in target.paths)
        by_size.setdefault(target.name, {})[target.size] = below_site
    assert len(by_size) == 7
    for paths in by_size.values():
        assert paths[1000] == paths[10000]


def test_the_searches_take_turns_with_distinct_queries(portal):
    # One URL per target would measure the facet cache, not the search.
    for target in targets([1000]):
        paths = target.paths
        assert len(set(paths)) == len(paths)
        assert [target.next_path() for _path in range(2 * len(paths))] == [
            *paths,
            *paths,
        ]
        if target.name.startswith(("@coop-search", "/annuaire")):
            assert len(paths) > 10, target.name
            for path in paths:
                query = parse_qs(urlsplit(path).query)
                parse_query({name: value for name, (value,) in query.items()})
