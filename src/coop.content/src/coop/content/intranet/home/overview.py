"""What the /intranet home shows a member, by who they are.

A project holder sees the next open workshop sessions with their own
registration, their next appointments, the workshops they missed, and the
latest resources and open questions. A coach sees the same (but what a
holder registers to), the project holders they follow, the sessions they
train and those of them whose attendance is still unmarked; an administrator
sees the coach's view of everyone.

Every list is one catalog query with a limit, read from the catalog's
metadata; only the few sessions and appointments shown are loaded, for what
the catalog does not hold (a holder's registration, the other person of an
appointment). A member's lists are kept in a RAM cache until content or a
registration changes, or for a minute at most (sessions begin, attendance
becomes overdue).
"""

from coop.content import _
from coop.content.agenda.registrations.signup import seats_left
from coop.content.agenda.registrations.store import REGISTERED
from coop.content.agenda.registrations.store import WAITLISTED
from coop.content.common.cachekeys import CONTENT
from coop.content.common.cachekeys import member_key
from coop.content.common.cachekeys import REGISTRATIONS
from coop.content.common.config import APPOINTMENT_TYPE
from coop.content.common.config import COACHES_GROUP
from coop.content.common.config import ENTREPRENEURS_GROUP
from coop.content.common.config import PERSONAL_FILE_TYPE
from coop.content.common.config import QUESTION_TYPE
from coop.content.common.config import RESOURCE_TYPE
from coop.content.common.config import WORKSHOP_TYPE
from coop.content.common.dates import french_span
from coop.content.common.dates import short_date
from coop.content.content.appointment import CANCELLED as APPOINTMENT_CANCELLED
from coop.content.intranet.appointments import appointments_of
from coop.content.intranet.appointments.planning import person_name
from coop.content.intranet.workshops.registrations import registration_of
from coop.content.intranet.workshops.registrations import unmarked_sessions
from coop.content.vocabularies.intranet import workshop_themes
from datetime import datetime
from plone import api
from plone.memoize import ram

import pytz


HOLDER = "holder"
COACH = "coach"
ADMINISTRATOR = "administrator"
ADMINISTRATOR_ROLES = {"Manager", "Site Administrator"}

# How many items each list shows.
NEXT_SESSIONS = 5
NEXT_APPOINTMENTS = 5
TRAINED_SESSIONS = 5
LATEST_RESOURCES = 5
OPEN_QUESTIONS = 5
# Sessions closed to registration are passed over, up to this many in all.
SESSIONS_LOOKED_AT = 4 * NEXT_SESSIONS

REGISTRATION_TITLES = {
    REGISTERED: _("You are registered"),
    WAITLISTED: _("You are on the waiting list"),
}


def persona_of(user):
    """HOLDER, COACH or ADMINISTRATOR, or None for whoever is none of them.

    An administrator is also a coach here; a coach who is also a project
    holder is seen as a coach.
    """
    if ADMINISTRATOR_ROLES & set(api.user.get_roles(user=user)):
        return ADMINISTRATOR
    groups = set(user.getGroups())
    if COACHES_GROUP in groups:
        return COACH
    if ENTREPRENEURS_GROUP in groups:
        return HOLDER
    return None


def _now():
    return datetime.now(pytz.utc)


def _timezone():
    return pytz.timezone(api.portal.get_registry_record("plone.portal_timezone"))


def when(brain):
    """When the session or appointment of `brain` takes place, in French."""
    timezone = _timezone()
    return french_span(brain.start.astimezone(timezone), brain.end.astimezone(timezone))


def fullnames(userids):
    """{userid: full name} of `userids`, each user looked up once."""
    return {userid: person_name(userid) for userid in set(userids)}


def _upcoming(portal_type, userid=None, limit=None, **query):
    """The items of `portal_type` not over yet, the earliest first; those of
    `userid` only, if given."""
    if userid is not None:
        query["participants"] = userid
    if limit is not None:
        query["sort_limit"] = limit
    brains = api.content.find(
        portal_type=portal_type,
        end={"query": _now(), "range": "min"},
        sort_on="start",
        **query,
    )
    return brains[:limit] if limit is not None else brains


def _session_row(brain, themes):
    return {
        "title": brain.Title,
        "url": brain.getURL(),
        "when": when(brain),
        "where": brain.location,
        "theme": themes.get(brain.theme, brain.theme or ""),
    }


def next_sessions(holder=None, limit=NEXT_SESSIONS):
    """The next sessions open to registration, the earliest first.

    With `holder` (a project holder's user id), each row says the holder's
    registration: `status` REGISTERED, WAITLISTED or None, and whether they
    may register (`can_register`).
    """
    themes = workshop_themes()
    to_come = {"query": _now(), "range": "min"}
    # The holder's sessions, from the catalog: only theirs are read for
    # their registration.
    mine = (
        {brain.UID for brain in _upcoming(WORKSHOP_TYPE, holder, start=to_come)}
        if holder
        else set()
    )
    rows = []
    for brain in _upcoming(WORKSHOP_TYPE, limit=SESSIONS_LOOKED_AT, start=to_come):
        workshop = brain.getObject()
        # Sessions to come take registrations unless they are closed.
        if not workshop.registration_open:
            continue
        record = registration_of(workshop, holder) if brain.UID in mine else None
        status = record["status"] if record else None
        rows.append(
            {
                **_session_row(brain, themes),
                "seats_left": seats_left(workshop),
                "status": status,
                "status_title": REGISTRATION_TITLES.get(status),
                "can_register": holder is not None and record is None,
            }
        )
        if len(rows) == limit:
            break
    return rows


