"""@registrations on public events: the same rules as the web form,
the list and attendance for staff only, and exact seats under concurrency."""

from concurrent.futures import ThreadPoolExecutor

import pytest
import transaction


PRESCRIBER = {
    "kind": "france_travail",
    "organisation": "France Travail Annecy",
    "name": "Jeanne Morel",
    "email": "jeanne.morel@francetravail.example",
}


@pytest.fixture
def registration(person):
    """A valid body: `person`, who consents."""
    return {**person, "consent": True}


@pytest.fixture
def capacity():
    """The seats of `event`."""
    return 5


def url(event):
    return f"{event.absolute_url()}/@registrations"


def post(session, event, body):
    return session.post(url(event), json=body)


def test_anyone_registers_through_the_api(
    event, request_factory, smtp_server, records, registration
):
    session = request_factory()
    response = post(session, event, {**registration, "prescriber": PRESCRIBER})
    assert response.status_code == 201, response.text
    (record,) = records(event)
    assert response.json() == {"id": record["id"], "status": "registered"}
    assert record["prescriber"]["organisation"] == "France Travail Annecy"
    messages = smtp_server.wait_for(2)
    assert {m["To"] for m in messages} == {registration["email"], PRESCRIBER["email"]}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"email": "amelie@"}, "« Adresse e-mail » n'est pas une adresse"),
        # No SMTP server has to take a local part out of ASCII.
        (
            {"email": "jérôme@exemple.fr"},
            "« Adresse e-mail » n'est pas une adresse",
        ),
        (
            {"prescriber": {**PRESCRIBER, "email": "jérôme@exemple.fr"}},
            "« Adresse e-mail du prescripteur » n'est pas une adresse",
        ),
        ({"consent": "yes"}, "« Consentement » est obligatoire"),
        ({"consent": False}, "« Consentement » est obligatoire"),
        ({"first_name": 42}, "« Prénom » doit être un texte"),
        ({"last_name": None}, "« Nom » est obligatoire"),
        ({"town": "x" * 101}, "« Commune » ne doit pas dépasser 100"),
        ({"last_name": "<b>Rousseau</b>"}, "« Nom » ne peut pas contenir"),
        ({"prescriber": "PLIE"}, "« Prescripteur » doit être un ensemble"),
        (
            {"prescriber": {**PRESCRIBER, "kind": "pole_emploi"}},
            "« Type de structure » doit prendre une des valeurs proposées",
        ),
        (
            {"prescriber": {**PRESCRIBER, "name": ""}},
            "« Nom du prescripteur » est obligatoire",
        ),
    ],
)
def test_bad_input_is_a_french_400_and_changes_nothing(
    event, request_factory, registration, changes, message, records
):
    response = post(request_factory(), event, {**registration, **changes})
    assert response.status_code == 400
    assert response.json()["type"] == "BadRequest"
    assert message in response.json()["message"]
    assert records(event) == []


def test_a_domain_out_of_ascii_is_kept_and_mailed_in_idna(
    event, request_factory, smtp_server, records, registration
):
    prescriber = {**PRESCRIBER, "email": "conseil@mairie-évian.fr"}
    body = {**registration, "email": "Jean@Café.fr", "prescriber": prescriber}
    response = post(request_factory(), event, body)
    assert response.status_code == 201, response.text
    (record,) = records(event)
    assert record["email"] == "jean@xn--caf-dma.fr"
    assert record["prescriber"]["email"] == "conseil@xn--mairie-vian-hbb.fr"
    messages = smtp_server.wait_for(2)
    assert {m["To"] for m in messages} == {
        "jean@xn--caf-dma.fr",
        "conseil@xn--mairie-vian-hbb.fr",
    }


def test_a_body_that_is_not_json_is_refused(event, request_factory, records):
    response = request_factory().post(
        url(event), data="first_name=Amélie", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 400
    assert response.json()["message"] == (
        "Le corps de la requête n'est pas du JSON valide."
    )
    assert records(event) == []


def test_a_filled_honeypot_is_refused(event, request_factory, records, registration):
    response = post(request_factory(), event, {**registration, "protected_1": "spam"})
    assert response.status_code == 403
    assert records(event) == []


def test_closed_and_past_events_refuse(
    make_event, request_factory, closed_or_past, records, registration
):
    fields, message = closed_or_past
    event = make_event(**fields)
    transaction.commit()
    response = post(request_factory(), event, registration)
    assert response.status_code == 400
    assert message in response.json()["message"]
    assert records(event) == []


def test_twenty_sign_ups_at_once_for_five_seats(
    event, request_factory, smtp_server, records, registration
):
    """Each request runs in its own server thread and ZODB connection; the ones
    that conflict are replayed by the publisher on the new state."""
    sessions = [request_factory() for _ in range(20)]

    def sign_up(number):
        body = {**registration, "email": f"personne{number}@example.org"}
        return post(sessions[number], event, body)

    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(sign_up, range(20)))
    assert [r.status_code for r in responses] == [201] * 20
    statuses = [r.json()["status"] for r in responses]
    assert statuses.count("registered") == 5
    assert statuses.count("waitlisted") == 15
    stored = records(event)
    assert len(stored) == 20
    assert {r["email"] for r in stored} == {
        f"personne{number}@example.org" for number in range(20)
    }
    # Seats go in the order the registrations were committed.
    assert [r["status"] for r in stored] == ["registered"] * 5 + ["waitlisted"] * 15
    assert len(smtp_server.wait_for(20)) == 20


