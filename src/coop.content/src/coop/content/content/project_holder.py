"""The Project holder page content type."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IProjectHolder(model.Schema):
    """The public page of a project holder's business."""


@implementer(IProjectHolder)
class ProjectHolder(Container):
    """The public page of a project holder's business."""
