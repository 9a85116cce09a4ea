"""The appointment page's "Annuler le rendez-vous": its coach and
administrators confirm, then cancel a planned appointment to come, and both
people are mailed; nobody else may, and a cancelled or past one is refused
in French."""

from email.header import decode_header
from email.header import make_header
from lxml import html

import pytest
import transaction


CANCELLERS = ("trainer", "site_administrator")
OTHERS = ("holder", "other_holder", "other_coach", "buyer", "cooperative")
REFUSED = "Ce rendez-vous n'est plus prévu : il ne peut pas être annulé."


def page(session, appointment):
    response = session.get(appointment.absolute_url(), headers={"Accept": "text/html"})
    return response, html.fromstring(response.text)


def cancel_link(root):
    return root.cssselect(".coop-cancel-appointment a")


@pytest.fixture
def token(functional_portal):
    """The CSRF token of a member's forms, read from their "Mon agenda" page
    (an appointment's page has no form for those who may not cancel it)."""

    def of(browser):
        response = browser.get(f"{functional_portal.absolute_url()}/@@mon-agenda")
        root = html.fromstring(response.text)
        return root.xpath("//input[@name='_authenticator']/@value")[0]

    return of


def status_of(appointment):
    transaction.begin()
    return appointment.status


def messages(root):
    """The texts of the page's status messages, without their icon's title."""
    shown = ".//text()[not(ancestor::*[local-name()='svg'])]"
    return [
        " ".join("".join(node.xpath(shown)).split())
        for node in root.cssselect(".statusmessage")
    ]


def post_cancel(session, appointment):
    """Cancel from the page, then its confirmation; the page that follows."""
    _response, root = page(session, appointment)
    (link,) = cancel_link(root)
    confirmation = html.fromstring(session.get(link.get("href")).text)
    (form,) = confirmation.cssselect("form.coop-cancel-appointment")
    token = form.xpath(".//input[@name='_authenticator']/@value")[0]
    response = session.post(form.get("action"), data={"_authenticator": token})
    return response, html.fromstring(response.text)


@pytest.mark.parametrize("persona", CANCELLERS)
def test_the_coach_or_an_administrator_cancels_and_both_are_told(
    persona, smtp_server, appointment, intranet_browser
):
    # The two mails of the plan, then those of the cancellation.
    assert len(smtp_server.wait_for(2)) == 2
    session = intranet_browser(persona)
    response, root = post_cancel(session, appointment)
    assert response.url == appointment.absolute_url()
    assert messages(root) == [
        "Info: Le rendez-vous est annulé : le porteur de projet et "
        "l'accompagnateur sont prévenus par e-mail."
    ]
    assert status_of(appointment) == "cancelled"
    assert root.cssselect(".coop-appointment-cancelled")
    assert not cancel_link(root)
    mails = smtp_server.wait_for(4)[2:]
    assert {mail["To"] for mail in mails} == {
        "ines.morel@porteurs.example",
        "nadia.benali@cae.example",
    }
    assert {str(make_header(decode_header(mail["Subject"]))) for mail in mails} == {
        "Rendez-vous annulé : Point mensuel"
    }


def test_the_holder_sees_no_button_and_may_not_cancel(
    appointment, intranet_browser, token
):
    session = intranet_browser("holder")
    response, root = page(session, appointment)
    assert response.status_code == 200
    assert not cancel_link(root)
    response = session.post(
        f"{appointment.absolute_url()}/@@cancel-appointment",
        data={"_authenticator": token(session)},
        allow_redirects=False,
    )
    # Refused: Plone sends the member to its "insufficient privileges" page.
    assert response.status_code in (302, 401, 403)
    assert status_of(appointment) == "planned"


@pytest.mark.parametrize("persona", [*OTHERS[1:], "anonymous"])
def test_nobody_else_may_cancel(persona, appointment, intranet_browser):
    session = intranet_browser(persona)
    response = session.post(
        f"{appointment.absolute_url()}/@@cancel-appointment",
        allow_redirects=False,
    )
    # Anonymous visitors are sent to the login form.
    assert response.status_code in (302, 401, 403, 404)
    if response.status_code == 302:
        assert "login" in response.headers["Location"]
    assert status_of(appointment) == "planned"


def test_without_the_forms_token_nothing_changes(appointment, intranet_browser):
    session = intranet_browser("trainer")
    response = session.post(f"{appointment.absolute_url()}/@@cancel-appointment")
    assert response.status_code == 403
    assert status_of(appointment) == "planned"


def test_the_confirmation_changes_nothing_and_keeps_it(appointment, intranet_browser):
    session = intranet_browser("trainer")
    response = session.get(f"{appointment.absolute_url()}/@@cancel-appointment")
    assert response.status_code == 200
    root = html.fromstring(response.text)
    assert " ".join(root.cssselect("h1")[0].text_content().split()) == (
        "Annuler le rendez-vous"
    )
    (form,) = root.cssselect("form.coop-cancel-appointment")
    assert [" ".join(b.text_content().split()) for b in form.cssselect("button")] == [
        "Annuler le rendez-vous"
    ]
    (keep,) = form.cssselect("a")
    assert keep.get("href") == appointment.absolute_url()
    assert keep.text_content().strip() == "Garder le rendez-vous"
    assert status_of(appointment) == "planned"


def test_a_cancelled_appointment_is_refused_in_french(
    smtp_server, appointment, intranet_browser, token
):
    session = intranet_browser("trainer")
    post_cancel(session, appointment)
    response = session.post(
        f"{appointment.absolute_url()}/@@cancel-appointment",
        data={"_authenticator": token(session)},
    )
    assert any(REFUSED in text for text in messages(html.fromstring(response.text)))
    # The two mails of the plan and the two of the cancellation, no more.
    assert len(smtp_server.wait_for(5, timeout=3)) == 4


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"days": -3}, "Ce rendez-vous est passé : il ne peut pas être annulé."),
        ({"status": "done"}, REFUSED),
    ],
)
def test_a_past_or_done_appointment_has_no_button_and_is_refused(
    fields, message, make_appointment, intranet_browser, token
):
    appointment = make_appointment(**fields)
    session = intranet_browser("trainer")
    response, root = page(session, appointment)
    assert not cancel_link(root)
    confirmation = html.fromstring(
        session.get(f"{appointment.absolute_url()}/@@cancel-appointment").text
    )
    assert not confirmation.cssselect("form.coop-cancel-appointment")
    (refused,) = confirmation.cssselect(".coop-cancel-refused")
    assert " ".join(refused.text_content().split()) == (
        "Ce rendez-vous n'est plus prévu, ou il est passé : il ne peut pas être annulé."
    )
    response = session.post(
        f"{appointment.absolute_url()}/@@cancel-appointment",
        data={"_authenticator": token(session)},
    )
    assert any(message in text for text in messages(html.fromstring(response.text)))
    assert status_of(appointment) == fields.get("status", "planned")
