"""What the site's search finds of an appointment: its subject and place.

Never the coach's notes: the index is shared by everyone who searches.
"""

from coop.content.content.appointment import IAppointment
from plone.event.interfaces import IEventAccessor
from plone.indexer import indexer


@indexer(IAppointment)
def appointment_searchable_text(appointment):
    words = (appointment.subject, IEventAccessor(appointment).location)
    return " ".join(word for word in words if word)
