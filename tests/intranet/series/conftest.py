"""Fixtures of the re-registration's tests: sessions of one theme, some past
with their attendance marked, some to come."""

from coop.content.agenda.registrations.store import get_store

import pytest
import transaction


@pytest.fixture
def missed(make_workshop, attendance):
    """A session of "gestion" a week ago: "holder" absent, "other_holder"
    there."""
    workshop = make_workshop("gestion-passee", days=-7)
    return attendance(workshop, holder="absent", other_holder="attended")


@pytest.fixture
def following(make_workshop):
    """The next session of "gestion", in a week, open."""
    return make_workshop(
        "gestion-suivante", days=7, title="Construire son prévisionnel (2)"
    )


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
