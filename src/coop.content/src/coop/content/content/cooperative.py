"""The Cooperative content type: a cooperative company's entry in the directory.

Its fieldsets are the steps 2 to 7 of the registration wizard (step 1 is the
account). Field names are the REST API's: clients read and write them as
they are.
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidgetFactory
from collective.z3cform.datagridfield.row import DictRow
from coop.content import _
from coop.content.common.config import MAX_COMPETENCES
from coop.content.common.config import MAX_ENTRY_LINE_LENGTH
from coop.content.common.config import MAX_ENTRY_PHONE_LENGTH
from coop.content.common.config import MAX_ENTRY_TEXT_LENGTH
from coop.content.common.config import MAX_LOGO_MB
from coop.content.common.config import MAX_PLAQUE_MB
from coop.content.directory import validators
from coop.content.directory.fields import Keywords
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.namedfile.field import NamedBlobImage
from plone.schema.email import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import provider
from zope.schema import getFieldNames
from zope.schema.interfaces import IContextAwareDefaultFactory


@provider(IContextAwareDefaultFactory)
def owner_email(context):
    """By default, consultations go to the e-mail of the account creating the entry."""
    user = api.user.get_current()
    return user.getProperty("email", None) or None


def empty_row(row_schema):
    """A row with every key and no value: the row widgets cannot show None."""
    return lambda: dict.fromkeys(getFieldNames(row_schema))


class IAddress(Interface):
    street = schema.TextLine(
        title=_("Street"), required=False, max_length=MAX_ENTRY_LINE_LENGTH
    )
    postal_code = schema.TextLine(
        title=_("Postal code"), required=False, constraint=validators.valid_postal_code
    )
    city = schema.TextLine(
        title=_("City"), required=False, max_length=MAX_ENTRY_LINE_LENGTH
    )


class IContact(Interface):
    name = schema.TextLine(
        title=_("Name"), required=False, max_length=MAX_ENTRY_LINE_LENGTH
    )
    role = schema.TextLine(
        title=_("Role"), required=False, max_length=MAX_ENTRY_LINE_LENGTH
    )
    email = Email(title=_("E-mail"), required=False)
    phone = schema.TextLine(
        title=_("Phone"), required=False, max_length=MAX_ENTRY_PHONE_LENGTH
    )


class IEstablishment(Interface):
    name = schema.TextLine(
        title=_("Name"), required=False, max_length=MAX_ENTRY_LINE_LENGTH
    )
    street = schema.TextLine(
        title=_("Street"), required=False, max_length=MAX_ENTRY_LINE_LENGTH
    )
    postal_code = schema.TextLine(
        title=_("Postal code"), required=False, constraint=validators.valid_postal_code
    )
    city = schema.TextLine(
        title=_("City"), required=False, max_length=MAX_ENTRY_LINE_LENGTH
    )
    department = schema.Choice(
        title=_("Department"),
        description=_("Derived from the postal code."),
        vocabulary="coop.content.departments",
        required=False,
    )
    phone = schema.TextLine(
        title=_("Phone"), required=False, max_length=MAX_ENTRY_PHONE_LENGTH
    )


class IClientReference(Interface):
    # Required in substance: the list's constraint says so in a clear message.
    client = schema.TextLine(
        title=_("Client"), required=False, max_length=MAX_ENTRY_LINE_LENGTH
    )
    project = schema.TextLine(
        title=_("Project"), required=False, max_length=MAX_ENTRY_LINE_LENGTH
    )
    year = schema.Int(title=_("Year"), required=False, min=1900, max=2100)


class ICooperative(model.Schema):
    """A cooperative company's entry in the directory."""

    # Step 2: identity, activity and contact details
    title = schema.TextLine(
        title=_("Company name"), required=True, max_length=MAX_ENTRY_LINE_LENGTH
    )
    legal_form = schema.Choice(
        title=_("Legal form"), vocabulary="coop.content.legal_forms", required=True
    )
    siret = schema.TextLine(
        title=_("SIRET number"),
        description=_("14 digits, without spaces."),
        required=True,
        constraint=validators.valid_siret,
    )
    description = schema.Text(
        title=_("Activity"),
        description=_("What the cooperative does, in a few sentences."),
        required=True,
        max_length=MAX_ENTRY_TEXT_LENGTH,
    )
    sector = schema.Choice(
        title=_("Sector of activity"),
        vocabulary="coop.content.naf_sections",
        required=True,
    )
    goods_services = schema.List(
        title=_("Goods and services"),
        description=_("From 1 to 4 categories of the public procurement vocabulary."),
        value_type=schema.Choice(vocabulary="coop.content.cpv_divisions"),
        required=True,
        constraint=validators.valid_goods_services,
    )
    competences = Keywords(
        title=_("Competences"),
        description=_(
            "Up to ${max} keywords that describe your trade, separated by semicolons.",
            mapping={"max": MAX_COMPETENCES},
        ),
        value_type=schema.TextLine(),
        required=False,
        constraint=validators.valid_competences,
    )
    consultation_email = Email(
        title=_("E-mail for consultations"),
        description=_("Requests for quotation are sent to this address."),
        required=False,
        defaultFactory=owner_email,
    )
    phone = schema.TextLine(
        title=_("Phone"), required=False, max_length=MAX_ENTRY_PHONE_LENGTH
    )
    website = schema.TextLine(
        title=_("Website"),
        required=False,
        max_length=MAX_ENTRY_LINE_LENGTH,
        constraint=validators.valid_website,
    )
    street = schema.TextLine(
        title=_("Street"), required=False, max_length=MAX_ENTRY_LINE_LENGTH
    )
    postal_code = schema.TextLine(
        title=_("Postal code"), required=True, constraint=validators.valid_postal_code
    )
    city = schema.TextLine(
        title=_("City"), required=True, max_length=MAX_ENTRY_LINE_LENGTH
    )
    directives.mode(department="display", region="display")
    department = schema.Choice(
        title=_("Department"),
        description=_("Derived from the postal code."),
        vocabulary="coop.content.departments",
        required=False,
    )
    region = schema.Choice(
        title=_("Region"),
        description=_("Derived from the postal code."),
        vocabulary="coop.content.regions",
        required=False,
    )
    logo = NamedBlobImage(
        title=_("Logo"),
        description=_(
            "PNG, JPEG or WebP image, at most ${size} MB.",
            mapping={"size": MAX_LOGO_MB},
        ),
        required=False,
        constraint=validators.valid_logo,
    )

    # Step 3: additional information
    model.fieldset(
        "complements",
        label=_("Additional information"),
        fields=[
            "certifications",
            "carbon_footprint",
            "carbon_footprint_year",
            "guarantees",
            "plaque",
        ],
    )
    certifications = schema.List(
        title=_("Certifications and professional qualifications"),
        description=_("One per line, such as ISO 9001."),
        value_type=schema.TextLine(max_length=MAX_ENTRY_LINE_LENGTH),
        required=False,
    )
    carbon_footprint = schema.Int(
        title=_("Carbon footprint (kg CO₂ per year)"),
        required=False,
        constraint=validators.non_negative,
    )
    carbon_footprint_year = schema.Int(
        title=_("Year of the carbon footprint"), required=False, min=1990, max=2100
    )
    guarantees = schema.Text(
        title=_("Guarantees and sureties"),
        required=False,
        max_length=MAX_ENTRY_TEXT_LENGTH,
    )
    plaque = NamedBlobFile(
        title=_("Brochure"),
        description=_(
            "PDF or JPEG file, at most ${size} MB.", mapping={"size": MAX_PLAQUE_MB}
        ),
        required=False,
        constraint=validators.valid_plaque,
    )

    # Step 4: turnover
    model.fieldset(
        "chiffre_affaires",
        label=_("Turnover"),
        fields=["revenue", "revenue_year", "headcount"],
    )
    revenue = schema.Int(
        title=_("Turnover (€)"), required=False, constraint=validators.non_negative
    )
    revenue_year = schema.Int(
        title=_("Year of the turnover"), required=False, min=1900, max=2100
    )
    headcount = schema.Int(
        title=_("Headcount"), required=False, constraint=validators.non_negative
    )

    # Step 5: head office and director
    model.fieldset(
        "siege",
        label=_("Head office and director"),
        fields=["head_office", "director", "commercial_contacts"],
    )
    head_office = DictRow(
        title=_("Head office"),
        schema=IAddress,
        required=False,
        defaultFactory=empty_row(IAddress),
    )
    director = DictRow(
        title=_("Director"),
        schema=IContact,
        required=False,
        defaultFactory=empty_row(IContact),
    )
    directives.widget(commercial_contacts=DataGridFieldWidgetFactory)
    commercial_contacts = schema.List(
        title=_("Commercial contacts"),
        value_type=DictRow(schema=IContact),
        required=False,
    )

    # Step 6: secondary establishments
    model.fieldset(
        "etablissements",
        label=_("Secondary establishments"),
        fields=["establishments"],
    )
    directives.widget(establishments=DataGridFieldWidgetFactory)
    establishments = schema.List(
        title=_("Secondary establishments"),
        value_type=DictRow(schema=IEstablishment),
        required=False,
    )

    # Step 7: client references
    model.fieldset(
        "references",
        label=_("Client references"),
        fields=["client_references"],
    )
    directives.widget(client_references=DataGridFieldWidgetFactory)
    client_references = schema.List(
        title=_("Client references"),
        value_type=DictRow(schema=IClientReference),
        required=False,
        constraint=validators.valid_client_references,
    )


@implementer(ICooperative)
class Cooperative(Container):
    """A cooperative company's entry in the directory."""
