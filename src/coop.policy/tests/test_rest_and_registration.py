"""Anonymous REST access, the French site, and what self-registration may do."""

from plone import api

import pytest
import re
import transaction


PASSWORD = "un-mot-de-passe-solide"
# What a registering visitor gives besides e-mail and password.
NAMES = {"last_name": "Curie", "first_name": "Marie", "institution": "Mairie"}


@pytest.fixture
def anon(request_factory):
    return request_factory(role="Anonymous")


def find_user(portal, email):
    return api.user.get(username=email)


def groups_of(user):
    return {g.getId() for g in api.group.get_groups(user=user)} - {"AuthenticatedUsers"}


def test_anonymous_uses_the_rest_api(anon):
    response = anon.get("/")
    assert response.status_code == 200
    assert response.json()["@id"].endswith("/plone")


def test_anonymous_gets_no_intranet_over_rest(anon):
    assert anon.get("/intranet").status_code == 401
    assert anon.get("/intranet/ateliers").status_code == 401
    search = anon.get("/@search", params={"path": "/plone/intranet"}).json()
    assert search["items_total"] == 0


def test_pages_render_in_french(request_factory):
    page = request_factory(api=False).get("/", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert re.search(r'<html[^>]*\slang="fr"', page.text)


def test_self_registration_lands_in_buyers(functional_portal, anon):
    response = anon.post(
        "/@users", json={"email": "marie@example.org", "password": PASSWORD, **NAMES}
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    user = find_user(functional_portal, "marie@example.org")
    assert groups_of(user) == {"buyers"}
    assert set(user.getRoles()) == {"Member", "Authenticated"}
    # user ids are opaque: the login is the e-mail, the id is not chosen by anyone
    assert user.getId() != "marie@example.org"
    assert user.getUserName() == "marie@example.org"


@pytest.mark.parametrize(
    "extra",
    [
        {"roles": ["Manager"]},
        {"roles": ["Site Administrator"]},
        {"username": "admin"},
        {"sendPasswordReset": False, "roles": ["Reviewer"]},
    ],
)
def test_self_registration_refuses_roles_and_ids(functional_portal, anon, extra):
    body = {"email": "intrus@example.org", "password": PASSWORD, **NAMES, **extra}
    response = anon.post("/@users", json=body)
    assert response.status_code == 400, response.text
    transaction.begin()
    assert find_user(functional_portal, "intrus@example.org") is None


@pytest.mark.parametrize("group_id", ["moderators", "coaches", "Administrators"])
def test_self_registration_cannot_pick_a_group(functional_portal, anon, group_id):
    body = {
        "email": "curieux@example.org",
        "password": PASSWORD,
        **NAMES,
        "groups": [group_id],
    }
    response = anon.post("/@users", json=body)
    # plone.restapi takes unknown keys as member properties: the account is
    # created, and the group asked for is ignored.
    assert response.status_code == 201, response.text
    transaction.begin()
    assert groups_of(find_user(functional_portal, "curieux@example.org")) == {"buyers"}


def test_self_registration_cannot_take_an_existing_id(functional_portal, anon):
    with api.env.adopt_roles(["Manager"]):
        existing = api.user.create(email="premier@example.org", password=PASSWORD)
    transaction.commit()
    body = {
        "email": "second@example.org",
        "password": PASSWORD,
        **NAMES,
        "fullname": existing.getId(),
        "id": existing.getId(),
    }
    response = anon.post("/@users", json=body)
    assert response.status_code == 201, response.text
    transaction.begin()
    assert (
        find_user(functional_portal, "second@example.org").getId() != existing.getId()
    )
    assert (
        find_user(functional_portal, "premier@example.org").getId() == existing.getId()
    )


def test_manager_created_accounts_get_no_automatic_group(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        user = api.user.create(email="staff@example.org", password=PASSWORD)
    assert groups_of(user) == set()
