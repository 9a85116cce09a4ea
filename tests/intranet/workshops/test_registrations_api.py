"""@registrations on workshops: a holder registers and cancels their own, a
coach registers any holder and marks attendance, nobody else takes part;
seats are exact under concurrency."""

from concurrent.futures import ThreadPoolExecutor
from coop.content.testing import plain_text

import pytest


STAFF = ("trainer", "other_coach", "site_administrator")
ITEM = {"id", "first_name", "last_name", "email", "status", "created"}


def url(workshop):
    return f"{workshop.absolute_url()}/@registrations"


@pytest.fixture
def workshop(make_workshop):
    return make_workshop(capacity=1)


def test_a_holder_registers_themself_and_sees_only_their_own(
    workshop, intranet_session, statuses, userid_of, smtp_server
):
    holder = intranet_session("holder")
    response = holder.post(url(workshop), json={})
    assert response.status_code == 201, response.text
    assert response.json()["status"] == "registered"
    response = intranet_session("other_holder").post(url(workshop), json={})
    assert response.json()["status"] == "waitlisted"
    assert statuses(workshop) == {
        userid_of("holder"): "registered",
        userid_of("other_holder"): "waitlisted",
    }
    (item,) = holder.get(url(workshop)).json()["items"]
    assert set(item) == ITEM
    assert (item["email"], item["status"]) == (
        "ines.morel@porteurs.example",
        "registered",
    )
    messages = smtp_server.wait_for(2)
    assert smtp_server.subjects() == [
        "Inscription confirmée : Construire son prévisionnel",
        "Liste d'attente : Construire son prévisionnel",
    ]
    assert "text/calendar" in {part.get_content_type() for part in messages[1].walk()}


def test_a_holder_cancels_and_the_first_waiting_is_promoted_with_a_mail(
    workshop, intranet_session, records, userid_of, smtp_server
):
    holder = intranet_session("holder")
    own = holder.post(url(workshop), json={}).json()
    intranet_session("other_holder").post(url(workshop), json={})
    smtp_server.wait_for(2)
    response = holder.patch(
        url(workshop), json={"id": own["id"], "status": "cancelled"}
    )
    assert response.json() == {"id": own["id"], "status": "cancelled"}
    assert [r["status"] for r in records(workshop)] == ["cancelled", "registered"]
    messages = smtp_server.wait_for(4)
    promoted = next(
        m for m in messages[2:] if m["To"] == "paul.girard@porteurs.example"
    )
    assert "Une place s'est libérée : votre inscription" in plain_text(promoted)
    cancelled = next(m for m in messages[2:] if m["To"] != promoted["To"])
    assert "Votre inscription à « Construire son prévisionnel » est annulée" in (
        plain_text(cancelled)
    )


def test_a_holder_changes_nothing_but_cancelling_their_own(
    workshop, intranet_session, records
):
    own = intranet_session("holder").post(url(workshop), json={}).json()
    other = intranet_session("other_holder")
    other.post(url(workshop), json={})
    for body, message in [
        ({"id": own["id"], "status": "cancelled"}, "aucune de vos inscriptions"),
        ({"id": own["id"], "status": "attended"}, "seulement annuler"),
        ({"status": "cancelled", "id": "x"}, "aucune de vos inscriptions"),
    ]:
        response = other.patch(url(workshop), json=body)
        assert response.status_code == 400, body
        assert message in response.json()["message"]
    assert [r["status"] for r in records(workshop)] == ["registered", "waitlisted"]


@pytest.mark.parametrize("persona", STAFF)
def test_staff_register_any_holder_and_list_everyone(
    workshop, persona, intranet_session, userid_of, statuses, smtp_server
):
    staff = intranet_session(persona)
    response = staff.post(url(workshop), json={"userid": userid_of("holder")})
    assert response.status_code == 201, response.text
    assert statuses(workshop) == {userid_of("holder"): "registered"}
    (item,) = staff.get(url(workshop)).json()["items"]
    assert set(item) == ITEM | {"userid"}
    assert item["userid"] == userid_of("holder")
    (message,) = smtp_server.wait_for(1)
    assert "vous a inscrit à « Construire son prévisionnel »" in plain_text(message)


