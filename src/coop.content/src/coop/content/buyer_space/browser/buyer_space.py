"""The buyer space: its page, favourites, saved searches.

The data and its rules are in coop.content.buyer_space.store, shared with the REST
services; these views only read forms, show pages and report in French.
"""

from coop.content import _
from coop.content.buyer_space import store
from coop.content.common.config import CONSULTATION_TYPE
from coop.content.common.config import CONSULTATIONS_ID
from coop.content.common.config import DIRECTORY_ID
from coop.content.common.config import MAX_FAVORITE_COMMENT_LENGTH
from coop.content.common.errors import InputError
from coop.content.directory.criteria import CRITERIA
from coop.content.directory.criteria import VOCABULARY_FACETS
from coop.content.directory.search import LABELS
from coop.content.vocabularies import term_title
from DateTime import DateTime
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import NotFound


CONSULTATIONS_ADD = f"{CONSULTATIONS_ID}/++add++{CONSULTATION_TYPE}"


def _localized(value):
    return api.portal.get_localized_time(DateTime(value), long_format=False)


class BuyerSpaceView(BrowserView):
    """`espace-acheteur`: what the buyer space offers, and the ways in."""

    @property
    def anonymous(self):
        return api.user.is_anonymous()

    @property
    def portal_url(self):
        return api.portal.get().absolute_url()

    @property
    def directory_url(self):
        return f"{self.portal_url}/{DIRECTORY_ID}"

    def links(self):
        portal_url = self.portal_url
        return [
            (
                self.directory_url,
                _("Search the directory of cooperatives"),
            ),
            (f"{portal_url}/@@mes-favoris", _("My favourite cooperatives")),
            (f"{portal_url}/@@mes-recherches", _("My saved searches")),
            (f"{portal_url}/@@mes-consultations", _("Follow my consultations")),
            (f"{portal_url}/@@change-password", _("Change my password")),
            (f"{portal_url}/@@personal-information", _("My personal information")),
        ]


class _BuyerSpacePage(BrowserView):
    """A page of the buyer space that changes data on POST, CSRF-protected."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            try:
                message = self.change(self.request.form)
            except InputError as error:
                api.portal.show_message(error.message, self.request, type="error")
            else:
                api.portal.show_message(message, self.request)
            # Back to the page, so that reloading it changes nothing.
            return self.request.response.redirect(self.url)
        return self.index()

    @property
    def url(self):
        return f"{api.portal.get().absolute_url()}/@@{self.__name__}"

    def change(self, form):
        raise NotImplementedError


class FavoritesView(_BuyerSpacePage):
    """`mes-favoris`: the favourite cooperatives, to see, annotate, drop or consult."""

    max_length = MAX_FAVORITE_COMMENT_LENGTH

    @property
    def consultation_url(self):
        return f"{api.portal.get().absolute_url()}/{CONSULTATIONS_ADD}"

    def items(self):
        return [
            {**item, "added": _localized(item["added"])} for item in store.favorites()
        ]

    def change(self, form):
        uid = form.get("uid")
        if "delete" in form:
            store.delete_favorite(uid)
            return _("The cooperative is removed from your favourites.")
        store.update_favorite(uid, form.get("comment", ""))
        return _("Your comment is saved.")


class AddFavoriteView(BrowserView):
    """`@@add-favorite` on an entry: a comment, then the entry joins the favourites."""

    max_length = MAX_FAVORITE_COMMENT_LENGTH
    error = None

    def __call__(self):
        # Zope checks no View on the context of a view: a draft's title stays hidden.
        if not api.user.has_permission("View", obj=self.context):
            raise NotFound(self.context, "add-favorite", self.request)
        self.comment = self.request.form.get("comment", "")
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            try:
                store.add_favorite(self.uid, self.comment)
            except InputError as error:
                self.error = error.message
            else:
                api.portal.show_message(
                    _(
                        "${title} is added to your favourite cooperatives.",
                        mapping={"title": self.context.title},
                    ),
                    self.request,
                )
                return self.request.response.redirect(self.came_from)
        return self.index()

    @property
    def came_from(self):
        """Where the visitor came from (the entry, or the search results), to go back.

        Only a page of the site: never a redirection elsewhere.
        """
        came_from = self.request.form.get("came_from") or self.request.get(
            "HTTP_REFERER"
        )
        portal_url = api.portal.get_tool("portal_url")
        if (
            came_from
            and isinstance(came_from, str)
            and "@@add-favorite" not in came_from
            and portal_url.isURLInPortal(came_from)
        ):
            return came_from
        return self.context.absolute_url()

    @property
    def uid(self):
        return api.content.get_uuid(self.context)

    @property
    def already(self):
        return store.is_favorite(self.uid)

    @property
    def favorites_url(self):
        return f"{api.portal.get().absolute_url()}/@@mes-favoris"


class SavedSearchesView(_BuyerSpacePage):
    """`mes-recherches`: the saved searches, to run again or delete."""

    def items(self):
        directory_url = f"{api.portal.get().absolute_url()}/{DIRECTORY_ID}"
        return [
            {
                **item,
                "created": _localized(item["created"]),
                "criteria": self.criteria(item["query"]),
                "url": f"{directory_url}?{store.query_string(item['query'])}",
            }
            for item in store.saved_searches()
        ]

    def criteria(self, query):
        """[(label, "value, value")] for the criteria of `query`, in a fixed order."""
        summary = []
        for name in CRITERIA:
            values = query.get(name)
            if not values:
                continue
            values = values if isinstance(values, list) else [values]
            vocabulary = VOCABULARY_FACETS.get(name)
            if vocabulary:
                values = [
                    term_title(vocabulary, value, self.context) for value in values
                ]
            summary.append((LABELS[name], ", ".join(values)))
        return summary

    def change(self, form):
        if "delete" in form:
            store.delete_saved_search(form.get("id"))
            return _("The saved search is deleted.")
        raise InputError(_("This saved search does not exist."))


class SaveSearchView(BrowserView):
    """`@@save-search` (POST): save the search page's criteria under a name."""

    def __call__(self):
        portal_url = api.portal.get().absolute_url()
        if self.request.method != "POST":
            return self.request.response.redirect(f"{portal_url}/@@mes-recherches")
        CheckAuthenticator(self.request)
        form = self.request.form
        query_string = form.get("query")
        query = store.query_from_string(
            query_string if isinstance(query_string, str) else ""
        )
        try:
            saved = store.add_saved_search(form.get("name"), query)
        except InputError as error:
            api.portal.show_message(error.message, self.request, type="error")
            # Back to the search, to try again.
            query_string = store.query_string(query)
            return self.request.response.redirect(
                f"{portal_url}/{DIRECTORY_ID}?{query_string}"
            )
        api.portal.show_message(
            _("The search ${name} is saved.", mapping={"name": saved["name"]}),
            self.request,
        )
        return self.request.response.redirect(f"{portal_url}/@@mes-recherches")
