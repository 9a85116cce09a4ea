"""POST @answer on a consultation: a recipient's answer."""

from coop.content.common.services import CoopService
from coop.content.consultations.answers import NotARecipient
from coop.content.consultations.answers import quote_from_json
from coop.content.consultations.answers import record_answer
from coop.content.consultations.rules import current_user_id
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.i18n import translate


class AnswerPost(CoopService):
    def answer(self):
        user_id = current_user_id()
        if user_id is None:
            raise Unauthorized("@answer")
        data = self.body()
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
        return {
            "answer": answer["answer"],
            "message": answer["message"],
            "quote": answer["quote"].filename if answer["quote"] else None,
            "date": answer["date"].isoformat(),
        }
