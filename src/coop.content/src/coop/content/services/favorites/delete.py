from coop.content import buyer_space
from coop.content.services.buyer_space import BuyerSpaceService
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class FavoritesDelete(BuyerSpaceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        buyer_space.delete_favorite(self.parameter("uid"))
        return self.reply_no_content()
