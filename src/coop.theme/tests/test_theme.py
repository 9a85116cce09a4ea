from coop.theme.interfaces import ICoopThemeLayer
from plone import api

import pytest
import re


BUNDLE = "plone.bundles/coop-theme"


class TestInstall:
    def test_product_installed(self, installer):
        assert installer.is_product_installed("coop.theme")

    def test_browserlayer(self, browser_layers):
        assert ICoopThemeLayer in browser_layers

    def test_bundle_registered(self, portal):
        css = api.portal.get_registry_record(f"{BUNDLE}.csscompilation")
        assert css == "++plone++coop.theme/coop.css"
        assert api.portal.get_registry_record(f"{BUNDLE}.enabled") is True


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        installer.uninstall_product("coop.theme")

    def test_product_uninstalled(self, installer):
        assert not installer.is_product_installed("coop.theme")

    def test_browserlayer_removed(self, browser_layers):
        assert ICoopThemeLayer not in browser_layers

    def test_bundle_removed(self, portal):
        assert api.portal.get_registry_record(f"{BUNDLE}.enabled", default=None) is None


def test_pages_load_the_theme_stylesheet(request_factory):
    browser = request_factory(api=False)
    page = browser.get("/", headers={"Accept": "text/html"}).text
    (href,) = re.findall(r'href="([^"]*coop\.css[^"]*)"', page)
    stylesheet = browser.get(href)
    assert stylesheet.status_code == 200
    assert "--coop-green" in stylesheet.text
