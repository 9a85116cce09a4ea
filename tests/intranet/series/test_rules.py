"""The series' rules: the next session of a theme, the absentees not made up,
re-registration and what a holder missed."""

from coop.content.common.errors import InputError
from coop.content.intranet.series import absentees
from coop.content.intranet.series import missed_workshops
from coop.content.intranet.series import next_session
from coop.content.intranet.series import register_to_next
from coop.content.intranet.series import reregister
from datetime import datetime
from datetime import timedelta
from zope.i18n import translate

import pytest
import pytz
import transaction


def test_the_next_session_is_the_earliest_later_open_one_of_the_theme(
    missed, make_workshop
):
    assert next_session(missed) is None
    make_workshop("autre-theme", days=2, theme="commercial")
    make_workshop("fermee", days=3, registration_open=False)
    make_workshop("plus-tard", days=20)
    make_workshop("plus-tot-passee", days=-2)
    soon = make_workshop("bientot", days=5)
    assert next_session(missed) == soon
    assert next_session(soon).getId() == "plus-tard"


def test_a_session_under_way_is_no_next_session(missed, make_workshop):
    now = datetime.now(pytz.utc)
    make_workshop(
        "en-cours", start=now - timedelta(hours=1), end=now + timedelta(hours=2)
    )
    assert next_session(missed) is None


def test_absentees_are_the_absent_who_attended_no_later_session(
    missed, make_workshop, attendance, userid_of
):
    assert [r["userid"] for r in absentees(missed)] == [userid_of("holder")]
    made_up = make_workshop("rattrapage", days=-3)
    attendance(made_up, holder="attended")
    assert absentees(missed) == []


def test_attending_another_theme_or_an_earlier_session_makes_nothing_up(
    missed, make_workshop, attendance, userid_of
):
    attendance(
        make_workshop("commercial", days=-3, theme="commercial"), holder="attended"
    )
    attendance(make_workshop("avant", days=-20), holder="attended")
    attendance(make_workshop("absent-encore", days=-2), holder="absent")
    assert [r["userid"] for r in absentees(missed)] == [userid_of("holder")]


def test_reregister_registers_the_absentees_once(missed, following, userid_of):
    target, records = reregister(missed, by=userid_of("trainer"))
    transaction.commit()
    assert target == following
    assert [(r["userid"], r["status"]) for r in records] == [
        (userid_of("holder"), "registered")
    ]
    assert records[0]["by"] == userid_of("trainer")
    # Again: they are registered already.
    assert reregister(missed) == (following, [])


def test_reregister_without_a_next_session_is_refused_in_french(missed):
    with pytest.raises(InputError) as error:
        reregister(missed)
    message = translate(error.value.message, target_language="fr")
    assert "Aucune session à venir du thème « Gestion »" in message


def test_a_full_next_session_puts_the_absentees_on_its_waiting_list(
    missed, full_following
):
    target, (record,) = reregister(missed)
    assert target == full_following
    assert record["status"] == "waitlisted"


def test_a_holder_missed_per_theme_until_made_up(
    missed, following, make_workshop, attendance, userid_of
):
    holder = userid_of("holder")
    assert missed_workshops(userid_of("other_holder")) == []
    earlier = attendance(make_workshop("gestion-ancienne", days=-14), holder="absent")
    commercial = attendance(
        make_workshop("commercial", days=-2, theme="commercial"), holder="absent"
    )
    series = missed_workshops(holder)
    assert [item["theme"] for item in series] == ["commercial", "gestion"]
    assert series[0]["theme_title"] == "Commercial"
    assert series[0]["missed"] == [commercial]
    assert series[0]["next"] is None
    assert series[1]["missed"] == [earlier, missed]
    assert series[1]["next"] == following
    assert series[1]["registration"] is None
    target, record = register_to_next(missed, holder)
    assert target == following
    assert missed_workshops(holder)[1]["registration"]["id"] == record["id"]
    attendance(
        make_workshop("commercial-2", days=-1, theme="commercial"), holder="attended"
    )
    assert [item["theme"] for item in missed_workshops(holder)] == ["gestion"]


def test_register_to_next_refuses_in_french(missed, userid_of, following):
    with pytest.raises(InputError):
        register_to_next(missed, userid_of("trainer"))
    register_to_next(missed, userid_of("holder"))
    with pytest.raises(InputError) as error:
        register_to_next(missed, userid_of("holder"))
    assert "déjà inscrit" in translate(error.value.message, target_language="fr")
