"""Keys of RAM caches (plone.memoize.ram) for answers read from the catalog.

An answer kept under such a key is dropped as soon as a committed change
reaches the catalog: whatever is added, edited, published or removed is seen
on the next request.
"""

from plone.memoize import ram
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import _getAuthenticatedUser

import time


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


def _minute():
    """The current minute: the catalog keeps publication dates to the minute."""
    return int(time.time() // 60)


def _roles(catalog):
    return tuple(
        sorted(catalog._listAllowedRolesAndUsers(_getAuthenticatedUser(catalog)))
    )


def visitor(catalog):
    """What the content one may see depends on: roles, unpublished dates, minute."""
    return _roles(catalog), not catalog.allow_inactive({}), _minute()


def visitor_state(function, catalog, *args):
    """A cache key for what changes with the catalog and with who asks, when."""
    return catalog_state(function, catalog, *args, *visitor(catalog))
