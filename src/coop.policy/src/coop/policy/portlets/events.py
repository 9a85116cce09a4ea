"""Plone's events portlet, with the objects of the request that shows them.

The RAM cache keeps where the portlet's events are, never the objects: each
request takes them from its own database connection, and its dates are
written in its own language. The places are kept under the counter of the
site's content (moved by every change of content), who asks
(engine.visitor), the minute (an event leaves the portlet once it has ended),
the portlet's settings and where it searches.
"""

from Acquisition import aq_parent
from coop.content.common.cachekeys import CONTENT
from coop.content.common.cachekeys import counters
from coop.content.directory.engine import visitor
from plone import api
from plone.app.event.portlets import portlet_events
from plone.app.event.recurrence import Occurrence
from plone.event.interfaces import IEventAccessor
from plone.event.interfaces import IOccurrence
from plone.memoize import ram
from plone.memoize.instance import memoize

import time


_find_events = portlet_events.Renderer.events.fget.__wrapped__


def _place(item):
    """Where an event is: its path, and an occurrence's (id, start, end) or None."""
    if IOccurrence.providedBy(item):
        return aq_parent(item).getPhysicalPath(), (item.id, item.start, item.end)
    return item.getPhysicalPath(), None


def _places_state(method, renderer):
    data = renderer.data
    search_base = renderer.search_base_path or "/".join(
        api.portal.get_navigation_root(renderer.context).getPhysicalPath()
    )
    content_filter = renderer.request.get("contentFilter") or {}
    return (
        counters(CONTENT),
        visitor(),
        int(time.time() // 60),
        (data.count, tuple(data.state or ()), search_base),
        sorted((name, repr(value)) for name, value in content_filter.items()),
    )


class Renderer(portlet_events.Renderer):
    @ram.cache(_places_state)
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
