"""The demo intranet: a term of workshops with attendance and absentees,
sessions to come with free seats, the demo holder's appointments."""

from collections import Counter
from coop.content.agenda.registrations.signup import refusal
from coop.content.agenda.registrations.signup import seats_left
from coop.content.agenda.registrations.store import get_store
from coop.content.intranet.home.overview import next_sessions
from coop.content.intranet.series import absentees
from coop.content.intranet.series import missed_workshops
from coop.content.intranet.workshops.registrations import unmarked_sessions
from coop.content.intranet.workshops.registrations import WORKSHOP_REFUSALS
from datetime import datetime
from plone import api

import pytest
import pytz


HOLDER = "porteur@coop.example"
COACH = "accompagnateur@coop.example"


@pytest.fixture
def demo(portal, apply_profiles):
    apply_profiles(portal, ["coop.policy:demo"])
    return portal


def userid(email):
    return api.user.get(username=email).getId()


def sessions(portal):
    """The demo's sessions, the earliest first."""
    term = portal["intranet"]["ateliers"].contentValues()
    return sorted(term, key=lambda session: session.start)


def statuses(workshop):
    store = get_store(workshop)
    return [record["status"] for record in store.records()] if store else []


def test_a_term_over_three_themes_with_attendance_and_seats_to_come(demo):
    now = datetime.now(pytz.utc)
    term = sessions(demo)
    assert len(term) == 12
    assert Counter(session.theme for session in term) == {
        "gestion": 4,
        "commercial": 4,
        "numerique": 4,
    }
    assert {session.trainer for session in term} == {userid(COACH)}
    past = [session for session in term if session.end < now]
    to_come = [session for session in term if session.start > now]
    assert len(past) == 6 and len(to_come) == 6
    for session in term:
        assert session.start.weekday() < 5
    marked = [session for session in past if "registered" not in statuses(session)]
    assert len(marked) == 5
    for session in marked:
        assert "attended" in statuses(session)
    assert sum(statuses(session).count("absent") for session in marked) >= 4
    for theme in ("gestion", "commercial", "numerique"):
        assert any(
            session.theme == theme
            and seats_left(session) > 0
            and refusal(session, WORKSHOP_REFUSALS) is None
            for session in to_come
        ), theme
    (full,) = [session for session in to_come if seats_left(session) == 0]
    assert statuses(full) == ["registered", "registered", "waitlisted"]


def test_absentees_to_register_again_and_attendance_to_mark(demo):
    workshops = demo["intranet"]["ateliers"]
    holder = userid(HOLDER)
    names = {
        f"{record['first_name']} {record['last_name']}"
        for record in absentees(workshops["gestion-tresorerie"])
    }
    assert names == {"Karim Benali", "Hugo Lemaire"}
    # The demo holder made up the commercial session they missed.
    with api.env.adopt_user(username=HOLDER):
        (missed,) = missed_workshops(holder)
    assert missed["theme"] == "gestion"
    assert missed["next"] == workshops["gestion-prix-de-revient"]
    assert missed["registration"] is None
    with api.env.adopt_user(username=COACH):
        unmarked = [brain.getId for brain in unmarked_sessions()]
    assert unmarked == ["numerique-reseaux-sociaux"]


def test_the_demo_holder_home_has_each_registration_status(demo):
    with api.env.adopt_user(username=HOLDER):
        rows = next_sessions(holder=userid(HOLDER))
    assert [(row["title"], row["status"], row["can_register"]) for row in rows] == [
        ("Calculer son prix de revient", None, True),
        ("Rédiger un devis qui convainc", "registered", False),
        ("Créer son site vitrine", None, True),
        ("Lire son compte de résultat", None, True),
        ("Négocier sans brader", "waitlisted", False),
    ]


def test_appointments_of_the_demo_holder_and_coach(demo):
    holder, coach = userid(HOLDER), userid(COACH)
    now = datetime.now(pytz.utc)
    folder = demo["intranet"]["rendez-vous"]
    mine = [
        appointment
        for appointment in folder.contentValues()
        if appointment.entrepreneur == holder
    ]
    assert {appointment.coach for appointment in mine} == {coach}
    assert {a.status for a in mine if a.end < now} == {"done"}
    assert {a.status for a in mine if a.start > now} == {"planned"}
    assert len(mine) == 4
    with api.env.adopt_user(username=HOLDER):
        found = api.content.find(portal_type="Appointment")
    assert {brain.getId for brain in found} == {a.getId() for a in mine}


def test_the_coach_follows_the_demo_holder(demo):
    with api.env.adopt_user(username=COACH):
        (personal_file,) = api.content.find(portal_type="PersonalFile")
    assert personal_file.getId == userid(HOLDER)


def test_applying_the_demo_again_changes_nothing(demo, apply_profiles):
    before = {session.getId(): statuses(session) for session in sessions(demo)}
    appointments = sorted(demo["intranet"]["rendez-vous"].objectIds())
    users = len(api.user.get_users())
    apply_profiles(demo, ["coop.policy:demo"])
    assert {s.getId(): statuses(s) for s in sessions(demo)} == before
    assert sorted(demo["intranet"]["rendez-vous"].objectIds()) == appointments
    assert len(api.user.get_users()) == users
