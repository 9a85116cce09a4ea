"""The directory search: one piece for every caller.

The search page of /annuaire, `@coop-search`, the CSV export and the home page
widgets all go through here: `parse_query` checks what is asked, `search`
answers it as `Results`. Only published cooperatives are ever found, whoever
asks. The engine (`engine`) finds them in the catalog's indexes; everything
shown is read from the catalog's metadata.
"""

from coop.content import _
from coop.content.common.errors import InputError
from coop.content.directory import engine
from coop.content.directory.criteria import DEFAULT_BATCH_SIZE
from coop.content.directory.criteria import DEFAULT_SORT
from coop.content.directory.criteria import KEYWORDS
from coop.content.directory.criteria import MAX_BATCH_SIZE
from coop.content.directory.criteria import MAX_TEXT_LENGTH
from coop.content.directory.criteria import MAX_VALUES
from coop.content.directory.criteria import Query
from coop.content.directory.criteria import SORTS
from coop.content.directory.criteria import TEXT
from coop.content.directory.criteria import title
from coop.content.directory.criteria import vocabulary
from coop.content.directory.criteria import VOCABULARY_FACETS
from coop.content.directory.keywords import normalize_keyword
from dataclasses import dataclass
from plone import api
from zope.i18n import translate
from ZPublisher.BaseRequest import quote


# The labels of the criteria in messages: the entry's own field titles.
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


def _label(name):
    return translate(LABELS[name], context=api.env.getRequest())


def _values(name, raw):
    """The non-empty text values of a criterion; refuses anything but text."""
    values = raw if isinstance(raw, list | tuple) else [raw]
    if not all(isinstance(value, str) for value in values):
        raise InputError(
            _(
                'The criterion "${criterion}" expects text.',
                mapping={"criterion": _label(name)},
            ),
            name,
        )
    values = list(dict.fromkeys(value.strip() for value in values if value.strip()))
    if len(values) > MAX_VALUES:
        raise InputError(
            _(
                'Too many values for the criterion "${criterion}": at most ${max}.',
                mapping={"criterion": _label(name), "max": MAX_VALUES},
            ),
            name,
        )
    return values


def _integer(form, name, default):
    raw = form.get(name, default)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise InputError(
            _('"${name}" must be a whole number.', mapping={"name": name}), name
        ) from None


def parse_query(form, default_size=DEFAULT_BATCH_SIZE):
    """A Query from request parameters; InputError names a bad one.

    Unknown values of the closed lists are refused (a typing mistake must not
    look like "no cooperative"); the batch size is kept within MAX_BATCH_SIZE.
    """
    criteria = {}
    for name in VOCABULARY_FACETS:
        values = _values(name, form.get(name, []))
        values_allowed = vocabulary(name)
        for value in values:
            if value not in values_allowed:
                raise InputError(
                    _(
                        'Unknown value "${value}" for the criterion "${criterion}".',
                        mapping={"value": value[:40], "criterion": _label(name)},
                    ),
                    name,
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
        raise InputError(
            _(
                'The criterion "${criterion}" expects text.',
                mapping={"criterion": _label(TEXT)},
            ),
            TEXT,
        )
    if len(text) > MAX_TEXT_LENGTH:
        raise InputError(
            _(
                "The text searched is too long: at most ${max} characters.",
                mapping={"max": MAX_TEXT_LENGTH},
            ),
            TEXT,
        )
    sort_on = form.get("sort_on") or DEFAULT_SORT
    if not isinstance(sort_on, str) or sort_on not in SORTS:
        raise InputError(
            _(
                'Unknown sort order "${value}": use sortable_title or effective.',
                mapping={"value": str(sort_on)[:40]},
            ),
            "sort_on",
        )
    b_start = max(0, _integer(form, "b_start", 0))
    b_size = min(max(1, _integer(form, "b_size", default_size)), MAX_BATCH_SIZE)
    return Query(criteria, text.strip(), sort_on, b_start, b_size)


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


def search(query, batch=True, facets=True):
    """Run a checked Query: the batch asked for (every result if not `batch`).

    The criteria combine (AND); a criterion given several values matches any
    of them (OR). A facet's counts say how many entries match all the *other*
    criteria and each value: what choosing the value would give.
    """
    return Results(query, *engine.search(query, batch, facets))


def _with_urls(brains):
    """Each brain with its address, as its getURL gives it.

    The entries listed share their folder: its address is worked out once, not
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
        "sector": sector and {"token": sector, "title": title("sector", sector)},
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
        and {"token": legal_form, "title": title("legal_form", legal_form)},
        "goods_services": [
            {"token": code, "title": title("goods_services", code)}
            for code in brain.goods_services or ()
        ],
        "effective": brain.effective.ISO8601() if brain.effective else None,
    }


def summaries(brains, fields=summary):
    """The `fields` (summary, or card) of each brain, from metadata, as it goes."""
    return (fields(brain, url) for brain, url in _with_urls(brains))


def latest(limit):
    """The most recently published cooperatives, newest first."""
    return list(summaries(engine.latest(limit)))


def common_keywords(limit):
    """The competences that most published entries have, with their counts."""
    return engine.common_keywords(limit)


def bounded_limit(raw, default):
    """A number of items asked for, within 1 and MAX_BATCH_SIZE.

    Not a number: the default (a widget's size is no criterion worth a 400).
    """
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = default
    return min(max(1, value), MAX_BATCH_SIZE)
