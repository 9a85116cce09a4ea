"""The site `make start` creates: `coop-site` on a Zope root, twice."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
from coop.policy.setuphandlers.demo import DEMO_ACCOUNTS
from coop.policy.setuphandlers.demo import DEMO_PASSWORD
from coop.policy.setuphandlers.demo_intranet import FELLOWS
from coop.policy.setuphandlers.site_tree import SECTIONS
from coop_platform.site import ensure_site
from lxml import html
from plone import api
from plone.dexterity.interfaces import IDexterityContent
from Products.CMFCore.indexing import processQueue
from zope.component.hooks import setSite

import pytest
import transaction


def create_as_the_script(app, site_id, demo=False):
    """`coop-site`'s site, made as the script makes it: as Zope's system user."""
    newSecurityManager(None, system)
    return ensure_site(app, site_id, demo=demo)


@pytest.fixture
def new_site(app):
    site = create_as_the_script(app, "coop-test")
    yield site
    setSite(None)


@pytest.fixture
def demo_site(functional_app):
    """`coop-site --demo`'s site, committed for HTTP requests."""
    site = create_as_the_script(functional_app, "coop-demo", demo=True)
    # The catalog's queue is indexed before the commit, in the site: at the
    # commit, it would read the new site's registry before it is stored.
    processQueue()
    setSite(None)
    transaction.commit()
    setSite(site)
    yield site
    setSite(None)


def test_new_site_is_french_with_the_design_tree(new_site):
    assert new_site.Language() == "fr"
    assert api.portal.get_registry_record("plone.default_language") == "fr"
    assert api.portal.get_registry_record("plone.portal_timezone") == "Europe/Paris"
    for path in ("annuaire", "consultations", "la-cooperative", "agenda", "intranet"):
        assert path in new_site.objectIds()
    assert api.group.get(groupname="coaches") is not None


def test_new_site_has_no_demo_content_unless_asked(new_site):
    assert api.user.get(username="acheteur@coop.example") is None


def test_second_run_keeps_the_data(app, new_site):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=new_site["la-cooperative"], type="Document", id="gardee"
        )
    again = ensure_site(app, "coop-test")
    assert again.getPhysicalPath() == new_site.getPhysicalPath()
    assert "gardee" in again["la-cooperative"]


def test_second_run_installs_a_missing_coop_profile(app, new_site):
    setup = new_site.portal_setup
    setup.unsetLastVersionForProfile("coop.theme:default")
    ensure_site(app, "coop-test")
    assert setup.getLastVersionForProfile("coop.theme:default") != "unknown"


# --- Setup content belongs to the site, never to a member ---------------------

BUYER = next(account for account in DEMO_ACCOUNTS if account.persona == "buyer")


def members_of(site):
    """The ids of the site's members: the demo accounts and the demo
    intranet's fellow project holders."""
    return {user.getId() for user in api.user.get_users()}


def setup_content(site):
    """The site root, its sections, the contact form, the demo's pages and events."""
    yield site
    for section in SECTIONS:
        yield site[section.id]
        for child in section.children:
            yield site[section.id][child.id]
    yield site["contact"]
    yield from site["la-cooperative"].objectValues()
    yield from site["agenda"].objectValues()


def owners(obj):
    owner = obj.getOwnerTuple()
    local = {who for who, roles in obj.get_local_roles() if "Owner" in roles}
    return ({owner[1]} if owner else set()) | local


def test_setup_content_names_no_member(demo_site):
    members = members_of(demo_site)
    assert len(members) == len(DEMO_ACCOUNTS) + len(FELLOWS)
    for obj in setup_content(demo_site):
        path = "/".join(obj.getPhysicalPath())
        assert obj.creators and not set(obj.creators) & members, path
        assert not owners(obj) & members, path
    assert (
        not {brain.Creator for brain in api.content.find(context=demo_site["agenda"])}
        & members
    )


def test_a_members_visit_signs_no_page_with_their_name(
    demo_site, request_factory, writes
):
    buyer = api.user.get(username=BUYER.email).getId()
    rest = request_factory(basic_auth=(BUYER.email, DEMO_PASSWORD))
    browser = request_factory(api=False, basic_auth=(BUYER.email, DEMO_PASSWORD))
    bylines = []
    for path in ("", "/agenda", "/agenda/reunion-mensuelle", "/la-cooperative"):
        url = demo_site.absolute_url() + path
        response = rest.get(url)
        assert response.status_code == 200, path
        assert buyer not in response.json()["creators"], path
        page = html.fromstring(browser.get(url, headers={"Accept": "text/html"}).text)
        bylines += [
            byline.text_content() for byline in page.cssselect("#section-byline")
        ]
    assert bylines
    assert not [byline for byline in bylines if BUYER.fullname in byline]
    # Reading changed no content: no page took her as its creator. (The first
    # view of a portlet writes its settings, once: plone.protect lets it.)
    assert [obj for obj in writes if IDexterityContent.providedBy(obj)] == []
    # What the catalog keeps of a section, updated in the member's request.
    with api.env.adopt_user(username=BUYER.email):
        demo_site["agenda"].reindexObject()
    transaction.commit()
    assert buyer not in demo_site["agenda"].creators
    # Her author page lists what she wrote: her consultation only.
    catalog = api.portal.get_tool("portal_catalog")
    written = catalog.unrestrictedSearchResults(Creator=buyer)
    assert {brain.portal_type for brain in written} == {"Consultation"}
