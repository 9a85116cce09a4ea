"""@calendar-token: the secret address of the caller's calendar (GET, POST, DELETE)."""

from concurrent.futures import ThreadPoolExecutor

import pytest


MEMBERS = ("holder", "other_holder", "trainer", "other_coach", "site_administrator")
NO_CALENDAR = (
    "Seuls les membres de l'intranet (porteurs de projet, accompagnateurs et "
    "administrateurs) ont un agenda."
)


@pytest.mark.parametrize("persona", MEMBERS)
def test_a_member_makes_reads_and_revokes_their_address(
    persona, intranet_session, token_url, calendar_of, request_factory
):
    session = intranet_session(persona)
    assert session.get(token_url).json() == {"url": None}
    made = session.post(token_url)
    assert made.status_code == 200
    address = made.json()["url"]
    assert session.get(token_url).json() == {"url": address}
    calendar_of(url=address)
    assert session.delete(token_url).status_code == 204
    assert session.get(token_url).json() == {"url": None}
    assert request_factory().get(address).status_code == 401


def test_each_member_has_an_address_of_their_own(new_address, calendar_of):
    holder = new_address("holder")
    other_holder = new_address("other_holder")
    assert holder != other_holder
    # Paul's new address leaves Inès's working.
    calendar_of(url=holder)


def test_a_body_changes_nothing(intranet_session, token_url, portal_url):
    session = intranet_session("holder")
    body = {"url": "https://ailleurs.example/x", "token": "choisi"}
    address = session.post(token_url, json=body).json()["url"]
    assert address == session.get(token_url).json()["url"]
    assert address.startswith(f"{portal_url}/++api++/@calendar?token=")
    assert not address.endswith("choisi")


def test_anonymous_has_no_address(intranet_people, intranet_session, token_url):
    session = intranet_session("anonymous")
    for method in ("get", "post", "delete"):
        assert getattr(session, method)(token_url).status_code == 401


@pytest.mark.parametrize("persona", ["buyer", "cooperative"])
def test_outsiders_have_no_address(persona, intranet_session, token_url):
    session = intranet_session(persona)
    for method in ("get", "post", "delete"):
        response = getattr(session, method)(token_url)
        assert response.status_code == 403
        assert response.json()["message"] == NO_CALENDAR


def test_addresses_made_at_once_leave_one_each(
    intranet_session, token_url, request_factory
):
    """Two members, or one member twice, at once: one working address each."""
    personas = ["holder", "other_holder", "trainer", "other_coach"] * 3

    def renew(persona):
        response = intranet_session(persona).post(token_url)
        assert response.status_code == 200
        return persona, response.json()["url"]

    with ThreadPoolExecutor(max_workers=6) as pool:
        made = list(pool.map(renew, personas))
    for persona in set(personas):
        current = intranet_session(persona).get(token_url).json()["url"]
        working = [
            url
            for who, url in made
            if who == persona and request_factory().get(url).status_code == 200
        ]
        assert working == [current]
