"""GET @consultations?box=sent|received: the user's consultations, newest first."""

from coop.content import _
from coop.content.consultations.boxes import BOXES
from coop.content.consultations.boxes import consultations_in
from coop.content.consultations.boxes import summary
from coop.content.consultations.rules import current_user_id
from plone.restapi.services import Service
from zExceptions import BadRequest
from zExceptions import Unauthorized
from zope.i18n import translate


BAD_BOX = _("box : choose sent or received.")


class ConsultationsGet(Service):
    def reply(self):
        user_id = current_user_id()
        if user_id is None:
            raise Unauthorized("@consultations")
        box = self.request.form.get("box", "sent")
        if box not in BOXES:
            raise BadRequest(translate(BAD_BOX, context=self.request))
        return {
            "items": [
                summary(consultation, user_id)
                for consultation in consultations_in(box, user_id)
            ]
        }
