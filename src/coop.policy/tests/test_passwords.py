"""Every way to self-register wants a password of at least 10 characters."""

from coop.policy.setuphandlers.passwords import require_long_passwords
from plone import api
from plone.testing.zope import Browser

import pytest
import transaction


NINE = "neuf-sign"
TEN = "dix-signes"
TOO_SHORT = "Votre mot de passe doit contenir au moins 10 caractères."


def test_the_policy_asks_ten_characters(portal):
    registration = api.portal.get_tool("portal_registration")
    assert registration.testPasswordValidity(NINE) == TOO_SHORT
    assert registration.testPasswordValidity(TEN) is None


def test_the_policy_comes_back_when_run_again(portal):
    portal.acl_users.manage_delObjects(["password_policy"])
    require_long_passwords(portal)
    registration = api.portal.get_tool("portal_registration")
    assert registration.testPasswordValidity(NINE) == TOO_SHORT


@pytest.mark.parametrize("password,status", [(NINE, 400), (TEN, 201)])
def test_rest_registration(functional_portal, request_factory, password, status):
    anonymous = request_factory(role="Anonymous")
    response = anonymous.post(
        "/@users",
        json={
            "email": "marie@example.org",
            "password": password,
            "last_name": "Curie",
            "first_name": "Marie",
            "institution": "Mairie",
        },
    )
    assert response.status_code == status, response.text
    if status == 400:
        assert response.json()["error"]["message"] == TOO_SHORT
    transaction.begin()
    assert (api.user.get(username="marie@example.org") is not None) is (status == 201)


@pytest.mark.parametrize("password,created", [(NINE, False), (TEN, True)])
def test_registration_form(functional_app, functional_portal, password, created):
    transaction.commit()
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.open(f"{functional_portal.absolute_url()}/@@register")
    browser.getControl(name="form.widgets.last_name").value = "Martin"
    browser.getControl(name="form.widgets.first_name").value = "Paul"
    browser.getControl(name="form.widgets.institution").value = "Mairie de Seynod"
    browser.getControl(name="form.widgets.email").value = "paul@example.org"
    browser.getControl(name="form.widgets.password").value = password
    browser.getControl(name="form.widgets.password_ctl").value = password
    browser.getControl(name="form.buttons.register").click()
    assert (TOO_SHORT in browser.contents) is not created
    transaction.begin()
    assert (api.user.get(username="paul@example.org") is not None) is created
