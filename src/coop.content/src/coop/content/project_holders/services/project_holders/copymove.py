"""plone.restapi's @copy and @move, which say in French why they refuse.

A page copied or moved into a project holder page that holds 3 pages, or a
project holder page copied into /porteurs-de-projet for a holder who has one,
is refused before it comes in (subscribers.project_holder); plone.restapi
would answer that as a server error. Here it is a 400 naming the rule.
"""

from coop.content.common.services import CoopService
from plone.restapi.services.copymove.copymove import Copy
from plone.restapi.services.copymove.copymove import Move


class GuardedCopy(CoopService, Copy):
    pass


class GuardedMove(CoopService, Move):
    pass
