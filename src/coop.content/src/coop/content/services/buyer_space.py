"""What the @favorites and @saved-searches services share: body and errors."""

from coop.content import _
from coop.content.buyer_space import BuyerSpaceError
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate

import json


class BuyerSpaceService(Service):
    """A service on the current user's buyer space data.

    `BuyerSpaceError`s raised in `answer` become 400 BadRequest errors with
    their French message, and nothing is stored.
    """

    def reply(self):
        try:
            return self.answer()
        except BuyerSpaceError as error:
            raise BadRequest(translate(error.message, context=self.request)) from None

    def answer(self):
        raise NotImplementedError

    def body(self):
        """The request's JSON object."""
        try:
            body = json.loads(self.request.get("BODY") or "{}")
        except ValueError:
            raise BuyerSpaceError(_("The request body is not valid JSON.")) from None
        if not isinstance(body, dict):
            raise BuyerSpaceError(_("The request body must be a JSON object."))
        return body

    def parameter(self, name):
        """The query string parameter `name`, given once, or None."""
        value = self.request.form.get(name)
        return value if isinstance(value, str) else None
