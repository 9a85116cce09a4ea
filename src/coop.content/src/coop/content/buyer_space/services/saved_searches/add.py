from coop.content.buyer_space import store
from coop.content.buyer_space.services.base import BuyerSpaceService
from coop.content.buyer_space.services.saved_searches.get import serialize
from coop.content.common.request_body import json_object
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class SavedSearchesPost(BuyerSpaceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_object(self.request)
        saved = store.add_saved_search(body.get("name"), body.get("query", {}))
        self.request.response.setStatus(201)
        return serialize(saved)
