"""The project holders' pages: the page, the listing, the add rules."""

from coop.content import _
from coop.content.common.config import PROJECT_HOLDER_TYPE
from coop.content.common.config import PROJECT_HOLDERS_ID
from coop.content.directory.browser.cooperative import web_link
from coop.content.interfaces import IProjectHolderFolder
from coop.content.project_holders.pages import AlreadyHolder
from coop.content.project_holders.pages import page_of
from coop.content.project_holders.pages import pages_of
from coop.content.project_holders.pages import refusal
from coop.content.vocabularies import term_title
from plone import api
from plone.dexterity.browser.add import DefaultAddView
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized


SECTORS = "coop.content.naf_sections"
CARD_SCALE = "preview"


def _paragraphs(text):
    return [part.strip() for part in (text or "").split("\n\n") if part.strip()]


class ProjectHolderView(BrowserView):
    """The page: the business, its image, its website, its pages and images."""

    @property
    def sector(self):
        return term_title(SECTORS, self.context.sector, self.context)

    @property
    def website_url(self):
        return web_link(self.context.website)

    def paragraphs(self):
        return _paragraphs(self.context.description)

    def _visible(self, items):
        return [item for item in items if api.user.has_permission("View", obj=item)]

    def pages(self):
        return self._visible(pages_of(self.context))

    def images(self):
        return self._visible(
            item for item in self.context.contentValues() if item.portal_type == "Image"
        )


class GuardedAddView(DefaultAddView):
    """The add form, which says in French why it refuses before showing itself.

    Registered for the pages of a project holder page and for the project
    holder pages of /porteurs-de-projet; the content constraint refuses the
    same additions to every other way in.
    """

    def __call__(self):
        error = refusal(self.context, self.ti.getId())
        if error is None:
            return super().__call__()
        api.portal.show_message(error.doc(), self.request, type="error")
        page = page_of(api.user.get_current().getId())
        target = page if isinstance(error, AlreadyHolder) else self.context
        self.request.response.redirect(target.absolute_url())
        return ""


class ProjectHoldersListing(BrowserView):
    """The published pages of the folder as cards, filtered by sector.

    The sector filter is a GET parameter; a value that is not one of the
    sectors of the listed pages filters nothing.
    """

    @memoize
    def _published(self):
        return api.content.find(
            context=self.context,
            portal_type=PROJECT_HOLDER_TYPE,
            review_state="published",
            sort_on="sortable_title",
        )

    @memoize
    def sectors(self):
        """The sectors present, with their titles, for the filter."""
        codes = {brain.sector for brain in self._published() if brain.sector}
        return sorted(
            (
                {"code": code, "title": term_title(SECTORS, code, self.context)}
                for code in codes
            ),
            key=lambda sector: sector["title"],
        )

    @property
    def sector(self):
        """The chosen sector, when it is one of the sectors present."""
        value = self.request.form.get("sector")
        if not isinstance(value, str):
            return None
        return value if value in {s["code"] for s in self.sectors()} else None

    def cards(self):
        sector = self.sector
        return [
            self._card(brain)
            for brain in self._published()
            if sector is None or brain.sector == sector
        ]

    def _card(self, brain):
        url = brain.getURL()
        scales = brain.image_scales or {}
        return {
            "title": brain.Title,
            "url": url,
            "activity": brain.activity,
            "sector": term_title(SECTORS, brain.sector, self.context),
            "website_url": web_link(brain.website),
            "image_url": f"{url}/@@images/image/{CARD_SCALE}"
            if scales.get("image")
            else None,
        }

    def pending(self):
        """Pages waiting for review, for those who review them here."""
        if not api.user.has_permission("Review portal content", obj=self.context):
            return []
        return [
            {"title": brain.Title, "url": brain.getURL()}
            for brain in api.content.find(
                context=self.context,
                portal_type=PROJECT_HOLDER_TYPE,
                review_state="pending",
                sort_on="modified",
            )
        ]


class MyProjectPage(BrowserView):
    """The "My page" link of a project holder: their page, or the form to create it."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("My page")
        page = page_of(api.user.get_current().getId())
        if page is not None:
            return self.request.response.redirect(page.absolute_url())
        folder = self.context.get(PROJECT_HOLDERS_ID)
        if folder is None or not IProjectHolderFolder.providedBy(folder):
            return self.request.response.redirect(self.context.absolute_url())
        if api.user.has_permission("coop.content: Add ProjectHolder", obj=folder):
            return self.request.response.redirect(
                f"{folder.absolute_url()}/++add++{PROJECT_HOLDER_TYPE}"
            )
        api.portal.show_message(
            _("Only project holders have a project holder page."),
            self.request,
            type="error",
        )
        return self.request.response.redirect(folder.absolute_url())
