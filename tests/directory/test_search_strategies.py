"""The directory search gives the same answers whichever way it computes them.

The search counts a facet either from the results' own entries in the index
(few results) or by intersecting each value's entries with them (many), and
orders few results by sorting them, many by walking the entries in order. Each
way is forced in turn on entries of the benchmark's generator: every count must
be what a plain catalog query for "the other criteria and this value" finds,
every page the order the catalog sorts, and every answer (results, batches,
facets, the home page's widgets) the reference's (directory.reference: the same
questions answered by plain catalog queries).
"""

from coop.content.directory import engine
from coop.content.directory import reference
from coop.content.directory.criteria import FACETS
from coop.content.directory.criteria import KEYWORD_FACET_SIZE
from coop.content.directory.criteria import KEYWORDS
from coop.content.directory.criteria import text_query
from coop.content.directory.criteria import vocabulary
from coop.content.directory.criteria import VOCABULARY_FACETS
from coop.content.directory.search import parse_query
from coop.content.directory.search import search
from coop_platform.bench_search import generate
from coop_platform.throwaway_site import add_published_entries
from plone import api
from plone.app.testing import logout
from plone.batching.batch import Batch

import pytest


ENTRIES = 60
# The shares below which results are "few" (ONE_PASS_SHARE, WALK_SHARE):
# 0 makes them all few (counted one by one, sorted), 10**9 none (counted by
# intersections, found by walking the entries in order); then the search's own.
WAYS = {
    "few": (0, 0),
    "many": (10**9, 10**9),
    "as the search": (engine.ONE_PASS_SHARE, engine.WALK_SHARE),
}


@pytest.fixture
def generated(portal):
    add_published_entries(portal["annuaire"], generate(0, ENTRIES))
    logout()
    catalog = api.portal.get_tool("portal_catalog")
    return [brain.getObject() for brain in catalog(portal_type="Cooperative")]


def _forms(entries):
    """Queries of 0 to 3 criteria, several values for some, on the entries' values."""
    first, second, third = entries[0], entries[1], entries[7]
    return [
        {},
        {"department": first.department},
        {"department": [first.department, second.department]},
        {"sector": first.sector},
        {"sector": first.sector, "department": first.department},
        {"competences": first.competences[0]},
        {"competences": [first.competences[0], third.competences[0]]},
        {"goods_services": second.goods_services[0], "region": second.region},
        {
            "sector": third.sector,
            "department": [
                third.department,
                *(row["department"] for row in third.establishments or ()),
            ],
            "competences": third.competences[1],
        },
        {"SearchableText": third.city, "legal_form": third.legal_form},
        {"SearchableText": first.title.split()[1]},
    ]


def _catalog_query(form):
    """The stock catalog query of a search form, as a visitor sees the directory."""
    query = parse_query(form)
    catalog_query = {"portal_type": "Cooperative", "review_state": "published"}
    for name, values in query.criteria.items():
        # A list: entries with any of the values.
        catalog_query[name] = values
    if query.text:
        catalog_query["SearchableText"] = text_query(query.text)
    return catalog_query, query.criteria


def _expected(name, form, catalog):
    """Each value's count for the other criteria, by a catalog query per value."""
    catalog_query, criteria = _catalog_query(form)
    catalog_query.pop(name, None)
    values = catalog.uniqueValuesFor(name)
    counts = {value: len(catalog(**catalog_query, **{name: value})) for value in values}
    counts = {value: count for value, count in counts.items() if count}
    chosen = criteria.get(name, ())
    if name == KEYWORDS:
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        top = dict(ranked[:KEYWORD_FACET_SIZE])
        return top | {value: counts.get(value, 0) for value in chosen}
    return counts | {value: 0 for value in chosen if value not in counts}


@pytest.mark.parametrize("shares", WAYS.values(), ids=WAYS.keys())
def test_every_count_is_what_the_catalog_finds(generated, monkeypatch, shares):
    monkeypatch.setattr(engine, "ONE_PASS_SHARE", shares[0])
    catalog = api.portal.get_tool("portal_catalog")
    for form in _forms(generated):
        results = search(parse_query(form))
        catalog_query, _criteria = _catalog_query(form)
        assert results.total == len(catalog(**catalog_query)), form
        for name in FACETS:
            found = {entry["value"]: entry["count"] for entry in results.facets[name]}
            assert found == _expected(name, form, catalog), (form, name)


def test_the_competences_facet_lists_the_most_common_first(generated):
    facet = search(parse_query({})).facets[KEYWORDS]
    assert len(facet) == KEYWORD_FACET_SIZE
    ranks = [(-entry["count"], entry["value"]) for entry in facet]
    assert ranks == sorted(ranks)


def test_a_facet_of_a_closed_list_keeps_the_vocabulary_order(generated):
    for name in VOCABULARY_FACETS:
        facet = search(parse_query({"sector": generated[0].sector})).facets[name]
        order = [term.value for term in vocabulary(name)]
        values = [entry["value"] for entry in facet]
        assert values == sorted(values, key=order.index), name


