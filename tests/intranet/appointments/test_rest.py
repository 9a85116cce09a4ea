"""The appointments over plone.restapi's own content endpoints, as a plain
HTTP client uses them: a coach plans (POST), reschedules (PATCH), the holder
reads (GET, without the notes); bad input is refused in French and changes
nothing."""

from coop.content.testing import plain_text
from email.header import decode_header
from email.header import make_header
from tests.intranet.conftest import at

import pytest
import transaction


@pytest.fixture
def folder_url(functional_portal):
    return functional_portal["intranet"]["rendez-vous"].absolute_url()


@pytest.fixture
def body(userid_of):
    """What a coach posts to plan an appointment with "holder"."""

    def make(**fields):
        start = at(4, 10)
        return {
            "@type": "Appointment",
            "subject": "Bilan du trimestre",
            "entrepreneur": userid_of("holder"),
            "coach": userid_of("trainer"),
            "mode": "phone",
            "start": start.isoformat(),
            "end": start.replace(hour=11).isoformat(),
            "notes": "Préparer le compte de résultat.",
            **fields,
        }

    return make


def subjects(messages):
    return sorted(str(make_header(decode_header(m["Subject"]))) for m in messages)


def stored(functional_portal):
    transaction.begin()
    return sorted(functional_portal["intranet"]["rendez-vous"].objectIds())


def message_of(response):
    assert response.status_code == 400, response.text
    return response.json()["message"]


def test_a_coach_plans_an_appointment(
    smtp_server, folder_url, body, intranet_session, functional_portal, userid_of
):
    response = intranet_session("trainer").post(folder_url, json=body())
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["@id"] == f"{folder_url}/bilan-du-trimestre"
    transaction.begin()
    appointment = functional_portal["intranet"]["rendez-vous"]["bilan-du-trimestre"]
    assert dict(appointment.get_local_roles()) == {
        userid_of("holder"): ("Reader",),
        userid_of("trainer"): ("Editor", "Owner"),
    }
    assert (
        subjects(smtp_server.wait_for(2))
        == ["Rendez-vous planifié : Bilan du trimestre"] * 2
    )


def test_a_coach_writes_notes_as_they_plan(folder_url, body, intranet_session):
    """The coach has the notes' permission in the folder (Contributor), before
    the appointment gives them Editor."""
    response = intranet_session("trainer").post(folder_url, json=body())
    assert response.status_code == 201, response.text
    assert response.json()["notes"] == "Préparer le compte de résultat."


def test_an_administrator_plans_for_a_coach(
    folder_url, body, intranet_session, userid_of
):
    response = intranet_session("site_administrator").post(
        folder_url, json=body(coach=userid_of("other_coach"))
    )
    assert response.status_code == 201, response.text
    assert intranet_session("other_coach").get(response.json()["@id"]).ok


@pytest.mark.parametrize("persona", ["holder", "buyer", "anonymous"])
def test_nobody_else_plans(
    persona, folder_url, body, intranet_session, functional_portal
):
    response = intranet_session(persona).post(folder_url, json=body())
    assert response.status_code in (401, 403)
    assert stored(functional_portal) == []


def test_the_holder_reads_it_without_the_notes(appointment, intranet_session):
    holder = intranet_session("holder").get(appointment.absolute_url()).json()
    assert holder["subject"] == "Point mensuel"
    assert "notes" not in holder
    assert "Relancer" not in str(holder)
    coach = intranet_session("trainer").get(appointment.absolute_url()).json()
    assert coach["notes"] == "Relancer le devis de la mairie."


def test_rescheduling_over_rest_mails_both(smtp_server, appointment, intranet_session):
    start = at(6, 16, 0)
    response = intranet_session("trainer").patch(
        appointment.absolute_url(),
        json={"start": start.isoformat(), "end": start.replace(hour=17).isoformat()},
    )
    assert response.status_code == 204, response.text
    mails = smtp_server.wait_for(4)[2:]
    assert subjects(mails) == ["Rendez-vous déplacé : Point mensuel"] * 2
    assert "de 16 h à 17 h" in plain_text(mails[0])


