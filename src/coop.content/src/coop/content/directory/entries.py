"""Cooperative accounts and their one entry in the directory.

The registration wizard and the pre-registration import both create an
account in `cooperatives` (a cooperative is also a buyer) and a draft entry
that the account owns; this module is the one place that does it.
"""

from coop.content.common.config import BUYERS_GROUP
from coop.content.common.config import COOPERATIVE_TYPE
from coop.content.common.config import COOPERATIVES_GROUP
from coop.content.common.config import DIRECTORY_ID
from plone import api

import secrets


def directory():
    return api.portal.get()[DIRECTORY_ID]


def create_account(email, password=None, fullname=""):
    """An account that logs in with `email`; a random password when none is given."""
    # plone.api's own random password is shorter than the site's password policy.
    password = password or secrets.token_urlsafe(24)
    with api.env.adopt_roles(["Manager"]):
        user = api.user.create(
            email=email, password=password, properties={"fullname": fullname}
        )
        for group_id in (COOPERATIVES_GROUP, BUYERS_GROUP):
            api.group.add_user(groupname=group_id, user=user)
    return api.user.get(userid=user.getId())


def _first_entry(**query):
    """The first entry matching `query`, whatever its state and the user, or None."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type=COOPERATIVE_TYPE, **query
    ):
        return brain._unrestrictedGetObject()
    return None


def entries_by_uid(uids, published=False):
    """{UID: catalog brain} of the entries among `uids`, in their order.

    Whatever the user may see: the published ones only if `published`. Values
    that are no UID are left out.
    """
    uids = [uid for uid in uids or () if isinstance(uid, str) and uid]
    uids = list(dict.fromkeys(uids))
    if not uids:
        return {}
    query = {"UID": uids, "portal_type": COOPERATIVE_TYPE}
    if published:
        query["review_state"] = "published"
    catalog = api.portal.get_tool("portal_catalog")
    found = {brain.UID: brain for brain in catalog.unrestrictedSearchResults(**query)}
    return {uid: found[uid] for uid in uids if uid in found}


def cooperative_of(user_id):
    """The entry owned by `user_id`, whatever its state, or None."""
    return _first_entry(Creator=user_id)


def consultation_address(cooperative):
    """Where mail about the entry goes: its consultation e-mail, else its owner's."""
    if cooperative.consultation_email:
        return cooperative.consultation_email
    owner = cooperative.getOwnerTuple()
    user = api.user.get(userid=owner[1]) if owner else None
    return user.getProperty("email", None) if user is not None else None


def find_by_siret(siret):
    """The entry with this SIRET number, whatever its state, or None."""
    return _first_entry(siret=siret)


def create_draft_entry(user, **fields):
    """The account's entry, created as a draft that the account owns."""
    fields.setdefault("consultation_email", user.getProperty("email"))
    with api.env.adopt_roles(["Manager"]):
        cooperative = api.content.create(
            container=directory(), type=COOPERATIVE_TYPE, **fields
        )
        hand_over(cooperative, user)
    return cooperative


def hand_over(obj, user):
    """Make `user` the owner and creator of `obj`, and nobody else its owner."""
    user_id = user.getId()
    obj.changeOwnership(user.getUser(), recursive=False)
    obj.setCreators([user_id])
    for other_id, roles in obj.get_local_roles():
        if other_id != user_id and "Owner" in roles:
            remaining = [role for role in roles if role != "Owner"]
            obj.manage_delLocalRoles([other_id])
            if remaining:
                obj.manage_setLocalRoles(other_id, remaining)
    obj.manage_setLocalRoles(user_id, ["Owner"])
    obj.reindexObject()
    obj.reindexObjectSecurity()
