"""A member's appointments as the pages show them: upcoming and past, by week.

A member sees their own, as project holder or as coach; an administrator,
who has none, sees every appointment. Weeks run Monday to Sunday in the
site's time zone and are named as ISO 8601 does: « 2026-W50 ».
"""

from coop.content import _
from coop.content.common.config import APPOINTMENT_TYPE
from coop.content.common.dates import event_when
from coop.content.common.dates import french_time
from coop.content.common.dates import long_date
from coop.content.content.appointment import VIDEO
from coop.content.intranet.appointments.planning import appointments_of
from coop.content.intranet.appointments.planning import current_userid
from coop.content.intranet.appointments.planning import is_administrator
from coop.content.intranet.appointments.planning import is_cancelled
from coop.content.intranet.appointments.planning import mode_title
from coop.content.intranet.appointments.planning import person_name
from coop.content.intranet.appointments.planning import place
from coop.content.intranet.appointments.planning import status_title
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from plone.app.event.base import default_timezone
from plone.event.interfaces import IEventAccessor
from zope.i18nmessageid import Message

import pytz
import re


WEEK = re.compile(r"(\d{4})-W(\d{2})")
BAD_WEEK = _(
    "The week “${week}” does not exist (write it as 2026-W05): here is the "
    "current week."
)


def other_person(appointment, userid):
    """Whom `userid` meets: the coach for the holder, the holder for the coach;
    both for whoever else (an administrator)."""
    if userid == appointment.entrepreneur:
        return person_name(appointment.coach)
    if userid == appointment.coach:
        return person_name(appointment.entrepreneur)
    holder = person_name(appointment.entrepreneur)
    return f"{holder} – {person_name(appointment.coach)}"


def appointment_row(appointment, userid):
    """What the listing and the week say of an appointment."""
    accessor = IEventAccessor(appointment)
    return {
        "url": appointment.absolute_url(),
        "subject": appointment.subject,
        "when": event_when(appointment),
        "hours": f"{french_time(accessor.start)} – {french_time(accessor.end)}",
        "start": accessor.start,
        "end": accessor.end,
        "mode": mode_title(appointment),
        "place": place(appointment),
        "by_video": appointment.mode == VIDEO,
        "status": status_title(appointment),
        "cancelled": is_cancelled(appointment),
        "other": other_person(appointment, userid),
    }


def _listed(start=None, end=None):
    """The current member's appointments, or every one for an administrator."""
    userid = current_userid()
    if is_administrator():
        query = {"portal_type": APPOINTMENT_TYPE, "sort_on": "start"}
        if start is not None:
            query["start"] = {"query": (start, end), "range": "min:max"}
        brains = api.content.find(**query)
    else:
        brains = appointments_of(userid, start, end)
    return [appointment_row(brain.getObject(), userid) for brain in brains]


def upcoming_and_past():
    """(upcoming from the soonest, past from the latest) of the current member."""
    now = datetime.now(pytz.utc)
    rows = _listed()
    upcoming = [row for row in rows if row["end"] >= now]
    past = [row for row in rows if row["end"] < now]
    return upcoming, past[::-1]


def week_name(monday):
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def this_monday():
    today = datetime.now(default_timezone(as_tzinfo=True)).date()
    return today - timedelta(days=today.weekday())


def parse_week(value):
    """(the Monday of the week `value` names, None), or, for no week or a bad
    one, (this week's Monday, the refusal or None)."""
    if not value:
        return this_monday(), None
    match = WEEK.fullmatch(value) if isinstance(value, str) else None
    try:
        return date.fromisocalendar(int(match[1]), int(match[2]), 1), None
    except (TypeError, ValueError):
        shown = value if isinstance(value, str) else ""
        return this_monday(), Message(BAD_WEEK, mapping={"week": shown[:20]})


def week_days(monday):
    """The seven days from `monday`: [{"title", "today", "appointments"}, …]."""
    zone = default_timezone(as_tzinfo=True)
    first = zone.localize(datetime.combine(monday, time()))
    last = zone.localize(datetime.combine(monday + timedelta(days=7), time()))
    rows = _listed(first, last - timedelta(microseconds=1))
    today = datetime.now(zone).date()
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        days.append(
            {
                "title": long_date(day),
                "today": day == today,
                "appointments": [
                    row for row in rows if row["start"].astimezone(zone).date() == day
                ],
            }
        )
    return days
