"""Self-registered accounts land in a self-registration group, never elsewhere."""

from coop.policy.groups import DEFAULT_SELF_REGISTRATION_GROUP
from plone import api


def place_self_registered_user(event):
    """Put an account created by an anonymous visitor in the buyers group.

    Whatever the request carried, an anonymous visitor cannot grant roles or
    pick groups: only this handler decides, and it only ever picks a
    self-registration group. Accounts created by managers are left alone.
    """
    if not api.user.is_anonymous():
        return
    api.group.add_user(
        groupname=DEFAULT_SELF_REGISTRATION_GROUP, username=event.principal.getId()
    )
