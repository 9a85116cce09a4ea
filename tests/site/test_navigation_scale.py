"""No page renders the directory's entries into its navigation or portlets.

/annuaire will hold more than 10 000 entries: a menu or portlet that lists them
makes every page of the site as slow as the directory is large.
"""

from plone import api
from plone.folder.default import DefaultOrdering
from plone.folder.unordered import UnorderedOrdering
from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.interfaces import ILocalPortletAssignmentManager
from plone.portlets.interfaces import IPortletManager
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.component import getUtility

import pytest
import re
import transaction


ENTRIES = 60
BATCH = 20
# The home page's widget of the latest registered cooperatives.
LATEST = 5
# Where a page shows what is around it, as opposed to its own content.
AROUND_CONTENT = (
    "#portal-header",
    "#portal-mainnavigation",
    "#portal-breadcrumbs",
    "#portal-column-one",
    "#portal-column-two",
    "#portal-footer-wrapper",
)


@pytest.fixture
def directory(functional_portal, add_entry):
    """/annuaire with ENTRIES published entries."""
    for number in range(ENTRIES):
        add_entry(id=f"scop-{number:02d}", title=f"Scop numéro {number}")
    transaction.commit()
    return functional_portal["annuaire"]


@pytest.fixture(params=["Anonymous", "Manager"])
def browser(request, request_factory):
    return request_factory(role=request.param, api=False)


def entries_linked(nodes, directory):
    """The ids of the directory's entries that links of `nodes` point to."""
    pattern = re.compile(re.escape(directory.absolute_url()) + r"/([^/?#@]+)")
    return {
        match.group(1)
        for node in nodes
        for link in node.iter("a")
        if (match := pattern.match(link.get("href") or ""))
    }


def around_content(document):
    return [
        node for selector in AROUND_CONTENT for node in document.cssselect(selector)
    ]


def test_cooperatives_are_not_a_displayed_type(portal):
    displayed = api.portal.get_registry_record("plone.displayed_types")
    assert "Cooperative" not in displayed
    assert {"Folder", "Document", "Event"} <= set(displayed)
    assert api.portal.get_registry_record("plone.navigation_depth") == 1


def test_the_directory_blocks_the_navigation_column(portal):
    manager = getUtility(IPortletManager, name="plone.leftcolumn")
    assignments = getMultiAdapter(
        (portal["annuaire"], manager), ILocalPortletAssignmentManager
    )
    assert assignments.getBlacklistStatus(CONTEXT_CATEGORY) is True


def test_adding_an_entry_does_not_rewrite_a_list_of_all_entries(
    portal, cooperative_fields
):
    directory = portal["annuaire"]
    assert isinstance(directory.getOrdering(), UnorderedOrdering)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=directory, type="Cooperative", **cooperative_fields
        )
    assert not set(IAnnotations(directory)) & {
        DefaultOrdering.ORDER_KEY,
        DefaultOrdering.POS_KEY,
    }


def in_menu(document, directory):
    # The directory itself is a section of the menu.
    menu = document.cssselect("#portal-globalnav")
    return directory.absolute_url() in {a.get("href") for a in menu[0].iter("a")}


@pytest.mark.parametrize("path", ["/la-cooperative", "/agenda"])
def test_section_pages_link_no_entry(browser, directory, path, html_page):
    document = html_page(browser, api.portal.get().absolute_url() + path)
    assert entries_linked([document], directory) == set()
    assert in_menu(document, directory)


def test_the_home_page_links_to_the_latest_entries_only(browser, directory, html_page):
    document = html_page(browser, api.portal.get().absolute_url())
    assert entries_linked(around_content(document), directory) == set()
    latest = document.cssselect("#content .coop-latest")
    assert len(entries_linked(latest, directory)) == LATEST
    assert entries_linked([document], directory) == entries_linked(latest, directory)
    assert in_menu(document, directory)


def test_an_entry_page_links_to_no_other_entry(browser, directory, html_page):
    document = html_page(browser, directory["scop-07"].absolute_url())
    assert entries_linked(around_content(document), directory) == set()
    assert entries_linked([document], directory) <= {"scop-07"}
    assert document.cssselect("#portal-globalnav")
    assert not document.cssselect("#portal-column-one .portletNavigationTree")


def test_the_site_map_lists_no_entry(browser, directory, html_page):
    document = html_page(browser, api.portal.get().absolute_url() + "/sitemap")
    assert document.cssselect("#content")
    assert entries_linked([document], directory) == set()


def test_the_directory_page_shows_one_batch(browser, directory, html_page):
    document = html_page(browser, directory.absolute_url())
    assert entries_linked(around_content(document), directory) == set()
    listed = entries_linked(document.cssselect("#content"), directory)
    assert 0 < len(listed) <= BATCH
    assert document.cssselect("#content nav.pagination, #content .pagination")
