"""The directory search as plain catalog queries: what the engine must answer.

The same questions as `engine` (`search`, `latest`, `common_keywords`) and
the same answers, each found the plainest way: a `portal_catalog` query per
result list and per facet value. It states the rules and is slow; the tests
hold the engine to it.
"""

from coop.content.common.config import COOPERATIVE_TYPE
from coop.content.directory.criteria import FACETS
from coop.content.directory.criteria import KEYWORD_FACET_SIZE
from coop.content.directory.criteria import KEYWORDS
from coop.content.directory.criteria import PUBLISHED
from coop.content.directory.criteria import Query
from coop.content.directory.criteria import SORTS
from coop.content.directory.criteria import TEXT
from coop.content.directory.criteria import text_query
from coop.content.directory.criteria import vocabulary
from coop.content.directory.keywords import normalize_keyword
from plone import api
from Products.CMFCore.indexing import processQueue


def _catalog():
    """The catalog, with what the current transaction indexed so far.

    Its searches see that anyway; uniqueValuesFor would not.
    """
    processQueue()
    return api.portal.get_tool("portal_catalog")


def _catalog_query(criteria, text):
    """The catalog query of published cooperatives matching `criteria` and `text`.

    A criterion's list of values finds the entries with any of them.
    """
    query = {"portal_type": COOPERATIVE_TYPE, "review_state": PUBLISHED, **criteria}
    if text:
        query[TEXT] = text_query(text)
    return query


def _found(catalog, criteria, text):
    """What the current user finds: no text left once markup is out finds nothing."""
    if text and not text_query(text):
        return []
    return catalog(**_catalog_query(criteria, text))


def _in_order(catalog, brains, sort_on):
    """`brains` by the sort index's key, ties by record id, those it lacks left out."""
    index_name, reverse = SORTS[sort_on]
    keyed = [
        (catalog.getIndexDataForRID(brain.getRID()).get(index_name, ""), brain)
        for brain in brains
    ]
    keyed = [(key, brain) for key, brain in keyed if key != ""]
    keyed.sort(key=lambda item: (item[0], item[1].getRID()), reverse=reverse)
    return [brain for _key, brain in keyed]


def _keyword_title(catalog, keyword):
    """The keyword as typed by the first entry cataloged with it, whatever its state."""
    brains = catalog.unrestrictedSearchResults(**{KEYWORDS: keyword})
    if not brains:
        return keyword
    first = min(brains, key=lambda brain: brain.getRID())
    for label in first.competence_labels or ():
        if normalize_keyword(label) == keyword:
            return label
    return keyword


def _keyword_counts(catalog, criteria, text):
    """Each competence's number of entries matching `criteria` and `text`."""
    counts = {
        keyword: len(_found(catalog, {**criteria, KEYWORDS: keyword}, text))
        for keyword in catalog.uniqueValuesFor(KEYWORDS)
    }
    return {keyword: count for keyword, count in counts.items() if count}


def _keyword_entries(catalog, counts):
    return [
        {"value": keyword, "title": _keyword_title(catalog, keyword), "count": count}
        for keyword, count in counts
    ]


def _most_common(counts, limit):
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def _facet(catalog, name, query):
    """The facet `name`: each value's count with the other criteria and that value."""
    others = {key: values for key, values in query.criteria.items() if key != name}
    chosen = query.criteria.get(name, ())
    if name == KEYWORDS:
        counts = _keyword_counts(catalog, others, query.text)
        top = _most_common(counts, KEYWORD_FACET_SIZE)
        listed = {keyword for keyword, _count in top}
        missing = [value for value in chosen if value not in listed]
        top += [(value, counts.get(value, 0)) for value in missing]
        return _keyword_entries(catalog, top)
    entries = []
    for term in vocabulary(name):
        count = len(_found(catalog, {**others, name: term.value}, query.text))
        if count or term.value in chosen:
            entries.append({"value": term.value, "title": term.title, "count": count})
    return entries


def search(query, batch=True, facets=True):
    """A checked Query's (brains, total, facets), as `engine.search`."""
    catalog = _catalog()
    found = _found(catalog, query.criteria, query.text)
    ordered = _in_order(catalog, found, query.sort_on)
    if batch:
        ordered = ordered[query.b_start : query.b_start + query.b_size]
    return (
        ordered,
        len(found),
        {name: _facet(catalog, name, query) for name in FACETS} if facets else {},
    )


def latest(limit):
    """The brains of the `limit` cooperatives published last, newest first."""
    newest = Query(sort_on="newest", b_size=limit)
    brains, _total, _facets = search(newest, facets=False)
    return brains


def common_keywords(limit):
    """The `limit` competences most published entries have, with their counts."""
    catalog = _catalog()
    counts = _keyword_counts(catalog, {}, "")
    return _keyword_entries(catalog, _most_common(counts, limit))
