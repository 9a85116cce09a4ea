"""A buyer registers, changes and recovers its password, in French."""

from coop.content.testing import plain_text
from lxml import html
from plone import api

import pytest
import re
import transaction


PASSWORD = "un-mot-de-passe-solide"
EMAIL = "marie.curie@mairie-annecy.example"
REGISTRATION = {
    "form.widgets.last_name": "Curie",
    "form.widgets.first_name": "Marie",
    "form.widgets.institution": "Mairie d'Annecy",
    "form.widgets.email": EMAIL,
    "form.widgets.password": PASSWORD,
    "form.widgets.password_ctl": PASSWORD,
}


def labels(document):
    return [
        re.sub(r"\s+", " ", label.text_content()).strip()
        for label in document.cssselect("#content form label")
    ]


@pytest.fixture
def submit(html_page):
    """Post the form of `url` as a browser does: its own fields, CSRF token and
    empty honeypot field included, then `data` and the `button` pressed."""

    def post(session, url, data, button):
        form = html_page(session, url).cssselect("#content form")[-1]
        fields = {
            field.get("name"): field.get("value") or ""
            for field in form.cssselect("input")
            if field.get("type") not in ("submit", "checkbox")
        }
        response = session.post(
            form.get("action"),
            data={**fields, **data, button: "x"},
            headers={"Accept": "text/html"},
        )
        return response, html.fromstring(response.text)

    return post


def errors(document):
    """{field name: its error message} as the form shows them, by the field."""
    found = {}
    for node in document.cssselect(".invalid-feedback"):
        field = next(
            parent for parent in node.iterancestors() if parent.get("data-fieldname")
        )
        name = field.get("data-fieldname").removeprefix("form.widgets.")
        found[name] = re.sub(r"\s+", " ", node.text_content()).strip()
    return found


def status(document):
    return [
        re.sub(r"\s+", " ", node.text_content()).strip()
        for node in document.cssselect(".portalMessage, div.statusmessage")
    ]


@pytest.fixture
def buyer(functional_portal, request_factory):
    with api.env.adopt_roles(["Manager"]):
        user = api.user.create(email=EMAIL, password=PASSWORD)
        api.group.add_user(groupname="buyers", user=user)
    transaction.commit()
    return user


def test_registration_form_asks_what_a_buyer_is_in_french(browser, html_page):
    assert labels(html_page(browser, "/@@register")) == [
        "Nom",
        "Prénom",
        "Institution / société",
        "Adresse courriel",
        "Mot de passe",
        "Confirmer le mot de passe",
    ]


def test_a_buyer_registers(functional_portal, browser, submit):
    response, _ = submit(browser, "/@@register", REGISTRATION, "form.buttons.register")
    assert response.status_code == 200
    transaction.begin()
    user = api.user.get(username=EMAIL)
    assert {g.getId() for g in api.group.get_groups(user=user)} == {
        "buyers",
        "AuthenticatedUsers",
    }
    assert user.getProperty("last_name") == "Curie"
    assert user.getProperty("first_name") == "Marie"
    assert user.getProperty("institution") == "Mairie d'Annecy"
    assert user.getProperty("fullname") == "Marie Curie"
    assert set(user.getRoles()) == {"Member", "Authenticated"}


@pytest.mark.parametrize("field", ["last_name", "first_name", "institution"])
def test_registration_requires_names_and_institution(
    functional_portal, browser, field, submit
):
    data = {**REGISTRATION, f"form.widgets.{field}": ""}
    response, document = submit(browser, "/@@register", data, "form.buttons.register")
    assert errors(document) == {field: "Champ obligatoire"}
    transaction.begin()
    assert api.user.get(username=EMAIL) is None


def test_registration_refuses_an_oversized_name(functional_portal, browser, submit):
    data = {**REGISTRATION, "form.widgets.last_name": "C" * 101}
    response, document = submit(browser, "/@@register", data, "form.buttons.register")
    assert errors(document) == {"last_name": "Valeur trop longue"}
    transaction.begin()
    assert api.user.get(username=EMAIL) is None


