"""PATCH @registrations: attendance or cancellation of one registration."""

from coop.content import _
from coop.content.agenda.registrations.signup import change_status
from coop.content.agenda.registrations.store import STAFF_STATUSES
from coop.content.agenda.registrations.store import UnknownRegistration
from coop.content.agenda.registrations.validation import RegistrationError
from coop.content.common.request_body import json_object
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate
from zope.interface import alsoProvides


class RegistrationsPatch(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request)
        if data.get("status") not in STAFF_STATUSES:
            self._refuse(
                _("The field “status” must be attended, absent, excused or cancelled.")
            )
        try:
            record = change_status(self.context, data.get("id"), data["status"])
        except (KeyError, UnknownRegistration):
            self._refuse(_("The field “id” names no registration of this event."))
        except RegistrationError as error:
            self._refuse(error.message)
        return {"id": record["id"], "status": record["status"]}

    def _refuse(self, message):
        raise BadRequest(translate(message, context=self.request))
