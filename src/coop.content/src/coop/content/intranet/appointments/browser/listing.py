"""The appointments' folder: the member's upcoming and past appointments,
and their week (?week=2026-W50)."""

from coop.content import _
from coop.content.common.dates import long_date
from coop.content.intranet.appointments.schedule import parse_week
from coop.content.intranet.appointments.schedule import upcoming_and_past
from coop.content.intranet.appointments.schedule import week_days
from coop.content.intranet.appointments.schedule import week_name
from datetime import timedelta
from plone import api
from Products.Five.browser import BrowserView


ADD_PERMISSION = "coop.content: Add Appointment"


class AppointmentsPage(BrowserView):
    @property
    def may_plan(self):
        return api.user.has_permission(ADD_PERMISSION, obj=self.context)

    @property
    def add_url(self):
        return f"{self.context.absolute_url()}/++add++Appointment"

    @property
    def week_url(self):
        return f"{self.context.absolute_url()}/@@semaine"


class AppointmentsListing(AppointmentsPage):
    def __call__(self):
        self.upcoming, self.past = upcoming_and_past()
        return self.index()


class AppointmentsWeek(AppointmentsPage):
    def __call__(self):
        self.monday, self.error = parse_week(self.request.form.get("week"))
        return self.index()

    @property
    def title(self):
        return _("Week of ${monday}", mapping={"monday": long_date(self.monday)})

    def _url_of(self, monday):
        return f"{self.week_url}?week={week_name(monday)}"

    @property
    def previous_url(self):
        return self._url_of(self.monday - timedelta(days=7))

    @property
    def next_url(self):
        return self._url_of(self.monday + timedelta(days=7))

    def days(self):
        return week_days(self.monday)
