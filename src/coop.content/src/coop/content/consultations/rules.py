"""Consultations: the rules every way in shares.

A consultation goes through `coop_consultation_workflow`: `draft` → `send` →
`sent` → `close` → `closed`. The forms, the REST services, the workflow's
subscribers and the console script all use these functions, so that no way
in skips a rule.

Who sees a consultation: its sender (the Owner) and, once it is sent, the
current owners of its recipient cooperatives, who get the Reader role from
`RecipientOwners` (a local role provider: when a cooperative changes hands,
its new owner sees the consultations it received, the former one no longer).
"""

from coop.content import _
from coop.content.common.config import CONSULTATION_TYPE
from coop.content.common.config import MAX_RECIPIENTS
from coop.content.directory.entries import cooperative_of
from coop.content.directory.entries import entries_by_uid
from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.interface import alsoProvides
from zope.schema import ValidationError

import pytz


SEND = "send"
CLOSE = "close"
DRAFT = "draft"
SENT = "sent"
CLOSED = "closed"
RECIPIENT_ROLE = "Reader"
_CACHE_KEY = "coop.content.consultations.rules.cooperative_uid_of"


class ClosingDateNotInFuture(ValidationError):
    __doc__ = _("The closing date must be after today.")


class NoRecipient(ValidationError):
    __doc__ = _("Choose at least one cooperative to send the consultation to.")


class RecipientNotPublished(ValidationError):
    __doc__ = _("Each recipient must be a cooperative published in the directory.")


class TooManyRecipients(ValidationError):
    __doc__ = _(
        "A consultation goes to at most ${max} cooperatives.",
        mapping={"max": MAX_RECIPIENTS},
    )


def today():
    """Today in the site's timezone: a consultation closes at the end of its day."""
    timezone = pytz.timezone(api.portal.get_registry_record("plone.portal_timezone"))
    return datetime.now(timezone).date()


def day_as_datetime(day):
    """A day as the catalog's date indexes keep it."""
    return DateTime(day.isoformat())


def valid_closing_date(value):
    if isinstance(value, date) and value <= today():
        raise ClosingDateNotInFuture(value)
    return True


def valid_recipients(value):
    if not value:
        raise NoRecipient(value)
    if len(value) > MAX_RECIPIENTS:
        raise TooManyRecipients(value)
    if len(entries_by_uid(value, published=True)) != len(set(value)):
        raise RecipientNotPublished(value)
    return True


def check_sendable(consultation):
    """Raise a ValidationError, with its field's name, when it cannot be sent."""
    for name, check in (
        ("closing_date", valid_closing_date),
        ("recipients", valid_recipients),
    ):
        try:
            check(getattr(consultation, name, None))
        except ValidationError as error:
            error.field_name = name
            raise


def sender_default_email(user_id=None):
    """The e-mail a consultation of `user_id` (the current user by default) is
    sent from: the consultation e-mail of the user's cooperative, else theirs."""
    if user_id is None:
        user_id = current_user_id()
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return None
    cooperative = cooperative_of(user_id)
    if cooperative is not None and cooperative.consultation_email:
        return cooperative.consultation_email
    return user.getProperty("email", None) or None


def sender_id(consultation):
    creators = consultation.listCreators()
    return creators[0] if creators else None


def sender_name(consultation):
    """The sender's cooperative, else the sender's full name or e-mail."""
    user_id = sender_id(consultation)
    cooperative = cooperative_of(user_id) if user_id else None
    if cooperative is not None:
        return cooperative.title
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return consultation.sender_email or ""
    return user.getProperty("fullname", None) or user.getProperty("email", "")


def cooperative_uid_of(user_id):
    """The UID of the entry `user_id` owns, or None; remembered for the request."""
    request = getRequest()
    cache = IAnnotations(request).setdefault(_CACHE_KEY, {}) if request else {}
    if user_id not in cache:
        cooperative = cooperative_of(user_id) if user_id else None
        cache[user_id] = (
            api.content.get_uuid(cooperative) if cooperative is not None else None
        )
    return cache[user_id]


def recipient_owner_ids(consultation):
    """The user ids of the recipient cooperatives' current owners."""
    entries = entries_by_uid(consultation.recipients).values()
    return sorted({brain.Creator for brain in entries if brain.Creator})


def recipient_uid(consultation, user_id):
    """The UID of the recipient cooperative `user_id` owns, or None."""
    uid = cooperative_uid_of(user_id)
    return uid if uid and uid in (consultation.recipients or ()) else None


def is_sender(consultation, user_id):
    return bool(user_id) and user_id == sender_id(consultation)


def current_user_id():
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()


def can_send(consultation):
    """Whether the current user may send `consultation`: its editor, while a draft."""
    return api.content.get_state(consultation) == DRAFT and api.user.has_permission(
        "Modify portal content", obj=consultation
    )


def is_open(consultation):
    return api.content.get_state(consultation) == SENT


def has_expired(consultation):
    closing_date = consultation.closing_date
    return isinstance(closing_date, date) and closing_date < today()


def _close(consultation):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=consultation, transition=CLOSE)
    request = getRequest()
    if request is not None:
        # A page that closes an expired consultation writes on a GET.
        alsoProvides(request, IDisableCSRFProtection)


def close_if_expired(consultation):
    """Close `consultation` if it is open and its closing date has passed."""
    if api.content.get_state(consultation, None) == SENT and has_expired(consultation):
        _close(consultation)
        return True
    return False


def close_expired():
    """Close every open consultation whose closing date has passed; how many."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=CONSULTATION_TYPE,
        review_state=SENT,
        closing_date={"query": day_as_datetime(today()), "range": "max"},
    )
    closed = 0
    for brain in brains:
        closed += close_if_expired(brain._unrestrictedGetObject())
    return closed
