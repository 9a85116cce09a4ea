"""The workshops' registration rules: who registers, seats and the waiting
list, promotion, attendance, the mails and the catalog."""

from coop.content.common.errors import InputError
from coop.content.intranet.workshops.registrations import mark_attendance
from coop.content.intranet.workshops.registrations import register_holder
from coop.content.intranet.workshops.registrations import registration_of
from coop.content.intranet.workshops.registrations import set_status
from coop.content.intranet.workshops.registrations import unmarked_sessions
from coop.content.testing import plain_text
from plone import api
from zope.i18n import translate

import pytest
import transaction


def french(error):
    return translate(error.value.message, target_language="fr")


def attachments(message):
    return {
        part.get_filename(): part.get_content_type()
        for part in message.walk()
        if part.get_filename()
    }


def test_a_holder_gets_a_seat_and_a_french_mail_with_the_ics(
    make_workshop, userid_of, smtp_server, mail_parts
):
    workshop = make_workshop()
    record = register_holder(workshop, userid_of("holder"))
    transaction.commit()
    assert record["status"] == "registered"
    assert (record["first_name"], record["last_name"]) == ("Inès", "Morel")
    assert record["email"] == "ines.morel@porteurs.example"
    assert registration_of(workshop, userid_of("holder"))["id"] == record["id"]
    assert registration_of(workshop, userid_of("other_holder")) is None
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == "ines.morel@porteurs.example"
    assert smtp_server.subjects() == [
        "Inscription confirmée : Construire son prévisionnel"
    ]
    text = plain_text(message)
    assert "Bonjour Inès Morel," in text
    assert "Votre inscription à « Construire son prévisionnel » est confirmée." in text
    assert "Thème : Gestion" in text
    assert "Formateur : Nadia Benali" in text
    assert f"{workshop.absolute_url()}" in text
    assert "text/html" in mail_parts(message)
    assert attachments(message) == {"atelier.ics": "text/calendar"}


def test_the_catalog_knows_who_takes_part(make_workshop, userid_of, brains_of):
    workshop = make_workshop()
    record = register_holder(workshop, userid_of("holder"))
    transaction.commit()
    (brain,) = brains_of(workshop, participants=userid_of("holder"))
    assert brains_of(workshop, attendance_unmarked=True)
    set_status(workshop, record["id"], "cancelled")
    transaction.commit()
    assert not brains_of(workshop, participants=userid_of("holder"))
    assert not brains_of(workshop, attendance_unmarked=True)


def test_beyond_capacity_the_waiting_list_and_a_freed_seat_promotes(
    make_workshop, userid_of, smtp_server
):
    workshop = make_workshop(capacity=1)
    seated = register_holder(workshop, userid_of("holder"))
    waiting = register_holder(
        workshop, userid_of("other_holder"), by=userid_of("trainer")
    )
    transaction.commit()
    assert waiting["status"] == "waitlisted"
    assert waiting["by"] == userid_of("trainer")
    smtp_server.wait_for(2)
    assert "Nadia Benali vous a inscrit" in plain_text(smtp_server.messages[1])
    set_status(workshop, seated["id"], "cancelled")
    transaction.commit()
    assert registration_of(workshop, userid_of("other_holder"))["status"] == (
        "registered"
    )
    messages = smtp_server.wait_for(4)
    assert smtp_server.subjects()[2:] == [
        "Inscription annulée : Construire son prévisionnel",
        "Une place s'est libérée : Construire son prévisionnel",
    ]
    assert [m["To"] for m in messages[2:]] == [
        "ines.morel@porteurs.example",
        "paul.girard@porteurs.example",
    ]


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"registration_open": False}, "Les inscriptions à cette session sont fermées"),
        ({"days": -3}, "Cette session est passée"),
    ],
    ids=["closed", "past"],
)
def test_closed_and_past_sessions_refuse(make_workshop, userid_of, fields, message):
    workshop = make_workshop(**fields)
    with pytest.raises(InputError) as error:
        register_holder(workshop, userid_of("holder"))
    assert message in french(error)
    assert registration_of(workshop, userid_of("holder")) is None


@pytest.mark.parametrize(
    "persona",
    ["trainer", "buyer", "site_administrator", None, "<script>", "x" * 500, 42],
)
def test_only_project_holders_register(make_workshop, userid_of, persona):
    workshop = make_workshop()
    if persona in ("trainer", "buyer", "site_administrator"):
        userid = userid_of(persona)
    else:
        userid = persona
    with pytest.raises(InputError) as error:
        register_holder(workshop, userid)
    assert error.value.field == "userid"
    assert "« userid »" in french(error)
    assert registration_of(workshop, userid_of("holder")) is None


def test_a_holder_registers_once(make_workshop, userid_of):
    workshop = make_workshop()
    register_holder(workshop, userid_of("holder"))
    with pytest.raises(InputError) as error:
        register_holder(workshop, userid_of("holder"))
    assert "déjà inscrit" in french(error)


def test_attendance_once_the_session_has_begun(make_workshop, userid_of):
    upcoming = make_workshop()
    record = register_holder(upcoming, userid_of("holder"))
    with pytest.raises(InputError) as error:
        set_status(upcoming, record["id"], "attended")
    assert "une fois la session commencée" in french(error)
    assert registration_of(upcoming, userid_of("holder"))["status"] == "registered"


def test_attendance_is_checked_before_any_is_stored(make_workshop, seated, records):
    workshop = make_workshop(days=-1)
    first, second = (r["id"] for r in seated(workshop, "holder", "other_holder"))
    with pytest.raises(InputError):
        mark_attendance(workshop, {first: "absent", second: "present"})
    transaction.abort()
    assert [r["status"] for r in records(workshop)] == ["registered", "registered"]
    mark_attendance(workshop, {first: "absent", second: "attended"})
    transaction.commit()
    assert [r["status"] for r in records(workshop)] == ["absent", "attended"]


def test_unmarked_sessions_two_days_after_their_end(
    make_workshop, seated, intranet_people
):
    recent = make_workshop(id="recent", days=-1)
    overdue = make_workshop(id="overdue", days=-3)
    marked = make_workshop(id="marked", days=-4)
    make_workshop(id="empty", days=-5)
    seated(recent, "holder")
    seated(overdue, "holder")
    (record,) = seated(marked, "holder")
    set_status(marked, record["id"], "attended")
    transaction.commit()
    with api.env.adopt_user(username=intranet_people["trainer"]):
        assert [brain.getId for brain in unmarked_sessions()] == ["overdue"]
