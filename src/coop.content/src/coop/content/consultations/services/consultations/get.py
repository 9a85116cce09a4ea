"""GET @consultations?box=sent|received: the user's consultations, newest first."""

from coop.content.common.services import CoopService
from coop.content.consultations.boxes import consultations_in
from coop.content.consultations.boxes import summary
from coop.content.consultations.rules import current_user_id
from zExceptions import Unauthorized


class ConsultationsGet(CoopService):
    def answer(self):
        user_id = current_user_id()
        if user_id is None:
            raise Unauthorized("@consultations")
        box = self.request.form.get("box", "sent")
        return {
            "items": [
                summary(consultation, user_id)
                for consultation in consultations_in(box, user_id)
            ]
        }
