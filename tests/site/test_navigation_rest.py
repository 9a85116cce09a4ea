"""plone.restapi's @navigation names the tabs as the menu of the pages does."""

from lxml import html
from plone import api

import pytest
import transaction


@pytest.fixture
def anonymous(request_factory):
    return request_factory()


def page_menu(session, url):
    """The titles of the global navigation's links, as the page shows them."""
    response = session.get(url, headers={"Accept": "text/html"})
    (nav,) = html.fromstring(response.text).cssselect("#portal-globalnav")
    return [" ".join(link.text_content().split()) for link in nav.iter("a")]


@pytest.mark.parametrize("language", ["fr", "fr-FR,fr;q=0.9,en;q=0.5"])
def test_the_first_tab_is_named_in_french(functional_portal, anonymous, language):
    url = functional_portal.absolute_url()
    anonymous.headers["Accept-Language"] = language
    response = anonymous.get(f"{url}/@navigation")
    assert response.status_code == 200
    first, *_sections = response.json()["items"]
    assert first["@id"] == url
    assert first["title"] == "Accueil"


def test_rest_and_pages_name_the_tabs_alike(functional_portal, anonymous):
    url = functional_portal.absolute_url()
    rest = [
        item["title"] for item in anonymous.get(f"{url}/@navigation").json()["items"]
    ]
    assert rest == page_menu(anonymous, url)


def test_an_expanded_navigation_names_them_alike(functional_portal, anonymous):
    url = functional_portal.absolute_url()
    response = anonymous.get(f"{url}/agenda", params={"expand": "navigation"})
    items = response.json()["@components"]["navigation"]["items"]
    assert items[0]["title"] == "Accueil"


def test_a_section_keeps_the_title_it_was_given(functional_portal, anonymous):
    # A title that is also one of Plone's messages: content is not translated.
    with api.env.adopt_roles(["Manager"]):
        section = api.content.create(
            container=functional_portal, type="Folder", id="maison", title="Home"
        )
        api.content.transition(obj=section, transition="publish")
    transaction.commit()
    url = functional_portal.absolute_url()
    titles = {
        item["@id"]: item["title"]
        for item in anonymous.get(f"{url}/@navigation").json()["items"]
    }
    assert titles[section.absolute_url()] == "Home"
    assert titles[url] == "Accueil"
    assert list(titles.values()) == page_menu(anonymous, url)
