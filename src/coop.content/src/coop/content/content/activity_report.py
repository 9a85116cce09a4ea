"""The Activity report content type."""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import implementer


class IActivityReport(model.Schema):
    """The monthly activity figures of a project holder."""


@implementer(IActivityReport)
class ActivityReport(Item):
    """The monthly activity figures of a project holder."""
