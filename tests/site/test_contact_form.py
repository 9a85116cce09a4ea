"""The contact form /contact: a collective.easyform form that mails the
cooperative's team, keeps what it receives and refuses spam and bad input,
on its page as over REST (its content, and `@contact` for its fields and
their submission)."""

from collective.easyform.api import get_actions
from email.header import decode_header
from email.header import make_header
from lxml import html
from plone import api

import pytest
import transaction


FIELDS = {
    "form.widgets.name": "Amélie Rousseau",
    "form.widgets.email": "amelie.rousseau@example.org",
    "form.widgets.subject": "Tester mon activité de céramiste",
    "form.widgets.message": "Bonjour, je voudrais savoir comment vous rejoindre.",
    "form.widgets.consent:list": "selected",
    "form.widgets.consent-empty-marker": "1",
    "form.buttons.submit": "Envoyer",
}


@pytest.fixture
def contact(functional_portal):
    return functional_portal["contact"]


@pytest.fixture
def submit(authenticator):
    """Send FIELDS, with `changes`, through the form of `contact`."""

    def submit(session, contact, **changes):
        token = authenticator(session.get(contact.absolute_url()))
        data = {**FIELDS, "_authenticator": token, **changes}
        data = {key: value for key, value in data.items() if value is not None}
        return session.post(contact.absolute_url(), data=data)

    return submit


def saved(contact):
    transaction.begin()
    return [dict(row) for row in get_actions(contact)["saved"].getSavedFormInput()]


def test_the_form_asks_what_the_team_needs(contact, browser):
    page = html.fromstring(browser.get(contact.absolute_url()).text)
    labels = [
        " ".join(label.text_content().split())
        for label in page.cssselect("#form label")
    ]
    for expected in (
        "Nom et prénom",
        "Adresse e-mail",
        "Objet",
        "Message",
        "J'accepte",
    ):
        assert any(label.startswith(expected) for label in labels), labels
    assert page.xpath("//form[@id='form']//input[@name='protected_1']")


def test_a_message_is_mailed_to_the_team_and_kept(
    contact, browser, smtp_server, submit, mail_parts
):
    response = submit(browser, contact)
    assert response.status_code == 200
    assert "Merci pour votre message" in response.text
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == api.portal.get_registry_record("plone.email_from_address")
    assert message["Reply-To"] == "amelie.rousseau@example.org"
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject == "Tester mon activité de céramiste"
    assert "comment vous rejoindre" in mail_parts(message)["text/html"]
    (row,) = saved(contact)
    assert row["email"] == "amelie.rousseau@example.org"
    assert row["message"] == FIELDS["form.widgets.message"]


@pytest.mark.parametrize(
    "changes",
    [
        {"form.widgets.consent:list": None},
        {"form.widgets.email": "pas-une-adresse"},
        {"form.widgets.name": ""},
        {"form.widgets.message": "x" * 5001},
        {"form.widgets.subject": "y" * 201},
    ],
)
def test_bad_input_is_refused_and_nothing_is_kept(contact, browser, changes, submit):
    response = submit(browser, contact, **changes)
    assert "Merci pour votre message" not in response.text
    page = html.fromstring(response.text)
    assert page.cssselect("#form .invalid-feedback, #form .is-invalid, .error")
    assert saved(contact) == []


def test_markup_is_shown_as_text_never_run(
    contact, browser, smtp_server, submit, mail_parts
):
    script = "<script>alert('contact')</script>"
    response = submit(browser, contact, **{"form.widgets.message": script})
    assert response.status_code == 200
    assert script not in response.text
    (message,) = smtp_server.wait_for(1)
    assert "alert(" in mail_parts(message)["text/html"]
    assert script not in mail_parts(message)["text/html"]


def test_a_filled_honeypot_is_refused(contact, browser, submit):
    response = submit(browser, contact, protected_1="http://spam.example")
    assert response.status_code == 403
    assert saved(contact) == []


# --- Over REST: GET the form (its content, its fields), POST @contact --------

VALUES = {
    "name": "Amélie Rousseau",
    "email": "amelie.rousseau@example.org",
    "subject": "Tester mon activité de céramiste",
    "message": "Bonjour, je voudrais savoir comment vous rejoindre.",
    "consent": True,
}
PEOPLE = {
    "member": ("membre@coop.example", ("buyers",), ()),
    # Who may download the messages received.
    "administrator": ("admin@coop.example", (), ("Site Administrator",)),
}


@pytest.fixture
def rest(functional_portal, create_people, sessions_of):
    """The REST session of "anonymous", "member" or "administrator"."""
    emails = create_people(PEOPLE)
    transaction.commit()
    return sessions_of(emails)


