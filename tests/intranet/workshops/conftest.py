"""Fixtures of the workshops' tests: registrations as the server committed them."""

from coop.content.agenda.registrations.store import get_store
from coop.content.intranet.workshops.registrations import holder_fields
from coop.content.intranet.workshops.registrations import REGISTRATION_INDEXES
from plone import api

import pytest
import transaction


@pytest.fixture
def records():
    """A workshop's registrations, as the server committed them."""

    def of(workshop):
        transaction.begin()
        store = get_store(workshop)
        return store.records() if store is not None else []

    return of


@pytest.fixture
def statuses(records, userid_of):
    """{persona or user id: status} of a workshop's registrations."""

    def of(workshop):
        return {record["userid"]: record["status"] for record in records(workshop)}

    return of


@pytest.fixture
def as_persona(intranet_people):
    """Run code as a persona of `intranet_people`, in this process."""

    def adopt(persona):
        return api.env.adopt_user(username=intranet_people[persona])

    return adopt


@pytest.fixture
def brains_of():
    """The catalog's entry of `workshop`, as the server committed it."""

    def brain(workshop, **query):
        transaction.begin()
        return api.content.find(UID=workshop.UID(), **query)

    return brain


@pytest.fixture
def seated(userid_of):
    """Put personas straight into a workshop's store, without mail; committed.

    For sessions that take no sign-up any more (past ones). Returns their
    records.
    """

    def seat(workshop, *personas):
        store = get_store(workshop, create=True)
        added = [
            store.add(holder_fields(userid_of(persona)), capacity=workshop.capacity)
            for persona in personas
        ]
        workshop.reindexObject(idxs=REGISTRATION_INDEXES)
        transaction.commit()
        return added

    return seat
