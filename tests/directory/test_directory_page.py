"""The search page /annuaire, its CSV export and the REST services, over HTTP."""

from lxml import html
from plone import api
from plone.portlet.static.static import Assignment as StaticText
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster
from urllib.parse import parse_qs
from urllib.parse import urlsplit
from zope.component import getMultiAdapter
from zope.component import getUtility

import csv
import io
import pytest
import transaction


ENTRIES = {
    "menuiserie": {
        "title": "Scop Menuiserie du Lac",
        "competences": ["Menuiserie bois", "Bâtiment", "Escaliers", "Bardage"],
    },
    "batisseurs": {
        "title": "Scic Les Bâtisseurs",
        "legal_form": "scic_sas",
        "competences": ["Maçonnerie", "Bâtiment"],
        "postal_code": "34000",
        "city": "Montpellier",
    },
    "formules": {
        "title": '=HYPERLINK("http://evil.example")',
        "sector": "J",
        "competences": ["<script>alert(1)</script>"],
        "postal_code": "34500",
        "city": "Béziers",
    },
}


@pytest.fixture
def directory(functional_portal, create_directory, add_entry):
    """The personas of tests/conftest.py, three published entries and two drafts."""
    people = create_directory()
    for entry_id, fields in ENTRIES.items():
        add_entry(id=entry_id, **fields)
    transaction.commit()
    return people


PERSONAS = ("anonymous", "buyer", "owner", "moderator")


def page(browser, path="/annuaire", **params):
    response = browser.get(path, params=params, headers={"Accept": "text/html"})
    return response, html.fromstring(response.text)


def titles(document):
    return [a.text_content() for a in document.cssselect(".coop-card h2 a")]


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_finds_the_published_entries_only(browse, persona):
    response, document = page(browse(persona))
    assert response.status_code == 200
    assert titles(document) == [
        '=HYPERLINK("http://evil.example")',
        "Scic Les Bâtisseurs",
        "Scop Menuiserie du Lac",
    ]
    # The personas' draft entries never show.
    assert "Énergies du Léman" not in response.text


def test_the_page_is_in_french_with_facet_counts(browse):
    response, document = page(browse("anonymous"), department="34")
    assert document.cssselect("h1")[0].text_content().strip() == (
        "Rechercher dans l'annuaire"
    )
    assert "Coopératives trouvées : 2" in " ".join(
        document.cssselect(".coop-search-total")[0].text_content().split()
    )
    options = {
        option.get("value"): (option.text_content(), option.get("selected"))
        for option in document.cssselect("#coop-search-department option")
    }
    assert options["34"] == ("34 – Hérault (2)", "selected")
    assert options["74"] == ("74 – Haute-Savoie (1)", None)
    assert options[""][0] == "Toutes"
    assert document.cssselect("a.coop-search-all")[0].get("href").endswith("/annuaire")


def test_cards_show_city_sector_and_first_competences(browse):
    _response, document = page(browse("anonymous"), SearchableText="lac")
    (card,) = document.cssselect(".coop-card")
    assert card.cssselect(".coop-card-place")[0].text_content() == "Seynod"
    assert card.cssselect(".coop-card-sector")[0].text_content() == ("F – Construction")
    assert [
        li.text_content() for li in card.cssselect(".coop-card-competences li")
    ] == [
        "Menuiserie bois",
        "Bâtiment",
        "Escaliers",
    ]


def test_criteria_combine_in_the_url(browse):
    response, document = page(
        browse("anonymous"),
        department="34",
        competences="Batiment",
        sort_on="effective",
        b_size="100000",
    )
    assert response.status_code == 200
    assert titles(document) == ["Scic Les Bâtisseurs"]
    selected = document.cssselect("#coop-search-sort option[selected]")
    assert [option.get("value") for option in selected] == ["effective"]
    competences = document.cssselect("#coop-search-competences option[selected]")
    assert [option.get("value") for option in competences] == ["batiment"]


