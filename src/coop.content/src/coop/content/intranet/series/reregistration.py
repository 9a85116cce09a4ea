"""The sessions of one theme form a series: whoever missed a session is
registered again to the next one.

A project holder marked absent at a session has made it up once they
attended a later session of the same theme. Until then they are one of the
session's absentees: a coach registers them all to the next open session
(`reregister`), or the holder registers themself (`register_to_next`), with
the waiting list's rules and the mail of every registration.
"""

from coop.content import _
from coop.content.agenda.registrations.signup import refusal
from coop.content.agenda.registrations.store import ABSENT
from coop.content.agenda.registrations.store import ATTENDED
from coop.content.agenda.registrations.store import get_store
from coop.content.common.cachekeys import CONTENT
from coop.content.common.cachekeys import member_key
from coop.content.common.cachekeys import REGISTRATIONS
from coop.content.common.config import WORKSHOP_TYPE
from coop.content.common.dates import event_when
from coop.content.common.errors import InputError
from coop.content.intranet.workshops.registrations import register_holder
from coop.content.intranet.workshops.registrations import registration_of
from coop.content.intranet.workshops.registrations import WORKSHOP_REFUSALS
from coop.content.vocabularies.intranet import workshop_themes
from datetime import datetime
from plone import api
from plone.event.interfaces import IEventAccessor
from plone.memoize import ram

import pytz


def _start(workshop):
    return IEventAccessor(workshop).start


def _records(workshop):
    store = get_store(workshop)
    return store.records() if store is not None else []


def _sessions(**query):
    """The workshops of `query` the current user sees, earliest first, each
    loaded when it is reached."""
    brains = api.content.find(portal_type=WORKSHOP_TYPE, sort_on="start", **query)
    # The search checked that the user sees them: no second check on the way.
    return (brain._unrestrictedGetObject() for brain in brains)


def _later_sessions(workshop, after=None, **query):
    """The sessions of the theme of `workshop` that start after it (and after
    `after`), earliest first, each loaded when it is reached."""
    start = max(_start(workshop), after) if after else _start(workshop)
    sessions = _sessions(
        theme=workshop.theme, start={"query": start, "range": "min"}, **query
    )
    return (session for session in sessions if _start(session) > start)


def next_session(workshop):
    """The next session of the theme of `workshop` open to registration:
    later than it, not begun, registration open; or None."""
    now = datetime.now(pytz.utc)
    return next(
        (
            session
            for session in _later_sessions(workshop, after=now)
            if refusal(session, WORKSHOP_REFUSALS) is None
        ),
        None,
    )


def _attended(sessions):
    """The user ids that attended one of `sessions`."""
    return {
        record["userid"]
        for session in sessions
        for record in _records(session)
        if record["status"] == ATTENDED and record.get("userid")
    }


def absentees(workshop):
    """The records of the holders marked absent at `workshop` who have not
    attended a later session of its theme since, in sign-up order."""
    absent = [
        record
        for record in _records(workshop)
        if record["status"] == ABSENT and record.get("userid")
    ]
    if not absent:
        return []
    userids = [record["userid"] for record in absent]
    made_up = _attended(_later_sessions(workshop, participants=userids))
    return [record for record in absent if record["userid"] not in made_up]


def _no_next_session(workshop):
    theme = workshop_themes().get(workshop.theme, workshop.theme)
    return InputError(
        _(
            "No later session of the theme “${theme}” is open to registration yet.",
            mapping={"theme": theme},
        )
    )


def reregister(workshop, by=None):
    """Register the absentees of `workshop` to the next open session of its
    theme, as the coach `by` does; beyond its seats, on its waiting list.

    Returns the next session and the records made there (absentees already
    registered to it are left as they are). Each holder gets the mail of their
    registration, which names the session missed. InputError when no later
    session of the theme is open.
    """
    target = next_session(workshop)
    if target is None:
        raise _no_next_session(workshop)
    records = [
        register_holder(target, record["userid"], by=by, missed=workshop)
        for record in absentees(workshop)
        if registration_of(target, record["userid"]) is None
    ]
    return target, records


def register_to_next(workshop, userid):
    """The holder `userid` registers themself to the next open session of the
    theme of `workshop`; the session and the record.

    InputError when no later session of the theme is open, or when
    registration refuses them (already registered, no project holder).
    """
    target = next_session(workshop)
    if target is None:
        raise _no_next_session(workshop)
    return target, register_holder(target, userid, missed=workshop)


def missed_workshops(userid):
    """What the holder `userid` missed and has not made up since, per theme.

    A list of {"theme": code, "theme_title", "missed": [sessions, earliest
    first], "next": the next open session or None, "registration": the
    holder's record at that session or None}, the most recently missed
    theme first.
    """
    if not userid:
        return []
    missed = {}
    # Attendance is marked once a session has begun.
    begun = {"query": datetime.now(pytz.utc), "range": "max"}
    for session in _sessions(participants=userid, start=begun):
        record = registration_of(session, userid)
        status = record["status"] if record else None
        if status == ABSENT:
            missed.setdefault(session.theme, []).append(session)
        elif status == ATTENDED:
            missed.pop(session.theme, None)
    themes = workshop_themes()
    series = []
    for theme, sessions in missed.items():
        following = next_session(sessions[-1])
        series.append(
            {
                "theme": theme,
                "theme_title": themes.get(theme, theme),
                "missed": sessions,
                "next": following,
                "registration": following and registration_of(following, userid),
            }
        )
    return sorted(series, key=lambda item: _start(item["missed"][-1]), reverse=True)


def session_info(session):
    """What a page shows of a session: its title, link and when it is."""
    return {
        "title": session.Title(),
        "url": session.absolute_url(),
        "when": event_when(session),
    }


def _series_info(item):
    """What a page shows of one theme's missed sessions."""
    last_missed = item["missed"][-1]
    registration = item["registration"]
    return {
        "theme_title": item["theme_title"],
        "missed": [session_info(session) for session in item["missed"]],
        "next": item["next"] and session_info(item["next"]),
        "register_url": f"{last_missed.absolute_url()}/@@register-to-next",
        "status": registration["status"] if registration else None,
    }


def _missed_series_key(function, userid):
    return member_key(userid, CONTENT, REGISTRATIONS)


@ram.cache(_missed_series_key)
def missed_series(userid):
    """What the holder's pages show of `missed_workshops(userid)`: for each
    theme, its title, the sessions missed, the next one (`session_info`), the
    link that registers to it and the holder's status there.

    Plain data, kept in a RAM cache per member until content or a
    registration changes, or for a minute at most.
    """
    return [_series_info(item) for item in missed_workshops(userid)]
