"""POST @cooperative-registration on /annuaire: the wizard's route for REST clients.

A signed-in member of `cooperatives` without an entry creates its draft entry
from the Cooperative fields, accepted as the wizard accepts them.
"""

from Acquisition import aq_base
from coop.content.common.services import Conflict
from coop.content.common.services import CoopService
from coop.content.directory.accounts import ALREADY_REGISTERED
from coop.content.directory.accounts import entry_fields
from coop.content.directory.accounts import is_cooperative
from coop.content.directory.accounts import NOT_A_COOPERATIVE
from coop.content.directory.accounts import register_entry
from coop.content.directory.entries import cooperative_of
from coop.content.directory.entries import directory
from plone import api
from zExceptions import Forbidden
from zExceptions import NotFound
from zope.i18n import translate


class CooperativeRegistrationPost(CoopService):
    def answer(self):
        if aq_base(self.context) is not aq_base(directory()):
            raise NotFound(self.__name__)
        user = api.user.get_current()
        if not is_cooperative(user):
            raise Forbidden(translate(NOT_A_COOPERATIVE, context=self.request))
        if cooperative_of(user.getId()) is not None:
            raise Conflict(translate(ALREADY_REGISTERED, context=self.request))
        entry = register_entry(user, entry_fields(self.body()))
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", entry.absolute_url())
        return {"@id": entry.absolute_url()}
