"""The Workshop content type."""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import implementer


class IWorkshop(model.Schema):
    """A collective training workshop of the intranet."""


@implementer(IWorkshop)
class Workshop(Item):
    """A collective training workshop of the intranet."""