def test_markup_is_shown_as_text(browse):
    text = '<script>alert("x")</script>'
    response, document = page(browse("anonymous"), SearchableText=text)
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert document.cssselect("#coop-search-text")[0].get("value") == text


def test_unknown_values_get_a_french_message(browse):
    response, document = page(browse("anonymous"), department="<b>99</b>")
    assert response.status_code == 400
    message = document.cssselect(".coop-search-error")[0].text_content()
    assert message == "Valeur inconnue « <b>99</b> » pour le critère « Département »."
    assert not document.cssselect(".coop-card")


def test_batches_link_to_the_next_page(browse):
    _response, document = page(browse("anonymous"), b_size="2")
    assert len(titles(document)) == 2
    next_links = [a.get("href") for a in document.cssselect("#content .pagination a")]
    assert any("b_start=2" in link for link in next_links)


def test_batches_keep_the_criteria_and_lead_to_every_result(browse):
    browser = browse("anonymous")
    _response, document = page(browser, sector="F", sort_on="effective", b_size="1")
    seen = titles(document)
    (current,) = document.cssselect("#content .pagination .active .page-link")
    assert current.text == "1"
    (following,) = document.cssselect("#content .pagination .next a")
    query = parse_qs(urlsplit(following.get("href")).query)
    assert query == {
        "sector": ["F"],
        "sort_on": ["effective"],
        "b_size": ["1"],
        "b_start": ["1"],
    }
    _response, document = page(browser, **query)
    seen += titles(document)
    assert sorted(seen) == ["Scic Les Bâtisseurs", "Scop Menuiserie du Lac"]
    assert not document.cssselect("#content .pagination .next")
    (previous,) = document.cssselect("#content .pagination .previous a")
    assert parse_qs(urlsplit(previous.get("href")).query)["b_start"] == ["0"]


def test_anonymous_visitors_get_no_member_tools(browse):
    _response, document = page(browse("anonymous"))
    assert not document.cssselect("input[name='recipients:list']")
    assert not document.cssselect(".coop-save-search, .coop-search-export")
    assert not document.cssselect(".coop-card-favorite, .coop-search-consult")


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_page_leaves_out_what_describes_its_folder(
    functional_portal, browse, persona
):
    """A search page, as Plone's own: no keywords or byline of /annuaire."""
    folder = functional_portal["annuaire"]
    folder.setSubject(["Étiquette du dossier"])
    folder.reindexObject()
    transaction.commit()
    response, document = page(browse(persona))
    assert "Étiquette du dossier" not in response.text
    assert not document.cssselect(".documentByLine, #section-category")
    assert document.cssselect("h1")[0].text_content() == "Rechercher dans l'annuaire"
    assert len(document.cssselect(".coop-card")) == 3


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_page_takes_the_whole_width_as_plones_search(
    functional_portal, browse, persona
):
    """The facets are the search page's side column: portlets show on the entries."""
    folder = functional_portal["annuaire"]
    for column in ("plone.leftcolumn", "plone.rightcolumn"):
        manager = getUtility(IPortletManager, name=column)
        assignments = getMultiAdapter((folder, manager), IPortletAssignmentMapping)
        assignments[f"note-{column}"] = StaticText(
            header=f"Note {column}", text="<p>Une note</p>"
        )
    transaction.commit()
    browser = browse(persona)
    _response, search_page = page(browser)
    _response, entry_page = page(browser, "/annuaire/menuiserie")
    assert not search_page.cssselect("#portal-column-one, #portal-column-two")
    assert "Une note" not in search_page.text_content()
    assert len(entry_page.cssselect("#portal-column-one .portletStaticText")) == 1
    assert len(entry_page.cssselect("#portal-column-two .portletStaticText")) == 1


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_honeypot_field_goes_into_forms_that_post_only(browse, persona):
    # The honeypot checks POSTs: in the search form it only lengthened the
    # address of every search.
    _response, document = page(browse(persona))
    for form in document.cssselect("form"):
        honeypot = form.cssselect("input[name='protected_1']")
        assert bool(honeypot) == (form.get("method", "get").lower() == "post")
    if persona != "anonymous":
        assert document.cssselect(".coop-save-search input[name='protected_1']")


