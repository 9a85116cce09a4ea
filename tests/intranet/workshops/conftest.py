"""Fixtures of the workshops' tests: holders seated without mail, and the
catalog as the server committed it."""

from plone import api

import pytest
import transaction


@pytest.fixture
def seated(attendance, records):
    """Seat personas in a workshop, without mail, in this order; committed.

    For sessions that take no sign-up any more (past ones). Returns their
    records.
    """

    def seat(workshop, *personas):
        attendance(workshop, **dict.fromkeys(personas, "registered"))
        return records(workshop)[-len(personas) :]

    return seat


@pytest.fixture
def brains_of():
    """The catalog's entry of `workshop`, as the server committed it."""

    def brain(workshop, **query):
        transaction.begin()
        return api.content.find(UID=workshop.UID(), **query)

    return brain
