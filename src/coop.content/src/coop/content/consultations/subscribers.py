"""What sending a consultation sets off."""

from coop.content.consultations.mail import mail_recipients
from coop.content.consultations.rules import check_sendable
from coop.content.consultations.rules import SEND
from coop.content.consultations.rules import sender_default_email
from coop.content.consultations.rules import sender_id
from DateTime import DateTime
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import ValidationError


def default_sender_email(consultation, event=None):
    """Store the sender's e-mail when none was given (the form shows the same)."""
    if not consultation.__dict__.get("sender_email"):
        consultation.sender_email = sender_default_email(sender_id(consultation))


def _is_send(event):
    return event.transition is not None and event.transition.id == SEND


def refuse_unsendable(consultation, event):
    """No way in sends a consultation with a past closing date or a bad recipient."""
    if not _is_send(event):
        return
    try:
        check_sendable(consultation)
    except ValidationError as error:
        message = translate(error.doc(), context=getRequest())
        raise WorkflowException(f"{error.field_name} : {message}") from None


def send_to_recipients(consultation, event):
    """Date the sending, for the lists sorted newest first, and mail each recipient."""
    if not _is_send(event):
        return
    consultation.setEffectiveDate(DateTime())
    consultation.reindexObject(idxs=["effective", "EffectiveDate"])
    mail_recipients(consultation)
