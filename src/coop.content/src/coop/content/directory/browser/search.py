"""`/annuaire`: the directory search page and the CSV export of its results.

The query lives in the URL (GET), so that a search can be bookmarked, shared
and saved; coop.content.search does the searching.
"""

from Acquisition import aq_base
from coop.content import _
from coop.content.common.config import BUYERS_GROUP
from coop.content.common.config import COOPERATIVES_GROUP
from coop.content.common.errors import InputError
from coop.content.common.spreadsheet import csv_download
from coop.content.common.templates import CompiledViewPageTemplateFile
from coop.content.directory.criteria import FACETS
from coop.content.directory.entries import directory
from coop.content.directory.search import DEFAULT_BATCH_SIZE
from coop.content.directory.search import LABELS
from coop.content.directory.search import parse_query
from coop.content.directory.search import search
from coop.content.directory.search import summaries
from plone import api
from plone.batching.batch import Batch
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zExceptions import NotFound
from zope.i18n import translate


COMPETENCES_ON_CARDS = 3
# What the cards show in the CSV export, in this order.
CSV_COLUMNS = (
    (_("Company name"), lambda item: item["title"]),
    (_("Legal form"), lambda item: (item["legal_form"] or {}).get("title", "")),
    (_("Sector of activity"), lambda item: (item["sector"] or {}).get("title", "")),
    (
        _("Goods and services"),
        lambda item: " ; ".join(entry["title"] for entry in item["goods_services"]),
    ),
    (_("Competences"), lambda item: " ; ".join(item["competences"])),
    (_("City"), lambda item: item["city"] or ""),
    (_("Address of the entry"), lambda item: item["@id"]),
)


class _DirectoryView(BrowserView):
    def _check_context(self):
        # Registered for folders; the directory is the one folder it serves.
        if aq_base(self.context) is not aq_base(directory()):
            raise NotFound(self.__name__)

    def _query(self):
        """The checked query, or None with the French message in `self.error`."""
        self.error = None
        try:
            return parse_query(self.request.form)
        except InputError as error:
            self.error = error.translated(self.request)
            self.request.response.setStatus(400)
            return None


class DirectorySearch(_DirectoryView):
    """The search form, facets with counts, result cards and batches.

    The page's content is `body`, the cards and the facets' options are the
    macros of `parts`, the batch navigation is `navigation`: page templates
    that a theme overrides (with z3c.jbot, as
    coop.content.directory.browser.templates.search_body.pt, search_parts.pt
    and search_pager.pt). They run on Chameleon's own expressions: the page
    repeats hundreds of them.
    """

    body = CompiledViewPageTemplateFile("templates/search_body.pt")
    parts = CompiledViewPageTemplateFile("templates/search_parts.pt")
    navigation = CompiledViewPageTemplateFile("templates/search_pager.pt")

    def __call__(self):
        self._check_context()
        self.query = self._query()
        self.results = search(self.query) if self.query else None
        return self.index()

    @property
    def url(self):
        return self.context.absolute_url()

    @property
    def anonymous(self):
        return api.user.is_anonymous()

    @property
    def favourite(self):
        """The label of the cards' link to the favourites; None for anonymous."""
        if self.anonymous:
            return None
        return translate(_("Add to favourites"), context=self.request)

    @property
    def consults(self):
        """Buyers and cooperatives select cooperatives to send a consultation."""
        if self.anonymous:
            return False
        groups = {
            group.getId() for group in api.group.get_groups(user=api.user.get_current())
        }
        return bool(groups & {BUYERS_GROUP, COOPERATIVES_GROUP})

    @property
    def portal_url(self):
        return api.portal.get().absolute_url()

    @property
    def text(self):
        return self.query.text if self.query else ""

    @property
    def query_string(self):
        """The current criteria as a query string, without the batch."""
        if self.query is None:
            return ""
        return urlencode(self.query.as_params(), doseq=True)

    @property
    def sort_on(self):
        newest = self.query and self.query.sort_on in ("effective", "newest")
        return "effective" if newest else "sortable_title"

    def facets(self):
        """Each criterion's select: name, label and options.

        An option is its value, "selected" when it is chosen, and its title
        with its count.
        """
        if self.results is None:
            return []
        facets = []
        for name in FACETS:
            chosen = self.query.criteria.get(name, ())
            options = [
                {
                    "value": entry["value"],
                    "selected": "selected" if entry["value"] in chosen else None,
                    "label": f"{entry['title']} ({entry['count']})",
                }
                for entry in self.results.facets[name]
            ]
            label = translate(LABELS[name], context=self.request)
            facets.append({"name": name, "label": label, "options": options})
        return facets

    @property
    def total(self):
        return self.results.total if self.results else 0

    def pager(self):
        """The batch navigation, plone.batching's, through the checked query's
        batches."""
        if not self.results:
            return ""
        size = self.query.b_size
        params = self.query.as_params()
        if size != DEFAULT_BATCH_SIZE:
            params["b_size"] = size

        def link(page):
            start = {"b_start": (page - 1) * size}
            return f"{self.url}?{urlencode({**params, **start}, doseq=True)}"

        batch = Batch(self.results.brains, size, self.query.b_start)
        return self.navigation(batch=batch, link=link)

    def cards(self):
        """What the result cards show (search.card), the first competences only."""
        if not self.results:
            return []
        return [
            {**item, "competences": item["competences"][:COMPETENCES_ON_CARDS]}
            for item in self.results.cards()
        ]

    @property
    def export_url(self):
        query = self.query_string
        return f"{self.url}/@@export-csv" + (f"?{query}" if query else "")


class ExportCSV(_DirectoryView):
    """Every result of the current search as CSV, as French spreadsheets open it."""

    def __call__(self):
        self._check_context()
        query = self._query()
        if query is None:
            return self.error
        results = search(query, batch=False, facets=False)
        items = summaries(results.brains)
        return csv_download(
            self.request.response,
            "cooperatives.csv",
            [translate(title, context=self.request) for title, _value in CSV_COLUMNS],
            ([value(item) for _title, value in CSV_COLUMNS] for item in items),
        )
