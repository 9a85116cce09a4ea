"""Registration to public events: the form, the mails, the waiting list,
the cancellation link, and who may see the list."""

from coop.content.agenda.registrations.signup import cancel_url
from coop.content.agenda.registrations.signup import seats_left
from coop.content.agenda.registrations.store import get_store
from coop.content.testing import plain_text
from lxml import html
from plone import api

import pytest
import re
import transaction


PRESCRIBER = {
    "prescriber_kind": "mission_locale",
    "prescriber_organisation": "Mission locale du Genevois",
    "prescriber_name": "Jeanne Morel",
    "prescriber_email": "jeanne.morel@ml-genevois.example",
}


@pytest.fixture
def capacity():
    """The seats of `event`."""
    return 2


@pytest.fixture
def sign_up(authenticator, person):
    """Sign `person` up to `event` through its form, with `fields` changed."""

    def sign_up(session, event, **fields):
        url = f"{event.absolute_url()}/@@inscription-evenement"
        data = {**person, "consent": "1", **fields}
        data = {key: value for key, value in data.items() if value is not None}
        data["_authenticator"] = authenticator(session.get(url))
        return session.post(url, data=data)

    return sign_up


def attachments(message):
    return {
        part.get_filename(): part.get_payload(decode=True)
        for part in message.walk()
        if part.get_filename()
    }


def cancel_link(message):
    return re.search(
        r"https?://\S+annuler-inscription\?token=\S+", plain_text(message)
    )[0]


# --- Signing up --------------------------------------------------------------


def test_a_person_registers_and_gets_a_french_mail_with_the_event(
    event, browser, smtp_server, records, sign_up, person
):
    response = sign_up(browser, event)
    assert response.status_code == 200, response.text
    assert "Votre inscription est confirmée" in response.text
    (record,) = records(event)
    assert (record["email"], record["status"]) == (person["email"], "registered")
    assert record["prescriber"] is None
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == person["email"]
    assert smtp_server.subjects() == [
        "Inscription confirmée : Réunion d'information collective"
    ]
    text = plain_text(message)
    assert "Bonjour Amélie Rousseau," in text
    assert "12 avenue de Genève, 74000 Annecy" in text
    # The date line only: the cancellation link's random token may hold "AM".
    (when,) = (line for line in text.splitlines() if line.startswith("Date : "))
    assert " h 30 à " in when
    assert "AM" not in when and "PM" not in when
    ics = attachments(message)["reunion.ics"]
    assert b"BEGIN:VEVENT" in ics
    assert b"SUMMARY:R\xc3\xa9union d'information collective" in ics
    assert {p.get_content_type() for p in message.walk()} >= {
        "text/plain",
        "text/html",
        "text/calendar",
    }


def test_a_prescriber_registers_someone_and_both_get_the_mail(
    event, browser, smtp_server, records, sign_up, person
):
    response = sign_up(browser, event, prescriber="1", **PRESCRIBER)
    assert response.status_code == 200, response.text
    (record,) = records(event)
    assert record["prescriber"] == {
        "kind": "mission_locale",
        "organisation": "Mission locale du Genevois",
        "name": "Jeanne Morel",
        "email": "jeanne.morel@ml-genevois.example",
    }
    messages = smtp_server.wait_for(2)
    by_address = {message["To"]: message for message in messages}
    assert set(by_address) == {person["email"], PRESCRIBER["prescriber_email"]}
    prescriber_mail = plain_text(by_address[PRESCRIBER["prescriber_email"]])
    assert "Bonjour Jeanne Morel," in prescriber_mail
    assert "L'inscription de Amélie Rousseau" in prescriber_mail
    for message in messages:
        assert "reunion.ics" in attachments(message)


