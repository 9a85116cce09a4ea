"""The buyer space's data: favourite cooperatives, saved searches.

Each user's favourites and saved searches live in an annotation of the site,
an OOBTree per user id: nobody reaches another user's entries, because every
function here works on the current user's tree only. The pages of the buyer
space and the REST services `@favorites` and `@saved-searches` both go through
this module, so they accept and refuse exactly the same input; what they
refuse raises `InputError` with a French message naming the field.
"""

from BTrees.OOBTree import OOBTree
from coop.content import _
from coop.content.common.config import COOPERATIVE_TYPE
from coop.content.common.config import MAX_FAVORITE_COMMENT_LENGTH
from coop.content.common.config import MAX_FAVORITES
from coop.content.common.config import MAX_SAVED_SEARCHES
from coop.content.common.errors import InputError
from coop.content.directory.criteria import CRITERIA
from coop.content.directory.entries import entries_by_uid
from coop.content.directory.search import parse_query
from datetime import datetime
from datetime import UTC
from plone import api
from urllib.parse import parse_qs
from urllib.parse import urlencode
from zope.annotation.interfaces import IAnnotations

import secrets


FAVORITES_KEY = "coop.content.favorites"
SAVED_SEARCHES_KEY = "coop.content.saved_searches"

MAX_NAME_LENGTH = 100
MAX_UID_LENGTH = 200
# The parameters of @coop-search a saved search may hold.
SEARCH_PARAMETERS = (*CRITERIA, "sort_on")


def _now():
    return datetime.now(UTC)


def _entries(key, create=False):
    """The current user's tree under `key` in the site's annotations, or None."""
    if api.user.is_anonymous():
        raise InputError(_("Log in to use your buyer space."))
    user_id = api.user.get_current().getId()
    annotations = IAnnotations(api.portal.get())
    users = annotations.get(key)
    if users is None:
        if not create:
            return None
        users = annotations[key] = OOBTree()
    entries = users.get(user_id)
    if entries is None and create:
        entries = users[user_id] = OOBTree()
    return entries


def _text(value, field, max_length, required=False):
    """A clean one-field text, or InputError naming `field`."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InputError(
            _("The field ${field} must be text.", mapping={"field": field}),
            field,
        )
    value = value.strip()
    if required and not value:
        raise InputError(
            _("The field ${field} is required.", mapping={"field": field}), field
        )
    if len(value) > max_length:
        raise InputError(
            _(
                "The field ${field} has at most ${max} characters.",
                mapping={"field": field, "max": max_length},
            ),
            field,
        )
    return value


# Field names as the French messages show them.
COMMENT = _("comment")
NAME = _("name")
QUERY = _("query")
UID = _("uid")


# --- Favourite cooperatives ------------------------------------------------


def published_cooperative(uid):
    """The catalog brain of the published cooperative `uid`, or InputError."""
    uid = _text(uid, UID, MAX_UID_LENGTH, required=True)
    brain = entries_by_uid([uid], published=True).get(uid)
    if brain is None:
        raise InputError(_("This cooperative does not exist or is not published."), UID)
    return brain


def favorites():
    """The current user's favourites, newest first, with what is known of each.

    A cooperative that is no longer published stays in the list (the user may
    delete it) with no title and no URL.
    """
    entries = _entries(FAVORITES_KEY)
    if not entries:
        return []
    visible = {
        brain.UID: brain
        for brain in api.content.find(
            UID=list(entries.keys()),
            portal_type=COOPERATIVE_TYPE,
            review_state="published",
        )
    }
    items = []
    for uid, entry in entries.items():
        brain = visible.get(uid)
        items.append(
            {
                "uid": uid,
                "title": brain.Title if brain else None,
                "url": brain.getURL() if brain else None,
                "comment": entry["comment"],
                "added": entry["added"],
            }
        )
    return sorted(items, key=lambda item: item["added"], reverse=True)


def is_favorite(uid):
    entries = _entries(FAVORITES_KEY)
    return bool(entries) and uid in entries


def can_add_favorite(entry):
    """Whether the current user may add the directory entry `entry` now.

    Signed-in users keep published entries, each once.
    """
    if api.user.is_anonymous() or api.content.get_state(entry) != "published":
        return False
    return not is_favorite(api.content.get_uuid(entry))


def add_favorite(uid, comment=""):
    """Add the published cooperative `uid` to the current user's favourites."""
    brain = published_cooperative(uid)
    comment = _text(comment, COMMENT, MAX_FAVORITE_COMMENT_LENGTH)
    entries = _entries(FAVORITES_KEY, create=True)
    if brain.UID in entries:
        raise InputError(
            _(
                "${title} is already in your favourite cooperatives.",
                mapping={"title": brain.Title},
            )
        )
    if len(entries) >= MAX_FAVORITES:
        raise InputError(
            _(
                "You have ${max} favourite cooperatives, the most there may be: "
                "delete some first.",
                mapping={"max": MAX_FAVORITES},
            )
        )
    entries[brain.UID] = {"comment": comment, "added": _now()}
    return brain


