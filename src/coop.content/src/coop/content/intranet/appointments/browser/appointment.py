"""An appointment's page: what, when, how, where, with whom; the coach's
notes for whoever holds their permission (never the project holder); the
button that cancels it, for its coach."""

from coop.content import _
from coop.content.common.errors import InputError
from coop.content.intranet.appointments.planning import cancel
from coop.content.intranet.appointments.planning import current_userid
from coop.content.intranet.appointments.planning import may_cancel
from coop.content.intranet.appointments.planning import may_see_notes
from coop.content.intranet.appointments.planning import person_name
from coop.content.intranet.appointments.schedule import appointment_row
from plone import api
from plone.protect import CheckAuthenticator
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

    def may_cancel(self):
        return may_cancel(self.context)


class CancelAppointment(AppointmentView):
    """@@cancel-appointment: GET asks to confirm (with the appointment's
    details), POST cancels the appointment, then back to its page."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            try:
                cancel(self.context)
            except InputError as error:
                api.portal.show_message(error.message, self.request, type="error")
            else:
                api.portal.show_message(CANCELLED_MESSAGE, self.request)
            return self.request.response.redirect(self.context.absolute_url())
        return self.index()


CANCELLED_MESSAGE = _(
    "The appointment is cancelled: the project holder and the coach are told by e-mail."
)
