"""Project holders' registrations to workshops: by themselves or by a coach,
the waiting list, attendance, and the mail each change sends the holder.

Seats, the waiting list and the promotion of the first waiting are the
mechanism of every object that takes registrations
(coop.content.agenda.registrations.signup); what is the workshops' own is
here: only project holders register, once each, by their user id; a holder
changes nothing but their own registration; attendance is marked once the
session has begun; every change is mailed to the holder and reindexed
(`registration_changed`, the subscriber of every change).
"""

from coop.content import _
from coop.content.agenda.registrations.changes import IRegistrationAdded
from coop.content.agenda.registrations.changes import IRegistrationPromoted
from coop.content.agenda.registrations.signup import add_registration
from coop.content.agenda.registrations.signup import ical
from coop.content.agenda.registrations.signup import is_past
from coop.content.agenda.registrations.signup import refusal
from coop.content.agenda.registrations.signup import staff_change
from coop.content.agenda.registrations.store import ABSENT
from coop.content.agenda.registrations.store import ATTENDANCE
from coop.content.agenda.registrations.store import ATTENDED
from coop.content.agenda.registrations.store import CANCELLED
from coop.content.agenda.registrations.store import DuplicateRegistration
from coop.content.agenda.registrations.store import EXCUSED
from coop.content.agenda.registrations.store import get_store
from coop.content.agenda.registrations.store import REGISTERED
from coop.content.agenda.registrations.store import WAITLISTED
from coop.content.common.config import ENTREPRENEURS_GROUP
from coop.content.common.config import WORKSHOP_TYPE
from coop.content.common.dates import event_when
from coop.content.common.dates import long_date
from coop.content.common.errors import InputError
from coop.content.common.mail import french
from coop.content.common.mail import mail_text
from coop.content.common.mail import send_mail
from coop.content.vocabularies.intranet import workshop_themes
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.uuid.utils import uuidToObject
from plone.event.interfaces import IEventAccessor
from zope.i18nmessageid import Message

import pytz


# The indexes that know who takes part and whose attendance is unmarked.
REGISTRATION_INDEXES = ["participants", "attendance_unmarked"]
MANAGE_REGISTRATIONS = "coop.content: Manage registrations"
MAX_USERID = 100
# How long after its end a session may wait for its attendance.
UNMARKED_AFTER = timedelta(days=2)

WORKSHOP_REFUSALS = {
    "past": _("This session is over: registration is no longer possible."),
    "closed": _("Registration to this session is closed."),
}
NOT_A_HOLDER = _("The field “userid” names no project holder.")


def is_project_holder(userid):
    user = api.user.get(userid=userid) if userid else None
    return user is not None and ENTREPRENEURS_GROUP in user.getGroups()


def holder_fields(userid):
    """What a registration keeps of the project holder `userid`, or InputError."""
    if not isinstance(userid, str):
        raise InputError(_("The field “userid” must be text."), field="userid")
    if len(userid) > MAX_USERID or not is_project_holder(userid):
        raise InputError(NOT_A_HOLDER, field="userid")
    user = api.user.get(userid=userid)
    first_name, _space, last_name = (user.getProperty("fullname") or "").partition(" ")
    return {
        "userid": userid,
        "first_name": first_name,
        "last_name": last_name,
        "email": user.getProperty("email") or user.getUserName(),
    }


def register_holder(workshop, userid, by=None, missed=None):
    """Register the project holder `userid`, themself or by the coach `by`;
    after their absence from the session `missed` of the same theme, if given
    (the record keeps its UID, the mail names it).

    Returns the new record, holding a seat or on the waiting list; raises
    InputError, naming the field, when the session is closed or past, when
    `userid` is no project holder or is already registered.
    """
    reason = refusal(workshop, WORKSHOP_REFUSALS)
    if reason is not None:
        raise InputError(reason, field="registration_open")
    fields = {**holder_fields(userid), "by": by}
    if missed is not None:
        fields["missed"] = missed.UID()
    try:
        return add_registration(workshop, fields)
    except DuplicateRegistration:
        raise InputError(
            _(
                "The field “userid”: this project holder is already registered "
                "to this session."
            ),
            field="userid",
        ) from None


def registration_of(workshop, userid):
    """The holder's registration that is not cancelled, or None."""
    store = get_store(workshop)
    if store is None or not userid:
        return None
    return store.active(userid=userid)


def registrations(workshop):
    """Every registration of `workshop`, in sign-up order."""
    store = get_store(workshop)
    return store.records() if store is not None else []


ITEM_FIELDS = ("id", "first_name", "last_name", "email", "status", "created")


