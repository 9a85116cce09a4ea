from coop.content import _
from coop.content.buyer_space import store
from coop.content.buyer_space.services.base import BuyerSpaceService
from coop.content.common.request_body import json_object
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class FavoritesPatch(BuyerSpaceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_object(self.request)
        if "comment" not in body:
            raise store.BuyerSpaceError(
                _(
                    "The field ${field} is required.",
                    mapping={"field": store.COMMENT},
                )
            )
        store.update_favorite(body.get("uid"), body["comment"])
        return self.reply_no_content()
