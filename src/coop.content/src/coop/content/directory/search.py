"""The directory search (DESIGN §7, spec §II.A.2): one piece for every caller.

The search page of /annuaire, `@coop-search`, the CSV export and the home page
widgets all go through here. Only published cooperatives are ever found,
whoever asks. Everything is read from the catalog's indexes and metadata:
no cooperative is woken up, so a search costs about the same with 1 000 or
10 000 files.

The criteria combine (AND); a criterion given several values matches any of
them (OR). The facet counts of a criterion say how many files match all the
*other* criteria and that value: what choosing the value would give.
"""

from array import array
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from collections import Counter
from coop.content import _
from coop.content.common import cachekeys
from coop.content.common.cachekeys import catalog_state
from coop.content.common.cachekeys import visitor
from coop.content.common.cachekeys import visitor_state
from coop.content.directory.keywords import normalize_keyword
from coop.content.vocabularies import term_title
from dataclasses import dataclass
from dataclasses import field
from itertools import chain
from itertools import islice
from itertools import repeat
from plone import api
from plone.memoize import ram
from Products.ZCTextIndex.QueryParser import QueryParser
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
from ZPublisher.BaseRequest import quote
from ZTUtils.Lazy import LazyMap

import bisect
import heapq
import re


PORTAL_TYPE = "Cooperative"
PUBLISHED = "published"

# The criteria with a closed list of values, and their vocabularies.
VOCABULARY_FACETS = {
    "department": "coop.content.departments",
    "region": "coop.content.regions",
    "sector": "coop.content.naf_sections",
    "goods_services": "coop.content.cpv_divisions",
    "legal_form": "coop.content.legal_forms",
}
KEYWORDS = "competences"
FACETS = (*VOCABULARY_FACETS, KEYWORDS)
TEXT = "SearchableText"
CRITERIA = (TEXT, *FACETS)
# The labels of the criteria in messages: the file's own field titles.
LABELS = {
    TEXT: _("Text searched"),
    "department": _("Department"),
    "region": _("Region"),
    "sector": _("Sector of activity"),
    "goods_services": _("Goods and services"),
    "legal_form": _("Legal form"),
    KEYWORDS: _("Competences"),
    "sort_on": _("Sort order"),
}

# sort_on: the index and whether it runs backwards. Names for people, index
# ids for REST clients used to plone.restapi's @search.
SORTS = {
    "sortable_title": ("sortable_title", False),
    "name": ("sortable_title", False),
    "effective": ("effective", True),
    "newest": ("effective", True),
}
DEFAULT_SORT = "sortable_title"

DEFAULT_BATCH_SIZE = 20
MAX_BATCH_SIZE = 100
MAX_TEXT_LENGTH = 200
MAX_WORDS = 10
MAX_VALUES = 10
# The most common competences a facet lists.
KEYWORD_FACET_SIZE = 20
# Below 1/ONE_PASS_SHARE of the visible files, results are counted one by one.
ONE_PASS_SHARE = 3
# From 1/WALK_SHARE of the visible files on, results are found in order.
WALK_SHARE = 20
# Words of the text query: letters and digits; markup and operators fall out.
WORD = re.compile(r"\w+")
OPERATORS = {"and", "or", "not", "near"}


class SearchError(ValueError):
    """A criterion the search refuses; `message` is translatable and names it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def translated(self, request):
        return translate(self.message, context=request)


def _label(name):
    return translate(LABELS[name], context=api.env.getRequest())


def _vocabulary(name):
    return getUtility(IVocabularyFactory, name=VOCABULARY_FACETS[name])(None)


def _title(name, value):
    """The title of a facet's value; the value itself when the vocabulary lost it."""
    return term_title(VOCABULARY_FACETS[name], value)


@dataclass
class Query:
    """A checked search: the criteria given, sort order and batch."""

    criteria: dict = field(default_factory=dict)
    text: str = ""
    sort_on: str = DEFAULT_SORT
    b_start: int = 0
    b_size: int = DEFAULT_BATCH_SIZE

    def as_params(self):
        """The query as URL parameters (lists for repeated ones), without batching."""
        params = {TEXT: self.text} if self.text else {}
        params.update(self.criteria)
        if self.sort_on != DEFAULT_SORT:
            params["sort_on"] = self.sort_on
        return params


