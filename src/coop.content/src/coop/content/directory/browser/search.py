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
from coop.content.directory.criteria import FACETS
from coop.content.directory.entries import directory
from coop.content.directory.search import DEFAULT_BATCH_SIZE
from coop.content.directory.search import LABELS
from coop.content.directory.search import parse_query
from coop.content.directory.search import search
from coop.content.directory.search import summaries
from html import escape
from plone import api
from plone.base import PloneMessageFactory
from plone.batching.batch import Batch
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zExceptions import NotFound
from zope.i18n import translate
from zope.i18nmessageid import Message


COMPETENCES_ON_CARDS = 3
# The links to the previous and next pages, as plone.batching writes them:
# class, message, markup around it.
PREVIOUS_PAGE = (
    "page-item previous",
    PloneMessageFactory("batch_previous_x_items", default="Previous ${number} items"),
    '<span aria-hidden="true">&lt;</span> {label}',
)
NEXT_PAGE = (
    "page-item next",
    PloneMessageFactory("batch_next_x_items", default="Next ${number} items"),
    '{label} <span aria-hidden="true">&gt;</span>',
)
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


def _card(item, consults, favourite):
    """A result card: logo, name, city, sector, first competences.

    With `consults`, a box ticks it for a consultation; `favourite` is the
    label of the link that adds it to the favourites (None: no link).
    """
    url = escape(item["@id"])
    uid = escape(item["UID"])
    parts = [
        '<li class="col-12 col-md-6 coop-card"><div class="card h-100">'
        '<div class="card-body d-flex gap-3">'
    ]
    if item["logo"]:
        parts.append(
            f'<img class="coop-card-logo" alt="" loading="lazy" '
            f'src="{escape(item["logo"])}" width="64" />'
        )
    parts.append('<div><h2 class="h5 card-title">')
    if consults:
        parts.append(
            f'<input class="form-check-input me-1" id="recipient-{uid}" '
            f'name="recipients:list" type="checkbox" value="{uid}" />'
        )
    parts.append(f'<a href="{url}">{escape(item["title"])}</a></h2>')
    parts.append(f'<p class="mb-1 coop-card-place">{escape(item["city"] or "")}</p>')
    if item["sector"]:
        sector = escape(item["sector"]["title"])
        parts.append(f'<p class="mb-1 coop-card-sector">{sector}</p>')
    competences = item["competences"][:COMPETENCES_ON_CARDS]
    if competences:
        parts.append('<ul class="list-inline mb-1 coop-card-competences">')
        parts.extend(
            f'<li class="list-inline-item badge text-bg-light">{escape(name)}</li>'
            for name in competences
        )
        parts.append("</ul>")
    if favourite is not None:
        parts.append(
            f'<a class="coop-card-favorite small" href="{url}/@@add-favorite">'
            f"{escape(favourite)}</a>"
        )
    parts.append("</div></div></div></li>")
    return "".join(parts)


def pager(batch, link, request):
    """plone.batching's batch navigation (same markup and messages), from Python.

    `link(page)`: the address of a page, numbered from 1.
    """
    if not batch.multiple_pages:
        return ""

    def item(page, text, css="page-item"):
        href = escape(link(page))
        return f'<li class="{css}"><a class="page-link" href="{href}">{text}</a></li>'

    def step(kind, page, number):
        css, message, shape = kind
        text = translate(Message(message, mapping={"number": number}), context=request)
        return item(
            page, shape.format(label=f'<span class="label">{escape(text)}</span>'), css
        )

    ellipsis = '<li class="page-item disabled"><span class="page-link">...</span></li>'
    parts = ['<nav class="d-flex justify-content-center"><ul class="pagination">']
    if batch.has_previous:
        parts.append(step(PREVIOUS_PAGE, batch.previouspage, batch.pagesize))
    if batch.show_link_to_first:
        parts.append(item(1, 1, "first page-item"))
    if batch.second_page_not_in_navlist:
        parts.append(ellipsis)
    parts.extend(item(page, page) for page in batch.previous_pages)
    current = escape(translate(PloneMessageFactory("(current)"), context=request))
    parts.append(
        '<li class="page-item active" aria-current="page">'
        f'<span class="page-link">{batch.pagenumber}</span> '
        f'<span class="sr-only">{current}</span></li>'
    )
    parts.extend(item(page, page) for page in batch.next_pages)
    if batch.before_last_page_not_in_navlist:
        parts.append(ellipsis)
    if batch.show_link_to_last:
        parts.append(item(batch.lastpage, batch.lastpage, "page-item last"))
    if batch.has_next:
        parts.append(step(NEXT_PAGE, batch.nextpage, batch.next_item_count))
    parts.append("</ul></nav>")
    return "".join(parts)


def _option(value, title, selected):
    """An <option> of a facet; its value and title escaped (competences are typed)."""
    chosen = ' selected="selected"' if selected else ""
    return f'<option value="{escape(value)}"{chosen}>{escape(title)}</option>'


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
    """The search form, facets with counts, result cards and batches."""

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
        """Each criterion's select: label, name and options with their counts.

        The options, a few hundred with 10 000 files, are written here rather
        than by the template, each of whose expressions costs as much as an
        option: the page stays as cheap as the home page.
        """
        if self.results is None:
            return []
        selected = self.query.criteria
        return [
            {
                "name": name,
                "label": translate(LABELS[name], context=self.request),
                "options": "".join(
                    _option(
                        entry["value"],
                        f"{entry['title']} ({entry['count']})",
                        entry["value"] in selected.get(name, ()),
                    )
                    for entry in self.results.facets[name]
                ),
            }
            for name in FACETS
        ]

    @property
    def total(self):
        return self.results.total if self.results else 0

    def pager(self):
        """The batch navigation, written here for the reason given in `facets`."""
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
        return pager(batch, link, self.request)

    def cards(self):
        """The result cards, written here for the reason given in `facets`."""
        if not self.results:
            return ""
        consults = self.consults
        favourite = (
            None
            if self.anonymous
            else translate(_("Add to favourites"), context=self.request)
        )
        items = self.results.cards()
        return "".join(_card(item, consults, favourite) for item in items)

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
