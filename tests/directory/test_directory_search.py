"""The directory search (directory/search.py): criteria, facets, text, batches."""

from coop.content.common.errors import InputError
from coop.content.directory.criteria import text_query
from coop.content.directory.search import common_keywords
from coop.content.directory.search import latest
from coop.content.directory.search import parse_query
from coop.content.directory.search import search
from datetime import datetime
from datetime import timedelta
from plone import api

import pytest


# id: fields, state. Published unless said otherwise.
ENTRIES = {
    "menuiserie": (
        {
            "title": "Scop Menuiserie du Lac",
            "competences": ["Menuiserie bois", "Bâtiment"],
            "goods_services": ["45", "44"],
        },
        "published",
    ),
    "batisseurs": (
        {
            "title": "Scic Les Bâtisseurs",
            "legal_form": "scic_sas",
            "description": "Gros œuvre et rénovation du BÂTIMENT ancien.",
            "competences": ["Maçonnerie", "Bâtiment"],
            "postal_code": "34000",
            "city": "Montpellier",
            "establishments": [
                {"name": "Agence du Gard", "postal_code": "30000", "city": "Nîmes"}
            ],
        },
        "published",
    ),
    "numerique": (
        {
            "title": "Scop Numérique Libre",
            "sector": "J",
            "description": "Développement de logiciels libres.",
            "goods_services": ["72", "48"],
            "competences": ["Python", "Logiciels libres", "batiment"],
            "postal_code": "34500",
            "city": "Béziers",
        },
        "published",
    ),
    "brouillon": (
        {
            "title": "Scop Bâtiment en brouillon",
            "competences": ["Bâtiment", "Secret"],
            "postal_code": "30100",
            "city": "Alès",
        },
        "draft",
    ),
    "en-attente": (
        {
            "title": "Scop Bâtiment en attente",
            "competences": ["Bâtiment", "Secret"],
            "postal_code": "30100",
            "city": "Alès",
        },
        "pending",
    ),
}


@pytest.fixture
def entries(portal, search_engine, add_entry):
    """The entries of ENTRIES, searched by the engine and by the reference.

    The published ones are published one day apart, in the order of ENTRIES.
    """
    created = {}
    for number, (entry_id, (fields, state)) in enumerate(ENTRIES.items()):
        published_on = datetime(2025, 1, 1) + timedelta(number)
        created[entry_id] = add_entry(
            state,
            published_on=published_on if state == "published" else None,
            id=entry_id,
            **fields,
        )
    return created


def found(**form):
    return [brain.getId for brain in search(parse_query(form)).brains]


def facet(results, name):
    return {entry["value"]: entry["count"] for entry in results.facets[name]}


def test_the_empty_query_finds_every_published_entry_by_name(entries):
    assert found() == ["batisseurs", "menuiserie", "numerique"]


def test_newest_first(entries):
    assert found(sort_on="effective") == ["numerique", "batisseurs", "menuiserie"]
    assert found(sort_on="newest") == found(sort_on="effective")


@pytest.mark.parametrize(
    "form, expected",
    [
        ({"sector": "F"}, ["batisseurs", "menuiserie"]),
        ({"sector": ["F", "J"]}, ["batisseurs", "menuiserie", "numerique"]),
        ({"department": "34"}, ["batisseurs", "numerique"]),
        ({"region": "76"}, ["batisseurs", "numerique"]),
        ({"region": "84"}, ["menuiserie"]),
        ({"goods_services": "44"}, ["menuiserie"]),
        ({"legal_form": "scic_sas"}, ["batisseurs"]),
        ({"competences": "MAÇONNERIE "}, ["batisseurs"]),
        ({"department": "34", "sector": "J"}, ["numerique"]),
        ({"department": "34", "sector": "J", "goods_services": "45"}, []),
        (
            {"department": "74", "sector": "F", "competences": "bâtiment"},
            ["menuiserie"],
        ),
    ],
)
def test_criteria_combine(entries, form, expected):
    assert found(**form) == expected


def test_an_establishments_department_finds_the_entry(entries):
    # Nîmes is in the Gard (30); the head office is in Montpellier (34).
    assert found(department="30") == ["batisseurs"]


@pytest.mark.parametrize("text", ["batiment", "BATIMENT", "Bâtiment", "bâti", "Batî"])
def test_text_matching_ignores_accents_and_case(entries, text):
    assert found(SearchableText=text) == ["batisseurs", "menuiserie", "numerique"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("logiciels libres", ["numerique"]),
        ("Montpellier", ["batisseurs"]),
        ("Nîmes", ["batisseurs"]),
        # A label of the goods and services: "Travaux de construction" (45).
        ("travaux construction", ["batisseurs", "menuiserie"]),
        ("menuiserie du lac", ["menuiserie"]),
        ("secret", []),
    ],
)
def test_the_text_covers_name_activity_competences_goods_and_towns(
    entries, text, expected
):
    assert found(SearchableText=text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '"bâtiment" AND (OR NOT',
        "bâti* ? [ ] { } \\ /",
        "*",
        "and or not",
    ],
)
def test_markup_and_query_syntax_in_the_text_are_harmless(entries, text):
    results = search(parse_query({"SearchableText": text}))
    assert {brain.getId for brain in results.brains} <= {
        "batisseurs",
        "menuiserie",
        "numerique",
    }


