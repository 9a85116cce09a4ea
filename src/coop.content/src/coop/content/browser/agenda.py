"""The agenda (DESIGN §4): upcoming events by kind and month, and their feed."""

from coop.content import _
from coop.content.dates import french_month
from coop.content.dates import french_span
from coop.content.registrations.signup import refusal
from coop.content.registrations.signup import seats_left
from coop.content.vocabularies.events import EVENT_KINDS
from datetime import datetime
from itertools import groupby
from plone import api
from plone.app.event.ical.exporter import construct_icalendar
from plone.event.interfaces import IEventAccessor
from Products.Five.browser import BrowserView

import pytz


KIND_TITLES = dict(EVENT_KINDS)


def _now():
    return datetime.now(pytz.utc)


class Agenda(BrowserView):
    """Upcoming events, or past ones with ?passes=1; ?type=<kind> filters."""

    def __call__(self):
        self.past = self.request.form.get("passes") == "1"
        kind = self.request.form.get("type")
        self.kind = kind if kind in KIND_TITLES else None
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
            context=self.context, portal_type="Event", sort_on="start", **query
        )
        for brain in brains:
            event = brain.getObject()
            if self.kind is None or getattr(event, "event_kind", None) == self.kind:
                yield event

    def months(self):
        """The events grouped by the month they start in."""
        rows = [self._row(event) for event in self._events()]
        return [
            {"title": month, "events": list(events)}
            for month, events in groupby(rows, key=lambda row: row["month"])
        ]

    def _row(self, event):
        accessor = IEventAccessor(event)
        left = seats_left(event)
        can_register = refusal(event) is None
        return {
            "title": event.Title(),
            "url": event.absolute_url(),
            "description": event.Description(),
            "kind": KIND_TITLES.get(getattr(event, "event_kind", None), ""),
            "month": french_month(accessor.start),
            "when": french_span(accessor.start, accessor.end, accessor.whole_day),
            "where": accessor.location,
            "seats_left": left,
            "full": left == 0,
            "register_url": can_register
            and f"{event.absolute_url()}/@@inscription-evenement",
            "exhibitors": exhibitors(event),
        }


def exhibitors(event):
    """The project holders at a fair whose page the visitor may see."""
    people = []
    for relation in getattr(event, "exhibitors", None) or ():
        holder = None if relation.isBroken() else relation.to_object
        if holder is not None and api.user.has_permission("View", obj=holder):
            people.append({"title": holder.Title(), "url": holder.absolute_url()})
    return people


class AgendaFeed(BrowserView):
    """The upcoming published events of the agenda as one iCalendar file."""

    def __call__(self):
        brains = api.content.find(
            context=self.context,
            portal_type="Event",
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
