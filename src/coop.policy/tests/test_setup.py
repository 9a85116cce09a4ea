from coop.policy.interfaces import ICoopPolicyLayer
from plone import api

import pytest


PACKAGE = "coop.policy"


class TestInstall:
    def test_product_installed(self, installer):
        assert installer.is_product_installed(PACKAGE)

    def test_browserlayer(self, browser_layers):
        assert ICoopPolicyLayer in browser_layers

    def test_profile_version(self, setup_tool):
        assert setup_tool.getLastVersionForProfile(f"{PACKAGE}:default") == (
            setup_tool.getVersionForProfile(f"{PACKAGE}:default"),
        )

    @pytest.mark.parametrize(
        "dependency",
        [
            "plone.restapi",
            "plone.app.event",
            "collective.easyform",
            "Products.CMFPlacefulWorkflow",
            "coop.content",
            "coop.theme",
        ],
    )
    def test_dependency_installed(self, installer, dependency):
        assert installer.is_product_installed(dependency)

    def test_reinstall_keeps_content(self, portal, setup_tool):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=portal["la-cooperative"], type="Document", id="kept"
            )
            setup_tool.runAllImportStepsFromProfile(f"profile-{PACKAGE}:default")
        assert "kept" in portal["la-cooperative"]
        assert portal["annuaire"].portal_type == "Folder"


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        installer.uninstall_product(PACKAGE)

    def test_product_uninstalled(self, installer):
        assert not installer.is_product_installed(PACKAGE)

    def test_browserlayer_removed(self, browser_layers):
        assert ICoopPolicyLayer not in browser_layers

    def test_data_stays(self, portal):
        # Uninstalling the policy must not open the intranet nor drop people.
        assert "intranet" in portal.objectIds()
        assert api.group.get(groupname="entrepreneurs") is not None
        assert ".wf_policy_config" in portal["intranet"].objectIds()
