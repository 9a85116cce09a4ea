"""The Cooperative content type."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class ICooperative(model.Schema):
    """A cooperative company's file in the directory."""


@implementer(ICooperative)
class Cooperative(Container):
    """A cooperative company's file in the directory."""
