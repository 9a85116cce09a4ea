"""The moderators' import page on /annuaire: who may use it, what it refuses."""

from pathlib import Path
from plone import api
from plone.testing.zope import Browser

import pytest
import requests
import transaction


SAMPLE = Path(__file__).parent / "data" / "cooperatives.csv"
PERSONAS = {
    "buyer": ("acheteur@example.org", ("buyers",), ()),
    "cooperative": ("cooperative@example.org", ("cooperatives", "buyers"), ()),
    "entrepreneur": ("porteur@example.org", ("entrepreneurs",), ()),
    "coach": ("accompagnatrice@example.org", ("coaches",), ()),
    "moderator": ("moderatrice@example.org", ("moderators",), ()),
    "administrator": ("admin-site@example.org", (), ("Site Administrator",)),
}


@pytest.fixture
def accounts(functional_portal, create_people, password):
    """{persona: (e-mail, password)}, the logins of PERSONAS."""
    emails = create_people(PERSONAS)
    transaction.commit()
    return {persona: (email, password) for persona, email in emails.items()}


@pytest.fixture
def page(functional_portal):
    return f"{functional_portal.absolute_url()}/annuaire/@@import-cooperatives"


@pytest.mark.parametrize(
    "persona", [None, "buyer", "cooperative", "entrepreneur", "coach"]
)
def test_the_page_is_refused_to_others(accounts, page, persona, login_challenge):
    auth = accounts[persona] if persona else None
    response = requests.get(page, auth=auth, allow_redirects=False, timeout=30)
    assert login_challenge(response)
    response = requests.post(
        page,
        auth=auth,
        files={"form.widgets.file": ("c.csv", SAMPLE.read_bytes(), "text/csv")},
        data={"form.buttons.import": "Importer"},
        allow_redirects=False,
        timeout=30,
    )
    assert login_challenge(response)
    transaction.begin()
    assert api.user.get(username="contact@menuiserie-du-lac.example") is None


@pytest.mark.parametrize("persona", ["moderator", "administrator"])
def test_moderators_and_administrators_get_the_form(accounts, page, persona):
    response = requests.get(page, auth=accounts[persona], timeout=30)
    assert response.status_code == 200
    assert 'name="form.widgets.file"' in response.text
    assert "Importer des coopératives" in response.text


def test_the_page_answers_on_the_directory_only(accounts, functional_portal):
    # coaches may add content to the agenda, hence the permission there
    agenda = f"{functional_portal.absolute_url()}/agenda/@@import-cooperatives"
    response = requests.get(agenda, auth=accounts["coach"], timeout=30)
    assert response.status_code == 404
    root = f"{functional_portal.absolute_url()}/@@import-cooperatives"
    response = requests.get(root, auth=accounts["administrator"], timeout=30)
    assert response.status_code == 404


@pytest.fixture
def moderator_browser(functional_app, accounts, page):
    browser = Browser(functional_app)
    browser.addHeader("Authorization", "Basic {}:{}".format(*accounts["moderator"]))
    browser.open(page)
    return browser


def upload(browser, data, filename="cooperatives.csv", content_type="text/csv"):
    if data is not None:
        control = browser.getControl(name="form.widgets.file")
        control.add_file(data, content_type, filename)
    browser.getControl(name="form.buttons.import").click()
    return browser.contents


def test_an_import_through_the_form(moderator_browser):
    bad_row = "x@y.example;Scop X;scop_sa;44306184100048;T;C;45;;;;;;74000;Annecy;;;"
    contents = upload(moderator_browser, SAMPLE.read_bytes() + bad_row.encode())
    assert "Fiches créées : 3" in contents
    assert "Lignes refusées : 1" in contents
    assert (
        "Ligne 5 : siret : Le numéro SIRET comporte 14 chiffres et une clé de "
        "contrôle valide." in contents
    )
    transaction.begin()
    user = api.user.get(username="contact@menuiserie-du-lac.example")
    assert "cooperatives" in [
        group.getId() for group in api.group.get_groups(user=user)
    ]


def test_markup_in_a_cell_is_shown_as_text_in_the_report(moderator_browser):
    row = "x@y.example;Scop X;scop_sa;44306184100047;T;<b>Z</b>;45;;;;;;74000;A;;;"
    contents = upload(moderator_browser, SAMPLE.read_bytes() + row.encode())
    assert "« &lt;b&gt;Z&lt;/b&gt; »" in contents
    assert "<b>Z</b>" not in contents


@pytest.mark.parametrize(
    "data,content_type,message",
    [
        (None, "text/csv", "Champ obligatoire"),
        (
            b"email;title\n" + b"a@b.example;Scop\n" * 400_000,
            "text/csv",
            "Le fichier ne doit pas dépasser 5 Mo.",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
            "image/png",
            "Le fichier n'est pas du texte UTF-8",
        ),
        (
            SAMPLE.read_bytes().splitlines()[0],
            "text/csv",
            "Le fichier ne contient aucune coopérative à importer.",
        ),
    ],
)
def test_bad_files_are_refused_with_a_french_message(
    moderator_browser, data, content_type, message
):
    contents = upload(moderator_browser, data, content_type=content_type)
    assert message in contents
    assert "coop-import-report" not in contents
    transaction.begin()
    assert api.user.get(username="contact@menuiserie-du-lac.example") is None


def test_a_post_without_the_csrf_token_is_refused(accounts, page):
    response = requests.post(
        page,
        auth=accounts["moderator"],
        files={"form.widgets.file": ("c.csv", SAMPLE.read_bytes(), "text/csv")},
        data={"form.buttons.import": "Importer"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 403
    transaction.begin()
    assert api.user.get(username="contact@menuiserie-du-lac.example") is None
