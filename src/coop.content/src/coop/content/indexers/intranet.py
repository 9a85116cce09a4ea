"""What the catalog knows of workshops and appointments: who takes part.

`participants` lets a member's sessions and appointments be found without
loading every one: a workshop's trainer and the holders it seats or keeps
waiting, an appointment's holder and coach.
"""

from coop.content.agenda.registrations.store import CANCELLED
from coop.content.agenda.registrations.store import get_store
from coop.content.agenda.registrations.store import REGISTERED
from coop.content.content.appointment import IAppointment
from coop.content.content.workshop import IWorkshop
from plone.indexer import indexer


def _records(workshop):
    store = get_store(workshop)
    return store.records() if store is not None else []


@indexer(IWorkshop)
def workshop_participants(workshop):
    userids = {workshop.trainer} if workshop.trainer else set()
    userids.update(
        record["userid"]
        for record in _records(workshop)
        if record.get("userid") and record["status"] != CANCELLED
    )
    return sorted(userids)


@indexer(IWorkshop)
def attendance_unmarked(workshop):
    """True while a seated holder has neither attended nor been marked absent."""
    return any(record["status"] == REGISTERED for record in _records(workshop))


@indexer(IAppointment)
def appointment_participants(appointment):
    return [
        userid for userid in (appointment.entrepreneur, appointment.coach) if userid
    ]
