"""Fixtures of the intranet's tests: its people, workshops and appointments.

The site is the functional layer's; what a fixture creates is committed, so
that the HTTP sessions of `intranet_session` see it.
"""

from coop.content.agenda.registrations.store import get_store
from coop.content.intranet.workshops.registrations import holder_fields
from coop.content.intranet.workshops.registrations import REGISTRATION_INDEXES
from datetime import datetime
from datetime import timedelta
from plone import api

import pytest
import pytz
import transaction


PARIS = pytz.timezone("Europe/Paris")

INTRANET_PEOPLE = {
    # persona: (e-mail, groups, roles, full name)
    "holder": ("ines.morel@porteurs.example", ("entrepreneurs",), (), "Inès Morel"),
    "other_holder": (
        "paul.girard@porteurs.example",
        ("entrepreneurs",),
        (),
        "Paul Girard",
    ),
    "trainer": ("nadia.benali@cae.example", ("coaches",), (), "Nadia Benali"),
    "other_coach": ("marc.dupuis@cae.example", ("coaches",), (), "Marc Dupuis"),
    "site_administrator": (
        "admin@cae.example",
        (),
        ("Site Administrator",),
        "Camille Roux",
    ),
    "buyer": ("acheteur@mairie.example", ("buyers",), (), "Jeanne Petit"),
    "cooperative": ("scop@bois.example", ("cooperatives",), (), "Louis Martin"),
}

# Who is never let into /intranet, anonymous first.
OUTSIDERS = ("anonymous", "buyer", "cooperative")


@pytest.fixture
def intranet_people(functional_portal, create_people):
    """One account per persona of the intranet, committed: {persona: e-mail}."""
    emails = create_people(
        {persona: spec[:3] for persona, spec in INTRANET_PEOPLE.items()}
    )
    with api.env.adopt_roles(["Manager"]):
        for email, *_, fullname in INTRANET_PEOPLE.values():
            api.user.get(username=email).setMemberProperties({"fullname": fullname})
    transaction.commit()
    return emails


@pytest.fixture
def userid_of(intranet_people):
    """The user id of a persona of `intranet_people`."""

    def userid(persona):
        return api.user.get(username=intranet_people[persona]).getId()

    return userid


@pytest.fixture
def intranet_session(sessions_of, intranet_people):
    """A REST session (`api=True`) or a browser's (`api=False`) of a persona."""
    return sessions_of(intranet_people)


@pytest.fixture(params=OUTSIDERS)
def outsider(request):
    """Each persona in turn who may not see the intranet."""
    return request.param


def at(days, hour=9, minute=30):
    """A time in Paris, `days` from today (negative: in the past)."""
    today = datetime.now(PARIS).replace(hour=hour, minute=minute, second=0)
    return PARIS.normalize(today.replace(microsecond=0) + timedelta(days=days))


def create_committed(container, portal_type, id, values):
    """Create `portal_type` in `container` as a manager would, and commit."""
    with api.env.adopt_roles(["Manager"]):
        obj = api.content.create(container=container, type=portal_type, id=id, **values)
    transaction.commit()
    return obj


@pytest.fixture
def make_workshop(functional_portal, userid_of):
    """Create a workshop in /intranet/ateliers `days` from now; committed.

    Its trainer is the persona "trainer" unless `trainer` names another user id.
    """

    def make(id="atelier", days=10, hours=3, theme="gestion", capacity=12, **fields):
        start = at(days)
        values = {
            "title": "Construire son prévisionnel",
            "location": "Salle Mont-Blanc, 12 avenue de Genève, Annecy",
            "theme": theme,
            "capacity": capacity,
            "trainer": userid_of("trainer"),
            "registration_open": True,
            "start": start,
            "end": start + timedelta(hours=hours),
            **fields,
        }
        return create_committed(
            functional_portal["intranet"]["ateliers"], "Workshop", id, values
        )

    return make


@pytest.fixture
def make_appointment(functional_portal, userid_of):
    """Create an appointment of "holder" with "trainer" `days` from now; committed."""

    def make(id="rendez-vous", days=3, **fields):
        start = at(days, hour=14)
        values = {
            "subject": "Point mensuel",
            "entrepreneur": userid_of("holder"),
            "coach": userid_of("trainer"),
            "mode": "in_person",
            "location": "Bureau 2, 12 avenue de Genève, Annecy",
            "notes": "Relancer le devis de la mairie.",
            "start": start,
            "end": start + timedelta(hours=1),
            **fields,
        }
        return create_committed(
            functional_portal["intranet"]["rendez-vous"], "Appointment", id, values
        )

    return make


@pytest.fixture
def attendance(userid_of):
    """Put personas straight into a workshop's store with a status each,
    {persona: status}, without mail (a past session takes no sign-up);
    committed."""

    def mark(workshop, **statuses):
        store = get_store(workshop, create=True)
        for persona, status in statuses.items():
            record = store.add(
                holder_fields(userid_of(persona)), capacity=workshop.capacity
            )
            if status != record["status"]:
                store.set_status(record["id"], status)
        workshop.reindexObject(idxs=REGISTRATION_INDEXES)
        transaction.commit()
        return workshop

    return mark


@pytest.fixture
def intranet_browser(browsers_of, intranet_people):
    """A browser of a persona of `intranet_people`, that asks for HTML pages."""
    return browsers_of(intranet_people)


@pytest.fixture
def records():
    """A workshop's registrations, as the server committed them."""

    def of(workshop):
        transaction.begin()
        store = get_store(workshop)
        return store.records() if store is not None else []

    return of


@pytest.fixture
def statuses(records):
    """{user id: status} of a workshop's registrations, as committed."""

    def of(workshop):
        return {record["userid"]: record["status"] for record in records(workshop)}

    return of
