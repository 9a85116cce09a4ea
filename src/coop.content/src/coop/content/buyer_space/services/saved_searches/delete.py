from coop.content.buyer_space import store
from coop.content.common.services import CoopService


class SavedSearchesDelete(CoopService):
    def answer(self):
        store.delete_saved_search(self.parameter("id"))
        return self.reply_no_content()
