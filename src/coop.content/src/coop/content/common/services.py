"""The base of the platform's REST services: one body reader, French refusals."""

from coop.content import _
from coop.content.common.errors import field_message
from coop.content.common.errors import InputError
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zExceptions import BadRequest
from zExceptions import HTTPConflict
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.schema import ValidationError

import json


NOT_JSON = _("The request body is not valid JSON.")
NOT_AN_OBJECT = _("The request body must be a JSON object.")


class Conflict(HTTPConflict):
    """409: the request conflicts with what is stored.

    Zope's response takes an error's status from the name of its class.
    """


class CoopService(Service):
    """A plone.restapi service whose refusals are French 400s naming the field.

    `answer` does the work. An `InputError` it raises becomes plone.restapi's
    400 body ``{"type": "BadRequest", "message": "<its French text>"}``; so
    does a zope.schema `ValidationError`, whose message starts with the name
    of its field when the rule set one (``field_name``). The request then
    stores nothing: the publisher aborts its transaction.

    Combined with a plone.restapi service (``class X(CoopService, FolderPost)``),
    `answer` is that service's reply unless the subclass says more.
    """

    def reply(self):
        if self.request.method != "GET":
            # REST clients authenticate each request, as plone.restapi's own
            # write services assume: its automatic CSRF check is for forms.
            alsoProvides(self.request, IDisableCSRFProtection)
        try:
            return self.answer()
        except InputError as error:
            raise BadRequest(error.translated(self.request)) from None
        except ValidationError as error:
            raise BadRequest(_validation_message(error, self.request)) from None

    def answer(self):
        return super().reply()

    def body(self):
        """The request's body, a JSON object (a dict), or InputError.

        No body reads as an empty object: each service says which fields it
        needs.
        """
        try:
            return json_body(self.request)
        except DeserializationError:
            raise InputError(_body_refusal(self.request.get("BODY"))) from None

    def parameter(self, name):
        """The query string parameter `name`, given once, or None."""
        value = self.request.form.get(name)
        return value if isinstance(value, str) else None


def _validation_message(error, request):
    message = translate(field_message(error), context=request)
    field_name = getattr(error, "field_name", None)
    return f"{field_name} : {message}" if field_name else message


def _body_refusal(body):
    """Why `json_body` refused `body`: no JSON at all, or JSON but no object."""
    try:
        json.loads(body)
    except ValueError:
        return NOT_JSON
    return NOT_AN_OBJECT