def test_text_query_keeps_words_only():
    assert text_query("<b>Bâtiment</b> AND (bois)") == "Bâtiment AND bois*"
    assert text_query("l'atelier d'Alès") == "atelier AND Alès*"
    assert text_query("<>") == ""


def test_facets_count_the_other_criteria(entries):
    results = search(parse_query({"department": "34"}))
    # The department facet ignores its own criterion: what another choice gives.
    assert facet(results, "department") == {"30": 1, "34": 2, "74": 1}
    assert facet(results, "sector") == {"F": 1, "J": 1}
    assert facet(results, "legal_form") == {"scop_sarl": 1, "scic_sas": 1}
    assert facet(results, "goods_services") == {"45": 1, "72": 1, "48": 1}
    assert facet(results, "region") == {"76": 2}


def test_facets_have_titles_and_keep_the_vocabulary_order(entries):
    results = search(parse_query({}))
    assert results.facets["department"] == [
        {"value": "30", "title": "30 – Gard", "count": 1},
        {"value": "34", "title": "34 – Hérault", "count": 2},
        {"value": "74", "title": "74 – Haute-Savoie", "count": 1},
    ]
    assert results.facets["sector"][0] == {
        "value": "F",
        "title": "F – Construction",
        "count": 2,
    }


def test_a_chosen_value_stays_in_its_facet_even_without_results(entries):
    results = search(parse_query({"department": "2A"}))
    assert results.total == 0
    assert {"value": "2A", "title": "2A – Corse-du-Sud", "count": 0} in (
        results.facets["department"]
    )


def test_the_competences_facet_counts_published_entries_only(entries):
    results = search(parse_query({}))
    competences = {entry["value"]: entry for entry in results.facets["competences"]}
    # "Bâtiment" and "batiment" are one keyword; drafts and pending entries
    # do not count.
    assert competences["batiment"]["count"] == 3
    assert competences["batiment"]["title"] in ("Bâtiment", "batiment")
    assert "secret" not in competences
    assert results.facets["competences"][0]["value"] == "batiment"


def test_unpublished_entries_are_never_found(entries):
    for form in ({}, {"SearchableText": "brouillon"}, {"competences": "secret"}):
        assert not {"brouillon", "en-attente"} & set(found(**form))


def test_keywords_are_counted_on_published_entries(entries):
    keywords = common_keywords(10)
    assert keywords[0] == {"value": "batiment", "title": "Bâtiment", "count": 3}
    assert "secret" not in {entry["value"] for entry in keywords}
    assert len(common_keywords(2)) == 2


def test_latest_are_the_newest_published(entries):
    assert [item["title"] for item in latest(2)] == [
        "Scop Numérique Libre",
        "Scic Les Bâtisseurs",
    ]


def test_results_serialise_from_metadata(entries):
    (item,) = search(parse_query({"legal_form": "scic_sas"})).items()
    assert item["title"] == "Scic Les Bâtisseurs"
    assert item["city"] == "Montpellier"
    assert item["sector"] == {"token": "F", "title": "F – Construction"}
    assert item["competences"] == ["Maçonnerie", "Bâtiment"]
    assert item["UID"] == api.content.get_uuid(entries["batisseurs"])
    assert item["@id"] == entries["batisseurs"].absolute_url()
    assert item["logo"] is None


def test_batches(entries):
    results = search(parse_query({"b_size": "2"}))
    assert results.total == 3
    assert [brain.getId for brain in results.brains] == ["batisseurs", "menuiserie"]
    results = search(parse_query({"b_size": "2", "b_start": "2"}))
    assert [brain.getId for brain in results.brains] == ["numerique"]


def test_the_batch_size_is_capped():
    assert parse_query({"b_size": "100000"}).b_size == 100
    assert parse_query({"b_size": "0"}).b_size == 1
    assert parse_query({"b_start": "-5"}).b_start == 0


@pytest.mark.parametrize(
    "form, message",
    [
        ({"department": "999"}, "Valeur inconnue « 999 » pour le critère"),
        ({"sector": "<b>Z</b>"}, "pour le critère « Secteur d'activité »"),
        ({"legal_form": "sarl"}, "« Forme juridique »"),
        ({"department": {"a": "b"}}, "Le critère « Département » attend du texte"),
        ({"SearchableText": ["a", "b"]}, "Le critère « Texte recherché »"),
        ({"SearchableText": "x" * 201}, "200 caractères au plus"),
        ({"b_size": "beaucoup"}, "« b_size » doit être un nombre entier"),
        ({"b_start": "1.5"}, "« b_start » doit être un nombre entier"),
        ({"sort_on": "getObjSize"}, "Ordre de tri inconnu « getObjSize »"),
        ({"competences": [str(n) for n in range(11)]}, "10 au plus"),
    ],
)
def test_bad_input_is_refused_in_french(portal, form, message):
    with pytest.raises(InputError) as error:
        parse_query(form)
    assert message in error.value.translated(portal.REQUEST)
