"""The Personal file content type."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IPersonalFile(model.Schema):
    """The personal file of a project holder."""


@implementer(IPersonalFile)
class PersonalFile(Container):
    """The personal file of a project holder."""
