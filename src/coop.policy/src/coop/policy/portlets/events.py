"""Plone's events portlet, with the events of the request that shows them.

plone.app.event keeps the portlet's events in a RAM cache, shared by every
thread: the event objects of the request that found them, with that request
and that database connection. The next visitors' dates were formatted in that
closed request's language (English: "Dec 04, 2026 10:30 AM" instead of
"04/12/2026 10:30"), and the objects were read through a connection that
another thread may use. Finding them again costs about what the cache's key
cost: the same catalog search, and a few objects.
"""

from plone.app.event.portlets import portlet_events
from plone.memoize.instance import memoize


_find_events = portlet_events.Renderer.events.fget.__wrapped__


class Renderer(portlet_events.Renderer):
    @property
    @memoize
    def events(self):
        return _find_events(self)
