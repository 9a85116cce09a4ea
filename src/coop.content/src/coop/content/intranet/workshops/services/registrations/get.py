"""GET @registrations on a workshop: a coach's list, a holder's own registration."""

from coop.content.common.services import CoopService
from coop.content.intranet.workshops.registrations import visible_registrations


class RegistrationsGet(CoopService):
    def answer(self):
        return {"items": visible_registrations(self.context)}
