"""The personal tools lead the intranet's members, and them only, to their calendar."""

import pytest


@pytest.fixture
def menu_links(intranet_session, html_page, portal_url):
    """The addresses of the personal tools a persona sees on the home page."""

    def links(persona):
        document = html_page(intranet_session(persona, api=False), portal_url)
        return document.xpath("//ul[@id='collapse-personaltools']//a/@href")

    return links


@pytest.mark.parametrize("persona", ["holder", "trainer", "site_administrator"])
def test_members_of_the_intranet_find_their_calendar(persona, menu_links, portal_url):
    assert f"{portal_url}/@@mon-agenda" in menu_links(persona)


@pytest.mark.parametrize("persona", ["buyer", "cooperative"])
def test_other_members_are_not_shown_a_calendar(persona, menu_links, portal_url):
    links = menu_links(persona)
    assert f"{portal_url}/logout" in links
    assert f"{portal_url}/@@mon-agenda" not in links
