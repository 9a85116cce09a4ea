"""GET @registrations: the list of an event's registrations, for its staff."""

from coop.content.agenda.registrations.store import get_store
from plone.restapi.services import Service


FIELDS = ("id", "first_name", "last_name", "email", "status", "prescriber", "created")


class RegistrationsGet(Service):
    def reply(self):
        store = get_store(self.context)
        records = store.records() if store is not None else []
        return {
            "items": [{name: record.get(name) for name in FIELDS} for record in records]
        }
