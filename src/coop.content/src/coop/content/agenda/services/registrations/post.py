"""POST @registrations: sign up to an event."""

from coop.content.agenda.registrations.signup import register
from coop.content.common.services import CoopService


class RegistrationsPost(CoopService):
    def answer(self):
        record = register(self.context, self.body())
        self.request.response.setStatus(201)
        return {"id": record["id"], "status": record["status"]}
