"""Fixtures of the agenda's tests: the personas around an event's registrations."""

from coop.content.agenda.registrations.store import get_store
from plone import api

import pytest
import transaction


# The cross-package tests' password (tests/conftest.py), for the agenda's accounts.
PASSWORD = "un-mot-de-passe-solide"

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
def agenda_people(functional_portal):
    """One account per persona who may look at an event's registrations."""
    with api.env.adopt_roles(["Manager"]):
        for email, groups, roles in AGENDA_PEOPLE.values():
            user = api.user.create(email=email, password=PASSWORD)
            for group in groups:
                api.group.add_user(groupname=group, user=user)
            if roles:
                api.user.grant_roles(user=user, roles=roles)
    return {persona: email for persona, (email, *_) in AGENDA_PEOPLE.items()}


# Who sees and marks an event's registrations; the others, anonymous first.
AGENDA_STAFF = ("coach", "site_administrator")


@pytest.fixture(
    params=[p for p in ("anonymous", *AGENDA_PEOPLE) if p not in AGENDA_STAFF]
)
def outsider(request):
    """Each persona in turn who may not see an event's registrations."""
    return request.param


@pytest.fixture
def agenda_session(request_factory, agenda_people):
    """A REST session (`api=True`) or a browser's (`api=False`) of `agenda_people`."""

    def session(persona, api=True):
        if persona == "anonymous":
            return request_factory(api=api)
        return request_factory(api=api, basic_auth=(agenda_people[persona], PASSWORD))

    return session


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
