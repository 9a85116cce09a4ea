"""Signing up, cancelling, attendance: one mechanism for whatever takes
registrations (public events, workshops).

`add_registration` and `change_status` keep the seats, the waiting list and
the promotion of the first waiting, and notify each change
(coop.content.agenda.registrations.changes); the subscribers of each kind
of object send its mails. For public events, the web form and
@registrations both go through `register` and `staff_change`, so the same
rules hold whichever way a request comes in.
"""

from coop.content import _
from coop.content.agenda.registrations.changes import RegistrationAdded
from coop.content.agenda.registrations.changes import RegistrationPromoted
from coop.content.agenda.registrations.changes import RegistrationStatusChanged
from coop.content.agenda.registrations.store import CANCELLED
from coop.content.agenda.registrations.store import DuplicateRegistration
from coop.content.agenda.registrations.store import get_store
from coop.content.agenda.registrations.store import STAFF_STATUSES
from coop.content.agenda.registrations.store import UnknownRegistration
from coop.content.agenda.registrations.store import WAITLISTED
from coop.content.agenda.registrations.validation import clean_registration
from coop.content.common.dates import event_when
from coop.content.common.errors import InputError
from coop.content.common.mail import french
from coop.content.common.mail import mail_text
from coop.content.common.mail import send_mail
from datetime import datetime
from plone.app.event.ical.exporter import construct_icalendar
from plone.event.interfaces import IEventAccessor
from zope.event import notify

import pytz


CANCEL_VIEW = "annuler-inscription"


def is_past(event):
    end = IEventAccessor(event).end
    return end is not None and end < datetime.now(pytz.utc)


EVENT_REFUSALS = {
    "past": _("This event is over: registration is no longer possible."),
    "closed": _("Registration to this event is closed."),
}


def refusal(context, refusals=EVENT_REFUSALS):
    """Why nobody can sign up to `context` now, or None.

    `refusals` words it for the kind of object: {"past": …, "closed": …}.
    """
    if is_past(context):
        return refusals["past"]
    if not getattr(context, "registration_open", False):
        return refusals["closed"]
    return None


def seats_left(context):
    """The free seats, or None when `context` has no limit."""
    capacity = getattr(context, "capacity", None)
    if capacity is None:
        return None
    store = get_store(context)
    return max(capacity - (store.seats_taken() if store else 0), 0)


def add_registration(context, fields):
    """Register `fields` to `context`: a seat, or the waiting list; the record.

    Raises DuplicateRegistration when that person is already registered.
    """
    store = get_store(context, create=True)
    record = store.add(fields, capacity=getattr(context, "capacity", None))
    notify(RegistrationAdded(context, record))
    return record


def register(event, data):
    """Sign someone up from `data` (form or JSON); the new record.

    Raises InputError, naming the field, for anything refused.
    """
    fields = clean_registration(data)
    reason = refusal(event)
    if reason is not None:
        raise InputError(reason)
    try:
        return add_registration(event, fields)
    except DuplicateRegistration:
        raise InputError(
            _(
                "The field “${field}”: this address is already registered to "
                "this event.",
                mapping={"field": _("E-mail address of the person")},
            ),
            field="email",
        ) from None


def change_status(context, registration_id, status):
    """Set a registration's status; a freed seat goes to the first waiting.

    Raises UnknownRegistration for an unknown `registration_id`.
    """
    store = get_store(context)
    if store is None:
        raise UnknownRegistration(registration_id)
    previous = store.get(registration_id)["status"]
    store.set_status(registration_id, status)
    record = store.get(registration_id)
    if status != previous:
        notify(RegistrationStatusChanged(context, record, previous))
    promote_waiting(context)
    return record


def staff_change(context, registration_id, status):
    """Record attendance or a cancellation, as the staff do; the record.

    InputError names the status or the registration refused.
    """
    if status not in STAFF_STATUSES:
        raise InputError(
            _("The field “status” must be attended, absent, excused or cancelled."),
            "status",
        )
    try:
        return change_status(context, registration_id, status)
    except UnknownRegistration:
        raise InputError(
            _("The field “id” names no known registration."), "id"
        ) from None


def promote_waiting(context):
    """Free seats go to the first waiting (notified); not once it is over."""
    store = get_store(context)
    if store is not None and not is_past(context):
        for record in store.promote(getattr(context, "capacity", None)):
            notify(RegistrationPromoted(context, record, WAITLISTED))


def cancel_by_token(event, token):
    """Cancel the registration the link of a confirmation mail points to."""
    store = get_store(event)
    if store is None:
        raise KeyError(token)
    record = store.by_token(token)
    if record["status"] != CANCELLED:
        record = change_status(event, record["id"], CANCELLED)
    return record


def cancel_url(event, record):
    return f"{event.absolute_url()}/@@{CANCEL_VIEW}?token={record['token']}"


def ical(event):
    """The event as an iCalendar file (bytes)."""
    return construct_icalendar(event, [event]).to_ical()


def mail_registration(event, record, promoted=False):
    """Mail a sign-up, or its promotion from the waiting list, to a public event."""
    accessor = IEventAccessor(event)
    mapping = {
        "title": event.Title(),
        "when": event_when(event),
        "where": accessor.location or "",
        "person": f"{record['first_name']} {record['last_name']}",
        "cancel": cancel_url(event, record),
    }
    waiting = record["status"] == WAITLISTED
    if promoted:
        subject = _("A seat is free for you: ${title}", mapping=mapping)
        news = _(
            "A seat became free: the registration of ${person} to “${title}” "
            "is now confirmed.",
            mapping=mapping,
        )
    elif waiting:
        subject = _("On the waiting list: ${title}", mapping=mapping)
        news = _(
            "“${title}” is full: ${person} is on the waiting list. We will "
            "write again as soon as a seat becomes free.",
            mapping=mapping,
        )
    else:
        subject = _("Registration confirmed: ${title}", mapping=mapping)
        news = _(
            "The registration of ${person} to “${title}” is confirmed.",
            mapping=mapping,
        )
    details = _("When: ${when}\nWhere: ${where}", mapping=mapping)
    calendar = _("The attached file adds the event to a calendar.")
    cancel = _(
        "To cancel the registration, follow this link: ${cancel}", mapping=mapping
    )
    attachment = (f"{event.getId()}.ics", "text/calendar", ical(event))
    recipients = [(record["email"], _("Hello ${person},", mapping=mapping))]
    prescriber = record.get("prescriber")
    if prescriber:
        recipients.append(
            (prescriber["email"], _("Hello ${name},", mapping=prescriber))
        )
    for address, greeting in recipients:
        text = mail_text(greeting, news, details, calendar, cancel)
        send_mail([address], french(subject), text, attachments=[attachment])