def test_markup_in_a_name_is_kept_as_text(functional_portal, browser, submit):
    data = {**REGISTRATION, "form.widgets.last_name": "<script>alert(1)</script>"}
    submit(browser, "/@@register", data, "form.buttons.register")
    transaction.begin()
    assert api.user.get(username=EMAIL).getProperty("last_name") == (
        "<script>alert(1)</script>"
    )


def test_personal_information_in_french(request_factory, buyer, html_page, submit):
    session = request_factory(api=False, basic_auth=(EMAIL, PASSWORD))
    assert labels(html_page(session, "/@@personal-information")) == [
        "Adresse courriel",
        "Nom",
        "Prénom",
        "Institution / société",
    ]
    data = {
        "form.widgets.email": EMAIL,
        "form.widgets.last_name": "Sklodowska",
        "form.widgets.first_name": "Maria",
        "form.widgets.institution": "Mairie d'Annecy",
    }
    submit(session, "/@@personal-information", data, "form.buttons.save")
    transaction.begin()
    assert api.user.get(username=EMAIL).getProperty("fullname") == "Maria Sklodowska"


def test_change_password_in_french(request_factory, buyer, html_page, submit):
    session = request_factory(api=False, basic_auth=(EMAIL, PASSWORD))
    assert labels(html_page(session, "/@@change-password")) == [
        "Mot de passe actuel",
        "Nouveau mot de passe",
        "Confirmer le mot de passe",
    ]
    new = "un-nouveau-mot-de-passe"
    data = {
        "form.widgets.current_password": "pas-le-bon-mot-de-passe",
        "form.widgets.new_password": new,
        "form.widgets.new_password_ctl": new,
    }
    response, document = submit(
        session, "/@@change-password", data, "form.buttons.reset_passwd"
    )
    assert errors(document) == {
        "current_password": "Valeur incorrecte pour le mot de passe actuel"
    }
    data["form.widgets.current_password"] = PASSWORD
    response, document = submit(
        session, "/@@change-password", data, "form.buttons.reset_passwd"
    )
    assert status(document)[0].endswith("Mot de passe changé")
    transaction.begin()
    assert api.portal.get().acl_users.authenticate(EMAIL, new, None)


def test_forgotten_password_by_mail_in_french(
    request_factory, buyer, smtp_server, html_page, submit
):
    anonymous = request_factory(api=False)
    document = html_page(anonymous, "/mail_password_form")
    assert document.cssselect("h1")[0].text_content().strip() == "Mot de passe perdu"
    assert labels(document) == ["Mon adresse courriel est"]
    response, document = submit(
        anonymous, "/mail_password_form", {"userid": EMAIL}, "submit"
    )
    assert response.status_code == 200
    assert document.cssselect("#content h1")[0].text_content().strip() == (
        "Confirmation de la réinitialisation du mot de passe envoyée"
    )
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == EMAIL
    assert smtp_server.subjects() == ["Demande de réinitialisation du mot de passe"]
    text = plain_text(message)
    assert "vous pourrez réinitialiser votre mot de passe" in text
    link = re.search(r"https?://\S+/passwordreset/\S+", text).group(0)

    new = "un-nouveau-mot-de-passe"
    assert labels(html_page(anonymous, link)) == [
        "Mon adresse courriel est",
        "Nouveau mot de passe",
        "Confirmer le mot de passe",
    ]
    response, document = submit(
        anonymous, link, {"userid": EMAIL, "password": new, "password2": new}, "submit"
    )
    assert response.status_code == 200
    assert status(document)[0].endswith(
        "Mot de passe réinitialisé avec succès, vous êtes désormais connecté !"
    )
    transaction.begin()
    assert api.portal.get().acl_users.authenticate(EMAIL, new, None)


