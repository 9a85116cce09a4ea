"""GET @calendar: a member's workshops and appointments, with a login or a token."""

from datetime import timedelta
from plone import api

import pytest
import transaction


NOTES = "Relancer le devis de la mairie."
BAD_TOKEN = "Cette adresse d'agenda n'est pas valable"


@pytest.fixture
def sessions(make_workshop, make_appointment, register, userid_of):
    """The holder's sessions and appointments, and some that are not theirs."""
    seated = make_workshop("seated", title="Construire son prévisionnel", capacity=1)
    register(seated, "holder")
    full = make_workshop("full", days=12, title="Trouver ses clients", capacity=1)
    register(full, "other_holder")
    register(full, "holder")
    cancelled = make_workshop("cancelled", days=14, title="Fixer ses prix")
    register(cancelled, "holder", status="cancelled")
    make_workshop("elsewhere", days=16, title="Animer sa page")
    other_trainer = make_workshop(
        "other-trainer",
        days=18,
        title="Gérer sa trésorerie",
        trainer=userid_of("other_coach"),
    )
    register(other_trainer, "other_holder")
    own = make_appointment("own", subject="Point mensuel", notes=NOTES)
    make_appointment("called-off", days=5, subject="Bilan annuel", status="cancelled")
    make_appointment(
        "someone-else",
        days=4,
        subject="Point de Paul",
        entrepreneur=userid_of("other_holder"),
        coach=userid_of("other_coach"),
    )
    return {"seated": seated, "full": full, "own": own}


