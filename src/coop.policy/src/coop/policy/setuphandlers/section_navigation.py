"""/la-cooperative: a menu of its own pages, and each page leads to the next.

The site's menus stop at the sections (`plone.navigation_depth` is 1), so
the presentation of the cooperative carries its own navigation: in the left
column, a navigation portlet rooted at the section replaces the site-wide
one, and Plone's previous/next links join its pages in their order.
"""

from coop.policy.setuphandlers.directory_scale import NAVIGATION_COLUMN
from plone import api
from plone.app.portlets.portlets import navigation
from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.interfaces import ILocalPortletAssignmentManager
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility


PORTLET_ID = "section-navigation"


def add_section_navigation(folder):
    """Give `folder` its navigation portlet and previous/next links, once."""
    folder.nextPreviousEnabled = True
    manager = getUtility(IPortletManager, name=NAVIGATION_COLUMN)
    blacklist = getMultiAdapter((folder, manager), ILocalPortletAssignmentManager)
    blacklist.setBlacklistStatus(CONTEXT_CATEGORY, True)
    assignments = getMultiAdapter((folder, manager), IPortletAssignmentMapping)
    if PORTLET_ID not in assignments:
        assignments[PORTLET_ID] = navigation.Assignment(
            name=folder.Title(),
            root_uid=api.content.get_uuid(folder),
            includeTop=True,
            topLevel=0,
        )
