"""The home page: three spaces, quick search, keyword cloud, latest entries."""

from coop.content.directory import search
from coop.policy.setuphandlers.site_tree import create_site_tree
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from lxml import html
from plone import api
from urllib.parse import parse_qs
from urllib.parse import urlsplit
from zope.lifecycleevent import modified

import pytest
import transaction


ENTRIES = (
    ("Scop Menuiserie du Lac", ["Menuiserie", "Bâtiment"], "F", "published"),
    ("Scic Les Bâtisseurs", ["Maçonnerie", "batiment"], "F", "published"),
    ("Scop Numérique Libre", ["Python", "Bâtiment "], "J", "published"),
    ("Scop Brouillon", ["Secret", "Python"], "J", "draft"),
    ("Scop En Attente", ["Secret", "Python"], "J", "pending"),
)


@pytest.fixture
def home(functional_portal, add_entry):
    """ENTRIES in their states, published a day apart in their order."""
    for number, (title, competences, sector, state) in enumerate(ENTRIES):
        published_on = datetime(2025, 3, 1) + timedelta(number)
        add_entry(
            state,
            published_on=published_on if state == "published" else None,
            title=title,
            competences=competences,
            sector=sector,
        )
    transaction.commit()
    return functional_portal


@pytest.fixture(params=["Anonymous", "Manager"])
def document(request, request_factory, home):
    browser = request_factory(role=request.param, api=False)
    response = browser.get("/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    return html.fromstring(response.text)


def test_the_site_root_shows_the_home_page(integration, portal):
    assert portal.getLayout() == "coop-home"
    assert portal["annuaire"].getLayout() == "directory-search"
    # Setting the tree up again changes nothing.
    with api.env.adopt_roles(["Manager"]):
        create_site_tree(portal)
    assert portal.getLayout() == "coop-home"


def test_the_home_page_is_in_french(document):
    assert document.cssselect("h1")[0].text_content().strip() == (
        "L'annuaire des entreprises coopératives"
    )
    headings = [h.text_content().strip() for h in document.cssselect("#content h2")]
    assert {
        "Espace acheteur",
        "Espace entreprise coopérative",
        "Espace visiteur",
        "Recherche rapide",
        "Mots-clés les plus répandus",
        "Les dernières coopératives enregistrées",
    } <= set(headings)
    (colophon,) = document.cssselect(".colophon a")
    assert colophon.text_content().strip() == "Propulsé par Plone"


def test_the_three_spaces_lead_to_their_entry_points(document, home):
    portal_url = home.absolute_url()
    links = {a.get("href") for a in document.cssselect(".coop-spaces a")}
    assert {
        f"{portal_url}/espace-acheteur",
        f"{portal_url}/annuaire/@@inscription",
        f"{portal_url}/annuaire",
        f"{portal_url}/agenda",
        f"{portal_url}/la-cooperative",
    } <= links


def test_visitors_are_offered_the_buyer_registration(request_factory, home):
    portal_url = home.absolute_url()

    def space_links(role):
        browser = request_factory(role=role, api=False)
        response = browser.get("/", headers={"Accept": "text/html"})
        document = html.fromstring(response.text)
        return {a.get("href") for a in document.cssselect(".coop-space-buyer a")}

    assert f"{portal_url}/@@register" in space_links("Anonymous")
    assert space_links("Manager") == {f"{portal_url}/espace-acheteur"}


def test_the_quick_search_goes_to_the_directory(document, home):
    (form,) = document.cssselect(".coop-quick-search form")
    assert form.get("action") == f"{home.absolute_url()}/annuaire"
    assert form.get("method") == "get"
    assert form.cssselect("input[name='SearchableText']")
    see_all = document.cssselect(".coop-quick-search a.coop-see-all")[0]
    assert see_all.get("href") == f"{home.absolute_url()}/annuaire"


def test_the_keyword_cloud_counts_published_entries_and_links_to_the_search(document):
    cloud = {
        a.text_content(): a.get("href") for a in document.cssselect(".coop-keyword")
    }
    assert set(cloud) == {"Bâtiment", "Menuiserie", "Maçonnerie", "Python"}
    query = parse_qs(urlsplit(cloud["Bâtiment"]).query)
    assert query == {"competences": ["batiment"]}
    (largest,) = document.cssselect(".coop-keyword-4")
    assert largest.text_content() == "Bâtiment"


def test_the_latest_cooperatives_come_newest_first_with_their_sector(document):
    items = [
        " ".join(li.text_content().split())
        for li in document.cssselect(".coop-latest li")
    ]
    assert items == [
        "Scop Numérique Libre — J – Information et communication",
        "Scic Les Bâtisseurs — F – Construction",
        "Scop Menuiserie du Lac — F – Construction",
    ]


def test_a_keyword_link_finds_its_entries(request_factory, home):
    browser = request_factory(api=False)
    response = browser.get(
        "/annuaire", params={"competences": "batiment"}, headers={"Accept": "text/html"}
    )
    document = html.fromstring(response.text)
    assert len(document.cssselect(".coop-card")) == 3


def test_an_entry_not_yet_effective_stays_hidden_after_a_manager_s_visit(
    request_factory, home
):
    (brain,) = api.content.find(portal_type="Cooperative", Title="Menuiserie du Lac")
    cooperative = brain.getObject()
    cooperative.setEffectiveDate(DateTime() + 1)
    cooperative.reindexObject()
    transaction.commit()
    manager = request_factory(role="Manager")
    latest = manager.get("/@coop-latest").json()["items"]
    assert "Scop Menuiserie du Lac" in [item["title"] for item in latest]
    keywords = manager.get("/@coop-keywords").json()["items"]
    assert "menuiserie" in [item["value"] for item in keywords]
    anonymous = request_factory()
    latest = anonymous.get("/@coop-latest").json()["items"]
    assert "Scop Menuiserie du Lac" not in [item["title"] for item in latest]
    keywords = anonymous.get("/@coop-keywords").json()["items"]
    assert "menuiserie" not in [item["value"] for item in keywords]


def test_an_uncommitted_change_is_never_cached(home):
    def latest():
        with api.env.adopt_roles(["Anonymous"]):
            return [item["title"] for item in search.latest(10)]

    (brain,) = api.content.find(portal_type="Cooperative", Title="Numérique Libre")
    transaction.begin()
    cooperative = brain.getObject()
    cooperative.setEffectiveDate(DateTime() + 1)
    modified(cooperative)
    assert "Scop Numérique Libre" not in latest()
    transaction.abort()
    assert latest()[0] == "Scop Numérique Libre"