def test_outsiders_neither_register_nor_list_nor_change(
    workshop, outsider, intranet_session, userid_of, records
):
    own = intranet_session("holder").post(url(workshop), json={}).json()
    session = intranet_session(outsider)
    assert session.post(url(workshop), json={}).status_code in (401, 403)
    body = {"userid": userid_of("other_holder")}
    assert session.post(url(workshop), json=body).status_code in (401, 403)
    assert session.get(url(workshop)).status_code in (401, 403)
    body = {"id": own["id"], "status": "cancelled"}
    assert session.patch(url(workshop), json=body).status_code in (401, 403)
    assert [r["status"] for r in records(workshop)] == ["registered"]


@pytest.mark.parametrize(
    "persona, body, message",
    [
        ("holder", {"userid": "other_holder"}, "Seul un accompagnateur"),
        ("trainer", {}, "ne désigne aucun porteur de projet"),
        ("trainer", {"userid": "trainer"}, "ne désigne aucun porteur de projet"),
        ("trainer", {"userid": "buyer"}, "ne désigne aucun porteur de projet"),
        ("trainer", {"userid": "inconnu"}, "ne désigne aucun porteur de projet"),
        ("trainer", {"userid": "<script>alert(1)</script>"}, "aucun porteur"),
        ("trainer", {"userid": "x" * 5000}, "ne désigne aucun porteur de projet"),
        ("trainer", {"userid": 42}, "« userid » doit être un texte"),
        ("trainer", {"userid": ["holder"]}, "« userid » doit être un texte"),
        ("site_administrator", {}, "ne désigne aucun porteur de projet"),
    ],
)
def test_bad_registrations_are_french_400s_and_change_nothing(
    workshop, persona, body, message, intranet_session, userid_of, records
):
    personas = ("other_holder", "trainer", "buyer")
    if body.get("userid") in personas:
        body = {"userid": userid_of(body["userid"])}
    response = intranet_session(persona).post(url(workshop), json=body)
    assert response.status_code == 400, response.text
    assert response.json()["type"] == "BadRequest"
    assert message in response.json()["message"]
    assert records(workshop) == []


@pytest.mark.parametrize(
    "data, message",
    [
        ("[1, 2]", "Le corps de la requête doit être un objet JSON."),
        ('"holder"', "Le corps de la requête doit être un objet JSON."),
        ("{pas du json", "Le corps de la requête n'est pas du JSON valide."),
    ],
)
def test_a_body_that_is_no_object_is_refused(
    workshop, data, message, intranet_session, records
):
    for method in ("post", "patch"):
        response = getattr(intranet_session("trainer"), method)(
            url(workshop), data=data, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 400, response.text
        assert response.json()["message"] == message
    assert records(workshop) == []


def test_a_holder_registers_once(workshop, intranet_session, records):
    holder = intranet_session("holder")
    holder.post(url(workshop), json={})
    response = holder.post(url(workshop), json={})
    assert response.status_code == 400
    assert "déjà inscrit à cette session" in response.json()["message"]
    assert len(records(workshop)) == 1


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"registration_open": False}, "Les inscriptions à cette session sont fermées"),
        ({"days": -3}, "Cette session est passée"),
    ],
    ids=["closed", "past"],
)
@pytest.mark.parametrize("persona", ["holder", "trainer"])
def test_closed_and_past_sessions_refuse(
    make_workshop, fields, message, persona, intranet_session, userid_of, records
):
    workshop = make_workshop(**fields)
    body = {} if persona == "holder" else {"userid": userid_of("holder")}
    response = intranet_session(persona).post(url(workshop), json=body)
    assert response.status_code == 400
    assert message in response.json()["message"]
    assert records(workshop) == []


# --- Attendance ---------------------------------------------------------------


@pytest.fixture
def past_session(make_workshop, seated):
    workshop = make_workshop(id="passe", days=-1)
    seated(workshop, "holder", "other_holder")
    return workshop


