"""The site `make start` creates: `coop-site` on a Zope root, twice."""

from coop_platform.site import ensure_site
from plone import api
from plone.app.testing import login
from plone.app.testing import SITE_OWNER_NAME
from zope.component.hooks import setSite

import pytest


@pytest.fixture
def new_site(app):
    # The console script runs as a Zope administrator, like the site owner here.
    login(app, SITE_OWNER_NAME)
    site = ensure_site(app, "coop-test")
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
