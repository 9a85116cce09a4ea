"""POST @answer on a consultation: a recipient's answer (DESIGN §7)."""

from coop.content.common.request_body import json_object
from coop.content.consultations.answers import NotARecipient
from coop.content.consultations.answers import quote_from_json
from coop.content.consultations.answers import record_answer
from coop.content.consultations.rules import current_user_id
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.schema import ValidationError


class AnswerPost(Service):
    def reply(self):
        user_id = current_user_id()
        if user_id is None:
            raise Unauthorized("@answer")
        data = json_object(self.request)
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            answer = record_answer(
                self.context,
                user_id,
                data.get("answer"),
                data.get("message", ""),
                quote_from_json(data.get("quote")),
            )
        except NotARecipient as error:
            raise Forbidden(translate(error.doc(), context=self.request)) from None
        except ValidationError as error:
            message = translate(error.doc(), context=self.request)
            raise BadRequest(f"{error.field_name} : {message}") from None
        return {
            "answer": answer["answer"],
            "message": answer["message"],
            "quote": answer["quote"].filename if answer["quote"] else None,
            "date": answer["date"].isoformat(),
        }
