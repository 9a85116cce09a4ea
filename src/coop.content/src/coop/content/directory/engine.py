"""The directory search's engine: the catalog's indexes, read directly.

Every use of the catalog's internals (record ids, the indexes' own
structures) is here, behind `search`, `latest`, `common_keywords` and
`visitor`. `reference` answers the same questions with plain catalog queries;
the tests hold the engine to its answers. Nothing here wakes a cooperative up:
a search costs about the same with 1 000 or 10 000 entries.

Answers are kept in RAM caches under the counter of the directory's entries
(coop.content.common.cachekeys), and, for what depends on who asks, under
what the visitor may see (`visitor`).
"""

from array import array
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from collections import Counter
from coop.content.common.cachekeys import CONTENT
from coop.content.common.cachekeys import counters
from coop.content.common.cachekeys import ENTRIES
from coop.content.common.config import COOPERATIVE_TYPE
from coop.content.directory.criteria import FACETS
from coop.content.directory.criteria import KEYWORD_FACET_SIZE
from coop.content.directory.criteria import KEYWORDS
from coop.content.directory.criteria import PUBLISHED
from coop.content.directory.criteria import Query
from coop.content.directory.criteria import SORTS
from coop.content.directory.criteria import TEXT
from coop.content.directory.criteria import text_query
from coop.content.directory.criteria import title
from coop.content.directory.criteria import vocabulary
from coop.content.directory.keywords import normalize_keyword
from DateTime import DateTime
from itertools import chain
from itertools import islice
from itertools import repeat
from plone import api
from plone.memoize import ram
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import _getAuthenticatedUser
from Products.ZCTextIndex.QueryParser import QueryParser
from ZTUtils.Lazy import LazyMap

import bisect
import heapq


# Below 1/ONE_PASS_SHARE of the visible entries, results are counted one by one.
ONE_PASS_SHARE = 3
# From 1/WALK_SHARE of the visible entries on, results are found in order.
WALK_SHARE = 20


def now():
    """The time whose published content one sees."""
    return DateTime()


def _catalog():
    """The catalog, with what the current transaction indexed so far.

    As in the catalog's own searches: the indexes are read directly here.
    """
    processQueue()
    return api.portal.get_tool("portal_catalog")


def _entries_state(function, catalog, *args):
    """A cache key for what depends on the directory's entries only."""
    return (counters(ENTRIES), args)


def _visitor_state(function, catalog, *args):
    """A cache key for what depends on the entries and on who asks, when."""
    return (counters(ENTRIES), visitor(catalog), args)


def _content_state(function, catalog, *args):
    """A cache key for what depends on any content of the site."""
    return (counters(CONTENT), args)


@ram.cache(_content_state)
def _date_boundaries(catalog):
    """The minutes at which some content's publication starts, and ends.

    Read from the catalog's effectiveRange index, which keeps them to the
    minute: one sorted array of each.
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


def visitor(catalog=None):
    """What the content one may see depends on: roles, and dates passed.

    The publication dates that have passed matter to those only who may not
    see content out of them. For the keys of answers about what the current
    user sees.
    """
    catalog = catalog or api.portal.get_tool("portal_catalog")
    active_only = not catalog.allow_inactive({})
    dates_passed = _dates_passed(catalog) if active_only else None
    return _roles(catalog), active_only, dates_passed


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
    """The text index's own searches, finding entries without scoring them.

    The directory orders results by name or date: scoring every entry that
    has a word costs five times the rest of a text search with 10 000 entries.
    The query parser and lexicon stay the index's, so that words match as in
    any Plone search (accents, case, the last word as a prefix).
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
    """The record ids of the entries whose text matches `words` (see text_query)."""
    index = catalog._catalog.getIndex(TEXT)
    tree = QueryParser(index.getLexicon()).parseQuery(words)
    return IISet(tree.executeQuery(_UnscoredText(index.index)) or ())


def _visible(catalog, seen_by):
    """The published cooperatives the current user (`seen_by`: visitor) may see."""
    return _visible_records(catalog, *seen_by)


@ram.cache(_entries_state)
def _visible_records(catalog, roles, active_only, dates_passed):
    """Kept per state of the entries, roles and publication dates passed.

    With 10 000 entries, the publication dates (effectiveRange) alone cost
    more than the rest of a search.
    """
    query = {
        "portal_type": COOPERATIVE_TYPE,
        "review_state": PUBLISHED,
        "allowedRolesAndUsers": list(roles),
    }
    if active_only:
        query["effectiveRange"] = now()
    return _records(catalog, query)


def _intersect(sets):
    result = None
    for records in sorted(sets, key=len):
        result = records if result is None else intersection(result, records)
        if not result:
            return IISet()
    return result


def _few(within, universe):
    """Whether the entries `within` are few enough to be counted one by one.

    Reading their own entries in an index costs in proportion to them;
    intersecting every value's entries with them, in proportion to the index.
    With 10 000 entries, the first is the cheaper below about a third of the
    `universe` (the entries one may see).
    """
    return len(within) * ONE_PASS_SHARE < universe


def _entry_counts(index, within):
    """Each value's number of entries `within`, read from the index's entries."""
    values = map(index.documentToKeyMap().get, within, repeat(()))
    if index.meta_type == "KeywordIndex":
        values = chain.from_iterable(values)
    return Counter(values)


def _intersection_count(postings, within, value):
    """How many of the entries having `value` in an index are `within`."""
    documents = postings.get(value)
    return 0 if documents is None else len(intersection(documents, within))


