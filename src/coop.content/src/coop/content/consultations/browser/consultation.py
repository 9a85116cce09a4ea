"""A consultation's page, the answers, the user's consultations."""

from coop.content import _
from coop.content.common.config import CONSULTATION_TYPE
from coop.content.common.config import CONSULTATIONS_ID
from coop.content.common.config import MAX_DOCUMENT_MB
from coop.content.common.dates import short_date
from coop.content.consultations.answers import ANSWER_VALUES
from coop.content.consultations.answers import may_read_answer
from coop.content.consultations.answers import quote_file
from coop.content.consultations.answers import quote_url
from coop.content.consultations.answers import record_answer
from coop.content.consultations.answers import visible_answers
from coop.content.consultations.boxes import BOXES
from coop.content.consultations.boxes import consultations_in
from coop.content.consultations.boxes import summary
from coop.content.consultations.rules import can_send
from coop.content.consultations.rules import check_sendable
from coop.content.consultations.rules import CLOSED
from coop.content.consultations.rules import current_user_id
from coop.content.consultations.rules import DRAFT
from coop.content.consultations.rules import is_open
from coop.content.consultations.rules import is_sender
from coop.content.consultations.rules import recipient_uid
from coop.content.consultations.rules import SEND
from coop.content.consultations.rules import sender_name
from coop.content.consultations.rules import SENT
from coop.content.directory.browser.cooperative import french_size
from coop.content.directory.entries import entries_by_uid
from plone import api
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zExceptions import Unauthorized
from zope.component import getUtility
from zope.schema import ValidationError
from zope.schema.interfaces import IVocabularyFactory


ANSWER_TITLES = {
    "interested": _("Interested"),
    "declined": _("Declined"),
}


STATE_TITLES = {
    DRAFT: _("Draft"),
    SENT: _("Sent out"),
    CLOSED: _("Closed"),
}


def _state_title(obj):
    return STATE_TITLES[api.content.get_state(obj)]


def _cooperatives(uids):
    """{UID: cooperative} of `uids`, whatever their state (recipients are known)."""
    return {
        uid: brain._unrestrictedGetObject()
        for uid, brain in entries_by_uid(uids).items()
    }