def _values(name, raw):
    """The non-empty text values of a criterion; refuses anything but text."""
    values = raw if isinstance(raw, list | tuple) else [raw]
    if not all(isinstance(value, str) for value in values):
        raise SearchError(
            _(
                'The criterion "${criterion}" expects text.',
                mapping={"criterion": _label(name)},
            )
        )
    values = list(dict.fromkeys(value.strip() for value in values if value.strip()))
    if len(values) > MAX_VALUES:
        raise SearchError(
            _(
                'Too many values for the criterion "${criterion}": at most ${max}.',
                mapping={"criterion": _label(name), "max": MAX_VALUES},
            )
        )
    return values


def _integer(form, name, default):
    raw = form.get(name, default)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise SearchError(
            _('"${name}" must be a whole number.', mapping={"name": name})
        ) from None


def parse_query(form, default_size=DEFAULT_BATCH_SIZE):
    """A Query from request parameters; SearchError names a bad one.

    Unknown values of the closed lists are refused (a typing mistake must not
    look like "no cooperative"); the batch size is kept within MAX_BATCH_SIZE.
    """
    criteria = {}
    for name in VOCABULARY_FACETS:
        values = _values(name, form.get(name, []))
        vocabulary = _vocabulary(name)
        for value in values:
            if value not in vocabulary:
                raise SearchError(
                    _(
                        'Unknown value "${value}" for the criterion "${criterion}".',
                        mapping={"value": value[:40], "criterion": _label(name)},
                    )
                )
        if values:
            criteria[name] = values
    keywords = [
        keyword
        for keyword in map(normalize_keyword, _values(KEYWORDS, form.get(KEYWORDS, [])))
        if keyword
    ]
    if keywords:
        criteria[KEYWORDS] = keywords
    text = form.get(TEXT) or ""
    if not isinstance(text, str):
        raise SearchError(
            _(
                'The criterion "${criterion}" expects text.',
                mapping={"criterion": _label(TEXT)},
            )
        )
    if len(text) > MAX_TEXT_LENGTH:
        raise SearchError(
            _(
                "The text searched is too long: at most ${max} characters.",
                mapping={"max": MAX_TEXT_LENGTH},
            )
        )
    sort_on = form.get("sort_on") or DEFAULT_SORT
    if not isinstance(sort_on, str) or sort_on not in SORTS:
        raise SearchError(
            _(
                'Unknown sort order "${value}": use sortable_title or effective.',
                mapping={"value": str(sort_on)[:40]},
            )
        )
    b_start = max(0, _integer(form, "b_start", 0))
    b_size = min(max(1, _integer(form, "b_size", default_size)), MAX_BATCH_SIZE)
    return Query(criteria, text.strip(), sort_on, b_start, b_size)


def text_query(text):
    """The ZCTextIndex query of what someone typed: every word, the last as a prefix.

    Markup, quotes, brackets and boolean operators cannot reach the query
    parser: only words do.
    """
    words = [
        word
        for word in WORD.findall(text)
        if len(word) > 1 and word.casefold() not in OPERATORS
    ][:MAX_WORDS]
    if not words:
        return ""
    words[-1] += "*"
    return " AND ".join(words)


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _records(catalog, query):
    """The record ids matching every term of `query`, read from the indexes."""
    result = None
    for name, value in query.items():
        found = catalog._catalog.getIndex(name)._apply_index({name: value})
        records = found[0] if found else IISet()
        if hasattr(records, "items"):
            # A text index scores its results: only the ids matter here.
            records = IISet(records.keys())
        result = records if result is None else intersection(result, records)
        if not result:
            return IISet()
    return result


class _UnscoredText:
    """The text index's own searches, finding files without scoring them.

    The directory orders results by name or date: scoring every file that has
    a word cost five times the rest of a text search with 10 000 files. The
    query parser and lexicon stay the index's, so that words match as in any
    Plone search (accents, case, the last word as a prefix).
    """

    def __init__(self, index):
        self._index = index
        self._lexicon = index._lexicon

    def _entries(self, word_ids):
        postings = self._index._wordinfo
        return multiunion(
            [IISet(postings[wid].keys()) for wid in word_ids if wid in postings]
        )

    def search(self, term):
        return self._entries(self._lexicon.termToWordIds(term))

    def search_glob(self, pattern):
        return self._entries(self._lexicon.globToWordIds(pattern))

    def search_phrase(self, phrase):
        return IISet(self._index.search_phrase(phrase).keys())


