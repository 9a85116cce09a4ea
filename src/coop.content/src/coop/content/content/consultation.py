"""The Consultation content type: a request for quotation sent to chosen cooperatives.

Field names are the REST API's: clients read and write them as they are.
`description` is rich text
here, not the summary of plone.basic: the type defines its own title and
description, and `Description()` gives the catalog and the page head a plain
summary of it.
"""

from coop.content import _
from coop.content.common.config import MAX_DOCUMENT_MB
from coop.content.common.mail import html_to_text
from coop.content.consultations.browser.recipients import RecipientsFieldWidget
from coop.content.consultations.rules import close_if_expired
from coop.content.consultations.rules import sender_default_email
from coop.content.consultations.rules import valid_closing_date
from coop.content.consultations.rules import valid_recipients
from coop.content.directory import validators
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.schema.email import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory


SUMMARY_LENGTH = 300


@provider(IContextAwareDefaultFactory)
def default_sender_email(context):
    return sender_default_email()


class IConsultation(model.Schema):
    """A request for quotation sent to chosen cooperatives."""

    title = schema.TextLine(title=_("Title"), required=True)
    closing_date = schema.Date(
        title=_("Closing date"),
        description=_("The last day for answers; it must be after today."),
        required=True,
        constraint=valid_closing_date,
    )
    budget = schema.TextLine(
        title=_("Budget"),
        description=_("An amount or a range, such as 10 000 to 15 000 € excl. VAT."),
        required=False,
    )
    location = schema.TextLine(
        title=_("Location"),
        description=_("Where the work is done or the goods delivered."),
        required=False,
    )
    department = schema.Choice(
        title=_("Department"),
        vocabulary="coop.content.departments",
        required=False,
    )
    description = RichText(
        title=_("Description"),
        description=_("What you need, your requirements and how to answer."),
        required=True,
        allowed_mime_types=("text/html",),
    )
    attachment = NamedBlobFile(
        title=_("Attachment"),
        description=_(
            "PDF, office document or image, at most ${size} MB.",
            mapping={"size": MAX_DOCUMENT_MB},
        ),
        required=False,
        constraint=validators.valid_document,
    )
    directives.widget("recipients", RecipientsFieldWidget)
    # Recipients are competitors: they do not see each other.
    directives.read_permission(recipients="coop.content.ViewConsultationRecipients")
    recipients = schema.List(
        title=_("Recipients"),
        description=_("The cooperatives that receive the consultation."),
        value_type=schema.TextLine(),
        required=True,
        constraint=valid_recipients,
    )
    sender_email = Email(
        title=_("Your e-mail"),
        description=_("The recipients' replies by e-mail go to this address."),
        required=True,
        defaultFactory=default_sender_email,
    )


@implementer(IConsultation)
class Consultation(Container):
    """A request for quotation sent to chosen cooperatives."""

    def Description(self):
        """A plain-text summary of the rich text description."""
        description = self.description
        if not description or isinstance(description, str):
            return super().Description()
        text = " ".join(html_to_text(description.output).split())
        if len(text) > SUMMARY_LENGTH:
            text = text[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        return text

    def __before_publishing_traverse__(self, arg1, arg2=None):
        """Close the consultation on access once its closing date has passed."""
        close_if_expired(self)
        return super().__before_publishing_traverse__(arg1, arg2)
