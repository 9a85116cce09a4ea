"""Fixtures of the exports' tests: a session with registrations of every kind."""

from coop.content.agenda.registrations.store import get_store
from coop.content.intranet.workshops.registrations import REGISTRATION_INDEXES

import pytest
import transaction


# (first name, last name, status): stored in this order, listed by name.
PEOPLE = (
    ("Zoé", "Abadie", "attended"),
    ("Hugo", "Élie", "absent"),
    ("<i>Léa</i>", "Durand", "excused"),
    ('=HYPERLINK("http://pirate.example")', "Formule", "registered"),
    ("Marc", "Annulé", "cancelled"),
    ("Jean", "Attente", "waitlisted"),
)


@pytest.fixture
def registered(make_workshop):
    """A session of 4 seats begun an hour ago; its registrations (`PEOPLE`)
    stored straight into its store, without mail; committed."""
    workshop = make_workshop(
        "atelier-emargement", days=-1, capacity=4, title="<b>Tableau</b> & bilan"
    )
    store = get_store(workshop, create=True)
    for number, (first_name, last_name, status) in enumerate(PEOPLE):
        record = store.add(
            {
                "userid": f"porteur-{number}",
                "first_name": first_name,
                "last_name": last_name,
                "email": f"porteur-{number}@porteurs.example",
            },
            capacity=workshop.capacity if status == "waitlisted" else None,
        )
        if status != record["status"]:
            store.set_status(record["id"], status)
    workshop.reindexObject(idxs=REGISTRATION_INDEXES)
    transaction.commit()
    return workshop


@pytest.fixture
def tokens(registered):
    """The secret tokens of the registrations of `registered`."""
    return [record["token"] for record in get_store(registered).records()]
