"""An appointment's page: what, when, how, where, with whom; the coach's
notes for whoever holds their permission (never the project holder)."""

from coop.content.intranet.appointments.planning import current_userid
from coop.content.intranet.appointments.planning import may_see_notes
from coop.content.intranet.appointments.planning import person_name
from coop.content.intranet.appointments.schedule import appointment_row
from Products.Five.browser import BrowserView


class AppointmentView(BrowserView):
    def details(self):
        return appointment_row(self.context, current_userid())

    def people(self):
        """(holder's name, coach's name)."""
        return (
            person_name(self.context.entrepreneur),
            person_name(self.context.coach),
        )

    def notes(self):
        """The coach's notes, for whoever may read them; None for the others."""
        if not may_see_notes(self.context):
            return None
        return self.context.notes or ""