def _counts(index, within, universe, values):
    """How many entries `within` have each of `values` in `index`: the non-zero ones."""
    if _few(within, universe):
        counts = _entry_counts(index, within)
        return {value: counts[value] for value in values if counts[value]}
    postings = index._index
    found = ((value, _intersection_count(postings, within, value)) for value in values)
    return {value: count for value, count in found if count}


@ram.cache(_entries_state)
def _keyword_sizes(catalog):
    """Every competence keyword with its number of entries, the largest first.

    The keywords are free text and may be many thousands.
    """
    index = catalog._catalog.getIndex(KEYWORDS)._index
    sizes = [(len(documents), keyword) for keyword, documents in index.items()]
    sizes.sort(key=lambda size: (-size[0], size[1]))
    return sizes


def _largest_intersections(catalog, within, limit):
    """The `limit` keywords most entries `within` have, with their counts.

    A keyword's number of entries bounds its count `within`: the keywords are
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
    """The `limit` competences most entries `within` have: (keyword, count)."""
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


@ram.cache(_entries_state)
def _keyword_titles(catalog):
    """The keywords' titles found so far.

    Filled as keywords are listed: there may be many thousands, and a
    competences facet shows twenty.
    """
    return {}


def _keyword_title(catalog, keyword):
    """A keyword as typed (accents, capitals) by the first entry cataloged with it."""
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


def _sorted(catalog, rids, index_name, reverse):
    """`rids` in the order of a sort index, ties by record id: the same on every page.

    Entries the index lacks are left out, as the catalog's own sort does.
    """
    keys = catalog._catalog.getIndex(index_name).documentToKeyMap()
    return sorted(
        (rid for rid in rids if rid in keys),
        key=lambda rid: (keys[rid], rid),
        reverse=reverse,
    )


@ram.cache(_entries_state)
def _sorted_entries(catalog, index_name, reverse):
    """Every cooperative's record id in a sort order.

    Sorting 10 000 results again for each page costs more than the rest of
    the search (the first page of the directory, its CSV export).
    """
    entries = _records(catalog, {"portal_type": COOPERATIVE_TYPE})
    return array("i", _sorted(catalog, entries, index_name, reverse))


def _in_order(catalog, results, universe, index_name, reverse, start, size):
    """The record ids of the results from `start` on (`size` of them, or all).

    Few results are sorted. Many are found by walking every entry in order:
    about as many steps as the batch skips and holds, where sorting goes
    through every result. With 10 000 entries, walking is the cheaper from
    about a twentieth of the `universe` (the entries one may see) for the
    first pages, which are the pages people read.
    """
    stop = None if size is None else start + size
    if len(results) * WALK_SHARE < universe:
        return _sorted(catalog, results, index_name, reverse)[start:stop]
    entries = _sorted_entries(catalog, index_name, reverse)
    return list(islice((rid for rid in entries if rid in results), start, stop))


def _brains(catalog, rids, total):
    return LazyMap(
        catalog._catalog.__getitem__, rids, len(rids), actual_result_count=total
    )


def search(query, batch=True, facets=True):
    """A checked Query's (brains, total, facets): the batch asked for, or all.

    The criteria combine (AND); a criterion given several values matches any
    of them (OR). A facet's counts say how many entries match all the *other*
    criteria and each value: what choosing the value would give. The values
    chosen are listed, even at 0; a closed list's in its vocabulary's order,
    the competences the KEYWORD_FACET_SIZE most common first.
    """
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
    return (
        _brains(catalog, rids, total),
        total,
        _facets(catalog, seen_by, query, visible, sets, results) if facets else {},
    )


def _facet_state(function, catalog, seen_by, name, others, text, within, universe):
    """A facet's counts: per state of the entries, visitor and other criteria.

    `within` and `universe` follow from these.
    """
    return (counters(ENTRIES), seen_by, name, others, text)


@ram.cache(_facet_state)
def _facet_entries(catalog, seen_by, name, others, text, within, universe):
    """The values of the facet `name` the entries `within` have, with their counts.

    `within`: the entries matching the other criteria (`others` and `text`),
    which alone decide the counts: one answer serves whichever values of this
    facet are chosen ("all departments" and then one of them, say). Counting
    is what a search costs most with 10 000 entries. The competences: the
    KEYWORD_FACET_SIZE most common only.
    """
    if name == KEYWORDS:
        top = _top_keywords(catalog, within, universe, KEYWORD_FACET_SIZE)
        return _keyword_entries(catalog, top)
    terms = list(vocabulary(name))
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
    # A facet of a closed list leaves out the values no entry within has.
    return [
        {"value": value, "title": title(name, value), "count": 0} for value in values
    ]


def _facets(catalog, seen_by, query, visible, sets, results):
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
                order = [term.value for term in vocabulary(name)]
                entries.sort(key=lambda entry: order.index(entry["value"]))
        facets[name] = entries
    return facets


@ram.cache(_visitor_state)
def _latest_records(catalog, limit):
    newest = Query(sort_on="newest", b_size=limit)
    brains, _total, _facets = search(newest, facets=False)
    return [brain.getRID() for brain in brains]


def latest(limit):
    """The brains of the `limit` cooperatives published last, newest first.

    A Manager sees entries whose publication date has not come yet.
    """
    catalog = _catalog()
    return [catalog._catalog[rid] for rid in _latest_records(catalog, limit)]


@ram.cache(_visitor_state)
def _common_keywords(catalog, limit):
    visible = _visible(catalog, visitor(catalog))
    return _keyword_entries(
        catalog, _top_keywords(catalog, visible, len(visible), limit)
    )


def common_keywords(limit):
    """The `limit` competences most published entries have, with their counts."""
    return _common_keywords(_catalog(), limit)
