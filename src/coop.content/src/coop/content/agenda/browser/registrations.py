"""Registration to a public event: the form, the cancellation link, the staff list."""

from coop.content import _
from coop.content.agenda.registrations.listing import registration_rows
from coop.content.agenda.registrations.signup import cancel_by_token
from coop.content.agenda.registrations.signup import refusal
from coop.content.agenda.registrations.signup import register
from coop.content.agenda.registrations.signup import seats_left
from coop.content.agenda.registrations.signup import staff_change
from coop.content.agenda.registrations.store import CANCELLED
from coop.content.agenda.registrations.store import get_store
from coop.content.agenda.registrations.store import STATUS_TITLES
from coop.content.agenda.registrations.store import UnknownRegistration
from coop.content.common.dates import event_when
from coop.content.common.errors import InputError
from coop.content.common.spreadsheet import csv_download
from coop.content.vocabularies.events import PRESCRIBER_KINDS
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView


PERSON = ("first_name", "last_name", "email", "phone", "town")
PRESCRIBER = ("kind", "organisation", "name", "email")


class RegistrationForm(BrowserView):
    """Sign oneself up, or someone else as a prescriber."""

    error = None
    error_field = None
    record = None
    prescriber_kinds = PRESCRIBER_KINDS

    def __call__(self):
        self.refusal = refusal(self.context)
        form = self.request.form
        if self.request.method == "POST" and self.refusal is None:
            CheckAuthenticator(self.request)
            try:
                self.record = register(self.context, self._data(form))
            except InputError as error:
                self.error = error.message
                self.error_field = (error.field or "").replace(".", "_")
                self.request.response.setStatus(400)
        return self.index()

    def _data(self, form):
        data = {name: form.get(name) for name in PERSON}
        data["consent"] = bool(form.get("consent"))
        if form.get("prescriber") == "1":
            data["prescriber"] = {
                name: form.get(f"prescriber_{name}") for name in PRESCRIBER
            }
        return data

    def invalid(self, name):
        """The class that marks the field the error names."""
        return "is-invalid" if name == self.error_field else ""

    def value(self, name):
        """What was typed, to fill the form again after an error."""
        value = self.request.form.get(name, "")
        return value if isinstance(value, str) and self.record is None else ""

    @property
    def when(self):
        return event_when(self.context)

    @property
    def seats_left(self):
        return seats_left(self.context)


class CancelRegistration(BrowserView):
    """The link of the confirmation mail: confirm, then cancel."""

    record = None
    cancelled = False

    def __call__(self):
        token = self.request.form.get("token")
        store = get_store(self.context)
        try:
            self.record = store.by_token(token) if store is not None else None
        except UnknownRegistration:
            self.record = None
        if self.record is None:
            self.request.response.setStatus(404)
        elif self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.record = cancel_by_token(self.context, token)
            self.cancelled = True
        return self.index()

    @property
    def when(self):
        return event_when(self.context)

    @property
    def already_cancelled(self):
        return self.record["status"] == CANCELLED and not self.cancelled


class Registrations(BrowserView):
    """Coaches' and administrators' list: attendance, cancellation, export."""

    status_titles = STATUS_TITLES

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            try:
                staff_change(self.context, form.get("id"), form.get("status"))
            except InputError as error:
                api.portal.show_message(error.message, self.request, type="error")
            else:
                api.portal.show_message(_("Registration updated."), self.request)
            return self.request.response.redirect(
                f"{self.context.absolute_url()}/@@inscriptions"
            )
        return self.index()

    def rows(self):
        return registration_rows(self.context)

    @property
    def when(self):
        return event_when(self.context)


class RegistrationsCSV(BrowserView):
    """The list as a CSV file for a spreadsheet (semicolons, UTF-8 with BOM)."""

    def __call__(self):
        headers = (
            _("Last name"),
            _("First name"),
            _("E-mail address of the person"),
            _("Phone"),
            _("Town"),
            _("Status"),
            _("Prescriber"),
            _("Registered on"),
        )
        rows = (
            (
                row["last_name"],
                row["first_name"],
                row["email"],
                row["phone"],
                row["town"],
                api.portal.translate(row["status_title"], "coop.content"),
                row["prescriber_text"],
                row["created_text"],
            )
            for row in registration_rows(self.context)
        )
        return csv_download(
            self.request.response,
            f"inscriptions-{self.context.getId()}.csv",
            [api.portal.translate(header, "coop.content") for header in headers],
            rows,
        )