def test_beyond_capacity_people_wait_and_a_cancellation_promotes_the_first(
    event, browser, request_factory, smtp_server, records, authenticator, sign_up
):
    for number in range(4):
        sign_up(browser, event, email=f"personne{number}@example.org")
    statuses = [r["status"] for r in records(event)]
    assert statuses == ["registered", "registered", "waitlisted", "waitlisted"]
    messages = smtp_server.wait_for(4)
    assert (
        sorted(smtp_server.subjects()).count(
            "Liste d'attente : Réunion d'information collective"
        )
        == 2
    )
    first = next(m for m in messages if m["To"] == "personne0@example.org")
    link = cancel_link(first)
    # The link opens a confirmation page; only the button cancels.
    visitor = request_factory(api=False)
    page = visitor.get(link)
    assert page.status_code == 200
    assert "Annuler l'inscription" in page.text
    assert [r["status"] for r in records(event)][0] == "registered"
    token = link.split("token=")[1]
    response = visitor.post(
        link.split("?")[0],
        data={"token": token, "_authenticator": authenticator(visitor.get(link))},
    )
    assert response.status_code == 200
    assert "Votre inscription est annulée" in response.text
    statuses = [r["status"] for r in records(event)]
    assert statuses == ["cancelled", "registered", "registered", "waitlisted"]
    (promoted,) = smtp_server.wait_for(5)[4:]
    assert promoted["To"] == "personne2@example.org"
    assert "Une place s'est libérée" in smtp_server.subjects()[4]
    # A second click changes nothing.
    again = visitor.get(link)
    assert "déjà annulée" in again.text
    assert visitor.get(f"{link}x").status_code == 404


def test_a_copy_of_the_event_starts_with_nobody_registered(
    event, browser, records, sign_up, person
):
    sign_up(browser, event)
    sign_up(browser, event, email="second@example.org")
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        copy = api.content.copy(source=event, id="copie")
    assert get_store(copy) is None
    assert seats_left(copy) == 2
    assert [r["email"] for r in records(event)] == [
        person["email"],
        "second@example.org",
    ]


@pytest.mark.parametrize("by", ["token", "staff"])
def test_once_the_event_is_over_a_cancellation_promotes_nobody(
    make_event, agenda_session, by, records, authenticator, person
):
    event = make_event(days=-3, capacity=1)
    store = get_store(event, create=True)
    seated, _waiting = (
        store.add({**person, "email": email, "prescriber": None}, capacity=1)
        for email in ("p0@example.org", "p1@example.org")
    )
    transaction.commit()
    session = agenda_session("anonymous" if by == "token" else "coach", api=False)
    if by == "token":
        url = cancel_url(event, seated)
        data = {"token": seated["token"]}
    else:
        url = f"{event.absolute_url()}/@@inscriptions"
        data = {"id": str(seated["id"]), "status": "cancelled"}
    data["_authenticator"] = authenticator(session.get(url))
    assert session.post(url.split("?")[0], data=data).status_code == 200
    assert [r["status"] for r in records(event)] == ["cancelled", "waitlisted"]


# --- What is refused -----------------------------------------------------------


@pytest.mark.parametrize(
    "fields, invalid, message",
    [
        (
            {"email": "pas-une-adresse"},
            "email",
            "« Adresse e-mail » n'est pas une adresse",
        ),
        (
            {"email": "jérôme@exemple.fr"},
            "email",
            "« Adresse e-mail » n'est pas une adresse",
        ),
        ({"consent": None}, "consent", "« Consentement » est obligatoire"),
        ({"first_name": ""}, "first_name", "« Prénom » est obligatoire"),
        (
            {"last_name": "x" * 101},
            "last_name",
            "« Nom » ne doit pas dépasser 100 caractères",
        ),
        (
            {"first_name": "<script>alert(1)</script>"},
            "first_name",
            "« Prénom » ne peut pas contenir",
        ),
        ({"phone": "appelez-moi"}, "phone", "« Téléphone » n'est pas un numéro"),
        (
            {"prescriber": "1", **PRESCRIBER, "prescriber_kind": "pole_emploi"},
            "prescriber_kind",
            "« Type de structure » doit prendre une des valeurs proposées",
        ),
        (
            {"prescriber": "1", **PRESCRIBER, "prescriber_email": "jeanne@"},
            "prescriber_email",
            "« Adresse e-mail du prescripteur » n'est pas une adresse",
        ),
        (
            {"prescriber": "1", **PRESCRIBER, "prescriber_email": "jérôme@ml.fr"},
            "prescriber_email",
            "« Adresse e-mail du prescripteur » n'est pas une adresse",
        ),
    ],
)
def test_bad_input_is_refused_in_french_and_changes_nothing(
    event, browser, fields, invalid, message, records, sign_up
):
    response = sign_up(browser, event, **fields)
    assert response.status_code == 400
    assert message in response.text
    assert "<script>alert(1)" not in response.text
    page = html.fromstring(response.text)
    assert page.xpath("//*[contains(@class, 'is-invalid')]/@name") == [invalid]
    assert records(event) == []