def _text_records(catalog, words):
    """The record ids of the files whose text matches `words` (see text_query)."""
    index = catalog._catalog.getIndex(TEXT)
    tree = QueryParser(index.getLexicon()).parseQuery(words)
    return IISet(tree.executeQuery(_UnscoredText(index.index)) or ())


def _visible(catalog, seen_by=None):
    """The published cooperatives the current user (`seen_by`: visitor) may see."""
    return _visible_records(catalog, *(seen_by or visitor(catalog)))


@ram.cache(catalog_state)
def _visible_records(catalog, roles, active_only, dates_passed):
    """Kept per state of the catalog, roles and publication dates passed.

    With 10 000 files, the publication dates (effectiveRange) alone cost more
    than the rest of a search.
    """
    query = {
        "portal_type": PORTAL_TYPE,
        "review_state": PUBLISHED,
        "allowedRolesAndUsers": list(roles),
    }
    if active_only:
        query["effectiveRange"] = cachekeys.now()
    return _records(catalog, query)


def _intersect(sets):
    result = None
    for records in sorted(sets, key=len):
        result = records if result is None else intersection(result, records)
        if not result:
            return IISet()
    return result


def _few(within, universe):
    """Whether the files `within` are few enough to be counted one by one.

    Reading their own entries in an index costs in proportion to them;
    intersecting every value's files with them, in proportion to the index.
    Measured with 10 000 files, the first is the cheaper below about a third
    of the `universe` (the files one may see).
    """
    return len(within) * ONE_PASS_SHARE < universe


def _entry_counts(index, within):
    """Each value's number of files `within`, read from the files' entries."""
    values = map(index.documentToKeyMap().get, within, repeat(()))
    if index.meta_type == "KeywordIndex":
        values = chain.from_iterable(values)
    return Counter(values)


def _intersection_count(postings, within, value):
    """How many of the files having `value` in an index are `within`."""
    documents = postings.get(value)
    return 0 if documents is None else len(intersection(documents, within))


def _counts(index, within, universe, values):
    """How many files `within` have each of `values` in `index`: the non-zero ones."""
    if _few(within, universe):
        counts = _entry_counts(index, within)
        return {value: counts[value] for value in values if counts[value]}
    postings = index._index
    found = ((value, _intersection_count(postings, within, value)) for value in values)
    return {value: count for value, count in found if count}


@ram.cache(catalog_state)
def _keyword_sizes(catalog):
    """Every competence keyword with its number of files, the largest first.

    Computed once per state of the catalog: the keywords are free text and
    may be many thousands.
    """
    index = catalog._catalog.getIndex(KEYWORDS)._index
    sizes = [(len(documents), keyword) for keyword, documents in index.items()]
    sizes.sort(key=lambda size: (-size[0], size[1]))
    return sizes


def _largest_intersections(catalog, within, limit):
    """The `limit` keywords most files `within` have, with their counts.

    A keyword's number of files bounds its count `within`: the keywords are
    taken largest first until no other one can come in.
    """
    postings = catalog._catalog.getIndex(KEYWORDS)._index
    top = []
    for size, keyword in _keyword_sizes(catalog):
        # Taken in this order, no keyword from here on can come in.
        if len(top) == limit and (-size, keyword) >= top[-1]:
            break
        found = _intersection_count(postings, within, keyword)
        if found:
            bisect.insort(top, (-found, keyword))
            del top[limit:]
    return [(keyword, -found) for found, keyword in top]


def _top_keywords(catalog, within, universe, limit):
    """The `limit` competences most files `within` have: (keyword, count), in order."""
    if not _few(within, universe):
        return _largest_intersections(catalog, within, limit)
    counts = _entry_counts(catalog._catalog.getIndex(KEYWORDS), within)
    return heapq.nsmallest(limit, counts.items(), key=lambda item: (-item[1], item[0]))


def _keyword_entries(catalog, counts):
    """Competences as facets and the keyword cloud list them."""
    titles = _keyword_titles(catalog)
    entries = []
    for keyword, count in counts:
        if keyword not in titles:
            titles[keyword] = _keyword_title(catalog, keyword)
        entries.append({"value": keyword, "title": titles[keyword], "count": count})
    return entries


