"""The registrations of one event (or workshop), kept in an annotation.

Records are plain dicts in an IOBTree keyed by an increasing number, so that
they come out in the order people signed up. Every write also moves the
store's own sequence: two transactions that register at once both change the
store object, which has no conflict resolution, so one of them gets a
ConflictError and the publisher replays it on the new state. That is what
keeps the count of seats exact (the BTrees alone would merge two inserts of
different keys and both could take the last seat).
"""

from BTrees.IOBTree import IOBTree
from BTrees.OOBTree import OOBTree
from coop.content import _
from coop.content.common.errors import InputError
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

import secrets


ANNOTATION_KEY = "coop.content.registrations"

REGISTERED = "registered"
WAITLISTED = "waitlisted"
ATTENDED = "attended"
ABSENT = "absent"
EXCUSED = "excused"
CANCELLED = "cancelled"

STATUSES = (REGISTERED, WAITLISTED, ATTENDED, ABSENT, EXCUSED, CANCELLED)
# Who holds a seat: the registered, and those whose attendance was recorded.
SEATED = (REGISTERED, ATTENDED, ABSENT, EXCUSED)
ATTENDANCE = (ATTENDED, ABSENT, EXCUSED)
# What the staff may set, on the list and through @registrations.
STAFF_STATUSES = ATTENDANCE + (CANCELLED,)
STATUS_TITLES = {
    REGISTERED: _("Registered"),
    WAITLISTED: _("Waiting list"),
    ATTENDED: _("Attended"),
    ABSENT: _("Absent"),
    EXCUSED: _("Excused"),
    CANCELLED: _("Cancelled"),
}


class DuplicateRegistration(Exception):
    """This person is already registered (or waiting)."""


class UnknownRegistration(KeyError):
    """No registration has this id or token."""


class RegistrationStore(Persistent):
    def __init__(self):
        self._records = IOBTree()
        self._tokens = OOBTree()
        self._sequence = 0

    def _next_id(self):
        # Written by every change: see the module's docstring.
        self._sequence += 1
        return self._sequence

    def __len__(self):
        return len(self._records)

    def records(self):
        """Every record, in sign-up order."""
        return [dict(record) for record in self._records.values()]

    def get(self, registration_id):
        try:
            return dict(self._records[int(registration_id)])
        except (KeyError, TypeError, ValueError):
            raise UnknownRegistration(registration_id) from None

    def by_token(self, token):
        registration_id = self._tokens.get(token) if isinstance(token, str) else None
        if registration_id is None:
            raise UnknownRegistration(token)
        return self.get(registration_id)

    def seats_taken(self):
        return sum(1 for r in self._records.values() if r["status"] in SEATED)

    def active(self, email=None, userid=None):
        """The registration of the member `userid`, or else of `email`, that
        is not cancelled, if any."""
        wanted = ("userid", userid) if userid else ("email", email.lower())
        for record in self._records.values():
            if record["status"] != CANCELLED and _identity(record) == wanted:
                return dict(record)
        return None

    def add(self, fields, capacity=None):
        """Register someone; beyond `capacity` seats, on the waiting list.

        A member (`fields` with a `userid`) registers once whatever their
        address; anyone else once per e-mail address.
        """
        userid = fields.get("userid")
        if self.active(email=fields["email"], userid=userid) is not None:
            raise DuplicateRegistration(userid or fields["email"])
        registration_id = self._next_id()
        full = capacity is not None and self.seats_taken() >= capacity
        record = {
            **fields,
            "id": registration_id,
            "status": WAITLISTED if full else REGISTERED,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "token": secrets.token_urlsafe(32),
        }
        self._records[registration_id] = record
        self._tokens[record["token"]] = registration_id
        return dict(record)

    def set_status(self, registration_id, status):
        """Change a status (a freed seat is `promote`'s to give)."""
        if status not in STATUSES:
            raise ValueError(status)
        record = self.get(registration_id)
        if status in ATTENDANCE and record["status"] not in SEATED:
            # Attendance would give a seat beyond the capacity, and a second
            # active registration to an address registered again since.
            raise InputError(
                _(
                    "Only a registration that holds a seat is marked attended, "
                    "absent or excused: this one is waiting or cancelled."
                ),
                field="status",
            )
        self._next_id()
        self._records[record["id"]] = {**record, "status": status}

    def promote(self, capacity):
        """Give the free seats to the first waiting; return their records."""
        promoted = []
        free = None if capacity is None else capacity - self.seats_taken()
        for record in list(self._records.values()):
            if free is not None and free <= 0:
                break
            if record["status"] == WAITLISTED:
                record = {**record, "status": REGISTERED}
                self._records[record["id"]] = record
                promoted.append(dict(record))
                if free is not None:
                    free -= 1
        return promoted


def _identity(record):
    """Who a registration is for: a member, else an e-mail address."""
    if record.get("userid"):
        return ("userid", record["userid"])
    return ("email", record["email"].lower())


def get_store(context, create=False):
    """The store of `context`; None when nobody registered and not `create`."""
    annotations = IAnnotations(context)
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = RegistrationStore()
    return store


def drop_store(context):
    """Forget every registration of `context` (a copy of an event)."""
    IAnnotations(context).pop(ANNOTATION_KEY, None)
