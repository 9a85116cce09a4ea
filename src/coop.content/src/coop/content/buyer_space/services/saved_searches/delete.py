from coop.content.buyer_space import store
from coop.content.buyer_space.services.base import BuyerSpaceService
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class SavedSearchesDelete(BuyerSpaceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        store.delete_saved_search(self.parameter("id"))
        return self.reply_no_content()
