"""What goes with a deleted account."""

from coop.content.buyer_space import store
from plone import api
from plone.api.exc import CannotGetPortalError

import logging


logger = logging.getLogger(__name__)


def forget_buyer_space(event):
    """The account's favourites and saved searches go with it.

    Accounts of the Zope root's user folder have none; a script that deletes
    a site's accounts without setting the site is told so.
    """
    try:
        api.portal.get()
    except CannotGetPortalError:
        logger.warning(
            "Account %s deleted outside a site: its favourites and saved "
            "searches, if it had any, are left in place.",
            event.principal,
        )
        return
    store.forget(event.principal)
