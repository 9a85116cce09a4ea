"""POST @registrations on a workshop: a holder registers, or a coach a holder."""

from coop.content.common.services import CoopService
from coop.content.intranet.workshops.registrations import sign_up


class RegistrationsPost(CoopService):
    def answer(self):
        record = sign_up(self.context, self.body().get("userid"))
        self.request.response.setStatus(201)
        return {"id": record["id"], "status": record["status"]}
