"""A member's calendar: their workshops and appointments, as one iCalendar file.

Only the members of the intranet (project holders, coaches, administrators)
have a calendar. It holds the workshops they train, those where they hold a
registration that is not cancelled (tentative while on the waiting list) and
the appointments they have as project holder or as coach (a cancelled one
marked so, that calendar apps take it off), from a year ago on. It is built
as its owner sees the site, whoever asks for it with their token: it never
shows what its owner may not see.
"""

from coop.content import _
from coop.content.agenda.registrations.store import WAITLISTED
from coop.content.common.config import WORKSHOP_TYPE
from coop.content.content.workshop import IWorkshop
from coop.content.intranet.appointments import appointments_of
from coop.content.intranet.calendar.components import EVENT_CONFIRMED
from coop.content.intranet.calendar.components import EVENT_TENTATIVE
from coop.content.intranet.calendar.tokens import token_owner
from coop.content.intranet.home.overview import persona_of
from coop.content.intranet.workshops.registrations import registration_of
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from plone import api
from plone.app.event.ical.exporter import PRODID
from plone.app.event.ical.exporter import VERSION
from plone.event.interfaces import IICalendarEventComponent
from zope.i18n import translate

import icalendar


# How far back the calendar goes: calendar apps keep what they have shown.
PAST = timedelta(days=365)
# How often calendar apps should read the calendar again.
REFRESH = timedelta(hours=1)

NO_CALENDAR = _(
    "Only the members of the intranet (project holders, coaches and "
    "administrators) have a calendar."
)
NOT_SIGNED_IN = _("Log in, or use the secret address of your calendar.")
BAD_TOKEN = _(
    "This calendar address is not valid: make a new one from the page "
    "“My calendar” of the intranet."
)
CALENDAR_NAME = _("My intranet calendar")


class NoCalendar(Exception):
    """Who asks has no calendar: `message` says why, in French once translated.

    `signed_in` is False when nobody is known (no login, or a token that
    opens no calendar), True when the member is known but has no calendar.
    """

    def __init__(self, message, signed_in):
        super().__init__(message)
        self.message = message
        self.signed_in = signed_in


def has_calendar(userid):
    """Whether `userid` is a member of the intranet."""
    user = api.user.get(userid=userid) if userid else None
    return user is not None and persona_of(user) is not None


def calendar_owner(token=None):
    """The user id whose calendar a request opens, or NoCalendar.

    `token` is what the request gives for a token, None when it gives none:
    then the calendar is the signed-in member's. A token opens its owner's
    calendar, whoever is signed in; one that opens no calendar of the intranet
    is refused as any wrong one is, whether it ever opened one or not.
    """
    if token is not None:
        userid = token_owner(token)
        if userid is None or not has_calendar(userid):
            raise NoCalendar(BAD_TOKEN, signed_in=False)
        return userid
    if api.user.is_anonymous():
        raise NoCalendar(NOT_SIGNED_IN, signed_in=False)
    userid = api.user.get_current().getId()
    if not has_calendar(userid):
        raise NoCalendar(NO_CALENDAR, signed_in=True)
    return userid


def _registration_status(workshop, userid):
    """The STATUS of `workshop` for `userid`, None when they take no part."""
    if workshop.trainer == userid:
        return EVENT_CONFIRMED
    record = registration_of(workshop, userid)
    if record is None:
        return None
    return EVENT_TENTATIVE if record["status"] == WAITLISTED else EVENT_CONFIRMED


def _event(obj, userid):
    """The iCalendar event of `obj` in `userid`'s calendar, or None."""
    if not IWorkshop.providedBy(obj):
        return IICalendarEventComponent(obj).to_ical()
    status = _registration_status(obj, userid)
    if status is None:
        return None
    event = IICalendarEventComponent(obj).to_ical()
    event.add("status", status)
    return event


def calendar_events(userid, since):
    """The iCalendar events of `userid`'s calendar since `since`, by start.

    They are found as `userid` would find them.
    """
    with api.env.adopt_user(user=api.user.get(userid=userid)):
        workshops = api.content.find(
            participants=userid,
            portal_type=WORKSHOP_TYPE,
            end={"query": since, "range": "min"},
        )
        brains = [*workshops, *appointments_of(userid, start=since)]
        brains.sort(key=lambda brain: brain.start)
        events = [_event(brain.getObject(), userid) for brain in brains]
    return [event for event in events if event is not None]


def _day(value):
    """The day of an iCalendar date or date and time."""
    return value.date() if isinstance(value, datetime) else value


def member_calendar(userid, request):
    """`userid`'s calendar (an icalendar.Calendar), named in French."""
    since = datetime.now(UTC) - PAST
    events = calendar_events(userid, since)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", VERSION)
    calendar.add("x-wr-calname", translate(CALENDAR_NAME, context=request))
    timezone = api.portal.get_registry_record("plone.portal_timezone")
    calendar.add("x-wr-timezone", timezone)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for event in events:
        calendar.add_component(event)
    # The time zones' rules over the calendar's dates, not over every year.
    last = max((_day(event.end) for event in events), default=since.date())
    calendar.add_missing_timezones(
        first_date=since.date(), last_date=last + timedelta(days=1)
    )
    return calendar
