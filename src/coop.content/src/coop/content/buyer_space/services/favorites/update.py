from coop.content.buyer_space import store
from coop.content.common.services import CoopService


class FavoritesPatch(CoopService):
    def answer(self):
        body = self.body()
        store.update_favorite(body.get("uid"), body.get("comment"))
        return self.reply_no_content()
