from plone import api


def test_installed(installer):
    assert installer.is_product_installed("coop.policy")


def test_site_tree(portal):
    assert "annuaire" in portal.objectIds()
    assert api.portal.get_registry_record("plone.default_language") == "fr"
