"""The sessions of the workshops' folder, by month: upcoming ones unless the
past are asked for, one theme or all, with their free seats and, for the
coaches, whether a past session's attendance is overdue."""

from coop.content.agenda.registrations.signup import seats_left
from coop.content.common.config import WORKSHOP_TYPE
from coop.content.common.dates import event_when
from coop.content.common.dates import french_month
from coop.content.intranet.workshops.registrations import current_userid
from coop.content.intranet.workshops.registrations import may_manage
from coop.content.intranet.workshops.registrations import registration_of
from coop.content.intranet.workshops.registrations import theme_name
from coop.content.intranet.workshops.registrations import unmarked_sessions
from coop.content.vocabularies.intranet import workshop_themes
from datetime import datetime
from itertools import groupby
from plone import api
from plone.event.interfaces import IEventAccessor

import pytz


def session_months(folder, theme=None, past=False):
    """[{"title": "mai 2026", "sessions": [row, …]}, …]: the sessions in
    `folder` of `theme` (a code; None: every theme), upcoming from the next
    one on, or with `past` the ended ones from the latest back."""
    query = {"portal_type": WORKSHOP_TYPE, "sort_on": "start"}
    now = datetime.now(pytz.utc)
    if past:
        query.update(end={"query": now, "range": "max"}, sort_order="descending")
    else:
        query.update(end={"query": now, "range": "min"})
    if theme in workshop_themes():
        query["theme"] = theme
    brains = api.content.find(context=folder, **query)
    flagged = past and may_manage(folder)
    overdue = {brain.UID for brain in unmarked_sessions()} if flagged else set()
    rows = [session_row(brain.getObject(), brain.UID in overdue) for brain in brains]
    return [
        {"title": month, "sessions": list(sessions)}
        for month, sessions in groupby(rows, key=lambda row: row["month"])
    ]


def session_row(workshop, attendance_overdue=False):
    """What the listing and the home pages say of a session."""
    accessor = IEventAccessor(workshop)
    mine = registration_of(workshop, current_userid())
    return {
        "title": workshop.Title(),
        "url": workshop.absolute_url(),
        "month": french_month(accessor.start),
        "when": event_when(workshop),
        "where": accessor.location,
        "theme": theme_name(workshop),
        "seats_left": seats_left(workshop),
        "open": bool(workshop.registration_open),
        "my_status": mine["status"] if mine else None,
        "attendance_overdue": attendance_overdue,
    }