def visible_registrations(workshop):
    """The registrations the current user sees, as items: every one, with its
    `userid`, for a coach; their own for a holder."""
    if may_manage(workshop):
        return [
            {**_item(record), "userid": record["userid"]}
            for record in registrations(workshop)
        ]
    me = current_userid()
    return [_item(r) for r in registrations(workshop) if r.get("userid") == me]


def _item(record):
    return {name: record.get(name) for name in ITEM_FIELDS}


def has_begun(workshop):
    start = IEventAccessor(workshop).start
    return start is not None and start <= datetime.now(pytz.utc)


def set_status(workshop, registration_id, status):
    """Cancel a registration or mark attendance, as a coach does; the record.

    A freed seat goes to the first waiting. InputError names the status or
    the registration refused.
    """
    if status in ATTENDANCE and not has_begun(workshop):
        raise InputError(
            _("Attendance is marked once the session has begun."), field="status"
        )
    return staff_change(workshop, registration_id, status)


def may_manage(workshop):
    """Whether the current user manages the registrations (coaches, admins)."""
    return api.user.has_permission(MANAGE_REGISTRATIONS, obj=workshop)


def current_userid():
    return None if api.user.is_anonymous() else api.user.get_current().getId()


def sign_up(workshop, userid=None):
    """Register the current user, or, for a coach, the holder `userid`."""
    me = current_userid()
    if userid is None or userid == me:
        return register_holder(workshop, me)
    if not may_manage(workshop):
        raise InputError(
            _("Only a coach registers another project holder."), field="userid"
        )
    return register_holder(workshop, userid, by=me)


def may_cancel_own(workshop, record):
    """Whether a holder may still cancel their `record` themself."""
    return record["status"] in (REGISTERED, WAITLISTED) and not is_past(workshop)


def cancel_own(workshop, registration_id=None):
    """The current holder cancels their registration: `registration_id`, or
    else their active one. The record."""
    record = _own_record(workshop, current_userid(), registration_id)
    if record["status"] == CANCELLED:
        return record
    if not may_cancel_own(workshop, record):
        raise InputError(
            _(
                "This registration can no longer be cancelled: the session is over "
                "or your attendance is recorded."
            ),
            field="status",
        )
    return staff_change(workshop, record["id"], CANCELLED)


def _own_record(workshop, userid, registration_id):
    if registration_id is None:
        record = registration_of(workshop, userid)
    else:
        wanted = str(registration_id)
        record = next(
            (r for r in registrations(workshop) if str(r["id"]) == wanted), None
        )
    if record is None or record.get("userid") != userid:
        raise InputError(_("The field “id” names none of your registrations."), "id")
    return record


def change_registration(workshop, registration_id, status):
    """A change by the current user: a coach's any, a holder's own cancellation."""
    if may_manage(workshop):
        return set_status(workshop, registration_id, status)
    if status != CANCELLED:
        raise InputError(
            _("The field “status”: you may only cancel your registration."),
            field="status",
        )
    return cancel_own(workshop, registration_id)


def mark_attendance(workshop, marks):
    """Set the attendance of several registrations at once: {id: status}.

    Every mark is checked before any is stored; unchanged ones are left.
    """
    current = {str(record["id"]): record for record in registrations(workshop)}
    changes = {}
    for registration_id, status in marks.items():
        record = current.get(str(registration_id))
        if record is None:
            raise InputError(_("The field “id” names no known registration."), "id")
        if status not in ATTENDANCE:
            raise InputError(
                _("The field “status” must be attended, absent or excused."),
                field="status",
            )
        if record["status"] != status:
            changes[record["id"]] = status
    return [set_status(workshop, number, status) for number, status in changes.items()]


def unmarked_sessions():
    """The sessions whose attendance is still unmarked two days after their
    end, the latest first (catalog brains)."""
    overdue = datetime.now(pytz.utc) - UNMARKED_AFTER
    return api.content.find(
        portal_type=WORKSHOP_TYPE,
        attendance_unmarked=True,
        end={"query": overdue, "range": "max"},
        sort_on="end",
        sort_order="descending",
    )


# --- What the holder is told ---------------------------------------------------


def trainer_name(workshop):
    user = api.user.get(userid=workshop.trainer) if workshop.trainer else None
    return (user.getProperty("fullname") or workshop.trainer) if user else ""


def theme_name(workshop):
    return workshop_themes().get(workshop.theme, workshop.theme or "")


