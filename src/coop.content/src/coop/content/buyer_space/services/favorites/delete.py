from coop.content.buyer_space import store
from coop.content.buyer_space.services.base import BuyerSpaceService
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class FavoritesDelete(BuyerSpaceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        store.delete_favorite(self.parameter("uid"))
        return self.reply_no_content()
