"""Entries show and hide as their publication dates pass, whatever the caches keep.

The search engine's caches (coop.content.directory.engine) are kept until an entry's
publication starts or ends, not recomputed every minute.
"""

from coop.content.directory.search import parse_query
from coop.content.directory.search import search
from coop_platform.throwaway_site import add_published_entries
from DateTime import DateTime
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME

import pytest
import transaction


MINUTE = 1 / 24 / 60
START = DateTime("2026/11/23 10:00:30 GMT+1")
TITLES = {
    "ends": "Scop Chantier Fini",
    "starts": "Scop Chantier Futur",
    "always": "Scop Chantier Permanent",
}


@pytest.fixture
def dated_entries(functional_portal, cooperative_fields):
    """Three published entries: one ends and one starts 10 minutes after START."""
    ends, starts, _always = add_published_entries(
        functional_portal["annuaire"],
        [
            (entry_id, {**cooperative_fields, "title": title}, START - 60 * MINUTE)
            for entry_id, title in TITLES.items()
        ],
    )
    ends.setExpirationDate(START + 10 * MINUTE)
    starts.setEffectiveDate(START + 10 * MINUTE)
    for cooperative in (ends, starts):
        cooperative.reindexObject()
    transaction.commit()


def found():
    return {brain.Title for brain in search(parse_query({})).brains}


def test_entries_show_and_hide_as_their_dates_pass(dated_entries, travel_to):
    logout()
    travel_to(START)
    assert found() == {TITLES["ends"], TITLES["always"]}
    travel_to(START + 10 * MINUTE)
    assert found() == set(TITLES.values())
    travel_to(START + 11 * MINUTE)
    assert found() == {TITLES["starts"], TITLES["always"]}


def test_searches_are_kept_until_a_date_passes(dated_entries, travel_to, engine_calls):
    countings = engine_calls("_counts")
    logout()
    travel_to(START)
    first = search(parse_query({})).facets
    computed = len(countings)
    assert computed
    for minutes in (1, 5, 9):
        travel_to(START + minutes * MINUTE)
        assert search(parse_query({})).facets == first
    assert len(countings) == computed
    travel_to(START + 10 * MINUTE)
    search(parse_query({}))
    assert len(countings) == 2 * computed


def test_whoever_sees_every_date_keeps_the_same_answer(
    dated_entries, travel_to, engine_calls
):
    countings = engine_calls("_counts")
    login(api.portal.get().aq_parent, SITE_OWNER_NAME)
    travel_to(START)
    assert found() == set(TITLES.values())
    computed = len(countings)
    travel_to(START + 11 * MINUTE)
    assert found() == set(TITLES.values())
    assert len(countings) == computed