def test_cancelling_over_rest_mails_both(smtp_server, appointment, intranet_session):
    response = intranet_session("trainer").patch(
        appointment.absolute_url(), json={"status": "cancelled"}
    )
    assert response.status_code == 204, response.text
    mails = smtp_server.wait_for(4)[2:]
    assert subjects(mails) == ["Rendez-vous annulé : Point mensuel"] * 2


BAD = {
    "end before start": (
        {"end": at(1).isoformat()},
        "La date de fin doit être après la date de début.",
    ),
    "unknown holder": (
        {"entrepreneur": "personne"},
        "Le champ « entrepreneur » ne désigne aucun porteur de projet.",
    ),
    "a coach as holder": (
        {"entrepreneur": "trainer"},
        "Le champ « entrepreneur » ne désigne aucun porteur de projet.",
    ),
    "unknown coach": (
        {"coach": "personne"},
        "Le champ « coach » ne désigne aucun accompagnateur.",
    ),
    "a holder as coach": (
        {"coach": "holder"},
        "Le champ « coach » ne désigne aucun accompagnateur.",
    ),
    "another coach": (
        {"coach": "other_coach"},
        "Le champ « coach » : un accompagnateur ne planifie que ses propres "
        "rendez-vous",
    ),
    "oversized subject": (
        {"subject": "x" * 201},
        "Le champ « subject » : Le texte compte au plus 200 caractères.",
    ),
    "oversized notes": (
        {"notes": "x" * 5001},
        "Le champ « notes » : Le texte compte au plus 5000 caractères.",
    ),
    "a number for a subject": (
        {"subject": 42},
        "Le champ « subject » : Ce champ n'accepte pas cette valeur.",
    ),
    "a number for a date": (
        {"start": 42},
        "Le champ « start » : Ce champ n'accepte pas cette valeur.",
    ),
    "no date": (
        {"start": "demain"},
        "Le champ « start » : Ce champ n'accepte pas cette valeur.",
    ),
    "a list for a person": (
        {"entrepreneur": ["x"]},
        "Le champ « entrepreneur » : Ce champ n'accepte pas cette valeur.",
    ),
    "an object for a status": (
        {"status": {}},
        "Le champ « status » : Ce champ n'accepte pas cette valeur.",
    ),
    "an unknown mode": (
        {"mode": "téléportation"},
        "Le champ « mode » : Ce champ n'accepte pas cette valeur.",
    ),
    "a script for a video call": (
        {"video_url": "javascript:alert(1)"},
        "Le champ « video_url » : Une adresse web commence par http:// ou https://.",
    ),
}
PERSONAS = ("trainer", "holder", "other_coach")
KEPT = ("subject", "start", "end", "entrepreneur", "coach", "mode", "video_url")
KEPT += ("status", "notes")


def with_userids(fields, userid_of):
    return {
        name: userid_of(value) if value in PERSONAS else value
        for name, value in fields.items()
    }


@pytest.mark.parametrize("case", BAD)
def test_bad_plans_are_refused_in_french(
    case, folder_url, body, intranet_session, functional_portal, userid_of
):
    fields, message = BAD[case]
    response = intranet_session("trainer").post(
        folder_url, json=body(**with_userids(fields, userid_of))
    )
    assert message in message_of(response)
    assert stored(functional_portal) == []


@pytest.mark.parametrize("case", BAD)
def test_bad_changes_are_refused_in_french(
    case, appointment, intranet_session, userid_of
):
    fields, message = BAD[case]
    kept = {name: getattr(appointment, name) for name in KEPT}
    response = intranet_session("trainer").patch(
        appointment.absolute_url(), json=with_userids(fields, userid_of)
    )
    assert message in message_of(response)
    transaction.begin()
    assert {name: getattr(appointment, name) for name in kept} == kept


def test_the_body_must_be_json(appointment, intranet_session):
    response = intranet_session("trainer").patch(
        appointment.absolute_url(),
        data="pas du JSON",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    transaction.begin()
    assert appointment.subject == "Point mensuel"
