"""A user's consultations (`@consultations`, the "Mes consultations" page).

`sent`: the consultations the user wrote, drafts first, then the newest sent
first. `received`: those sent to the cooperative the user owns, newest first;
found by the recipients' index, not by the catalog's security index, so that
a cooperative's new owner finds what it received before changing hands (the
local role provider gives the same answer when the page is opened).
"""

from coop.content import _
from coop.content.common.config import CONSULTATION_TYPE
from coop.content.common.errors import InputError
from coop.content.consultations.answers import count_visible_answers
from coop.content.consultations.rules import close_if_expired
from coop.content.consultations.rules import CLOSED
from coop.content.consultations.rules import cooperative_uid_of
from coop.content.consultations.rules import DRAFT
from coop.content.consultations.rules import sender_name
from coop.content.consultations.rules import SENT
from plone import api


BOXES = ("sent", "received")


def _sent(user_id):
    drafts = api.content.find(
        portal_type=CONSULTATION_TYPE,
        Creator=user_id,
        review_state=DRAFT,
        sort_on="created",
        sort_order="descending",
    )
    sent = api.content.find(
        portal_type=CONSULTATION_TYPE,
        Creator=user_id,
        review_state=(SENT, CLOSED),
        sort_on="effective",
        sort_order="descending",
    )
    return [brain.getObject() for brain in (*drafts, *sent)]


def _received(user_id):
    uid = cooperative_uid_of(user_id)
    if uid is None:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=CONSULTATION_TYPE,
        consultation_recipients=uid,
        review_state=(SENT, CLOSED),
        sort_on="effective",
        sort_order="descending",
    )
    objects = (brain._unrestrictedGetObject() for brain in brains)
    return [obj for obj in objects if api.user.has_permission("View", obj=obj)]


def consultations_in(box, user_id):
    """The consultations of `box` ("sent" or "received") for `user_id`, the
    current user; InputError for another box."""
    if box not in BOXES:
        raise InputError(_("box : choose sent or received."), "box")
    consultations = _sent(user_id) if box == "sent" else _received(user_id)
    # Listing is one of the accesses that close what has expired: the listed
    # ones only, not every consultation of the site on every list.
    for consultation in consultations:
        close_if_expired(consultation)
    return consultations


def summary(consultation, user_id):
    """What a list shows of a consultation, as `@consultations` gives it."""
    effective = consultation.effective_date
    closing_date = consultation.closing_date
    return {
        "@id": consultation.absolute_url(),
        "title": consultation.title,
        "review_state": api.content.get_state(consultation),
        "sent": effective.ISO8601() if effective else None,
        "closing_date": closing_date.isoformat() if closing_date else None,
        "sender": sender_name(consultation),
        "budget": consultation.budget,
        "answers": count_visible_answers(consultation, user_id),
    }