@pytest.mark.parametrize("persona", STAFF)
def test_staff_mark_attendance(
    past_session, persona, intranet_session, records, smtp_server
):
    first, second = (r["id"] for r in records(past_session))
    staff = intranet_session(persona)
    for registration_id, status in ((first, "attended"), (second, "absent")):
        body = {"id": registration_id, "status": status}
        response = staff.patch(url(past_session), json=body)
        assert response.json() == body
    assert [r["status"] for r in records(past_session)] == ["attended", "absent"]
    smtp_server.wait_for(2)
    assert sorted(smtp_server.subjects()) == [
        "Absence enregistrée : Construire son prévisionnel",
        "Présence enregistrée : Construire son prévisionnel",
    ]


@pytest.mark.parametrize(
    "body, message",
    [
        ({"status": "present"}, "« status » doit valoir"),
        ({"status": 1}, "« status » doit valoir"),
        ({"status": ["absent"]}, "« status » doit valoir"),
        ({"status": "registered"}, "« status » doit valoir"),
        ({"id": 999, "status": "absent"}, "« id » ne désigne aucune inscription"),
        ({"id": "<b>1</b>", "status": "absent"}, "« id » ne désigne aucune"),
        ({"id": None, "status": "absent"}, "« id » ne désigne aucune inscription"),
    ],
)
def test_bad_attendance_is_refused(
    past_session, body, message, intranet_session, records
):
    first = records(past_session)[0]["id"]
    response = intranet_session("trainer").patch(
        url(past_session), json={"id": first, **body}
    )
    assert response.status_code == 400, response.text
    assert message in response.json()["message"]
    assert [r["status"] for r in records(past_session)] == ["registered"] * 2


def test_attendance_waits_for_the_session(
    make_workshop, intranet_session, records, userid_of
):
    workshop = make_workshop()
    trainer = intranet_session("trainer")
    own = trainer.post(url(workshop), json={"userid": userid_of("holder")}).json()
    response = trainer.patch(url(workshop), json={"id": own["id"], "status": "absent"})
    assert response.status_code == 400
    assert "une fois la session commencée" in response.json()["message"]
    assert [r["status"] for r in records(workshop)] == ["registered"]


def test_holders_mark_no_attendance(past_session, intranet_session, records):
    first = records(past_session)[0]["id"]
    for persona in ("holder", "other_holder"):
        response = intranet_session(persona).patch(
            url(past_session), json={"id": first, "status": "attended"}
        )
        assert response.status_code == 400
    assert [r["status"] for r in records(past_session)] == ["registered"] * 2


# --- Concurrency --------------------------------------------------------------

SIGN_UPS = 50
SEATS = 20


@pytest.fixture
def crowd(create_people, intranet_people):
    """The e-mails of SIGN_UPS project holders, committed."""
    import transaction

    emails = create_people(
        {
            f"holder{number}": (
                f"porteur{number}@foule.example",
                ("entrepreneurs",),
                (),
            )
            for number in range(SIGN_UPS)
        }
    )
    transaction.commit()
    return list(emails.values())


def test_fifty_sign_ups_at_once_for_twenty_seats(
    make_workshop, crowd, session_of, records, smtp_server
):
    """Each request runs in its own server thread and ZODB connection; those
    that conflict are replayed by the publisher on the new state."""
    workshop = make_workshop(capacity=SEATS)
    sessions = [session_of(email) for email in crowd]

    def sign_up(session):
        return session.post(url(workshop), json={})

    with ThreadPoolExecutor(max_workers=SIGN_UPS) as pool:
        responses = list(pool.map(sign_up, sessions))
    assert [r.status_code for r in responses] == [201] * SIGN_UPS
    answered = [r.json()["status"] for r in responses]
    assert answered.count("registered") == SEATS
    assert answered.count("waitlisted") == SIGN_UPS - SEATS
    stored = records(workshop)
    assert {r["email"] for r in stored} == set(crowd)
    assert len(stored) == SIGN_UPS
    assert [r["status"] for r in stored] == ["registered"] * SEATS + ["waitlisted"] * (
        SIGN_UPS - SEATS
    )
    assert len(smtp_server.wait_for(SIGN_UPS)) == SIGN_UPS
