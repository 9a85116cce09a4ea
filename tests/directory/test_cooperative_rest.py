"""A cooperative's entry on the French site: derived fields, validation over REST."""

from plone import api

import pytest
import transaction


@pytest.fixture
def valid(cooperative_fields):
    """A new entry's REST body, its competences typed in one string."""
    return {
        "@type": "Cooperative",
        **cooperative_fields,
        "competences": "Menuiserie ; Agencement; ébénisterie",
    }


@pytest.fixture
def folder(portal):
    return portal["annuaire"]


def test_department_and_region_derive_from_the_postal_code(portal, add_entry):
    coop = add_entry("draft", postal_code="20090", competences=["Menuiserie"])
    assert (coop.department, coop.region) == ("2A", "94")


def test_establishments_get_their_department(portal, add_entry):
    coop = add_entry(
        "draft",
        competences=["Menuiserie"],
        establishments=[
            {"name": "Atelier", "postal_code": "34000", "city": "Montpellier"}
        ],
    )
    assert coop.establishments[0]["department"] == "34"


def test_derivation_follows_an_edit(portal, add_entry):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    coop = add_entry("draft", competences=["Menuiserie"])
    coop.postal_code = "97400"
    notify(ObjectModifiedEvent(coop))
    assert (coop.department, coop.region) == ("974", "04")


def test_consultation_email_defaults_to_the_creator(folder, valid):
    user = api.user.create(email="gerante@example.org", password="secret-password-1")
    with api.env.adopt_user(user=user), api.env.adopt_roles(["Manager"]):
        coop = api.content.create(
            container=folder,
            type="Cooperative",
            **{k: v for k, v in valid.items() if k != "@type"},
        )
    assert coop.consultation_email == "gerante@example.org"


@pytest.fixture
def rest_folder(functional_portal):
    return "/annuaire"


def test_rest_create_splits_competences(manager_request, rest_folder, valid):
    response = manager_request.post(rest_folder, json=valid)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["competences"] == ["Menuiserie", "Agencement", "ébénisterie"]
    assert body["department"]["token"] == "74"
    assert body["region"]["token"] == "84"


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("siret", "73282932000075", "SIRET"),
        ("postal_code", "7460", "code postal"),
        ("goods_services", ["45", "72", "90", "79", "71"], "entre 1 et 4"),
        ("competences", ";".join(f"mot{i}" for i in range(11)), "10 compétences"),
        ("competences", "x" * 41, "40 caractères"),
        ("revenue", -5, "négatif"),
        ("website", "javascript:alert(1)", "http"),
        ("client_references", [{"client": "", "project": "École"}], "client"),
    ],
)
def test_rest_refuses_bad_values_in_french(
    manager_request, rest_folder, field, value, message, valid
):
    response = manager_request.post(rest_folder, json={**valid, field: value})
    assert response.status_code == 400, response.text
    error = response.json()
    assert error["type"] == "BadRequest"
    assert field in error["message"]
    assert message in error["message"]
    transaction.begin()
    assert len(api.content.find(portal_type="Cooperative")) == 0


def test_markup_in_a_title_is_shown_as_text(request_factory, rest_folder, valid):
    response = request_factory(role="Manager").post(
        rest_folder, json={**valid, "title": "<script>alert(1)</script>"}
    )
    # a title is text: stored as typed, escaped wherever a page shows it
    assert response.status_code == 201
    browser = request_factory(role="Manager", api=False)
    page = browser.get(response.json()["@id"], headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
