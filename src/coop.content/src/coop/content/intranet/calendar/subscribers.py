"""What goes with a deleted account: its calendar's secret address."""

from coop.content.intranet.calendar.tokens import revoke_calendar_token
from plone import api
from plone.api.exc import CannotGetPortalError


def revoke_token_of_deleted(event):
    """The account's calendar address goes with it.

    Accounts of the Zope root's user folder, deleted outside a site, have none.
    """
    try:
        api.portal.get()
    except CannotGetPortalError:
        return
    revoke_calendar_token(event.principal)
