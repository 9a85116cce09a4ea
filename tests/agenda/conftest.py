"""Fixtures of the agenda's tests: the personas around an event's registrations."""

from coop.content.agenda.registrations.store import get_store

import pytest
import transaction


AGENDA_PEOPLE = {
    # persona: (e-mail, groups, roles)
    "entrepreneur": ("porteuse@agenda.example", ("entrepreneurs",), ()),
    "prescriber": ("conseillere@plie.example", ("prescribers",), ()),
    "buyer": ("acheteur@agenda.example", ("buyers",), ()),
    "cooperative": ("scop@agenda.example", ("cooperatives",), ()),
    "moderator": ("moderation@agenda.example", ("moderators",), ()),
    "coach": ("coach@agenda.example", ("coaches",), ()),
    "site_administrator": ("admin@agenda.example", (), ("Site Administrator",)),
}


@pytest.fixture
def agenda_people(functional_portal, create_people):
    """One account per persona who may look at an event's registrations."""
    return create_people(AGENDA_PEOPLE)


# Who sees and marks an event's registrations; the others, anonymous first.
AGENDA_STAFF = ("coach", "site_administrator")


@pytest.fixture(
    params=[p for p in ("anonymous", *AGENDA_PEOPLE) if p not in AGENDA_STAFF]
)
def outsider(request):
    """Each persona in turn who may not see an event's registrations."""
    return request.param


@pytest.fixture
def agenda_session(sessions_of, agenda_people):
    """A REST session (`api=True`) or a browser's (`api=False`) of `agenda_people`."""
    return sessions_of(agenda_people)


@pytest.fixture
def person():
    """Who signs up to the events of the agenda's tests."""
    return {
        "first_name": "Amélie",
        "last_name": "Rousseau",
        "email": "amelie.rousseau@example.org",
        "phone": "06 12 34 56 78",
        "town": "Annecy",
    }


@pytest.fixture
def event(make_event, capacity):
    """A published event of `capacity` seats (each test module's), committed."""
    event = make_event(capacity=capacity)
    transaction.commit()
    return event


@pytest.fixture
def records():
    """An event's registrations, as the server committed them."""

    def of(event):
        transaction.begin()
        store = get_store(event)
        return store.records() if store is not None else []

    return of


@pytest.fixture(
    params=[
        ({"registration_open": False}, "Les inscriptions à cet événement sont fermées"),
        ({"days": -3}, "Cet événement est passé"),
    ],
    ids=["closed", "past"],
)
def closed_or_past(request):
    """(fields of make_event, the French message) of an event one cannot join."""
    return request.param
