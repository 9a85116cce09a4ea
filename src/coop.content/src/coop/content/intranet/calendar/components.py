"""An appointment as an iCalendar event, for its `.ics` and the calendars.

plone.app.event's component gives the subject and times; the place is the
appointments' (a video call's address, or the location), and a cancelled
appointment says so, that calendar apps take it off. It reads nothing else
of the appointment: the coach's notes never reach a calendar.
"""

from coop.content.content.appointment import IAppointment
from coop.content.intranet.appointments.planning import is_cancelled
from coop.content.intranet.appointments.planning import place
from plone.app.event.ical.exporter import ICalendarEventComponent
from zope.component import adapter


# The STATUS of an event, as RFC 5545 names it.
EVENT_CONFIRMED = "CONFIRMED"
EVENT_TENTATIVE = "TENTATIVE"
EVENT_CANCELLED = "CANCELLED"


@adapter(IAppointment)
class AppointmentComponent(ICalendarEventComponent):
    @property
    def location(self):
        return {"value": place(self.context)}

    @property
    def status(self):
        cancelled = is_cancelled(self.context)
        return {"value": EVENT_CANCELLED if cancelled else EVENT_CONFIRMED}

    def to_ical(self):
        event = super().to_ical()
        self.ical_add("status", self.status)
        return event
