"""The Workshop content type: one session of a collective training workshop.

Field names are the REST API's. Its dates and place come from plone.app.event's
behaviours (which refuse an end before the start); the sessions of one
`theme` form a series, whose absentees are re-registered to the next session.
Registrations are kept as those of public events are
(coop.content.agenda.registrations.store), each with the member's `userid`.
"""

from coop.content import _
from coop.content.interfaces import IIntranetItem
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IWorkshop(model.Schema):
    """A collective training workshop of the intranet."""

    theme = schema.Choice(
        title=_("Theme"),
        description=_("The sessions of one theme form a series."),
        vocabulary="coop.content.workshop_themes",
        required=True,
    )
    capacity = schema.Int(
        title=_("Seats"),
        description=_("Beyond this number, project holders join a waiting list."),
        min=1,
        max=1000,
        required=True,
        default=12,
    )
    trainer = schema.Choice(
        title=_("Trainer"),
        description=_("The coach who runs the session."),
        vocabulary="coop.content.coaches",
        required=True,
    )
    registration_open = schema.Bool(
        title=_("Registration open"),
        default=True,
        required=False,
    )


@implementer(IWorkshop, IIntranetItem)
class Workshop(Item):
    """A collective training workshop of the intranet."""
