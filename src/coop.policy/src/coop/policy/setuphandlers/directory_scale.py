"""/annuaire holds 10 000 entries and more: no page lists them, adding one stays cheap.

The menus never list a cooperative: `plone.displayed_types` leaves the type out
and `plone.navigation_depth` keeps the menu to the sections (registry.xml).
"""

from coop.content.common.config import DIRECTORY_ID
from plone.folder.default import DefaultOrdering
from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.interfaces import ILocalPortletAssignmentManager
from plone.portlets.interfaces import IPortletManager
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.component import getUtility


NAVIGATION_COLUMN = "plone.leftcolumn"


def scale_directory(portal):
    directory = portal[DIRECTORY_ID]
    # The navigation portlet shows the page's own item whatever its type: on a
    # entry's page it would be a tree of one link taking a third of the width.
    manager = getUtility(IPortletManager, name=NAVIGATION_COLUMN)
    assignments = getMultiAdapter((directory, manager), ILocalPortletAssignmentManager)
    assignments.setBlacklistStatus(CONTEXT_CATEGORY, True)
    # An ordered folder stores the list of all its ids in one record, written
    # again at each addition, and two registrations at once would conflict on
    # it: the directory keeps no order, its pages sort on catalog indexes.
    directory.setOrdering("unordered")
    annotations = IAnnotations(directory)
    for key in (DefaultOrdering.ORDER_KEY, DefaultOrdering.POS_KEY):
        annotations.pop(key, None)
