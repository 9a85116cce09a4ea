"""The contact form /contact (issue 7): a collective.easyform form that mails the
cooperative's team, keeps what it receives and refuses spam and bad input."""

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
def browser(request_factory):
    session = request_factory(api=False)
    session.headers["Accept"] = "text/html"
    return session


def submit(session, contact, **changes):
    page = html.fromstring(session.get(contact.absolute_url()).text)
    data = {
        **FIELDS,
        "_authenticator": page.xpath("//input[@name='_authenticator']/@value")[0],
        **changes,
    }
    data = {key: value for key, value in data.items() if value is not None}
    return session.post(contact.absolute_url(), data=data)


def saved(contact):
    transaction.begin()
    return [dict(row) for row in get_actions(contact)["saved"].getSavedFormInput()]


def html_parts(message):
    return "".join(
        part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        for part in message.walk()
        if part.get_content_type() == "text/html"
    )


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


def test_a_message_is_mailed_to_the_team_and_kept(contact, browser, smtp_server):
    response = submit(browser, contact)
    assert response.status_code == 200
    assert "Merci pour votre message" in response.text
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == api.portal.get_registry_record("plone.email_from_address")
    assert message["Reply-To"] == "amelie.rousseau@example.org"
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject == "Tester mon activité de céramiste"
    assert "comment vous rejoindre" in html_parts(message)
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
def test_bad_input_is_refused_and_nothing_is_kept(contact, browser, changes):
    response = submit(browser, contact, **changes)
    assert "Merci pour votre message" not in response.text
    page = html.fromstring(response.text)
    assert page.cssselect("#form .invalid-feedback, #form .is-invalid, .error")
    assert saved(contact) == []


def test_markup_is_shown_as_text_never_run(contact, browser, smtp_server):
    script = "<script>alert('contact')</script>"
    response = submit(browser, contact, **{"form.widgets.message": script})
    assert response.status_code == 200
    assert script not in response.text
    (message,) = smtp_server.wait_for(1)
    assert "alert(" in html_parts(message)
    assert script not in html_parts(message)


def test_a_filled_honeypot_is_refused(contact, browser):
    response = submit(browser, contact, protected_1="http://spam.example")
    assert response.status_code == 403
    assert saved(contact) == []