def test_moderators_send_no_consultation(browse):
    # Consultations are for buyers and cooperatives; moderators still export.
    _response, document = page(browse("moderator"))
    assert not document.cssselect("input[name='recipients:list']")
    assert not document.cssselect(".coop-search-consult")
    assert document.cssselect(".coop-search-export")


@pytest.mark.parametrize("persona", ["buyer", "owner"])
def test_members_select_cooperatives_for_a_consultation(browse, persona, directory):
    _response, document = page(browse(persona), sector="F")
    portal_url = api.portal.get().absolute_url()
    (form,) = document.cssselect("form.coop-search-results")
    assert form.get("method") == "get"
    assert form.get("action") == f"{portal_url}/consultations/++add++Consultation"
    boxes = form.cssselect("input[name='recipients:list']")
    directory_folder = api.portal.get()["annuaire"]
    assert {box.get("value") for box in boxes} == {
        api.content.get_uuid(directory_folder["menuiserie"]),
        api.content.get_uuid(directory_folder["batisseurs"]),
    }
    (button,) = form.cssselect("button.coop-search-consult")
    assert button.text_content() == "Envoyer une consultation"
    favorites = {a.get("href") for a in document.cssselect(".coop-card-favorite")}
    assert f"{directory_folder['menuiserie'].absolute_url()}/@@add-favorite" in (
        favorites
    )
    (save,) = document.cssselect("form.coop-save-search")
    assert (save.get("action"), save.get("method")) == (
        f"{portal_url}/@@save-search",
        "post",
    )
    query = save.cssselect("input[name='query']")[0].get("value")
    assert parse_qs(query) == {"sector": ["F"]}
    assert save.cssselect("input[name='name']")


