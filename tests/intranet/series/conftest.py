"""Fixtures of the re-registration's tests: sessions of one theme, some past
with their attendance marked, some to come."""

import pytest


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
def full_following(make_workshop, attendance):
    """The next session of "gestion", in a week, its one seat taken by
    "other_holder"."""
    workshop = make_workshop("complet", days=7, capacity=1)
    return attendance(workshop, other_holder="registered")
