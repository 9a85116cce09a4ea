"""The directory's cached answers stay right (coop.content.directory.engine).

They are kept under a counter that every change of an entry moves
(coop.content.common.cachekeys) and under what the visitor may see: roles,
and the publication dates passed. Every answer is asked for twice, the second
time from the cache.
"""

from coop.content.common.cachekeys import bump
from coop.content.common.cachekeys import CONTENT
from coop.content.common.cachekeys import COUNTERS
from coop.content.common.cachekeys import counters
from coop.content.common.cachekeys import ENTRIES
from DateTime import DateTime
from lxml import html
from plone import api
from plone.memoize import ram
from zope.lifecycleevent import modified

import pytest
import transaction


MINUTE = 1 / 24 / 60
TITLE = "Scop Marqueterie Future"
KEYWORD = "marqueterie"
HTML = {"Accept": "text/html"}


def publish(folder, entry_id, **fields):
    with api.env.adopt_roles(["Manager"]):
        entry = api.content.create(
            container=folder, type="Cooperative", id=entry_id, **fields
        )
        api.content.transition(obj=entry, transition="submit")
        api.content.transition(obj=entry, transition="publish")
    return entry


def _texts(document, selector):
    return {node.text_content().strip() for node in document.cssselect(selector)}


def titles(session):
    """The entries each place of the site lists, as `session` sees them."""
    search_page = html.fromstring(session.get("/annuaire", headers=HTML).text)
    home_page = html.fromstring(session.get("/", headers=HTML).text)
    rest = session.get("/++api++/@coop-search").json()["items"]
    latest = session.get("/++api++/@coop-latest").json()["items"]
    return {
        "/annuaire": _texts(search_page, ".coop-card h2 a"),
        "@coop-search": {item["title"] for item in rest},
        "@coop-latest": {item["title"] for item in latest},
        "home page": _texts(home_page, ".coop-latest a"),
    }


def keywords(session):
    """The competences each place of the site lists, as `session` sees them."""
    search_page = html.fromstring(session.get("/annuaire", headers=HTML).text)
    home_page = html.fromstring(session.get("/", headers=HTML).text)
    facets = session.get("/++api++/@coop-search").json()["facets"]
    cloud = session.get("/++api++/@coop-keywords").json()["items"]
    options = search_page.cssselect("#coop-search-competences option")
    return {
        "/annuaire": {option.get("value") for option in options} - {""},
        "@coop-search": {entry["value"] for entry in facets["competences"]},
        "@coop-keywords": {item["value"] for item in cloud},
        "home page": {
            keyword.casefold() for keyword in _texts(home_page, ".coop-keyword-cloud a")
        },
    }


def places_showing(session):
    """The places that list the future entry or its competence."""
    listing = {place for place, found in titles(session).items() if TITLE in found}
    tagging = {place for place, found in keywords(session).items() if KEYWORD in found}
    return {f"{place} (entry)" for place in listing} | {
        f"{place} (competence)" for place in tagging
    }


EVERY_PLACE = {
    "/annuaire (entry)",
    "@coop-search (entry)",
    "@coop-latest (entry)",
    "home page (entry)",
    "/annuaire (competence)",
    "@coop-search (competence)",
    "@coop-keywords (competence)",
    "home page (competence)",
}


@pytest.fixture
def future_entry(functional_portal, cooperative_fields):
    """A published entry whose publication starts in ten minutes, and another."""
    folder = functional_portal["annuaire"]
    publish(folder, "lac", **cooperative_fields)
    entry = publish(
        folder,
        "future",
        **{**cooperative_fields, "title": TITLE, "competences": ["Marqueterie"]},
    )
    entry.setEffectiveDate(DateTime() + 10 * MINUTE)
    modified(entry)
    transaction.commit()
    return entry


def test_an_entry_not_yet_effective_never_reaches_anonymous(
    future_entry, request_factory, travel_to
):
    anonymous = request_factory(api=False)
    manager = request_factory(role="Manager", api=False)
    # What a manager sees, the entry included, is cached first.
    assert places_showing(manager) == EVERY_PLACE
    assert places_showing(anonymous) == set()
    assert places_showing(anonymous) == set()
    travel_to(DateTime() + 5 * MINUTE)
    assert places_showing(anonymous) == set()
    # Once its date has passed.
    travel_to(DateTime() + 11 * MINUTE)
    assert places_showing(anonymous) == EVERY_PLACE
    assert places_showing(anonymous) == EVERY_PLACE