def read_csv(response):
    assert response.headers["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


@pytest.mark.parametrize("persona", ["buyer", "owner", "moderator"])
def test_members_export_the_current_results(browse, persona):
    _response, document = page(browse(persona), department="34")
    export_url = document.cssselect("a.coop-search-export")[0].get("href")
    assert parse_qs(urlsplit(export_url).query) == {"department": ["34"]}
    rows = read_csv(browse(persona).get(export_url))
    assert rows[0][:3] == ["Raison sociale", "Forme juridique", "Secteur d'activité"]
    names = sorted(row[0] for row in rows[1:])
    # A cell that a spreadsheet would run as a formula is kept as text.
    assert names == ['\'=HYPERLINK("http://evil.example")', "Scic Les Bâtisseurs"]


def test_anonymous_visitors_may_not_export(browse):
    response = browse("anonymous").get("/annuaire/@@export-csv", allow_redirects=False)
    assert response.status_code in (302, 401)
    if response.status_code == 302:
        assert "login" in response.headers["Location"]
    assert "Bâtisseurs" not in response.text


def test_the_search_page_serves_the_directory_only(browse):
    response = browse("anonymous").get("/agenda/@@directory-search")
    assert response.status_code == 404


# REST


@pytest.mark.parametrize("persona", PERSONAS)
def test_coop_search(persona, as_persona):
    response = as_persona(persona).get(
        "/@coop-search", params={"department": "34", "b_size": "1"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["items_total"] == 2
    (item,) = body["items"]
    assert item["title"] == '=HYPERLINK("http://evil.example")'
    assert set(item) >= {"@id", "UID", "title", "city", "sector", "competences"}
    assert {"value": "34", "title": "34 – Hérault", "count": 2} in (
        body["facets"]["department"]
    )
    assert set(body["facets"]) == {
        "department",
        "region",
        "sector",
        "goods_services",
        "legal_form",
        "competences",
    }
    assert "b_start=1" in body["batching"]["next"]


@pytest.mark.parametrize(
    ("prefix", "site_url"),
    [
        ("", None),
        (
            "/VirtualHostBase/https/www.coop.example:443/plone/VirtualHostRoot",
            "https://www.coop.example",
        ),
        (
            "/VirtualHostBase/https/coop.example:443/plone/VirtualHostRoot/_vh_site",
            "https://coop.example/site",
        ),
    ],
)
def test_results_have_the_address_of_their_entry(
    functional_portal, browse, prefix, site_url, as_persona
):
    """As getURL gives it, behind a virtual host too (the page and REST)."""
    site_url = site_url or functional_portal.absolute_url()
    expected = {
        f"{site_url}/annuaire/{entry_id}"
        for entry_id in ("menuiserie", "batisseurs", "formules")
    }
    site = functional_portal.absolute_url()
    if prefix:
        app = functional_portal.aq_parent
        if "virtual_hosting" not in app.objectIds():
            manage_addVirtualHostMonster(app, "virtual_hosting")
            transaction.commit()
        # The virtual host's path starts at the server's root, above the site.
        site = site.rpartition("/")[0] + prefix
    response = as_persona("anonymous").get(f"{site}/@coop-search")
    assert {item["@id"] for item in response.json()["items"]} == expected
    _response, document = page(browse("anonymous"), f"{site}/annuaire")
    links = {a.get("href") for a in document.cssselect(".coop-card h2 a")}
    assert links == expected


@pytest.mark.parametrize(
    "params, message",
    [
        ({"sector": "ZZ"}, "Valeur inconnue « ZZ » pour le critère « Secteur"),
        ({"b_size": "x"}, "« b_size » doit être un nombre entier"),
        ({"sort_on": "Creator"}, "Ordre de tri inconnu"),
    ],
)
def test_coop_search_refuses_bad_input(params, message, as_persona):
    response = as_persona("anonymous").get("/@coop-search", params=params)
    assert response.status_code == 400
    body = response.json()
    assert body["type"] == "BadRequest"
    assert message in body["message"]


def test_coop_search_caps_the_batch(as_persona):
    response = as_persona("anonymous").get(
        "/@coop-search", params={"b_size": "1000000"}
    )
    assert response.status_code == 200
    assert len(response.json()["items"]) == 3


def test_coop_keywords_and_latest(as_persona):
    browser = as_persona("anonymous")
    keywords = browser.get("/@coop-keywords", params={"limit": "2"}).json()["items"]
    assert keywords[0] == {"value": "batiment", "title": "Bâtiment", "count": 2}
    assert len(keywords) == 2
    latest = browser.get("/@coop-latest", params={"limit": "x"}).json()["items"]
    assert len(latest) == 3
    assert (
        browser.get("/@coop-latest", params={"limit": "1"}).json()["items"][0]["title"]
        == latest[0]["title"]
    )


def test_an_entry_published_later_is_found_at_once(
    directory, functional_portal, as_persona
):
    # The search keeps what it counts per state of the catalog: a commit
    # that changes the catalog changes the answer.
    browser = as_persona("anonymous")
    before = browser.get("/@coop-search", params={"department": "34"}).json()
    with api.env.adopt_roles(["Manager"]):
        obj = api.content.create(
            container=functional_portal["annuaire"],
            type="Cooperative",
            id="nouvelle",
            **{**directory.fields, "title": "Scop Nouvelle", "postal_code": "34070"},
        )
        api.content.transition(obj=obj, transition="submit")
        api.content.transition(obj=obj, transition="publish")
    transaction.commit()
    after = browser.get("/@coop-search", params={"department": "34"}).json()
    assert after["items_total"] == before["items_total"] + 1
    count = {entry["value"]: entry["count"] for entry in after["facets"]["department"]}
    assert count["34"] == before["items_total"] + 1