class ConsultationView(BrowserView):
    max_quote_mb = MAX_DOCUMENT_MB
    """The fields; to the sender, the recipients and every answer side by side;
    to a recipient, the answer form while open and its own answer."""

    errors = None

    def __call__(self):
        self.errors = {}
        self.user_id = current_user_id()
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if "form.send" in self.request.form:
                return self._send()
            if "form.answer" in self.request.form:
                return self._answer()
        return self.index()

    # --- Actions ---------------------------------------------------------------

    def _send(self):
        if not self.can_send:
            raise Unauthorized("send")
        try:
            check_sendable(self.context)
        except ValidationError as error:
            self.errors[error.field_name] = error.doc()
            return self.index()
        api.content.transition(obj=self.context, transition=SEND)
        api.portal.show_message(
            _("Your consultation is sent to its recipients."), self.request
        )
        return self.request.response.redirect(self.context.absolute_url())

    def _answer(self):
        form = self.request.form
        upload = form.get("quote")
        quote = None
        if upload and getattr(upload, "filename", None):
            quote = quote_file(upload.read(), upload.filename)
        try:
            record_answer(
                self.context,
                self.user_id,
                form.get("answer"),
                form.get("message", ""),
                quote,
            )
        except ValidationError as error:
            self.errors[error.field_name] = error.doc()
            return self.index()
        api.portal.show_message(
            _("Your answer is sent to the consultation's sender."), self.request
        )
        return self.request.response.redirect(self.context.absolute_url())

    # --- What the page shows ---------------------------------------------------

    @property
    def is_sender(self):
        return is_sender(self.context, self.user_id)

    @property
    def recipient_uid(self):
        return recipient_uid(self.context, self.user_id) if self.user_id else None

    @property
    def can_send(self):
        return can_send(self.context)

    @property
    def can_answer(self):
        return bool(self.recipient_uid) and is_open(self.context)

    @property
    def is_closed_for_recipient(self):
        return bool(self.recipient_uid) and not is_open(self.context)

    @property
    def state_title(self):
        return _state_title(self.context)

    @property
    def sender(self):
        return sender_name(self.context)

    @property
    def closing_date(self):
        return short_date(self.context.closing_date)

    @property
    def sent(self):
        effective = self.context.effective_date
        return api.portal.get_localized_time(effective) if effective else None

    @property
    def department(self):
        code = self.context.department
        if not code:
            return None
        terms = getUtility(IVocabularyFactory, name="coop.content.departments")(
            self.context
        )
        return terms.getTerm(code).title if code in terms else code

    @property
    def description(self):
        description = self.context.description
        return description.output if description else ""

    @property
    def attachment(self):
        attachment = self.context.attachment
        if not attachment:
            return None
        return {
            "url": f"{self.context.absolute_url()}/@@download/attachment",
            "filename": attachment.filename,
            "size": french_size(attachment.getSize()),
        }

    def recipients(self):
        """The recipients and whether they answered: for the sender only."""
        if not self.is_sender:
            return []
        entries = _cooperatives(self.context.recipients or ())
        answered = {answer["cooperative"] for answer in self._answers}
        return [
            {
                "title": entries[uid].title,
                "city": entries[uid].city,
                "url": entries[uid].absolute_url(),
                "answered": uid in answered,
            }
            for uid in self.context.recipients or ()
            if uid in entries
        ]

    @property
    def _answers(self):
        return visible_answers(self.context, self.user_id) if self.user_id else []

    def answers(self):
        entries = _cooperatives(answer["cooperative"] for answer in self._answers)
        return [
            {
                "cooperative": entries[answer["cooperative"]].title
                if answer["cooperative"] in entries
                else "",
                "answer": answer["answer"],
                "answer_title": ANSWER_TITLES[answer["answer"]],
                "message": answer["message"],
                "date": api.portal.get_localized_time(answer["date"], long_format=True),
                "quote": answer["quote"]
                and {
                    "url": quote_url(self.context, answer["cooperative"]),
                    "filename": answer["quote"].filename,
                },
            }
            for answer in self._answers
        ]

    @property
    def own_answer(self):
        answers = self._answers if self.recipient_uid else []
        return answers[0] if answers else None

    @property
    def answer_values(self):
        own = self.own_answer
        chosen = self.request.form.get("answer") or (own and own["answer"])
        return [
            {"value": value, "title": ANSWER_TITLES[value], "checked": value == chosen}
            for value in ANSWER_VALUES
        ]

    @property
    def message(self):
        own = self.own_answer
        return self.request.form.get("message") or (own and own["message"]) or ""


class AnswerQuote(BrowserView):
    """Download an answer's quote: for the sender and the answering cooperative."""

    def __call__(self):
        uid = self.request.form.get("cooperative")
        user_id = current_user_id()
        if not isinstance(uid, str) or not user_id:
            raise NotFound(self.context, "answer-quote", self.request)
        if not may_read_answer(self.context, user_id, uid):
            raise Unauthorized("answer-quote")
        answers = visible_answers(self.context, user_id)
        answer = next((a for a in answers if a["cooperative"] == uid), None)
        quote = answer and answer["quote"]
        if not quote:
            raise NotFound(self.context, "answer-quote", self.request)
        set_headers(quote, self.request.response, filename=quote.filename)
        return stream_data(quote)


class MyConsultations(BrowserView):
    """ "Mes consultations": the sent and received tabs, newest first."""

    def __call__(self):
        self.user_id = current_user_id()
        if self.user_id is None:
            raise Unauthorized("mes-consultations")
        box = self.request.form.get("box", "sent")
        self.box = box if box in BOXES else "sent"
        return self.index()

    def tab_url(self, box):
        return f"{api.portal.get().absolute_url()}/@@mes-consultations?box={box}"

    @property
    def add_url(self):
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/{CONSULTATIONS_ID}/++add++{CONSULTATION_TYPE}"

    def items(self):
        rows = []
        for consultation in consultations_in(self.box, self.user_id):
            row = summary(consultation, self.user_id)
            sent = consultation.effective_date
            row["sent"] = api.portal.get_localized_time(sent) if sent else ""
            row["closing_date"] = short_date(consultation.closing_date)
            row["state_title"] = _state_title(consultation)
            rows.append(row)
        return rows
