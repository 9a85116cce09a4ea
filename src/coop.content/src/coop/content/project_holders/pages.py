"""The rules of the project holders' pages that every way in shares.

A project holder has one page, which holds at most MAX_PROJECT_HOLDER_PAGES pages.

- The page limit is a content constraint (`ProjectHolderConstrains`), which
  the add menu, the add forms, `invokeFactory`, `plone.api` and the REST API
  all respect; a page copied or moved into a page is checked when it comes in
  (subscribers.project_holder), since a copy in place
  passes the paste checks as a rename.
- One page per holder is checked when a page is added (`check_one_page`,
  from subscribers.project_holder), whichever way it comes.

The add forms and the REST service ask `refusal` first, to tell the user why
in French before anything is created.
"""

from coop.content import _
from coop.content.common.config import MAX_PROJECT_HOLDER_PAGES
from coop.content.common.config import PROJECT_HOLDER_TYPE
from coop.content.interfaces import IProjectHolderFolder
from plone import api
from plone.app.dexterity.behaviors.constrains import ConstrainTypesBehavior
from zope.schema import ValidationError


PAGE_TYPE = "Document"


class PageLimitReached(ValidationError):
    __doc__ = _(
        "A project holder page holds at most ${max} pages: edit or delete one of "
        "them to make room.",
        mapping={"max": MAX_PROJECT_HOLDER_PAGES},
    )


class AlreadyHolder(ValidationError):
    __doc__ = _(
        "You already have a project holder page: each project holder has one. "
        "Edit it, or add up to ${max} pages to it.",
        mapping={"max": MAX_PROJECT_HOLDER_PAGES},
    )


def pages_of(project_holder):
    """The pages that `project_holder` holds (its images are not pages)."""
    return [
        item for item in project_holder.contentValues() if item.portal_type == PAGE_TYPE
    ]


def _brains_held_by(userid):
    """The catalog brains of the pages held by `userid`, whatever their state."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type=PROJECT_HOLDER_TYPE, holder=userid
    )


def page_of(userid):
    """The project holder page held by `userid`, whatever its state, or None."""
    if not userid:
        return None
    brains = _brains_held_by(userid)
    return brains[0]._unrestrictedGetObject() if brains else None


def check_one_page(page):
    """Raise AlreadyHolder when the page's holder holds another page."""
    brains = _brains_held_by(page.holder)
    if any(api.content.get_uuid(page) != brain.UID for brain in brains):
        raise AlreadyHolder(PROJECT_HOLDER_TYPE)


def refusal(container, portal_type):
    """Why `portal_type` may not be added to `container` now, or None."""
    if (
        portal_type == PAGE_TYPE
        and container.portal_type == PROJECT_HOLDER_TYPE
        and len(pages_of(container)) >= MAX_PROJECT_HOLDER_PAGES
    ):
        return PageLimitReached(portal_type)
    if portal_type == PROJECT_HOLDER_TYPE and IProjectHolderFolder.providedBy(
        container
    ):
        if api.user.is_anonymous():
            return None
        if page_of(api.user.get_current().getId()) is not None:
            return AlreadyHolder(portal_type)
    return None


class ProjectHolderConstrains(ConstrainTypesBehavior):
    """The types a project holder page allows, less pages once it holds 3."""

    def allowedContentTypes(self, context=None):
        return [
            fti
            for fti in super().allowedContentTypes(context)
            if refusal(self.context, fti.getId()) is None
        ]