@ram.cache(catalog_state)
def _keyword_titles(catalog):
    """The keywords' titles found so far, kept per state of the catalog.

    Filled as keywords are listed: there may be many thousands, and a
    competences facet shows twenty.
    """
    return {}


def _keyword_title(catalog, keyword):
    """A keyword as a cooperative typed it (accents, capitals), from metadata."""
    documents = catalog._catalog.getIndex(KEYWORDS)._index.get(keyword)
    if documents is None:
        return keyword
    labels = (
        catalog.getMetadataForRID(documents.minKey()).get("competence_labels") or ()
    )
    for label in labels:
        if normalize_keyword(label) == keyword:
            return label
    return keyword


@dataclass
class Results:
    """One batch of results, the total and the facets."""

    query: Query
    brains: object
    total: int
    facets: dict

    def items(self):
        return list(summaries(self.brains))

    def cards(self):
        return list(summaries(self.brains, card))


def _sorted(catalog, rids, index_name, reverse):
    """`rids` in the order of a sort index, ties by record id: the same on every page.

    Files the index lacks are left out, as the catalog's own sort does.
    """
    keys = catalog._catalog.getIndex(index_name).documentToKeyMap()
    return sorted(
        (rid for rid in rids if rid in keys),
        key=lambda rid: (keys[rid], rid),
        reverse=reverse,
    )


@ram.cache(catalog_state)
def _sorted_entries(catalog, index_name, reverse):
    """Every cooperative's record id in a sort order.

    Kept per state of the catalog: sorting 10 000 results again for each page
    costs more than the rest of the search (the first page of the directory,
    its CSV export).
    """
    files = _records(catalog, {"portal_type": PORTAL_TYPE})
    return array("i", _sorted(catalog, files, index_name, reverse))


def _in_order(catalog, results, universe, index_name, reverse, start, size):
    """The record ids of the results from `start` on (`size` of them, or all).

    Few results are sorted. Many are found by walking every file in order:
    about as many steps as the batch skips and holds, where sorting goes
    through every result. Measured with 10 000 files, walking is the cheaper
    from about a twentieth of the `universe` (the files one may see) for the
    first pages, which are the pages people read.
    """
    stop = None if size is None else start + size
    if len(results) * WALK_SHARE < universe:
        return _sorted(catalog, results, index_name, reverse)[start:stop]
    files = _sorted_entries(catalog, index_name, reverse)
    return list(islice((rid for rid in files if rid in results), start, stop))


def search(query, batch=True, facets=True):
    """Run a checked Query: the batch asked for (every result if not `batch`)."""
    catalog = _catalog()
    seen_by = visitor(catalog)
    visible = _visible(catalog, seen_by)
    sets = {}
    if query.text:
        words = text_query(query.text)
        sets[TEXT] = _text_records(catalog, words) if words else IISet()
    for name, values in query.criteria.items():
        sets[name] = _records(catalog, {name: values})
    results = _intersect([visible, *sets.values()])
    index_name, reverse = SORTS[query.sort_on]
    total = len(results)
    start, size = (query.b_start, query.b_size) if batch else (0, None)
    rids = _in_order(catalog, results, len(visible), index_name, reverse, start, size)
    brains = LazyMap(
        catalog._catalog.__getitem__, rids, len(rids), actual_result_count=total
    )
    return Results(
        query,
        brains,
        total,
        _facets(catalog, seen_by, query, visible, sets, results) if facets else {},
    )


def _facet_state(function, catalog, seen_by, name, others, text, within, universe):
    """A facet's counts: per state of the catalog, visitor and other criteria.

    `within` and `universe` follow from these.
    """
    return catalog_state(function, catalog, seen_by, name, others, text)


@ram.cache(_facet_state)
def _facet_entries(catalog, seen_by, name, others, text, within, universe):
    """The values of the facet `name` the files `within` have, with their counts.

    `within`: the files matching the other criteria (`others` and `text`),
    which alone decide the counts: one answer serves whichever values of this
    facet are chosen ("all departments" and then one of them, say). Counting
    is what a search costs most with 10 000 files. The competences: the
    KEYWORD_FACET_SIZE most common only.
    """
    if name == KEYWORDS:
        top = _top_keywords(catalog, within, universe, KEYWORD_FACET_SIZE)
        return _keyword_entries(catalog, top)
    terms = list(_vocabulary(name))
    index = catalog._catalog.getIndex(name)
    counts = _counts(index, within, universe, [term.value for term in terms])
    return [
        {"value": term.value, "title": term.title, "count": counts[term.value]}
        for term in terms
        if term.value in counts
    ]