def mail_holder(workshop, record, subject, news):
    """Send the holder of `record` one French mail about `workshop`.

    `subject` and `news` are messages (their mapping may use ${title} and
    ${person}); the mail adds the session's details, its page and its
    `.ics`.
    """
    mapping = {
        "title": workshop.Title(),
        "person": f"{record['first_name']} {record['last_name']}".strip(),
        "when": event_when(workshop),
        "where": IEventAccessor(workshop).location or "",
        "theme": theme_name(workshop),
        "trainer": trainer_name(workshop),
        "url": workshop.absolute_url(),
    }
    text = mail_text(
        _("Hello ${person},", mapping=mapping),
        Message(news, mapping={**mapping, **(news.mapping or {})}),
        _(
            "When: ${when}\nWhere: ${where}\nTheme: ${theme}\nTrainer: ${trainer}",
            mapping=mapping,
        ),
        _("The session's page: ${url}", mapping=mapping),
        _("The attached file adds the session to a calendar."),
    )
    subject = Message(subject, mapping={**mapping, **(subject.mapping or {})})
    attachment = (f"{workshop.getId()}.ics", "text/calendar", ical(workshop))
    send_mail([record["email"]], french(subject), text, attachments=[attachment])


# What a change tells the holder: (subject, news) by the status it gave.
NEWS = {
    "registered": (
        _("Registration confirmed: ${title}"),
        _("Your registration to “${title}” is confirmed."),
    ),
    "registered_by": (
        _("Registration confirmed: ${title}"),
        _("${coach} registered you to “${title}”: your seat is confirmed."),
    ),
    WAITLISTED: (
        _("On the waiting list: ${title}"),
        _(
            "“${title}” is full: you are on the waiting list. We will write "
            "again as soon as a seat becomes free."
        ),
    ),
    "waitlisted_by": (
        _("On the waiting list: ${title}"),
        _(
            "${coach} registered you to “${title}”, which is full: you are on "
            "the waiting list. We will write again as soon as a seat becomes free."
        ),
    ),
    "promoted": (
        _("A seat is free for you: ${title}"),
        _("A seat became free: your registration to “${title}” is now confirmed."),
    ),
    CANCELLED: (
        _("Registration cancelled: ${title}"),
        _("Your registration to “${title}” is cancelled."),
    ),
    ATTENDED: (
        _("Attendance recorded: ${title}"),
        _("Your attendance at “${title}” is recorded. Thank you for coming."),
    ),
    ABSENT: (
        _("Absence recorded: ${title}"),
        _(
            "You were marked absent from “${title}”. You may register to the "
            "next session of the same theme."
        ),
    ),
    EXCUSED: (
        _("Excused absence recorded: ${title}"),
        _("Your absence from “${title}” is recorded as excused."),
    ),
}


# A registration after an absence names the session missed.
AFTER_ABSENCE = {
    "registered": _(
        "You were absent from “${missed}” (${missed_when}): you are registered "
        "to the next session of the theme, “${title}”, and your seat is confirmed."
    ),
    "registered_by": _(
        "You were absent from “${missed}” (${missed_when}): ${coach} registered "
        "you to the next session of the theme, “${title}”, and your seat is "
        "confirmed."
    ),
    WAITLISTED: _(
        "You were absent from “${missed}” (${missed_when}): you are registered "
        "to the next session of the theme, “${title}”, which is full: you are "
        "on the waiting list. We will write again as soon as a seat becomes free."
    ),
    "waitlisted_by": _(
        "You were absent from “${missed}” (${missed_when}): ${coach} registered "
        "you to the next session of the theme, “${title}”, which is full: you "
        "are on the waiting list. We will write again as soon as a seat becomes "
        "free."
    ),
}


def _news(change):
    record = change.record
    if IRegistrationPromoted.providedBy(change):
        return NEWS["promoted"]
    if IRegistrationAdded.providedBy(change):
        kind = f"{record['status']}_by" if record.get("by") else record["status"]
        if record.get("missed"):
            return NEWS[kind][0], AFTER_ABSENCE[kind]
        return NEWS[kind]
    return NEWS[record["status"]]


def _missed_mapping(record):
    """The title and date of the session the holder missed, if any."""
    # A session the holder was registered to: its title is theirs to read.
    uid = record.get("missed")
    missed = uuidToObject(uid, unrestricted=True) if uid else None
    if missed is None:
        return {}
    return {
        "missed": missed.Title(),
        "missed_when": long_date(IEventAccessor(missed).start),
    }


def registration_changed(workshop, change):
    """Every change: the catalog knows it, the holder is told."""
    workshop.reindexObject(idxs=REGISTRATION_INDEXES)
    subject, news = _news(change)
    by = change.record.get("by")
    coach = api.user.get(userid=by) if by else None
    mapping = {
        "coach": coach.getProperty("fullname") if coach else "",
        **_missed_mapping(change.record),
    }
    mail_holder(workshop, change.record, subject, Message(news, mapping=mapping))
