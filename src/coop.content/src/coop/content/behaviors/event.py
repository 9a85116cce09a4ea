"""What a public event of the agenda adds to plone.app.event's Event."""

from coop.content import _
from coop.content.common.config import PROJECT_HOLDER_TYPE
from plone.app.vocabularies.catalog import StaticCatalogVocabulary
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IPublicEvent(model.Schema):
    """An event of the agenda: its kind, its seats, the fair's exhibitors."""

    model.fieldset(
        "registration",
        label=_("Registration"),
        fields=[
            "event_kind",
            "capacity",
            "registration_open",
            "exhibitors",
            "other_exhibitors",
        ],
    )

    event_kind = schema.Choice(
        title=_("Kind of event"),
        vocabulary="coop.content.event_kinds",
        required=True,
        default="information_collective",
    )

    capacity = schema.Int(
        title=_("Seats"),
        description=_(
            "Beyond this number, people join a waiting list. Leave empty for no limit."
        ),
        min=1,
        required=False,
    )

    registration_open = schema.Bool(
        title=_("Online registration open"),
        default=True,
        required=False,
    )

    exhibitors = RelationList(
        title=_("Project holders at the fair"),
        value_type=RelationChoice(
            vocabulary=StaticCatalogVocabulary({"portal_type": [PROJECT_HOLDER_TYPE]})
        ),
        default=[],
        required=False,
    )
    directives.widget(
        "exhibitors",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": [PROJECT_HOLDER_TYPE]},
    )

    other_exhibitors = schema.List(
        title=_("Other project holders at the fair"),
        description=_("Those who have no page yet: one name a line."),
        value_type=schema.TextLine(max_length=100),
        default=[],
        required=False,
        max_length=50,
    )