def test_a_holder_reads_their_calendar(sessions, calendar_of, events):
    calendar = calendar_of("holder")
    assert str(calendar["X-WR-CALNAME"]) == "Mon agenda de l'intranet"
    mine = events(calendar)
    assert sorted(mine) == [
        "Bilan annuel",
        "Construire son prévisionnel",
        "Point mensuel",
        "Trouver ses clients",
    ]
    assert str(mine["Construire son prévisionnel"]["STATUS"]) == "CONFIRMED"
    # On the waiting list: the seat is not sure yet.
    assert str(mine["Trouver ses clients"]["STATUS"]) == "TENTATIVE"
    assert str(mine["Bilan annuel"]["STATUS"]) == "CANCELLED"
    assert str(mine["Point mensuel"]["STATUS"]) == "CONFIRMED"
    seated = sessions["seated"]
    assert mine["Construire son prévisionnel"].start == seated.start
    assert mine["Construire son prévisionnel"].end == seated.start + timedelta(hours=3)
    assert (
        mine["Construire son prévisionnel"]["DTSTART"].params["TZID"] == "Europe/Paris"
    )
    assert mine["Point mensuel"].start == sessions["own"].start
    assert [tz.tz_name for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_the_calendar_never_holds_the_notes(sessions, intranet_session, calendar_url):
    for persona in ("holder", "trainer"):
        response = intranet_session(persona).get(calendar_url)
        assert "Point mensuel" in response.content.decode("utf-8")
        assert "Relancer" not in response.content.decode("utf-8")


def test_a_coach_reads_the_sessions_they_train_and_their_appointments(
    sessions, calendar_of, events
):
    assert sorted(events(calendar_of("trainer"))) == [
        "Animer sa page",
        "Bilan annuel",
        "Construire son prévisionnel",
        "Fixer ses prix",
        "Point mensuel",
        "Trouver ses clients",
    ]
    assert sorted(events(calendar_of("other_coach"))) == [
        "Gérer sa trésorerie",
        "Point de Paul",
    ]


def test_an_administrator_has_a_calendar_of_their_own(sessions, calendar_of, events):
    assert events(calendar_of("site_administrator")) == {}


def test_the_calendar_goes_a_year_back(make_workshop, register, calendar_of, events):
    for name, days in (("last-month", -30), ("two-years-ago", -700)):
        workshop = make_workshop(name, days=10, title=name)
        register(workshop, "holder")
        workshop.start -= timedelta(days=10 - days)
        workshop.end -= timedelta(days=10 - days)
        workshop.reindexObject()
        transaction.commit()
    assert sorted(events(calendar_of("holder"))) == ["last-month"]


def test_a_calendar_app_reads_it_with_the_secret_address(
    sessions, new_address, calendar_of, events
):
    address = new_address("holder")
    assert address.startswith(
        f"{sessions['own'].portal_url()}/++api++/@calendar?token="
    )
    assert events(calendar_of(url=address)) == events(calendar_of("holder"))


def test_a_token_opens_the_calendar_of_its_owner_only(
    sessions, new_address, calendar_of, events
):
    address = new_address("holder")
    # Paul, signed in, reads Inès's calendar with her address: never his own.
    mine = events(calendar_of("other_holder", url=address))
    assert "Point de Paul" not in mine
    assert "Point mensuel" in mine
    assert "Point de Paul" not in events(calendar_of(url=new_address("holder")))


def test_a_new_address_replaces_the_old_one(
    sessions, new_address, calendar_of, events, request_factory
):
    old = new_address("holder")
    new = new_address("holder")
    assert new != old
    assert "Point mensuel" in events(calendar_of(url=new))
    response = request_factory().get(old)
    assert response.status_code == 401
    assert BAD_TOKEN in response.json()["message"]


def test_a_revoked_address_stops_working(
    sessions, new_address, intranet_session, token_url, request_factory
):
    address = new_address("holder")
    assert intranet_session("holder").delete(token_url).status_code == 204
    response = request_factory().get(address)
    assert response.status_code == 401
    assert BAD_TOKEN in response.json()["message"]


@pytest.mark.parametrize(
    "token",
    [
        "",
        "a" * 10_000,
        "<script>alert('agenda')</script>",
        "b9iI7hsF6wnjUEJTSnANsHbMxO_5fPUnqcM4Radqcgo",
        ["one", "two"],
    ],
    ids=["empty", "oversized", "markup", "unknown", "twice"],
)
def test_a_wrong_token_opens_nothing(
    token, sessions, new_address, intranet_session, calendar_url
):
    new_address("holder")
    for persona in ("anonymous", "holder"):
        response = intranet_session(persona).get(calendar_url, params={"token": token})
        assert response.status_code == 401
        # The same answer for any wrong token: it tells nothing of the others.
        assert response.json() == {
            "type": "Unauthorized",
            "message": (
                "Cette adresse d'agenda n'est pas valable : générez-en une "
                "nouvelle depuis la page « Mon agenda » de l'intranet."
            ),
            "context": sessions["own"].portal_url(),
        }
        assert "<script>" not in response.text


def test_a_token_is_no_login(sessions, new_address, request_factory, portal_url):
    address = new_address("holder")
    token = address.partition("?token=")[2]
    session = request_factory()
    own = sessions["own"].absolute_url()
    for url in (own, f"{own}/@@ics_view", f"{portal_url}/@calendar-token"):
        response = session.get(url, params={"token": token})
        assert response.status_code == 401, url
        assert "Point mensuel" not in response.text


def test_without_a_login_nor_a_token_there_is_no_calendar(
    intranet_people, intranet_session, calendar_url
):
    response = intranet_session("anonymous").get(calendar_url)
    assert response.status_code == 401
    assert response.json()["message"] == (
        "Connectez-vous, ou utilisez l'adresse secrète de votre agenda."
    )


@pytest.mark.parametrize("persona", ["buyer", "cooperative"])
def test_only_intranet_members_have_a_calendar(persona, intranet_session, calendar_url):
    response = intranet_session(persona).get(calendar_url)
    assert response.status_code == 403
    assert response.json()["message"] == (
        "Seuls les membres de l'intranet (porteurs de projet, accompagnateurs et "
        "administrateurs) ont un agenda."
    )


def test_the_address_of_a_deleted_account_stops_working(
    sessions, new_address, userid_of, request_factory
):
    address = new_address("holder")
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(user=api.user.get(userid=userid_of("holder")))
    transaction.commit()
    assert request_factory().get(address).status_code == 401
