"""The secret addresses of the members' calendars: one token per member.

A calendar app subscribes to a member's calendar with an address that holds
a token instead of a login. The token opens that calendar and nothing else:
`token_owner` names whose calendar it is, and only the calendar reads it.
The member makes a new token (the old one stops working at once) or revokes
it. Tokens live in an annotation of the site, two OOBTrees kept in step
(token → user id, user id → token): two members changing theirs at once
write different keys, which BTrees merge; one member changing theirs twice at
once writes the same keys, and the publisher replays the second change.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

import secrets


ANNOTATION_KEY = "coop.content.calendar_tokens"
# secrets.token_urlsafe(32) writes 43 characters.
TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 64


class CalendarTokens(Persistent):
    def __init__(self):
        self.owners = OOBTree()
        self.tokens = OOBTree()


def _tokens(create=False):
    annotations = IAnnotations(api.portal.get())
    tokens = annotations.get(ANNOTATION_KEY)
    if tokens is None and create:
        tokens = annotations[ANNOTATION_KEY] = CalendarTokens()
    return tokens


def calendar_token(userid):
    """The token of `userid`'s calendar, or None."""
    tokens = _tokens()
    return tokens.tokens.get(userid) if tokens is not None else None


def new_calendar_token(userid):
    """Give `userid` a new token, which replaces the old one; the new token."""
    revoke_calendar_token(userid)
    tokens = _tokens(create=True)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    tokens.owners[token] = userid
    tokens.tokens[userid] = token
    return token


def revoke_calendar_token(userid):
    """`userid`'s calendar has no address any more."""
    tokens = _tokens()
    if tokens is None:
        return
    token = tokens.tokens.pop(userid, None)
    if token is not None:
        tokens.owners.pop(token, None)


def token_owner(token):
    """The user id whose calendar `token` opens, or None for any other input."""
    if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH:
        return None
    tokens = _tokens()
    return tokens.owners.get(token) if tokens is not None else None


def calendar_url(token):
    """The address a calendar app subscribes to with `token`, or None without one.

    Through ``++api++``, which makes a request a REST one whatever type of
    answer it asks for: calendar apps do not ask for JSON.
    """
    if token is None:
        return None
    return f"{api.portal.get().absolute_url()}/++api++/@calendar?token={token}"
