"""plone.restapi's @copy and @move, which say in French why they refuse.

A page copied or moved into a project holder page that holds 3 pages, or a
project holder page copied into /porteurs-de-projet for a holder who has one,
is refused before it comes in (subscribers.project_holder); plone.restapi
would answer that as a server error. Here it is a 400 naming the rule.
"""

from coop.content.project_holders.pages import AlreadyHolder
from coop.content.project_holders.pages import PageLimitReached
from plone.restapi.services.copymove.copymove import Copy
from plone.restapi.services.copymove.copymove import Move
from zExceptions import BadRequest
from zope.i18n import translate


class Guarded:
    def reply(self):
        try:
            return super().reply()
        except (AlreadyHolder, PageLimitReached) as error:
            raise BadRequest(translate(error.doc(), context=self.request)) from None


class GuardedCopy(Guarded, Copy):
    pass


class GuardedMove(Guarded, Move):
    pass
