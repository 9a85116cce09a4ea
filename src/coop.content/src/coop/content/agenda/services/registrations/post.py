"""POST @registrations: sign up to an event (DESIGN §7)."""

from coop.content.agenda.registrations.signup import register
from coop.content.agenda.registrations.validation import RegistrationError
from coop.content.common.request_body import json_object
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate
from zope.interface import alsoProvides


class RegistrationsPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request)
        try:
            record = register(self.context, data)
        except RegistrationError as error:
            raise BadRequest(translate(error.message, context=self.request)) from None
        self.request.response.setStatus(201)
        return {"id": record["id"], "status": record["status"]}
