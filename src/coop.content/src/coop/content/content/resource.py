"""The Resource content type."""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import implementer


class IResource(model.Schema):
    """A document, tool or link of the resource centre."""


@implementer(IResource)
class Resource(Item):
    """A document, tool or link of the resource centre."""
