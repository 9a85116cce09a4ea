"""PATCH @registrations on a workshop: attendance, or a cancellation."""

from coop.content.common.services import CoopService
from coop.content.intranet.workshops.registrations import change_registration


class RegistrationsPatch(CoopService):
    def answer(self):
        data = self.body()
        record = change_registration(self.context, data.get("id"), data.get("status"))
        return {"id": record["id"], "status": record["status"]}