@pytest.fixture
def entry(functional_portal, cooperative_fields):
    entry = publish(
        functional_portal["annuaire"],
        "lac",
        **{**cooperative_fields, "competences": ["Menuiserie"]},
    )
    transaction.commit()
    return entry


def seen_twice(session, lookups):
    """`titles` and `keywords`, asked for twice: the second time from the cache."""
    first = titles(session), keywords(session)
    del lookups[:]
    assert (titles(session), keywords(session)) == first
    assert not lookups
    return first


def everywhere(found):
    return {place: set(found) for place in ("/annuaire", "@coop-search", "home page")}


def test_an_edit_a_publication_and_a_removal_show_at_once(
    entry, request_factory, cooperative_fields, engine_calls
):
    lookups = engine_calls("_records")
    anonymous = request_factory(api=False)
    found, competences = seen_twice(anonymous, lookups)
    assert found["/annuaire"] == found["@coop-latest"] == {"Scop Menuiserie du Lac"}
    assert competences["@coop-keywords"] == {"menuiserie"}
    # Edited.
    entry.title = "Scop Menuiserie du Grand Lac"
    entry.competences = ["Ébénisterie"]
    modified(entry)
    transaction.commit()
    found, competences = seen_twice(anonymous, lookups)
    assert found["/annuaire"] == found["@coop-latest"] == {entry.title}
    assert competences["@coop-keywords"] == competences["/annuaire"] == {"ebenisterie"}
    # Another one published.
    publish(entry.aq_parent, "bois", **{**cooperative_fields, "title": "Scic Bois"})
    transaction.commit()
    found, _competences = seen_twice(anonymous, lookups)
    assert found["@coop-search"] == found["home page"] == {entry.title, "Scic Bois"}
    # Withdrawn.
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(
            obj=entry, transition="suspend", comment="L'entreprise a fermé."
        )
    transaction.commit()
    found, competences = seen_twice(anonymous, lookups)
    assert found["/annuaire"] == found["@coop-latest"] == {"Scic Bois"}
    assert "ebenisterie" not in competences["@coop-keywords"]
    # Removed.
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=entry.aq_parent["bois"])
    transaction.commit()
    found, _competences = seen_twice(anonymous, lookups)
    assert found == {place: set() for place in found}


def test_a_renamed_entry_is_found_at_its_new_address(entry, request_factory):
    anonymous = request_factory(api=False)
    (item,) = anonymous.get("/++api++/@coop-search").json()["items"]
    assert item["@id"].endswith("/annuaire/lac")
    with api.env.adopt_roles(["Manager"]):
        api.content.rename(obj=entry, new_id="grand-lac")
    transaction.commit()
    (item,) = anonymous.get("/++api++/@coop-search").json()["items"]
    assert item["@id"].endswith("/annuaire/grand-lac")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda entry: modified(entry), id="edit"),
        pytest.param(
            lambda entry: api.content.transition(
                obj=entry, transition="suspend", comment="L'entreprise a fermé."
            ),
            id="transition",
        ),
        pytest.param(
            lambda entry: api.content.rename(obj=entry, new_id="ailleurs"), id="move"
        ),
        pytest.param(lambda entry: api.content.delete(obj=entry), id="removal"),
    ],
)
def test_each_change_of_an_entry_moves_the_counters(portal, change):
    with api.env.adopt_roles(["Manager"]):
        entry = api.content.create(
            container=portal["annuaire"], type="Cooperative", title="Scop du Lac"
        )
        api.content.transition(obj=entry, transition="submit")
        api.content.transition(obj=entry, transition="publish")
    before = _counters()
    with api.env.adopt_roles(["Manager"]):
        change(entry)
    after = _counters()
    assert after[ENTRIES] != before[ENTRIES]
    assert after[CONTENT] != before[CONTENT]


def _counters():
    """The stored counters, whatever this transaction changed."""
    stored = getattr(api.portal.get(), COUNTERS)
    return {topic: stored[topic]() for topic in (ENTRIES, CONTENT)}


def test_nothing_is_kept_while_a_transaction_changes_it(functional_portal):
    with pytest.raises(ram.DontCache):
        counters("a topic never changed")
    bump(ENTRIES)
    with pytest.raises(ram.DontCache):
        counters(ENTRIES)
    transaction.commit()
    site, value = counters(ENTRIES)
    assert site == "/".join(functional_portal.getPhysicalPath())
    assert counters(ENTRIES) == (site, value)
    bump(ENTRIES)
    transaction.abort()
    # An aborted change leaves the counter as it was, and what was kept with it.
    assert counters(ENTRIES) == (site, value)
