"""The Appointment content type."""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import implementer


class IAppointment(model.Schema):
    """An individual appointment between a project holder and a coach."""


@implementer(IAppointment)
class Appointment(Item):
    """An individual appointment between a project holder and a coach."""
