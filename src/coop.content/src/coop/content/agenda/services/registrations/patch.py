"""PATCH @registrations: attendance or cancellation of one registration."""

from coop.content.agenda.registrations.signup import staff_change
from coop.content.common.services import CoopService


class RegistrationsPatch(CoopService):
    def answer(self):
        data = self.body()
        record = staff_change(self.context, data.get("id"), data.get("status"))
        return {"id": record["id"], "status": record["status"]}