def _favorite(uid):
    entries = _entries(FAVORITES_KEY)
    if not isinstance(uid, str) or not entries or uid not in entries:
        raise InputError(_("This cooperative is not in your favourites."), UID)
    return entries


def update_favorite(uid, comment):
    """Change the comment of a favourite."""
    # The comment is required, yet may be empty: "" clears it.
    comment = _text(
        comment, COMMENT, MAX_FAVORITE_COMMENT_LENGTH, required=comment is None
    )
    entries = _favorite(uid)
    entries[uid] = {**entries[uid], "comment": comment}


def delete_favorite(uid):
    del _favorite(uid)[uid]


# --- Saved searches -------------------------------------------------------


def clean_query(query):
    """The @coop-search parameters of `query` (a dict), as the search reads them.

    Empty criteria are dropped, values are lists and competences normalized.
    """
    if not isinstance(query, dict):
        raise InputError(
            _(
                "The field ${field} must be an object of search criteria.",
                mapping={"field": QUERY},
            ),
            QUERY,
        )
    unknown = sorted(str(name) for name in query if name not in SEARCH_PARAMETERS)
    if unknown:
        raise InputError(
            _(
                "Unknown search criteria: ${names}. Known criteria: ${known}.",
                mapping={
                    "names": ", ".join(unknown),
                    "known": ", ".join(SEARCH_PARAMETERS),
                },
            ),
            QUERY,
        )
    # The search's own check: a saved search always runs again.
    return parse_query(query).as_params()


def query_from_string(query_string):
    """The known @coop-search parameters of a URL query string, as a dict.

    The search page's URL also carries batching and other parameters: only
    the search criteria are kept. A parameter given once is a string, given
    several times a list.
    """
    parsed = parse_qs(query_string or "", keep_blank_values=False)
    return {
        name: values[0] if len(values) == 1 else values
        for name, values in parsed.items()
        if name in SEARCH_PARAMETERS
    }


def query_string(query):
    """The URL query string that runs `query` again on the search page."""
    return urlencode(query, doseq=True)


def saved_searches():
    """The current user's saved searches, newest first."""
    entries = _entries(SAVED_SEARCHES_KEY)
    if not entries:
        return []
    items = [{"id": search_id, **entry} for search_id, entry in entries.items()]
    return sorted(items, key=lambda item: item["created"], reverse=True)


def add_saved_search(name, query):
    """Save `query` under `name` for the current user; the new entry."""
    name = _text(name, NAME, MAX_NAME_LENGTH, required=True)
    query = clean_query(query)
    entries = _entries(SAVED_SEARCHES_KEY, create=True)
    if len(entries) >= MAX_SAVED_SEARCHES:
        raise InputError(
            _(
                "You have ${max} saved searches, the most there may be: "
                "delete some first.",
                mapping={"max": MAX_SAVED_SEARCHES},
            )
        )
    search_id = secrets.token_hex(8)
    entries[search_id] = {"name": name, "query": query, "created": _now()}
    return {"id": search_id, **entries[search_id]}


def delete_saved_search(search_id):
    entries = _entries(SAVED_SEARCHES_KEY)
    if not isinstance(search_id, str) or not entries or search_id not in entries:
        raise InputError(_("This saved search does not exist."), "id")
    del entries[search_id]


def forget(user_id):
    """Remove the favourites and saved searches of `user_id`, whose account goes.

    An account made later under the same id must not find them.
    """
    annotations = IAnnotations(api.portal.get())
    for key in (FAVORITES_KEY, SAVED_SEARCHES_KEY):
        users = annotations.get(key)
        if users is not None and user_id in users:
            del users[user_id]
