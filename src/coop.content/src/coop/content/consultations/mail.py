"""The mail a consultation sets off: to its recipients, to its sender.

Every message goes through `coop.content.common.mail.send_mail`, hence the MailHost's
queue: sending to 500 cooperatives only writes 500 files when the request
commits, and a stopped SMTP server delays the messages without losing any.
"""

from coop.content import _
from coop.content.common.dates import short_date
from coop.content.common.mail import french
from coop.content.common.mail import html_to_text
from coop.content.common.mail import mail_text
from coop.content.common.mail import send_each
from coop.content.consultations.rules import sender_name
from coop.content.directory.entries import consultation_address
from coop.content.directory.entries import entries_by_uid


def _details(consultation):
    """The closing date, budget and place, as lines of one paragraph."""
    lines = [
        (_("Closing date: ${value}"), short_date(consultation.closing_date)),
        (_("Budget: ${value}"), consultation.budget),
        (_("Location: ${value}"), consultation.location),
    ]
    return "\n".join(
        french(_(message, mapping={"value": value}))
        for message, value in lines
        if value
    )


def mail_recipients(consultation):
    """One message to each recipient cooperative; replies go to the sender."""
    mapping = {"title": consultation.title, "sender": sender_name(consultation)}
    subject = french(_("Consultation: ${title}", mapping=mapping))
    description = consultation.description
    text = mail_text(
        _("Hello,"),
        _(
            "${sender} sends your cooperative a consultation on the cooperative "
            "directory: ${title}.",
            mapping=mapping,
        ),
        _details(consultation),
        html_to_text(description.output) if description else "",
        _(
            "Read it and answer before its closing date: ${url}",
            mapping={"url": consultation.absolute_url()},
        ),
        _("To write to the sender, simply reply to this message."),
    )
    # One message each, so that no cooperative sees the others' addresses.
    addresses = (
        consultation_address(brain._unrestrictedGetObject())
        for brain in entries_by_uid(consultation.recipients, published=True).values()
    )
    send_each(
        [address for address in addresses if address],
        subject,
        text,
        reply_to=consultation.sender_email,
    )


ANSWER_SENTENCES = {
    "interested": _("${cooperative} is interested in your consultation ${title}."),
    "declined": _("${cooperative} declines your consultation ${title}."),
}


def mail_sender_about_answer(consultation, cooperative_uid, answer, message):
    """Tell the sender that a recipient answered; replies go to the cooperative."""
    brain = entries_by_uid([cooperative_uid]).get(cooperative_uid)
    if brain is None or not consultation.sender_email:
        return
    cooperative = brain._unrestrictedGetObject()
    mapping = {"title": consultation.title, "cooperative": cooperative.title}
    subject = french(_("Answer to your consultation: ${title}", mapping=mapping))
    sentence = ANSWER_SENTENCES[answer]
    text = mail_text(
        _("Hello,"),
        _(sentence, mapping=mapping),
        message,
        _(
            "Read all the answers: ${url}",
            mapping={"url": consultation.absolute_url()},
        ),
    )
    send_each(
        [consultation.sender_email],
        subject,
        text,
        reply_to=consultation_address(cooperative),
    )
