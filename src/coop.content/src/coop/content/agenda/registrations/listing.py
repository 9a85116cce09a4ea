"""The registrations of an event or a workshop as their lists show them:
each record with its status's title, its prescriber and date in words, and
the changes staff may make to it (its actions)."""

from coop.content.agenda.registrations.store import CANCELLED
from coop.content.agenda.registrations.store import get_store
from coop.content.agenda.registrations.store import SEATED
from coop.content.agenda.registrations.store import STAFF_STATUSES
from coop.content.agenda.registrations.store import STATUS_TITLES
from coop.content.common.dates import french_time
from coop.content.common.dates import short_date
from coop.content.vocabularies.events import PRESCRIBER_KINDS
from datetime import datetime
from plone import api

import pytz


def _prescriber_text(record):
    prescriber = record.get("prescriber")
    if not prescriber:
        return ""
    kind = dict(PRESCRIBER_KINDS).get(prescriber["kind"], prescriber["kind"])
    return (
        f"{prescriber['name']} ({kind} – {prescriber['organisation']}, "
        f"{prescriber['email']})"
    )


def _created(record):
    created = datetime.fromisoformat(record["created"]).astimezone(
        pytz.timezone(api.portal.get_registry_record("plone.portal_timezone"))
    )
    return f"{short_date(created)} {french_time(created)}"


def _actions(record):
    """The buttons of a row: attendance is for those who hold a seat."""
    if record["status"] in SEATED:
        return STAFF_STATUSES
    return () if record["status"] == CANCELLED else (CANCELLED,)


def registration_rows(event):
    """The records of `event` (a public event or a workshop), in the order
    they came, each with what its list shows."""
    store = get_store(event)
    rows = []
    for record in store.records() if store is not None else ():
        rows.append(
            {
                **record,
                "status_title": STATUS_TITLES[record["status"]],
                "prescriber_text": _prescriber_text(record),
                "created_text": _created(record),
                "actions": _actions(record),
            }
        )
    return rows
