"""The Question content type."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IQuestion(model.Schema):
    """A question asked in the intranet questions and answers space."""


@implementer(IQuestion)
class Question(Container):
    """A question asked in the intranet questions and answers space."""
