"""The .ics of a workshop and of an appointment (plone.app.event's ics_view).

Whoever may see the session or the appointment downloads it, nobody else;
the times are Paris times; an appointment's never holds the coach's notes.
"""

from datetime import timedelta

import pytest


def ics(obj):
    return f"{obj.absolute_url()}/@@ics_view"


@pytest.fixture
def workshop(make_workshop):
    return make_workshop()


@pytest.fixture
def appointment(make_appointment):
    return make_appointment(notes="Relancer le devis de la mairie.")


def only_event(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


@pytest.mark.parametrize(
    "persona",
    ["holder", "other_holder", "trainer", "other_coach", "site_administrator"],
)
def test_the_intranet_downloads_a_workshop(persona, workshop, intranet_session, parse):
    response = intranet_session(persona).get(ics(workshop))
    assert (
        response.headers["Content-Disposition"] == 'attachment; filename="atelier.ics"'
    )
    event = only_event(parse(response))
    assert str(event["SUMMARY"]) == "Construire son prévisionnel"
    assert str(event["LOCATION"]) == "Salle Mont-Blanc, 12 avenue de Genève, Annecy"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.start == workshop.start
    assert event.end == workshop.start + timedelta(hours=3)
    assert str(event["URL"]) == workshop.absolute_url()


def test_outsiders_download_no_workshop(outsider, workshop, intranet_session):
    response = intranet_session(outsider).get(ics(workshop), allow_redirects=False)
    assert response.status_code in (401, 403)
    assert "BEGIN:VEVENT" not in response.text


@pytest.mark.parametrize("persona", ["holder", "trainer", "site_administrator"])
def test_the_holder_the_coach_and_administrators_download_an_appointment(
    persona, appointment, intranet_session, parse
):
    response = intranet_session(persona).get(ics(appointment))
    event = only_event(parse(response))
    assert str(event["SUMMARY"]) == "Point mensuel"
    assert str(event["LOCATION"]) == "Bureau 2, 12 avenue de Genève, Annecy"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.start == appointment.start
    assert event.end == appointment.start + timedelta(hours=1)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "Relancer" not in response.content.decode("utf-8")


@pytest.mark.parametrize(
    "persona", ["anonymous", "buyer", "cooperative", "other_holder", "other_coach"]
)
def test_nobody_else_downloads_an_appointment(persona, appointment, intranet_session):
    response = intranet_session(persona).get(ics(appointment), allow_redirects=False)
    assert response.status_code in (401, 403, 404)
    assert "Point mensuel" not in response.text


def test_an_appointment_by_video_takes_place_at_its_call(
    make_appointment, intranet_session, parse
):
    appointment = make_appointment(
        mode="video", location="", video_url="https://visio.example/point-mensuel"
    )
    event = only_event(parse(intranet_session("holder").get(ics(appointment))))
    assert str(event["LOCATION"]) == "https://visio.example/point-mensuel"


def test_a_cancelled_appointment_says_so(make_appointment, intranet_session, parse):
    appointment = make_appointment(status="cancelled")
    event = only_event(parse(intranet_session("holder").get(ics(appointment))))
    assert str(event["STATUS"]) == "CANCELLED"
