"""The Project holder page: the public page of a project holder's business.

Field names are the REST API's: clients read and write them as they are.
The page's holder is the
account that creates it (see subscribers.project_holder), never a field
anyone types; its image is checked on its content, not its name, and it holds
up to MAX_PROJECT_HOLDER_PAGES pages (coop.content.common.config).
"""

from Acquisition import aq_base
from coop.content import _
from coop.content.common.config import MAX_IMAGE_MB
from coop.content.directory import validators
from coop.content.project_holders.pages import refusal
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IProjectHolder(model.Schema):
    """The public page of a project holder's business."""

    title = schema.TextLine(
        title=_("Name of the business"), required=True, max_length=120
    )
    activity = schema.TextLine(
        title=_("Activity"),
        description=_("Your trade in a few words, such as: handmade jewellery."),
        required=True,
        max_length=200,
    )
    description = schema.Text(
        title=_("Presentation"),
        description=_("What you offer and to whom, in a few paragraphs."),
        required=True,
        max_length=5000,
    )
    sector = schema.Choice(
        title=_("Sector of activity"),
        vocabulary="coop.content.naf_sections",
        required=True,
    )
    website = schema.TextLine(
        title=_("Website"),
        description=_("Your own website, if you have one."),
        required=False,
        max_length=500,
        constraint=validators.valid_website,
    )
    image = NamedBlobImage(
        title=_("Image"),
        description=_(
            "A photo of your work: PNG, JPEG or WebP image, at most ${size} MB.",
            mapping={"size": MAX_IMAGE_MB},
        ),
        required=False,
        constraint=validators.valid_image,
    )
    image_caption = schema.TextLine(
        title=_("Image caption"), required=False, max_length=200
    )
    # Set once, from the account that creates the page.
    directives.omitted("holder")
    holder = schema.TextLine(title=_("Project holder"), readonly=True, required=False)


@implementer(IProjectHolder)
class ProjectHolder(Container):
    """The public page of a project holder's business."""

    holder = None

    def _verifyObjectPaste(self, obj, validate_src=True):
        # plone.api and plone.restapi rename a new page after adding it, when
        # this one may hold MAX_PROJECT_HOLDER_PAGES already: the limit, which
        # counts it, is no reason to refuse its rename. A copy of it into this
        # page looks the same here; subscribers.project_holder.check_room
        # refuses it.
        if (
            aq_base(self._getOb(obj.getId(), None)) is aq_base(obj)
            and refusal(self, obj.portal_type) is not None
        ):
            return
        super()._verifyObjectPaste(obj, validate_src)
