"""PATCH @users: a member changes their names, text of the schema's lengths."""

from plone import api

import pytest
import transaction


@pytest.fixture
def directory(functional_portal, create_directory):
    directory = create_directory()
    with api.env.adopt_roles(["Manager"]):
        api.user.get(username=directory.emails["buyer"]).setMemberProperties(
            {"last_name": "Curie", "first_name": "Marie"}
        )
    transaction.commit()
    return directory


def user_id(directory, persona):
    return api.user.get(username=directory.emails[persona]).getId()


def names(directory, persona):
    transaction.begin()
    user = api.user.get(username=directory.emails[persona])
    return {
        name: user.getProperty(name)
        for name in ("last_name", "first_name", "institution", "fullname")
    }


def french(session):
    session.headers["Accept-Language"] = "fr"
    return session


@pytest.mark.parametrize("persona", ["buyer", "site_administrator"])
def test_a_member_or_an_administrator_changes_the_names(directory, as_persona, persona):
    session = as_persona(persona)
    body = {"last_name": "Skłodowska", "institution": "<script>alert(1)</script>"}
    response = session.patch(f"/@users/{user_id(directory, 'buyer')}", json=body)
    assert response.status_code == 204, response.text
    assert names(directory, "buyer") == {
        "last_name": "Skłodowska",
        "first_name": "Marie",
        "institution": "<script>alert(1)</script>",
        "fullname": "Marie Skłodowska",
    }


@pytest.mark.parametrize(
    "body, message",
    [
        ({"last_name": ["Curie"]}, "« Nom » doit être du texte."),
        ({"first_name": {"a": 1}}, "« Prénom » doit être du texte."),
        ({"last_name": "C" * 101}, "« Nom » est trop long : 100 caractères au plus."),
        (
            {"first_name": "Pierre", "institution": "M" * 201},
            "« Institution / société » est trop long : 200 caractères au plus.",
        ),
    ],
)
@pytest.mark.parametrize("persona", ["buyer", "site_administrator"])
def test_bad_names_get_a_french_message_and_change_nothing(
    directory, as_persona, persona, body, message
):
    before = names(directory, "buyer")
    session = french(as_persona(persona))
    response = session.patch(f"/@users/{user_id(directory, 'buyer')}", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["message"] == message
    assert names(directory, "buyer") == before


@pytest.mark.parametrize(
    "body, message",
    [
        ("not json", "Le corps de la requête n'est pas du JSON valide."),
        ("[1, 2]", "Le corps de la requête doit être un objet JSON."),
    ],
)
def test_a_body_that_is_no_object_gets_a_french_message(
    directory, as_persona, body, message
):
    session = french(as_persona("buyer"))
    response = session.patch(
        f"/@users/{user_id(directory, 'buyer')}",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400, response.text
    assert response.json()["message"] == message


@pytest.mark.parametrize(
    "persona, status", [("anonymous", 401), ("owner", 403), ("moderator", 403)]
)
@pytest.mark.parametrize("body", [{"last_name": "Dupont"}, {"last_name": ["Dupont"]}])
def test_nobody_else_changes_a_members_names(
    directory, as_persona, persona, status, body
):
    before = names(directory, "buyer")
    response = as_persona(persona).patch(
        f"/@users/{user_id(directory, 'buyer')}", json=body
    )
    assert response.status_code == status, response.text
    assert names(directory, "buyer") == before
