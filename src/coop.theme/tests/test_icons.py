"""The icon resolver keeps the SVG tags it makes: the same tags as Plone's,
and a registry record that names another file takes effect at once."""

from coop.theme.browser.icons import CachedIconsView
from coop.theme.interfaces import ICoopThemeLayer
from plone import api
from Products.CMFPlone.browser.icons import IconsView
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import pytest


ICONS = (
    ("toolbar-action/view", "", ""),
    ("toolbar-action/edit", "icon-edit", ""),
    ("plone-statusmessage-info", "statusmessage-icon mb-1 me-2", "Info :"),
    ("no-such-icon", "", ""),
)


@pytest.fixture
def resolver(portal, http_request):
    alsoProvides(http_request, ICoopThemeLayer)
    return getMultiAdapter((portal, http_request), name="iconresolver")


def test_the_site_resolves_icons_with_the_cached_resolver(resolver):
    assert isinstance(resolver, CachedIconsView)


@pytest.mark.parametrize("name, css_class, title", ICONS)
def test_its_tags_are_plones(resolver, portal, http_request, name, css_class, title):
    plones = IconsView(portal, http_request).tag(name, css_class, title)
    assert plones.startswith("<svg")
    assert resolver.tag(name, tag_class=css_class, tag_alt=title) == plones
    # Asked again, from the cache.
    assert resolver.tag(name, tag_class=css_class, tag_alt=title) == plones


def test_a_record_naming_another_file_takes_effect(resolver, portal, http_request):
    record = "plone.icon.toolbar-action/view"
    view = resolver.tag("toolbar-action/view")
    other = api.portal.get_registry_record("plone.icon.plone-book")
    assert other != api.portal.get_registry_record(record)
    api.portal.set_registry_record(record, other)
    changed = resolver.tag("toolbar-action/view")
    assert changed != view
    assert changed == IconsView(portal, http_request).tag("plone-book")