def post(session, contact, body=None, **changes):
    values = {**VALUES, **changes}
    body = {k: v for k, v in values.items() if v is not None} if body is None else body
    return session.post(f"{contact.absolute_url()}/@contact", json=body)


@pytest.mark.parametrize("who", ["anonymous", "member", "administrator"])
def test_the_form_reads_over_rest(contact, rest, who):
    response = rest(who).get(contact.absolute_url())
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == contact.Title()
    assert body["description"] == contact.Description()
    # The messages received are for those who may download them.
    assert ("savedDataStorage" in body) is (who == "administrator")


@pytest.mark.parametrize("who", ["anonymous", "member", "administrator"])
def test_the_fields_read_as_a_json_schema(contact, rest, who):
    response = rest(who).get(f"{contact.absolute_url()}/@contact")
    assert response.status_code == 200
    schema = response.json()
    assert schema["title"] == contact.Title()
    # The fields of the page, in its order.
    assert schema["fieldsets"][0]["fields"] == [
        "name",
        "email",
        "subject",
        "message",
        "consent",
    ]
    assert set(schema["properties"]) == set(VALUES)
    assert schema["properties"]["name"]["title"] == "Nom et prénom"
    assert schema["properties"]["message"]["maxLength"] == 5000
    assert schema["properties"]["consent"]["type"] == "boolean"
    assert set(schema["required"]) == set(VALUES)
    # Nor the page's hidden honeypot: the body is checked for it.
    assert "honeypot" not in schema["properties"]


@pytest.mark.parametrize("who", ["anonymous", "member", "administrator"])
def test_reading_the_form_writes_nothing(contact, rest, who, writes):
    session = rest(who)
    for url in (contact.absolute_url(), f"{contact.absolute_url()}/@contact"):
        assert session.get(url).status_code == 200
    assert writes == []


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_a_message_sent_over_rest_is_mailed_and_kept(
    contact, rest, who, smtp_server, mail_parts
):
    response = post(rest(who), contact)
    assert response.status_code == 200, response.text
    assert response.json()["description"].startswith("Merci pour votre message")
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == api.portal.get_registry_record("plone.email_from_address")
    assert message["Reply-To"] == VALUES["email"]
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject == VALUES["subject"]
    assert "comment vous rejoindre" in mail_parts(message)["text/html"]
    (row,) = saved(contact)
    assert row["email"] == VALUES["email"]
    assert row["message"] == VALUES["message"]


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"consent": None}, "J'accepte", "Champ obligatoire"),
        ({"consent": False}, "J'accepte", "Champ obligatoire"),
        ({"consent": "oui"}, "J'accepte", "Type de l'objet incorrect"),
        ({"email": "pas-une-adresse"}, "Adresse e-mail", "Adresse courriel invalide"),
        ({"name": ""}, "Nom et prénom", "Champ obligatoire"),
        ({"name": None}, "Nom et prénom", "Champ obligatoire"),
        ({"name": 42}, "Nom et prénom", "Type de l'objet incorrect"),
        ({"name": "Amélie\nRousseau"}, "Nom et prénom", "Contrainte non satisfaite"),
        ({"message": "x" * 5001}, "Message", "Valeur trop longue"),
        ({"subject": "y" * 201}, "Objet", "Valeur trop longue"),
    ],
)
def test_bad_input_is_refused_in_french_and_nothing_is_sent(
    contact, rest, smtp_server, changes, field, problem
):
    response = post(rest("anonymous"), contact, **changes)
    assert response.status_code == 400
    message = response.json()["message"]
    assert message.startswith(f"« {field}")
    assert problem in message
    assert contact.MailHost.queueLength() == 0
    assert smtp_server.wait_for(1, timeout=2) == []
    assert saved(contact) == []


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("pas du JSON", "n'est pas du JSON valide"),
        ('["une", "liste"]', "doit être un objet JSON"),
    ],
)
def test_a_body_that_is_no_object_is_refused(contact, rest, body, problem):
    response = rest("anonymous").post(
        f"{contact.absolute_url()}/@contact",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert problem in response.json()["message"]
    assert saved(contact) == []


def test_markup_sent_over_rest_is_mailed_as_text(
    contact, rest, smtp_server, mail_parts
):
    script = "<script>alert('contact')</script>"
    response = post(rest("anonymous"), contact, message=script)
    assert response.status_code == 200
    (message,) = smtp_server.wait_for(1)
    assert "alert(" in mail_parts(message)["text/html"]
    assert script not in mail_parts(message)["text/html"]


def test_a_filled_honeypot_is_refused_over_rest(contact, rest):
    response = post(
        rest("anonymous"), contact, body={**VALUES, "protected_1": "http://spam"}
    )
    assert response.status_code == 403
    assert saved(contact) == []
