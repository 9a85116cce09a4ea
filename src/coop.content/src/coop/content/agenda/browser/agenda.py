"""The agenda: upcoming events by kind and month, and their feed."""

from coop.content import _
from coop.content.agenda.registrations.signup import refusal
from coop.content.agenda.registrations.signup import seats_left
from coop.content.common.config import EVENT_TYPE
from coop.content.common.dates import event_when
from coop.content.common.dates import french_month
from coop.content.vocabularies.events import EVENT_KINDS
from datetime import datetime
from itertools import groupby
from plone import api
from plone.app.event.ical.exporter import construct_icalendar
from plone.app.layout.viewlets import ViewletBase
from plone.event.interfaces import IEventAccessor
from Products.Five.browser import BrowserView
from zope.component import getMultiAdapter

import pytz


KIND_TITLES = dict(EVENT_KINDS)
MANAGE_REGISTRATIONS = "coop.content: Manage registrations"


def _now():
    return datetime.now(pytz.utc)


class Agenda(BrowserView):
    """Upcoming events, or past ones with ?passes=1; ?type=<kind> filters."""

    def __call__(self):
        self.past = self.request.form.get("passes") == "1"
        kind = self.request.form.get("type")
        # ?type=a&type=b comes as a list: no filter then.
        self.kind = kind if isinstance(kind, str) and kind in KIND_TITLES else None
        return self.index()

    def kinds(self):
        """The filter links: every kind, then all of them."""
        base = f"{self.context.absolute_url()}?"
        suffix = "passes=1&" if self.past else ""
        links = [
            {
                "title": title,
                "url": f"{base}{suffix}type={token}",
                "current": token == self.kind,
            }
            for token, title in EVENT_KINDS
        ]
        return [
            {
                "title": _("All events"),
                "url": f"{base}{suffix}".rstrip("?&"),
                "current": self.kind is None,
            },
            *links,
        ]

    @property
    def other_url(self):
        """Past events from upcoming ones, and back."""
        url = self.context.absolute_url()
        return url if self.past else f"{url}?passes=1"

    def _events(self):
        if self.past:
            query = {
                "end": {"query": _now(), "range": "max"},
                "sort_order": "descending",
            }
        else:
            query = {"end": {"query": _now(), "range": "min"}}
        brains = api.content.find(
            context=self.context, portal_type=EVENT_TYPE, sort_on="start", **query
        )
        for brain in brains:
            event = brain.getObject()
            if self.kind is None or getattr(event, "event_kind", None) == self.kind:
                yield event

    def months(self):
        """The events grouped by the month they start in."""
        rows = [event_row(event) for event in self._events()]
        return [
            {"title": month, "events": list(events)}
            for month, events in groupby(rows, key=lambda row: row["month"])
        ]


def event_row(event):
    """What the agenda and the event's own page say of an event."""
    accessor = IEventAccessor(event)
    left = seats_left(event)
    can_register = refusal(event) is None
    return {
        "title": event.Title(),
        "url": event.absolute_url(),
        "description": event.Description(),
        "kind": KIND_TITLES.get(getattr(event, "event_kind", None), ""),
        "month": french_month(accessor.start),
        "when": event_when(event),
        "where": accessor.location,
        "seats_left": left,
        "full": left == 0,
        "register_url": can_register
        and f"{event.absolute_url()}/@@inscription-evenement",
        "exhibitors": exhibitors(event),
    }


def exhibitors(event):
    """The project holders at a fair: with a link to their page when the
    visitor may see it, then those who have no page (names only)."""
    people = []
    for relation in getattr(event, "exhibitors", None) or ():
        holder = None if relation.isBroken() else relation.to_object
        if holder is not None and api.user.has_permission("View", obj=holder):
            people.append({"title": holder.Title(), "url": holder.absolute_url()})
    for name in getattr(event, "other_exhibitors", None) or ():
        people.append({"title": name, "url": None})
    return people


class EventRegistrationViewlet(ViewletBase):
    """On an event's page: seats, the button to register, the fair's
    project holders, and the link to the registrations for the staff."""

    def update(self):
        state = getMultiAdapter(
            (self.context, self.request), name="plone_context_state"
        )
        # On the event's page only, not on the form or the list.
        self.available = state.is_view_template()
        if not self.available:
            return
        self.event = event_row(self.context)
        self.manage_url = (
            f"{self.context.absolute_url()}/@@inscriptions"
            if api.user.has_permission(MANAGE_REGISTRATIONS, obj=self.context)
            else None
        )


class AgendaFeed(BrowserView):
    """The upcoming published events of the agenda as one iCalendar file."""

    def __call__(self):
        brains = api.content.find(
            context=self.context,
            portal_type=EVENT_TYPE,
            review_state="published",
            end={"query": _now(), "range": "min"},
            sort_on="start",
        )
        ical = construct_icalendar(self.context, brains).to_ical()
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.context.getId()}.ics"'
        )
        return ical
