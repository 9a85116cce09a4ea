"""The global navigation is built once per state of the catalog, and stays right.

coop.theme keeps the menu's HTML (navigation.CachedGlobalSectionsViewlet):
whatever changes what it shows must show on the next page.
"""

from lxml import html
from plone import api
from plone.app.layout.viewlets.common import GlobalSectionsViewlet
from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster

import pytest
import transaction


@pytest.fixture
def manager(request_factory):
    return request_factory(role="Manager", api=False)


def menu(browser, path="", site=None):
    """The addresses the global navigation links to, on the page at `path`.

    `site`: the site's address, its own by default.
    """
    site = site or api.portal.get().absolute_url()
    response = browser.get(site + path, headers={"Accept": "text/html"})
    assert response.status_code == 200, path
    document = html.fromstring(response.text)
    (nav,) = document.cssselect("#portal-globalnav")
    return {link.get("href") for link in nav.iter("a")}


def add_section(portal, id, type="Folder", publish=True, **fields):
    with api.env.adopt_roles(["Manager"]):
        section = api.content.create(
            container=portal, type=type, id=id, title=id.title(), **fields
        )
        if publish:
            api.content.transition(obj=section, transition="publish")
    transaction.commit()
    return section


@pytest.fixture
def navtree_builds(monkeypatch):
    """How many times a menu is built from the catalog."""
    builds = []
    navtree = GlobalSectionsViewlet.navtree.fget

    def counted(viewlet):
        # The page template reads it several times in one build.
        if viewlet not in builds:
            builds.append(viewlet)
        return navtree(viewlet)

    monkeypatch.setattr(GlobalSectionsViewlet, "navtree", property(counted))
    return builds


def test_the_menu_is_built_once_per_state_of_the_catalog(
    functional_portal, browser, navtree_builds
):
    first = menu(browser)
    assert menu(browser) == first
    assert len(navtree_builds) == 1
    # Once per section: a section hidden from the menu is shown inside it.
    assert menu(browser, "/annuaire") == first
    assert menu(browser, "/annuaire?SearchableText=bois") == first
    assert len(navtree_builds) == 2
    add_section(functional_portal, "chantiers")
    assert menu(browser) == first | {f"{functional_portal.absolute_url()}/chantiers"}
    assert len(navtree_builds) == 3


def test_a_section_added_or_removed_shows_on_the_next_page(functional_portal, browser):
    url = f"{functional_portal.absolute_url()}/chantiers"
    assert url not in menu(browser)
    add_section(functional_portal, "chantiers")
    assert url in menu(browser)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=functional_portal["chantiers"])
    transaction.commit()
    assert url not in menu(browser)


def test_a_private_section_is_in_the_menu_of_those_who_may_see_it(
    functional_portal, browser, manager
):
    add_section(functional_portal, "brouillons", publish=False)
    url = f"{functional_portal.absolute_url()}/brouillons"
    assert url in menu(manager)
    assert url not in menu(browser)
    assert url in menu(manager)


def test_a_section_hidden_from_the_menu_is_in_it_inside_the_section(
    functional_portal, browser
):
    api.portal.set_registry_record("plone.show_excluded_items", True)
    add_section(functional_portal, "archives", exclude_from_nav=True)
    url = f"{functional_portal.absolute_url()}/archives"
    assert url not in menu(browser)
    assert url in menu(browser, "/archives")
    assert url not in menu(browser, "/annuaire")


def test_navigation_settings_change_the_menu_at_once(functional_portal, browser):
    page = add_section(functional_portal, "mentions", type="Document")
    assert page.absolute_url() not in menu(browser)
    api.portal.set_registry_record("plone.nonfolderish_tabs", True)
    transaction.commit()
    assert page.absolute_url() in menu(browser)


def test_each_host_gets_the_menu_with_its_own_addresses(functional_portal, browser):
    manage_addVirtualHostMonster(functional_portal.aq_parent, "virtual_hosting")
    add_section(functional_portal, "chantiers")
    site = functional_portal.absolute_url()
    public = "https://www.coop.example"
    behind_proxy = site.rpartition("/")[0] + (
        "/VirtualHostBase/https/www.coop.example:443/plone/VirtualHostRoot"
    )
    # The same page of the same site, asked for under two addresses.
    direct = menu(browser)
    proxied = menu(browser, site=behind_proxy)
    assert f"{site}/chantiers" in direct
    assert f"{public}/chantiers" in proxied
    assert not {url for url in proxied if url.startswith(site)}
    assert menu(browser) == direct


def test_a_changed_tab_shows_at_once(functional_portal, browser):
    before = menu(browser)
    tab = api.portal.get_tool("portal_actions").portal_tabs.index_html
    tab._setPropValue("url_expr", "string:${globals_view/navigationRootUrl}/annuaire")
    transaction.commit()
    after = menu(browser)
    assert f"{functional_portal.absolute_url()}/annuaire" in after - before
