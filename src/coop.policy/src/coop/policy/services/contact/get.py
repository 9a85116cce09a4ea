"""GET @contact: the form's title, description and fields, as a JSON schema."""

from coop.content.common.services import CoopService
from coop.policy.easyform import form_schema


class ContactGet(CoopService):
    def answer(self):
        return {
            "@id": f"{self.context.absolute_url()}/@contact",
            **form_schema(self.context, self.request),
        }
