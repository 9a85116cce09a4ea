"""Keys of RAM caches (plone.memoize.ram) for answers read from the catalog.

An answer kept under such a key is dropped as soon as a committed change
reaches the catalog: whatever is added, edited, published or removed is seen
on the next request. What depends on who asks is also dropped as soon as some
content's publication starts or ends, and kept as long as none does.
"""

from array import array
from DateTime import DateTime
from plone.memoize import ram
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import _getAuthenticatedUser

import bisect


def catalog_state(function, catalog, *args):
    """A cache key that changes with every committed change of the catalog.

    While the current transaction changes the catalog, nothing is cached: what
    it sees may never be committed. As the catalog's own search, what this
    transaction changed is indexed first, so that it is seen (and not cached).
    """
    processQueue()
    counter = catalog._counter
    if counter is None:
        return ("/".join(catalog.getPhysicalPath()), None, args)
    counter()  # loads it: a ghost has no serial yet
    if counter._p_changed or counter._p_jar is None:
        raise ram.DontCache
    return ("/".join(catalog.getPhysicalPath()), counter._p_serial, args)


def now():
    """The time whose published content one sees."""
    return DateTime()


@ram.cache(catalog_state)
def _date_boundaries(catalog):
    """The minutes at which some content's publication starts, and ends.

    Read from the catalog's effectiveRange index, which keeps them to the
    minute: one sorted array of each, per state of the catalog.
    """
    index = catalog._catalog.getIndex("effectiveRange")
    starts = {*index._since_only.keys(), *index._since.keys()}
    ends = {*index._until_only.keys(), *index._until.keys()}
    return array("q", sorted(starts)), array("q", sorted(ends))


def _dates_passed(catalog):
    """How many publication starts and ends have passed.

    The content visible by date changes only when one passes: a key with this
    (not the minute) keeps what is cached until then.
    """
    index = catalog._catalog.getIndex("effectiveRange")
    minute = index._convertDateTime(now())
    starts, ends = _date_boundaries(catalog)
    # Visible from its start's minute on, until its end's minute included.
    return bisect.bisect_right(starts, minute), bisect.bisect_left(ends, minute)


def _roles(catalog):
    return tuple(
        sorted(catalog._listAllowedRolesAndUsers(_getAuthenticatedUser(catalog)))
    )


def visitor(catalog):
    """What the content one may see depends on: roles, and dates passed.

    The publication dates that have passed matter to those only who may not
    see content out of them.
    """
    active_only = not catalog.allow_inactive({})
    dates_passed = _dates_passed(catalog) if active_only else None
    return _roles(catalog), active_only, dates_passed


def visitor_state(function, catalog, *args):
    """A cache key for what changes with the catalog and with who asks, when."""
    return catalog_state(function, catalog, *args, *visitor(catalog))
