"""The rules of individual appointments: who plans them, whose they are.

A coach plans an appointment for themself with a project holder; an
administrator plans one for any coach. The two people are the values of the
fields' vocabularies (a project holder, a coach), the end comes after the
start (plone.app.event's rule). The coach's notes need a permission that
only the coach and administrators hold on the appointment. A member's
appointments are found through the catalog's `participants`, the holder
and the coach.
"""

from coop.content import _
from coop.content.common.config import APPOINTMENT_TYPE
from coop.content.common.config import COACHES_GROUP
from coop.content.common.errors import InputError
from coop.content.content.appointment import CANCELLED
from coop.content.content.appointment import IAppointment
from coop.content.content.appointment import MODES
from coop.content.content.appointment import PLANNED
from coop.content.content.appointment import STATUSES
from coop.content.content.appointment import VIDEO
from datetime import datetime
from plone import api
from plone.event.interfaces import IEventAccessor
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import pytz


NOTES_PERMISSION = "coop.content: View appointment notes"
ADMINISTRATOR_ROLES = frozenset(("Manager", "Site Administrator"))

NOT_YOURS = _(
    "The field “coach”: a coach plans their own appointments only; an "
    "administrator plans them for any coach."
)


def current_userid():
    return None if api.user.is_anonymous() else api.user.get_current().getId()


def is_administrator():
    """Whether the current user administers the site."""
    if api.user.is_anonymous():
        return False
    return bool(ADMINISTRATOR_ROLES.intersection(api.user.get_current().getRoles()))


def planning_refusal(coach):
    """Why the current user may not give an appointment the coach `coach`, or
    None: only the coach themself, or an administrator, does."""
    if coach is None or coach == current_userid() or is_administrator():
        return None
    return NOT_YOURS


def default_coach():
    """The coach an appointment is planned for unless told: the current
    user, when they are a coach."""
    userid = current_userid()
    user = api.user.get(userid=userid) if userid else None
    if user is None or COACHES_GROUP not in user.getGroups():
        return None
    return userid


def may_see_notes(appointment):
    return api.user.has_permission(NOTES_PERMISSION, obj=appointment)


def person_name(userid):
    """The full name of `userid`, or the id of an account that has none.

    Read from the user folder itself: a full name is all that is needed of
    the member, and pages show several."""
    user = api.portal.get_tool("acl_users").getUserById(userid) if userid else None
    if user is None:
        return userid or ""
    return user.getProperty("fullname") or userid


def person_email(userid):
    user = api.user.get(userid=userid) if userid else None
    if user is None:
        return None
    return user.getProperty("email") or user.getUserName()


def mode_title(appointment):
    return MODES.getTerm(appointment.mode).title if appointment.mode else ""


def status_title(appointment):
    return STATUSES.getTerm(appointment.status).title if appointment.status else ""


def place(appointment):
    """Where it takes place: the video call's address, or the location."""
    if appointment.mode == VIDEO:
        return appointment.video_url or ""
    return IEventAccessor(appointment).location or ""


def is_cancelled(appointment):
    return appointment.status == CANCELLED


def cancel_refusal(appointment):
    """Why `appointment` can no longer be cancelled (no longer planned, or
    over), or None."""
    if appointment.status != PLANNED:
        return _("This appointment is no longer planned: it cannot be cancelled.")
    if IEventAccessor(appointment).end <= datetime.now(pytz.utc):
        return _("This appointment is over: it cannot be cancelled.")
    return None


def may_cancel(appointment):
    """Whether the current user may cancel `appointment`: its coach and
    administrators (who may change it), while it can be cancelled."""
    return cancel_refusal(appointment) is None and api.user.has_permission(
        "Modify portal content", obj=appointment
    )


def cancel(appointment):
    """Cancel `appointment`, as its edit form does: its two people are told
    (coop.content.intranet.appointments.notices).

    InputError when it can no longer be cancelled (`cancel_refusal`).
    """
    reason = cancel_refusal(appointment)
    if reason is not None:
        raise InputError(reason, field="status")
    appointment.status = CANCELLED
    notify(ObjectModifiedEvent(appointment, Attributes(IAppointment, "status")))


def appointments_of(userid, start=None, end=None):
    """The appointments of `userid`, as holder or as coach, by start (brains).

    `start` and `end` bound when they begin: from `start` on, until `end`.
    Only those the current user may see are found.
    """
    if not userid:
        return []
    query = {
        "portal_type": APPOINTMENT_TYPE,
        "participants": userid,
        "sort_on": "start",
    }
    if start is not None and end is not None:
        query["start"] = {"query": (start, end), "range": "min:max"}
    elif start is not None:
        query["start"] = {"query": start, "range": "min"}
    elif end is not None:
        query["start"] = {"query": end, "range": "max"}
    return api.content.find(**query)