def _chosen_entries(catalog, name, values, within):
    """Values chosen for a facet that its entries leave out, with their counts."""
    if name == KEYWORDS:
        postings = catalog._catalog.getIndex(KEYWORDS)._index
        counts = [
            (value, _intersection_count(postings, within, value)) for value in values
        ]
        return _keyword_entries(catalog, counts)
    # A facet of a closed list leaves out the values no file within has.
    return [
        {"value": value, "title": _title(name, value), "count": 0} for value in values
    ]


def _facets(catalog, seen_by, query, visible, sets, results):
    """Every facet with its counts; the values chosen are listed, even at 0."""
    facets = {}
    for name in FACETS:
        selected = query.criteria.get(name, ())
        if selected:
            others = [records for other, records in sets.items() if other != name]
            within = _intersect([visible, *others])
        else:
            within = results
        criteria = tuple(
            sorted(
                (other, tuple(values))
                for other, values in query.criteria.items()
                if other != name
            )
        )
        entries = _facet_entries(
            catalog, seen_by, name, criteria, query.text, within, len(visible)
        )
        listed = {entry["value"] for entry in entries}
        missing = [value for value in selected if value not in listed]
        if missing:
            entries = entries + _chosen_entries(catalog, name, missing, within)
            if name != KEYWORDS:
                order = [term.value for term in _vocabulary(name)]
                entries.sort(key=lambda entry: order.index(entry["value"]))
        facets[name] = entries
    return facets


def _with_urls(brains):
    """Each brain with its address, as its getURL gives it.

    The files listed share their folder: its address is worked out once, not
    for each of them (a third of what a card costs).
    """
    request = api.env.getRequest()
    folders = {}
    for brain in brains:
        folder, _slash, name = brain.getPath().rpartition("/")
        if folder not in folders:
            folders[folder] = request.physicalPathToURL(folder)
        yield brain, f"{folders[folder]}/{quote(name)}"


def card(brain, url):
    """What a result card shows: logo, name, city, sector, competences."""
    sector = brain.sector or None
    return {
        "@id": url,
        "UID": brain.UID,
        "title": brain.Title,
        "city": brain.city or None,
        "sector": sector and {"token": sector, "title": _title("sector", sector)},
        "competences": list(brain.competence_labels or ()),
        "logo": f"{url}/@@images/logo/thumb" if brain.has_logo else None,
    }


def summary(brain, url):
    """A result as REST and the export show it: a card's fields and the others."""
    legal_form = brain.legal_form or None
    return {
        **card(brain, url),
        "description": brain.Description,
        "legal_form": legal_form
        and {"token": legal_form, "title": _title("legal_form", legal_form)},
        "goods_services": [
            {"token": code, "title": _title("goods_services", code)}
            for code in brain.goods_services or ()
        ],
        "effective": brain.effective.ISO8601() if brain.effective else None,
    }


def summaries(brains, fields=summary):
    """The `fields` (summary, or card) of each brain, from metadata, as it goes."""
    return (fields(brain, url) for brain, url in _with_urls(brains))


@ram.cache(visitor_state)
def _latest_records(catalog, limit):
    results = search(Query(sort_on="newest", b_size=limit), facets=False)
    return [brain.getRID() for brain in results.brains]


def latest(limit):
    """The most recently published cooperatives, newest first.

    Kept per state of the catalog and visitor (visitor_state): a Manager
    sees files whose publication date has not come yet.
    """
    catalog = _catalog()
    return list(
        summaries(catalog._catalog[rid] for rid in _latest_records(catalog, limit))
    )


@ram.cache(visitor_state)
def _common_keywords(catalog, limit):
    visible = _visible(catalog)
    return _keyword_entries(
        catalog, _top_keywords(catalog, visible, len(visible), limit)
    )


def common_keywords(limit):
    """The competences that most published files have, with their counts."""
    return _common_keywords(_catalog(), limit)


def bounded_limit(raw, default):
    """A number of items asked for, within 1 and MAX_BATCH_SIZE.

    Not a number: the default (a widget's size is no criterion worth a 400).
    """
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = default
    return min(max(1, value), MAX_BATCH_SIZE)
