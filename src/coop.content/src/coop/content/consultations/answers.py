"""Recipients' answers to a consultation.

Answers live in an annotation of the consultation, one per recipient
cooperative (keyed by its UID): nothing in them can be reached by traversal,
only through the views and services, which show the sender every answer and a
recipient its own answer only. Answering again replaces the cooperative's
answer (its owner may change their mind while the consultation is open). An
OOBTree keeps two cooperatives answering at the same time from conflicting,
and counts without loading the answers' files.
"""

from BTrees.OOBTree import OOBTree
from coop.content import _
from coop.content.common.config import MAX_ANSWER_MESSAGE_LENGTH
from coop.content.common.config import MAX_DOCUMENT_MB
from coop.content.common.config import MB
from coop.content.common.files import sniff_content_type
from coop.content.consultations.mail import mail_sender_about_answer
from coop.content.consultations.rules import is_open
from coop.content.consultations.rules import is_sender
from coop.content.consultations.rules import recipient_uid
from coop.content.directory import validators
from datetime import datetime
from datetime import UTC
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations
from zope.schema import ValidationError

import base64


ANSWERS_KEY = "coop.content.answers"
INTERESTED = "interested"
DECLINED = "declined"
ANSWER_VALUES = (INTERESTED, DECLINED)


class AnswerAfterClosing(ValidationError):
    __doc__ = _("This consultation is closed: it no longer takes answers.")


class NotARecipient(ValidationError):
    __doc__ = _("Only the cooperatives that received this consultation may answer it.")


class BadAnswer(ValidationError):
    __doc__ = _("Answer with interested or declined.")


class MessageTooLong(ValidationError):
    __doc__ = _(
        "A message has at most ${max} characters.",
        mapping={"max": MAX_ANSWER_MESSAGE_LENGTH},
    )


class MessageNotText(ValidationError):
    __doc__ = _("A message is text.")


class QuoteNotAFile(ValidationError):
    __doc__ = _("The quote must be a file, such as a PDF.")


class QuoteNotBase64(ValidationError):
    __doc__ = _("A quote's encoding is base64, or none.")


def _answers(consultation, create=False):
    annotations = IAnnotations(consultation)
    if ANSWERS_KEY not in annotations and create:
        annotations[ANSWERS_KEY] = OOBTree()
    return annotations.get(ANSWERS_KEY)


def count_answers(consultation):
    answers = _answers(consultation)
    return len(answers) if answers is not None else 0


def all_answers(consultation):
    """Every answer, oldest first: for the sender only."""
    answers = _answers(consultation)
    rows = [{"cooperative": uid, **answer} for uid, answer in (answers or {}).items()]
    return sorted(rows, key=lambda row: row["date"])


def answer_of(consultation, cooperative_uid):
    answers = _answers(consultation)
    answer = answers.get(cooperative_uid) if answers is not None else None
    return None if answer is None else {"cooperative": cooperative_uid, **answer}


def visible_answers(consultation, user_id):
    """The answers `user_id` may read: all for the sender, its own for a recipient."""
    if is_sender(consultation, user_id):
        return all_answers(consultation)
    uid = recipient_uid(consultation, user_id)
    answer = answer_of(consultation, uid) if uid else None
    return [answer] if answer else []


def count_visible_answers(consultation, user_id):
    if is_sender(consultation, user_id):
        return count_answers(consultation)
    uid = recipient_uid(consultation, user_id)
    return int(bool(uid and answer_of(consultation, uid)))


def check_answer(consultation, user_id, answer, message, quote):
    """The recipient cooperative's UID, or a ValidationError naming the field."""
    uid = recipient_uid(consultation, user_id)
    for name, error in (
        ("answer", None if uid else NotARecipient),
        ("answer", None if is_open(consultation) else AnswerAfterClosing),
        ("answer", None if answer in ANSWER_VALUES else BadAnswer),
        ("message", None if isinstance(message, str) else MessageNotText),
    ):
        if error is not None:
            raise _named(error(answer), name)
    if len(message) > MAX_ANSWER_MESSAGE_LENGTH:
        raise _named(MessageTooLong(message), "message")
    try:
        validators.valid_document(quote)
    except ValidationError as error:
        raise _named(error, "quote") from None
    return uid


def quote_file(data, filename):
    """A quote to keep, from an upload's bytes; None without bytes."""
    if not data:
        return None
    return NamedBlobFile(
        data=data,
        filename=filename or "devis",
        contentType=sniff_content_type(data) or "application/octet-stream",
    )


def quote_from_json(value):
    """A quote from a plone.restapi file: {data, encoding, filename, content-type}."""
    if value in (None, ""):
        return None
    if not isinstance(value, dict) or not isinstance(value.get("data"), str):
        raise _named(QuoteNotAFile(value), "quote")
    encoding = value.get("encoding")
    if encoding not in (None, "", "base64"):
        # No other codec: some inflate a few bytes to gigabytes.
        raise _named(QuoteNotBase64(encoding), "quote")
    if encoding:
        try:
            data = base64.b64decode(value["data"], validate=True)
        except ValueError:
            raise _named(QuoteNotAFile(value), "quote") from None
    else:
        data = value["data"].encode("utf-8")
    if len(data) > MAX_DOCUMENT_MB * MB:
        raise _named(validators.DocumentTooLarge(value.get("filename")), "quote")
    filename = value.get("filename")
    return quote_file(data, filename if isinstance(filename, str) else None)


def _named(error, field_name):
    error.field_name = field_name
    return error


def record_answer(consultation, user_id, answer, message="", quote=None):
    """Check and keep `user_id`'s cooperative's answer; return it."""
    uid = check_answer(consultation, user_id, answer, message, quote)
    _answers(consultation, create=True)[uid] = {
        "answer": answer,
        "message": message.strip(),
        "quote": quote,
        "author": user_id,
        "date": datetime.now(UTC),
    }
    mail_sender_about_answer(consultation, uid, answer, message.strip())
    return answer_of(consultation, uid)


def quote_url(consultation, cooperative_uid):
    return f"{consultation.absolute_url()}/@@answer-quote?cooperative={cooperative_uid}"


def may_read_answer(consultation, user_id, cooperative_uid):
    return is_sender(consultation, user_id) or (
        recipient_uid(consultation, user_id) == cooperative_uid
    )
