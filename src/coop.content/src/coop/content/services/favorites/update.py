from coop.content import _
from coop.content import buyer_space
from coop.content.services.buyer_space import BuyerSpaceService
from coop.content.services.request_body import json_object
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class FavoritesPatch(BuyerSpaceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_object(self.request)
        if "comment" not in body:
            raise buyer_space.BuyerSpaceError(
                _(
                    "The field ${field} is required.",
                    mapping={"field": buyer_space.COMMENT},
                )
            )
        buyer_space.update_favorite(body.get("uid"), body["comment"])
        return self.reply_no_content()
