"""What the @favorites and @saved-searches services share: their errors."""

from coop.content.buyer_space.store import BuyerSpaceError
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate


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

    def parameter(self, name):
        """The query string parameter `name`, given once, or None."""
        value = self.request.form.get(name)
        return value if isinstance(value, str) else None
