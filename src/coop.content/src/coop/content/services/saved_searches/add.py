from coop.content import buyer_space
from coop.content.services.buyer_space import BuyerSpaceService
from coop.content.services.request_body import json_object
from coop.content.services.saved_searches.get import serialize
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class SavedSearchesPost(BuyerSpaceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_object(self.request)
        saved = buyer_space.add_saved_search(body.get("name"), body.get("query", {}))
        self.request.response.setStatus(201)
        return serialize(saved)
