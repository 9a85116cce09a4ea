"""A member's appointments (appointments_of) and who may plan one."""

from coop.content.intranet.appointments import appointments_of
from tests.intranet.conftest import at

import pytest


@pytest.fixture
def three(make_appointment, userid_of):
    """The holder's appointments in 2 and 9 days, the other holder's in 5."""
    make_appointment("plus-tard", days=9)
    make_appointment("bientot", days=2)
    make_appointment("autre", days=5, entrepreneur=userid_of("other_holder"))


def ids(brains):
    return [brain.getId for brain in brains]


def test_a_members_appointments_by_start(three, userid_of, as_persona):
    with as_persona("site_administrator"):
        assert ids(appointments_of(userid_of("holder"))) == ["bientot", "plus-tard"]
        assert ids(appointments_of(userid_of("trainer"))) == [
            "bientot",
            "autre",
            "plus-tard",
        ]
        assert ids(appointments_of(userid_of("other_coach"))) == []
        assert appointments_of(None) == []


def test_bounds_on_the_start(three, userid_of, as_persona):
    coach = userid_of("trainer")
    with as_persona("trainer"):
        assert ids(appointments_of(coach, start=at(4))) == ["autre", "plus-tard"]
        assert ids(appointments_of(coach, end=at(4))) == ["bientot"]
        assert ids(appointments_of(coach, start=at(1), end=at(6))) == [
            "bientot",
            "autre",
        ]


def test_only_what_the_current_user_may_see(three, userid_of, as_persona):
    with as_persona("other_holder"):
        assert ids(appointments_of(userid_of("holder"))) == []
        assert ids(appointments_of(userid_of("other_holder"))) == ["autre"]
    with as_persona("other_coach"):
        assert ids(appointments_of(userid_of("trainer"))) == []
