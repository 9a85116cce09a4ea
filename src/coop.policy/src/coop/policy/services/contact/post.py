"""POST @contact: the form's values, as a JSON object, sent as the page sends them."""

from coop.content.common.services import CoopService
from coop.policy.easyform import submit


class ContactPost(CoopService):
    def answer(self):
        submit(self.context, self.body(), self.request)
        return {
            "title": self.context.thankstitle,
            "description": self.context.thanksdescription,
        }
