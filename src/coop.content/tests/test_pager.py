"""The batch navigation of /annuaire: plone.batching's markup, from a template."""

from coop.content.directory.browser.search import DirectorySearch
from lxml import html
from plone import api
from plone.batching.batch import Batch
from zope.publisher.browser import TestRequest

import pytest


SIZE = 20
# 50 pages.
ITEMS = range(1000)


def link(page):
    return f"http://nohost/annuaire?sector=F&b_start={(page - 1) * SIZE}"


def pager(batch):
    """The search page's navigation through `batch`, in English."""
    request = TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "en"})
    page = DirectorySearch(api.portal.get(), request)
    return page.navigation(batch=batch, link=link)


def navigation(start, items=ITEMS):
    """The navigation's element, or None."""
    markup = pager(Batch(items, SIZE, start))
    return html.fragment_fromstring(markup, create_parent=True).find("nav")


def pages(nav):
    """(class, text, page number the link leads to) of each item."""
    found = []
    for item in nav.cssselect("li"):
        anchor = item.find("a")
        target = None
        if anchor is not None:
            target = int(anchor.get("href").rpartition("=")[2]) // SIZE + 1
        found.append((item.get("class"), " ".join(item.text_content().split()), target))
    return found


def test_one_page_has_no_navigation(portal):
    assert navigation(0, range(SIZE)) is None


def test_the_first_page(portal):
    assert pages(navigation(0)) == [
        ("page-item active", "1 (current)", None),
        *(("page-item", str(page), page) for page in range(2, 8)),
        ("page-item disabled", "...", None),
        ("page-item last", "50", 50),
        ("page-item next", "Next 20 items >", 2),
    ]


def test_a_page_in_the_middle(portal):
    nav = navigation(5 * SIZE)
    assert pages(nav) == [
        ("page-item previous", "< Previous 20 items", 5),
        ("first page-item", "1", 1),
        ("page-item disabled", "...", None),
        *(("page-item", str(page), page) for page in (3, 4, 5)),
        ("page-item active", "6 (current)", None),
        *(("page-item", str(page), page) for page in (7, 8, 9)),
        ("page-item disabled", "...", None),
        ("page-item last", "50", 50),
        ("page-item next", "Next 20 items >", 7),
    ]
    assert nav.cssselect("li.active")[0].get("aria-current") == "page"


def test_the_last_page_counts_what_is_left(portal):
    nav = navigation(990, range(995))
    assert pages(nav)[-1] == ("page-item active", "50 (current)", None)
    assert pages(navigation(960, range(995)))[-1] == (
        "page-item next",
        "Next 15 items >",
        50,
    )


@pytest.mark.parametrize("start", [0, 5 * SIZE, 49 * SIZE])
def test_addresses_are_escaped(portal, start):
    markup = pager(Batch(ITEMS, SIZE, start))
    assert "&b_start" not in markup
    assert "&amp;b_start=" in markup
