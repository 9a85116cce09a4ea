"""The mails of an appointment, read from a real SMTP server: planned to both
people, moved, cancelled; each in French, plain text and HTML, with the
.ics; never the coach's notes."""

from coop.content.testing import plain_text
from datetime import timedelta
from email.header import decode_header
from email.header import make_header
from zope.lifecycleevent import modified

import icalendar
import pytest
import transaction


HOLDER = "ines.morel@porteurs.example"
COACH = "nadia.benali@cae.example"


def subject(message):
    return str(make_header(decode_header(message["Subject"])))


def by_recipient(messages):
    return {message["To"]: message for message in messages}


def attachment(message):
    (part,) = [part for part in message.walk() if part.get_filename()]
    return part.get_filename(), part.get_payload(decode=True)


def change(appointment, **fields):
    for name, value in fields.items():
        setattr(appointment, name, value)
    modified(appointment)
    transaction.commit()


def test_both_people_are_told_of_a_new_appointment(smtp_server, planned_by, mail_parts):
    appointment = planned_by("trainer")
    mails = by_recipient(smtp_server.wait_for(2))
    assert set(mails) == {HOLDER, COACH}
    assert {subject(m) for m in mails.values()} == {
        "Rendez-vous planifié : Point mensuel"
    }
    to_holder = plain_text(mails[HOLDER])
    assert "Bonjour Inès Morel," in to_holder
    assert "Un rendez-vous avec Nadia Benali est planifié : « Point mensuel »." in (
        to_holder
    )
    assert "Mode : En personne" in to_holder
    assert "Lieu : Bureau 2, 12 avenue de Genève, Annecy" in to_holder
    assert appointment.absolute_url() in to_holder
    assert "avec Inès Morel" in plain_text(mails[COACH])
    for message in mails.values():
        parts = mail_parts(message)
        assert "text/html" in parts
        filename, ics = attachment(message)
        assert filename == "rendez-vous.ics"
        (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
        assert str(event["SUMMARY"]) == "Point mensuel"
        for text in (*parts.values(), ics.decode("utf-8")):
            assert "Relancer" not in text


def test_a_moved_appointment_is_mailed_again(smtp_server, appointment):
    change(appointment, start=appointment.start + timedelta(days=1))
    change(appointment, end=appointment.end + timedelta(days=1))
    change(appointment, location="Visio")
    change(appointment, mode="video", video_url="https://visio.example/cae")
    mails = smtp_server.wait_for(10)[2:]
    assert [subject(m) for m in mails] == ["Rendez-vous déplacé : Point mensuel"] * 8
    assert "Visioconférence : https://visio.example/cae" in plain_text(mails[-1])


def test_a_change_of_notes_or_status_mails_nobody(smtp_server, appointment):
    change(appointment, notes="Autre chose.", status="done")
    change(appointment, subject="Point trimestriel")
    transaction.commit()
    assert len(smtp_server.wait_for(3, timeout=3)) == 2


def test_a_cancelled_appointment_is_mailed_once(smtp_server, appointment):
    change(appointment, status="cancelled")
    change(appointment, start=appointment.start + timedelta(days=1))
    mails = smtp_server.wait_for(5, timeout=5)[2:]
    assert {m["To"] for m in mails} == {HOLDER, COACH}
    assert [subject(m) for m in mails] == ["Rendez-vous annulé : Point mensuel"] * 2
    assert "« Point mensuel », est annulé" in plain_text(mails[0])
    (event,) = icalendar.Calendar.from_ical(attachment(mails[0])[1]).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"


def test_a_new_holder_is_told_and_the_former_one_too(
    smtp_server, appointment, userid_of
):
    change(appointment, entrepreneur=userid_of("other_holder"))
    mails = by_recipient(smtp_server.wait_for(4)[2:])
    assert set(mails) == {HOLDER, "paul.girard@porteurs.example"}
    assert subject(mails[HOLDER]) == "Rendez-vous annulé : Point mensuel"
    assert "n'est plus le vôtre" in plain_text(mails[HOLDER])
    assert not [p for p in mails[HOLDER].walk() if p.get_filename()]
    new = mails["paul.girard@porteurs.example"]
    assert subject(new) == "Rendez-vous planifié : Point mensuel"
    assert "avec Nadia Benali" in plain_text(new)


@pytest.mark.parametrize("field", ["subject", "location"])
def test_markup_is_text_in_the_mail(smtp_server, make_appointment, mail_parts, field):
    make_appointment(**{field: "<b>Gras</b> & <script>alert(1)</script>"})
    message = smtp_server.wait_for(1)[0]
    html = mail_parts(message)["text/html"]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
