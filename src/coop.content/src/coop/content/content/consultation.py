"""The Consultation content type."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IConsultation(model.Schema):
    """A request for quotation sent to chosen cooperatives."""


@implementer(IConsultation)
class Consultation(Container):
    """A request for quotation sent to chosen cooperatives."""