def trained_sessions(coach=None, limit=TRAINED_SESSIONS):
    """The sessions not over yet that `coach` trains, the earliest first;
    without a coach, everyone's, with their trainer."""
    themes = workshop_themes()
    sessions = [
        (brain, brain.getObject())
        for brain in _upcoming(WORKSHOP_TYPE, userid=coach, limit=limit)
    ]
    trainers = {} if coach else fullnames(w.trainer for _b, w in sessions if w.trainer)
    return [
        {
            **_session_row(brain, themes),
            "trainer": trainers.get(workshop.trainer, ""),
            "seats_left": seats_left(workshop),
        }
        for brain, workshop in sessions
    ]


def sessions_to_mark(coach=None):
    """The sessions whose attendance is still unmarked two days after their
    end: those `coach` trains, or everyone's without a coach; latest first."""
    brains = unmarked_sessions()
    if coach is not None:
        trained = {
            brain.UID
            for brain in api.content.find(
                portal_type=WORKSHOP_TYPE, participants=coach, attendance_unmarked=True
            )
        }
        brains = [brain for brain in brains if brain.UID in trained]
    themes = workshop_themes()
    return [_session_row(brain, themes) for brain in brains]


def next_appointments(userid=None, limit=NEXT_APPOINTMENTS):
    """The appointments of `userid` still to begin and not cancelled
    (everyone's without a user id), the earliest first, with the other person
    of each."""
    now = _now()
    if userid is None:
        brains = _upcoming(
            APPOINTMENT_TYPE, limit=2 * limit, start={"query": now, "range": "min"}
        )
    else:
        brains = appointments_of(userid, start=now)[: 2 * limit]
    shown = []
    for brain in brains:
        appointment = brain.getObject()
        if appointment.status != APPOINTMENT_CANCELLED:
            others = [
                person
                for person in (appointment.entrepreneur, appointment.coach)
                if person and person != userid
            ]
            shown.append((brain, others))
        if len(shown) == limit:
            break
    names = fullnames(person for _brain, others in shown for person in others)
    return [
        {
            "title": brain.Title,
            "url": brain.getURL(),
            "when": when(brain),
            "where": brain.location,
            "with": ", ".join(names[person] for person in others),
        }
        for brain, others in shown
    ]


def followed_holders(me):
    """The project holders whose personal file the current user `me` may
    see, other than their own, by name: {"fullname", "url"}.

    A coach follows the holders whose file names them among its coaches,
    which is what gives them access to it; an administrator sees every file.
    """
    files = {
        brain.getId: brain.getURL()
        for brain in api.content.find(portal_type=PERSONAL_FILE_TYPE)
        if brain.getId != me
    }
    names = fullnames(files)
    rows = [{"fullname": names[userid], "url": url} for userid, url in files.items()]
    return sorted(rows, key=lambda row: row["fullname"].lower())


def _latest(portal_type, limit, **query):
    brains = api.content.find(
        portal_type=portal_type,
        sort_on="created",
        sort_order="descending",
        sort_limit=limit,
        **query,
    )
    return [
        {
            "title": brain.Title,
            "url": brain.getURL(),
            "description": brain.Description,
            "date": short_date(brain.created.asdatetime()),
        }
        for brain in brains[:limit]
    ]


def latest_resources(limit=LATEST_RESOURCES):
    """The latest resources the current user may see, the newest first."""
    return _latest(RESOURCE_TYPE, limit)


def open_questions(limit=OPEN_QUESTIONS):
    """The latest questions without an accepted answer, the newest first."""
    return _latest(QUESTION_TYPE, limit, answered=False)


def _lists_key(function, userid, persona):
    return member_key(userid, CONTENT, REGISTRATIONS), persona


@ram.cache(_lists_key)
def lists_of(userid, persona):
    """What the home shows the current user `userid` of `persona`: a list
    for each section, empty for the sections of other personas."""
    coach = persona in (COACH, ADMINISTRATOR)
    # An administrator's lists are everyone's.
    scope = None if persona == ADMINISTRATOR else userid
    return {
        "next_sessions": next_sessions(holder=userid if persona == HOLDER else None),
        "next_appointments": next_appointments(scope),
        "followed_holders": followed_holders(userid) if coach else [],
        "trained_sessions": trained_sessions(scope) if coach else [],
        "sessions_to_mark": sessions_to_mark(scope) if coach else [],
        "latest_resources": latest_resources(),
        "open_questions": open_questions(),
    }