def test_rest_registration_keeps_the_names(functional_portal, request_factory):
    anonymous = request_factory(role="Anonymous")
    body = {
        "email": EMAIL,
        "password": PASSWORD,
        "last_name": "Curie",
        "first_name": "Marie",
        "institution": "Mairie d'Annecy",
    }
    response = anonymous.post("/@users", json=body)
    assert response.status_code == 201, response.text
    transaction.begin()
    user = api.user.get(username=EMAIL)
    assert user.getProperty("institution") == "Mairie d'Annecy"
    assert user.getProperty("fullname") == "Marie Curie"
    assert {g.getId() for g in api.group.get_groups(user=user)} == {
        "buyers",
        "AuthenticatedUsers",
    }


NAMES = {
    "last_name": "Curie",
    "first_name": "Marie",
    "institution": "Mairie d'Annecy",
}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"last_name": None}, "La propriété 'Nom' est obligatoire."),
        ({"first_name": ""}, "La propriété 'Prénom' est obligatoire."),
        (
            {"institution": None},
            "La propriété 'Institution / société' est obligatoire.",
        ),
        ({"last_name": ["Curie"]}, "« Nom » doit être du texte."),
        ({"first_name": 12}, "« Prénom » doit être du texte."),
        ({"last_name": "C" * 101}, "« Nom » est trop long : 100 caractères au plus."),
        (
            {"institution": "M" * 201},
            "« Institution / société » est trop long : 200 caractères au plus.",
        ),
    ],
)
def test_rest_registration_asks_for_the_names_in_french(
    functional_portal, request_factory, changes, message
):
    anonymous = request_factory(role="Anonymous")
    anonymous.headers["Accept-Language"] = "fr"
    body = {"email": EMAIL, "password": PASSWORD, **NAMES, **changes}
    body = {key: value for key, value in body.items() if value is not None}
    response = anonymous.post("/@users", json=body)
    assert response.status_code == 400, response.text
    errors = response.json()["error"]["errors"]
    assert [error["message"] for error in errors] == [message]
    transaction.begin()
    assert api.user.get(username=EMAIL) is None


def test_rest_registration_keeps_markup_as_text(functional_portal, request_factory):
    anonymous = request_factory(role="Anonymous")
    body = {"email": EMAIL, "password": PASSWORD, **NAMES}
    body["institution"] = "<script>alert(1)</script>"
    assert anonymous.post("/@users", json=body).status_code == 201
    transaction.begin()
    user = api.user.get(username=EMAIL)
    assert user.getProperty("institution") == "<script>alert(1)</script>"


def test_a_site_administrator_creates_an_account_without_names(
    functional_portal, session_of, create_directory
):
    directory = create_directory(commit=True)
    administrator = session_of(directory.emails["site_administrator"])
    body = {"email": EMAIL, "password": PASSWORD}
    assert administrator.post("/@users", json=body).status_code == 201
    too_long = {"email": "autre@mairie.example", "password": PASSWORD}
    response = administrator.post("/@users", json={**too_long, "last_name": "C" * 101})
    assert response.status_code == 400, response.text


@pytest.mark.parametrize("body", [["Curie"], "Curie", 12])
def test_rest_registration_refuses_a_body_that_is_no_account(
    functional_portal, request_factory, body
):
    anonymous = request_factory(role="Anonymous")
    anonymous.headers["Accept-Language"] = "fr"
    response = anonymous.post("/@users", json=body)
    assert response.status_code == 400, response.text
    assert (
        response.json()["message"] == "Le corps de la requête doit être un objet JSON."
    )


def test_a_manager_still_imports_accounts_from_a_csv_file(
    functional_portal, request_factory
):
    """plone.restapi's CSV upload to POST @users is a form, not a JSON body."""
    manager = request_factory(role="Manager")
    rows = (
        "email,password,last_name,first_name,institution\r\n"
        f"import@mairie.example,{PASSWORD},Curie,Marie,Mairie de Sceaux\r\n"
    )
    response = manager.post(
        "/@users",
        files={"file": ("comptes.csv", rows.encode(), "text/csv")},
        headers={"Content-Type": None},
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    user = api.user.get(username="import@mairie.example")
    assert user is not None
    assert user.getProperty("last_name") == "Curie"
