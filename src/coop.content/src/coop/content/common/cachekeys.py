"""Counters for the keys of RAM caches (plone.memoize.ram), moved by subscribers.

An answer kept in a RAM cache is kept under the counters of what it depends
on: the directory's entries (ENTRIES), the site's content as a whole
(CONTENT) or the registrations to events and workshops (REGISTRATIONS, which
a registration changes without changing its event). Subscribers move a
topic's counter on every add, edit, workflow transition, move, removal and
sharing change of its content, and on every registration change; code that
changes content without events calls `bump` itself. The next request then
computes the answer again. While a transaction changes a topic, nothing of
it is kept: what that transaction sees may never be committed.

The counters are an attribute of the site, read as cheaply as any: an
adapter lookup on the site (IAnnotations) costs as much as some answers save.
A counter goes up by the time of each change, in nanoseconds: its values
never come back, even when a change is undone (an aborted transaction, a
test's database thrown away), and two changes committed at once add up
instead of conflicting (BTrees.Length). Before a topic's first change,
nothing of it is kept: one site's state could not be told from another's.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from plone.base.interfaces import IPloneSiteRoot
from plone.memoize import ram
from zope.component.hooks import getSite

import time
import transaction


ENTRIES = "entries"
CONTENT = "content"
REGISTRATIONS = "registrations"
# The site's attribute holding one counter per topic.
COUNTERS = "_coop_cache_counters"


def _changed_here():
    """The topics the current transaction changed."""
    try:
        return transaction.get().data(bump)
    except KeyError:
        return frozenset()


def bump(*topics):
    """Move the counters of `topics`: what was kept of them is computed again."""
    site = getSite()
    if not IPloneSiteRoot.providedBy(site):
        # A site being created or removed: nothing of it is kept yet, or any more.
        return
    stored = getattr(site, COUNTERS, None)
    if stored is None:
        stored = OOBTree()
        setattr(site, COUNTERS, stored)
    step = time.time_ns()
    for topic in topics:
        if topic not in stored:
            stored[topic] = Length()
        stored[topic].change(step)
    transaction.get().set_data(bump, _changed_here() | set(topics))


def counters(*topics):
    """The site's path and the counters of `topics`, for a cache key.

    Raises ram.DontCache while the current transaction changes one of the
    topics, and before a topic's first change.
    """
    if _changed_here() & set(topics):
        raise ram.DontCache
    site = getSite()
    stored = getattr(site, COUNTERS, None)
    if stored is None or any(topic not in stored for topic in topics):
        raise ram.DontCache
    return ("/".join(site.getPhysicalPath()), *(stored[topic]() for topic in topics))


def content_changed(obj, event=None):
    """Every cached answer about the site's content is computed again."""
    bump(CONTENT)


def registrations_changed(context, change=None):
    """Every cached answer about registrations is computed again."""
    bump(REGISTRATIONS)


def minute():
    """The current minute: what a member sees of the intranet also follows
    the clock (sessions begin, attendance becomes overdue)."""
    return int(time.time() // 60)


def member_key(userid, *topics):
    """The key of what the member `userid` sees of `topics`, kept for a
    minute at most: the topics' counters, the site's address as this request
    names it (the answers hold links), the member and the minute."""
    site_url = getSite().absolute_url()
    return counters(*topics), site_url, userid, minute()
