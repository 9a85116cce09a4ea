from coop.content.buyer_space import store
from coop.content.buyer_space.services.saved_searches.get import serialize
from coop.content.common.services import CoopService


class SavedSearchesPost(CoopService):
    def answer(self):
        body = self.body()
        saved = store.add_saved_search(body.get("name"), body.get("query", {}))
        self.request.response.setStatus(201)
        return serialize(saved)