# --- Staff only: the list and attendance ---------------------------------------


@pytest.fixture
def registered(event, request_factory, registration):
    post(request_factory(), event, registration)
    return event


def test_only_staff_list_and_mark(registered, outsider, records, agenda_session):
    transaction.commit()
    session = agenda_session(outsider)
    assert session.get(url(registered)).status_code in (401, 403)
    (record,) = records(registered)
    response = session.patch(
        url(registered), json={"id": record["id"], "status": "cancelled"}
    )
    assert response.status_code in (401, 403)
    assert records(registered)[0]["status"] == "registered"


@pytest.mark.parametrize("persona", ["coach", "site_administrator"])
def test_staff_list_and_mark_attendance(
    registered, persona, records, agenda_session, registration
):
    transaction.commit()
    session = agenda_session(persona)
    response = session.get(url(registered))
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert set(item) == {
        "id",
        "first_name",
        "last_name",
        "email",
        "status",
        "prescriber",
        "created",
    }
    assert (item["email"], item["status"]) == (registration["email"], "registered")
    response = session.patch(url(registered), json={"id": item["id"], "status": "x"})
    assert response.status_code == 400
    assert "« status »" in response.json()["message"]
    response = session.patch(url(registered), json={"id": 999, "status": "absent"})
    assert response.status_code == 400
    assert "« id »" in response.json()["message"]
    assert records(registered)[0]["status"] == "registered"
    response = session.patch(
        url(registered), json={"id": item["id"], "status": "attended"}
    )
    assert response.json() == {"id": item["id"], "status": "attended"}
    assert records(registered)[0]["status"] == "attended"


@pytest.mark.parametrize(
    "body, message",
    [
        ("[1, 2]", "Le corps de la requête doit être un objet JSON."),
        ('"attended"', "Le corps de la requête doit être un objet JSON."),
        ("{pas du json", "Le corps de la requête n'est pas du JSON valide."),
    ],
)
def test_a_change_that_is_no_object_is_refused(
    registered, body, message, records, agenda_session
):
    transaction.commit()
    session = agenda_session("coach")
    response = session.patch(
        url(registered), data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.json()["message"] == message
    assert records(registered)[0]["status"] == "registered"


def test_attendance_only_for_those_who_hold_a_seat(
    make_event, request_factory, records, agenda_session, registration
):
    event = make_event(capacity=1)
    transaction.commit()
    for number in range(2):
        post(
            request_factory(),
            event,
            {**registration, "email": f"p{number}@example.org"},
        )
    seated, waiting = (r["id"] for r in records(event))
    coach = agenda_session("coach")
    refused = "Seule une inscription qui a une place peut être marquée présente"
    response = coach.patch(url(event), json={"id": waiting, "status": "attended"})
    assert response.status_code == 400
    assert refused in response.json()["message"]
    assert [r["status"] for r in records(event)] == ["registered", "waitlisted"]
    response = coach.patch(url(event), json={"id": seated, "status": "cancelled"})
    assert response.json() == {"id": seated, "status": "cancelled"}
    # The cancelled person re-registers: marking the old record would make
    # two active registrations for one address.
    post(request_factory(), event, {**registration, "email": "p0@example.org"})
    response = coach.patch(url(event), json={"id": seated, "status": "excused"})
    assert response.status_code == 400
    assert refused in response.json()["message"]
    assert [r["status"] for r in records(event)] == [
        "cancelled",
        "registered",
        "waitlisted",
    ]


def test_coaches_manage_the_registrations_as_editors_of_the_agenda(
    agenda_people, functional_portal, agenda_session
):
    """A coach's right on an event they created comes from the Editor role of
    coaches on /agenda: owning an event gives no right on its registrations."""
    from plone import api

    coach = api.user.get(username=agenda_people["coach"])
    with api.env.adopt_user(user=coach):
        event = api.content.create(
            container=functional_portal["agenda"],
            type="Event",
            id="atelier",
            title="Réunion mensuelle",
            event_kind="reunion_mensuelle",
        )
    transaction.commit()
    assert "Editor" in api.user.get_roles(user=coach, obj=event)
    managers = {
        role["name"]
        for role in functional_portal.rolesOfPermission(
            "coop.content: Manage registrations"
        )
        if role["selected"]
    }
    assert "Editor" in managers
    assert "Owner" not in managers
    session = agenda_session("coach")
    assert session.get(url(event)).json() == {"items": []}


def test_seats_added_by_a_coach_go_to_the_waiting_list(
    make_event, request_factory, smtp_server, records, agenda_session, registration
):
    event = make_event(capacity=1)
    transaction.commit()
    for number in range(3):
        post(
            request_factory(),
            event,
            {**registration, "email": f"p{number}@example.org"},
        )
    smtp_server.wait_for(3)
    coach = agenda_session("coach")
    response = coach.patch(event.absolute_url(), json={"capacity": 2})
    assert response.status_code == 204
    statuses = [r["status"] for r in records(event)]
    assert statuses == ["registered", "registered", "waitlisted"]
    promoted = smtp_server.wait_for(4)[3]
    assert promoted["To"] == "p1@example.org"
    assert "Une place s'est libérée" in smtp_server.subjects()[3]