# Texts as people type them: capitals, accents or none, a word's start,
# several words, punctuation, markup, unknown words, a script the splitter
# cuts into several words (a phrase for the text index).
TEXTS = (
    "menuiserie",
    "MENUISERIE",
    "batiment",
    "Bâtiment",
    "bât",
    "atelier graph",
    "bureau d'études",
    "<b>bois</b>",
    "agence coopérative",
    "xylophone",
    "東京都",
)


def test_a_text_finds_what_the_catalogs_text_query_finds(generated):
    """The search reads the text index without its scores: the same entries."""
    catalog = api.portal.get_tool("portal_catalog")
    people_type = [*TEXTS, *(obj.city for obj in generated[:10])]
    people_type += [obj.title.split()[-1][:4] for obj in generated[:10]]
    found_some = 0
    for text in people_type:
        results = search(parse_query({"SearchableText": text}), batch=False)
        expected = catalog(
            portal_type="Cooperative",
            review_state="published",
            SearchableText=text_query(text),
        )
        assert {brain.getRID() for brain in results.brains} == {
            brain.getRID() for brain in expected
        }, text
        found_some += bool(results.total)
    assert found_some >= len(people_type) - 2


@pytest.fixture
def tied(generated):
    """The generated entries, a dozen of them published in the same minute and
    three under the same name: ties that every page must order alike."""
    same_minute = generated[20].effective()
    for cooperative in generated[:12]:
        cooperative.setEffectiveDate(same_minute)
        cooperative.reindexObject(idxs=["effective", "effectiveRange"])
    for cooperative in generated[30:33]:
        cooperative.title = "Scop Les Homonymes"
        cooperative.reindexObject(idxs=["Title", "sortable_title"])
    return generated


def _expected_order(form, sort_on):
    """The order of the plain catalog queries: the sort key, ties by record id."""
    query = parse_query({**form, "sort_on": sort_on})
    brains, _total, _facets = reference.search(query, batch=False, facets=False)
    return [brain.UID for brain in brains]


@pytest.mark.parametrize("sort_on", ["sortable_title", "effective"])
@pytest.mark.parametrize("shares", WAYS.values(), ids=WAYS.keys())
def test_every_page_is_in_the_same_order(tied, monkeypatch, shares, sort_on):
    monkeypatch.setattr(engine, "ONE_PASS_SHARE", shares[0])
    monkeypatch.setattr(engine, "WALK_SHARE", shares[1])
    for form in _forms(tied)[:5]:
        expected = _expected_order(form, sort_on)
        for start in (0, 7, 14, 56, 100):
            query = parse_query(
                {**form, "sort_on": sort_on, "b_start": start, "b_size": 7}
            )
            results = search(query, facets=False)
            assert results.total == len(expected)
            page = Batch(results.brains, 7, start)
            assert [brain.UID for brain in page] == expected[start : start + 7], form
        every = search(parse_query({**form, "sort_on": sort_on}), batch=False)
        assert [brain.UID for brain in every.brains] == expected, form


def _answer(module, query, facets=True):
    """What `module` (the engine or the reference) answers: UIDs, total, facets."""
    brains, total, found_facets = module.search(query, facets=facets)
    return [brain.UID for brain in brains], total, found_facets


# Pages of each order: the first, the second, one past the end.
PAGES = [
    {"sort_on": sort_on, "b_start": start, "b_size": 7}
    for sort_on in ("sortable_title", "effective")
    for start in (0, 7, 56)
]


def test_the_engine_answers_as_the_reference(tied, monkeypatch):
    """Results, their order and batches, every facet (values, counts, titles,
    order) and the home page's widgets, whichever way the engine computes them."""
    forms = _forms(tied)
    expected = {
        (number, None): _answer(reference, parse_query(form))
        for number, form in enumerate(forms)
    }
    for number, form in enumerate(forms):
        for page_number, page in enumerate(PAGES):
            query = parse_query({**form, **page})
            expected[number, page_number] = _answer(reference, query, facets=False)
    latest = {
        limit: [brain.UID for brain in reference.latest(limit)] for limit in (1, 5, 70)
    }
    keywords = {limit: reference.common_keywords(limit) for limit in (1, 20, 500)}
    # The reference finds something to compare with.
    assert expected[0, None][1] == ENTRIES
    assert all(expected[number, None][2][KEYWORDS] for number in range(3))
    assert len(latest[70]) == ENTRIES
    for way, (one_pass, walk) in WAYS.items():
        monkeypatch.setattr(engine, "ONE_PASS_SHARE", one_pass)
        monkeypatch.setattr(engine, "WALK_SHARE", walk)
        for number, form in enumerate(forms):
            answer = _answer(engine, parse_query(form))
            assert answer == expected[number, None], (way, form)
            for page_number, page in enumerate(PAGES):
                answer = _answer(engine, parse_query({**form, **page}), facets=False)
                assert answer == expected[number, page_number], (way, form, page)
        for limit, uids in latest.items():
            assert [brain.UID for brain in engine.latest(limit)] == uids, way
        for limit, entries in keywords.items():
            assert engine.common_keywords(limit) == entries, way