def test_the_same_address_registers_once(event, browser, records, sign_up, person):
    sign_up(browser, event)
    response = sign_up(browser, event, email=person["email"].upper())
    assert response.status_code == 400
    assert "cette adresse est déjà inscrite" in response.text
    assert len(records(event)) == 1


def test_a_filled_honeypot_is_refused(event, browser, records, sign_up):
    response = sign_up(browser, event, protected_1="http://spam.example")
    assert response.status_code == 403
    assert records(event) == []


def test_the_form_carries_the_honeypot(event, browser):
    page = browser.get(f"{event.absolute_url()}/@@inscription-evenement")
    assert 'name="protected_1"' in page.text


def test_no_registration_when_closed_or_past(
    make_event, browser, closed_or_past, records, person
):
    fields, message = closed_or_past
    event = make_event(**fields)
    transaction.commit()
    page = browser.get(f"{event.absolute_url()}/@@inscription-evenement")
    assert message in page.text
    assert "coop-registration-form" not in page.text
    url = f"{event.absolute_url()}/@@inscription-evenement"
    response = browser.post(url, data={**person, "consent": "1"})
    assert message in response.text
    assert records(event) == []


# --- Who sees the list ---------------------------------------------------------


@pytest.fixture
def registered(event, browser, sign_up):
    sign_up(browser, event, prescriber="1", **PRESCRIBER)
    sign_up(browser, event, email="second@example.org", first_name="=1+1")
    return event


@pytest.mark.parametrize("view", ["inscriptions", "inscriptions.csv"])
def test_others_cannot_see_the_list(registered, agenda_session, view, outsider):
    transaction.commit()
    session = agenda_session(outsider, api=False)
    response = session.get(f"{registered.absolute_url()}/@@{view}")
    assert "Rousseau" not in response.text
    assert response.status_code in (200, 401, 403)
    assert "login" in response.url or response.status_code in (401, 403)


@pytest.mark.parametrize("persona", ["coach", "site_administrator"])
def test_staff_see_mark_attendance_and_export(
    registered, agenda_session, persona, records, authenticator
):
    transaction.commit()
    session = agenda_session(persona, api=False)
    url = f"{registered.absolute_url()}/@@inscriptions"
    page = session.get(url)
    assert page.status_code == 200
    assert "Amélie Rousseau" in page.text
    assert "Jeanne Morel (Mission locale – Mission locale du Genevois" in page.text
    first_id = records(registered)[0]["id"]
    response = session.post(
        url,
        data={
            "id": str(first_id),
            "status": "attended",
            "_authenticator": authenticator(session.get(url)),
        },
    )
    assert response.status_code == 200
    assert [r["status"] for r in records(registered)] == ["attended", "registered"]
    csv = session.get(f"{url}.csv")
    assert csv.headers["Content-Type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Nom;Prénom;Adresse e-mail")
    assert "Rousseau;Amélie;amelie.rousseau@example.org" in lines[1]
    assert ";Présent;" in lines[1]
    # A cell a spreadsheet would run as a formula is defused.
    assert ";'=1+1;" in lines[2]


def test_attendance_buttons_only_for_those_who_hold_a_seat(
    make_event, browser, records, agenda_session, authenticator, sign_up
):
    event = make_event(capacity=1)
    transaction.commit()
    for number in range(3):
        sign_up(browser, event, email=f"p{number}@example.org")
    coach = agenda_session("coach", api=False)
    url = f"{event.absolute_url()}/@@inscriptions"
    first, waiting, last = (r["id"] for r in records(event))
    coach.post(
        url,
        data={
            "id": str(last),
            "status": "cancelled",
            "_authenticator": authenticator(coach.get(url)),
        },
    )
    page = html.fromstring(coach.get(url).text)
    buttons = [
        [b.text_content().strip() for b in row.xpath(".//button")]
        for row in page.xpath(
            "//table[contains(@class, 'coop-registrations')]//tbody/tr"
        )
    ]
    assert buttons == [["Présent", "Absent", "Excusé", "Annulé"], ["Annulé"], []]
    for registration_id in (waiting, last):
        response = coach.post(
            url,
            data={
                "id": str(registration_id),
                "status": "attended",
                "_authenticator": authenticator(coach.get(url)),
            },
        )
        assert "Seule une inscription qui a une place peut" in response.text
    statuses = [r["status"] for r in records(event)]
    assert statuses == ["registered", "waitlisted", "cancelled"]
