"""A session's page: what, when, where, the seats; a holder registers and
unregisters; a coach registers a holder, cancels, and marks attendance."""

from coop.content import _
from coop.content.agenda.registrations.signup import refusal
from coop.content.agenda.registrations.signup import seats_left
from coop.content.agenda.registrations.store import ATTENDANCE
from coop.content.agenda.registrations.store import CANCELLED
from coop.content.agenda.registrations.store import SEATED
from coop.content.agenda.registrations.store import STATUS_TITLES
from coop.content.common.config import ENTREPRENEURS_GROUP
from coop.content.common.dates import event_when
from coop.content.common.errors import InputError
from coop.content.intranet.workshops.registrations import cancel_own
from coop.content.intranet.workshops.registrations import change_registration
from coop.content.intranet.workshops.registrations import current_userid
from coop.content.intranet.workshops.registrations import has_begun
from coop.content.intranet.workshops.registrations import is_project_holder
from coop.content.intranet.workshops.registrations import mark_attendance
from coop.content.intranet.workshops.registrations import may_cancel_own
from coop.content.intranet.workshops.registrations import may_manage
from coop.content.intranet.workshops.registrations import registration_of
from coop.content.intranet.workshops.registrations import registrations
from coop.content.intranet.workshops.registrations import sign_up
from coop.content.intranet.workshops.registrations import theme_name
from coop.content.intranet.workshops.registrations import trainer_name
from coop.content.intranet.workshops.registrations import WORKSHOP_REFUSALS
from coop.content.vocabularies.intranet import group_members
from plone import api
from plone.event.interfaces import IEventAccessor
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized


# The radio buttons of the attendance form, in this order.
ATTENDANCE_CHOICES = tuple((status, STATUS_TITLES[status]) for status in ATTENDANCE)
DONE = {
    "register": _("You are registered."),
    "unregister": _("Your registration is cancelled."),
    "register_holder": _("The project holder is registered."),
    "cancel": _("The registration is cancelled."),
    "attendance": _("Attendance saved."),
}


class WorkshopView(BrowserView):
    """The page of a session, and the forms it posts to itself."""

    error = None
    status_titles = STATUS_TITLES
    attendance_choices = ATTENDANCE_CHOICES

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            action = self.request.form.get("action")
            if action not in DONE:
                self.error = _("Unknown action.")
            else:
                try:
                    self._do(action, self.request.form)
                except InputError as error:
                    self.error = error.message
                else:
                    api.portal.show_message(DONE[action], self.request)
                    return self.request.response.redirect(
                        self.context.absolute_url(), status=303
                    )
            self.request.response.setStatus(400)
        return self.index()

    def _do(self, action, form):
        if action == "register":
            sign_up(self.context)
        elif action == "unregister":
            cancel_own(self.context)
        elif not self.manager:
            raise Unauthorized(action)
        elif action == "register_holder":
            sign_up(self.context, form.get("userid"))
        elif action == "cancel":
            change_registration(self.context, form.get("id"), CANCELLED)
        else:
            marks = {
                name.removeprefix("status-"): value
                for name, value in form.items()
                if name.startswith("status-")
            }
            mark_attendance(self.context, marks)

    @property
    def manager(self):
        return may_manage(self.context)

    def details(self):
        accessor = IEventAccessor(self.context)
        return {
            "when": event_when(self.context),
            "where": accessor.location,
            "theme": theme_name(self.context),
            "trainer": trainer_name(self.context),
            "seats_left": seats_left(self.context),
        }

    def mine(self):
        """The current holder's registration and what they may do: None for
        whoever is no project holder."""
        userid = current_userid()
        if not is_project_holder(userid):
            return None
        record = registration_of(self.context, userid)
        closed = refusal(self.context, WORKSHOP_REFUSALS)
        return {
            "status": record and STATUS_TITLES[record["status"]],
            "may_register": record is None and closed is None,
            "may_unregister": record is not None
            and may_cancel_own(self.context, record),
            "refusal": closed if record is None else None,
        }

    def rows(self):
        """The registrations that are not cancelled, for the coaches."""
        return [
            {**record, "status_title": STATUS_TITLES[record["status"]]}
            for record in registrations(self.context)
            if record["status"] != CANCELLED
        ]

    def seated(self):
        """Who holds a seat: the rows of the attendance form."""
        return [row for row in self.rows() if row["status"] in SEATED]

    @property
    def attendance_open(self):
        return has_begun(self.context)

    def holders(self):
        """The project holders a coach may still register."""
        taken = {row["userid"] for row in self.rows()}
        return [
            {"userid": userid, "fullname": fullname}
            for userid, fullname in group_members(ENTREPRENEURS_GROUP)
            if userid not in taken
        ]
