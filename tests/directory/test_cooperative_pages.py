"""/la-cooperative: its pages lead to each other."""

from coop.policy.setuphandlers.site_tree import create_site_tree
from plone import api
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility

import pytest
import transaction


TITLES = ("Paysage de la création", "À qui sert-elle ?", "Nos réseaux")


@pytest.fixture
def pages(functional_portal):
    folder = functional_portal["la-cooperative"]
    with api.env.adopt_roles(["Manager"]):
        pages = [
            api.content.create(container=folder, type="Document", title=title)
            for title in TITLES
        ]
        for page in pages:
            api.content.transition(obj=page, transition="publish")
    transaction.commit()
    return pages


def links(nodes):
    return [a.get("href") for node in nodes for a in node.iter("a")]


def test_each_page_lists_the_others(browser, html_page, pages):
    document = html_page(browser, pages[1].absolute_url())
    menu = document.cssselect("#portal-column-one .portletNavigationTree")
    assert len(menu) == 1
    folder = api.portal.get()["la-cooperative"].absolute_url()
    assert links(menu) == [folder, folder] + [page.absolute_url() for page in pages]
    current = menu[0].cssselect(".navTreeCurrentItem")
    assert [a.get("href") for a in current] == [pages[1].absolute_url()]


@pytest.mark.parametrize(
    ("index", "previous", "following"), [(0, None, 1), (1, 0, 2), (2, 1, None)]
)
def test_each_page_leads_to_the_next(
    browser, html_page, pages, index, previous, following
):
    document = html_page(browser, pages[index].absolute_url())
    for css, expected in (("a.previous", previous), ("a.next", following)):
        found = links(document.cssselect(f"nav.pagination {css}"))
        assert found == ([] if expected is None else [pages[expected].absolute_url()])
    text = document.cssselect("nav.pagination")[0].text_content()
    if following is not None:
        assert f"Suivant\xa0: {TITLES[following]}" in text


def test_the_section_keeps_one_menu(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        create_site_tree(functional_portal)
        create_site_tree(functional_portal)
    manager = getUtility(IPortletManager, name="plone.leftcolumn")
    folder = functional_portal["la-cooperative"]
    assignments = getMultiAdapter((folder, manager), IPortletAssignmentMapping)
    assert list(assignments) == ["section-navigation"]
    assert folder.nextPreviousEnabled
