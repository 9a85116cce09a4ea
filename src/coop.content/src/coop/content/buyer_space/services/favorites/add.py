from coop.content.buyer_space import store
from coop.content.buyer_space.services.favorites.get import serialize
from coop.content.common.services import CoopService


class FavoritesPost(CoopService):
    def answer(self):
        body = self.body()
        brain = store.add_favorite(body.get("uid"), body.get("comment"))
        self.request.response.setStatus(201)
        item = next(i for i in store.favorites() if i["uid"] == brain.UID)
        return serialize(item)
