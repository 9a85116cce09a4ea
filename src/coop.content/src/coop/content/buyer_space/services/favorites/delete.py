from coop.content.buyer_space import store
from coop.content.common.services import CoopService


class FavoritesDelete(CoopService):
    def answer(self):
        store.delete_favorite(self.parameter("uid"))
        return self.reply_no_content()
