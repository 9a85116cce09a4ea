from coop.content.buyer_space import store
from coop.content.buyer_space.services.base import BuyerSpaceService
from coop.content.buyer_space.services.favorites.get import serialize
from coop.content.common.request_body import json_object
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class FavoritesPost(BuyerSpaceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_object(self.request)
        brain = store.add_favorite(body.get("uid"), body.get("comment"))
        self.request.response.setStatus(201)
        item = next(i for i in store.favorites() if i["uid"] == brain.UID)
        return serialize(item)
