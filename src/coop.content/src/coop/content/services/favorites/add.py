from coop.content import buyer_space
from coop.content.services.buyer_space import BuyerSpaceService
from coop.content.services.favorites.get import serialize
from coop.content.services.request_body import json_object
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class FavoritesPost(BuyerSpaceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_object(self.request)
        brain = buyer_space.add_favorite(body.get("uid"), body.get("comment"))
        self.request.response.setStatus(201)
        item = next(i for i in buyer_space.favorites() if i["uid"] == brain.UID)
        return serialize(item)
