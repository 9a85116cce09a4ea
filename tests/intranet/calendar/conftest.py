"""Fixtures of the calendars' tests: registrations, calendars read back, tokens.

What a fixture changes is committed, so that the test server sees it.
"""

from coop.content.intranet.workshops.registrations import register_holder
from coop.content.intranet.workshops.registrations import set_status
from plone import api

import icalendar
import pytest
import transaction


@pytest.fixture
def portal_url(functional_portal):
    return functional_portal.absolute_url()


@pytest.fixture
def calendar_url(portal_url):
    """The address of @calendar, through ++api++ as calendar apps read it."""
    return f"{portal_url}/++api++/@calendar"


@pytest.fixture
def token_url(portal_url):
    return f"{portal_url}/@calendar-token"


@pytest.fixture
def register(userid_of):
    """Register `persona` to `workshop`, then give the record `status`; committed."""

    def register(workshop, persona, status=None):
        with api.env.adopt_roles(["Manager"]):
            record = register_holder(workshop, userid_of(persona))
            if status is not None:
                record = set_status(workshop, record["id"], status)
        transaction.commit()
        return record

    return register


def _parse(response):
    assert response.status_code == 200, (response.status_code, response.text)
    assert response.headers["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def parse():
    """The calendar (icalendar.Calendar) of a response, which must be one."""
    return _parse


@pytest.fixture
def events():
    """{summary: event} of the events of a calendar."""

    def events(calendar):
        return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}

    return events


@pytest.fixture
def calendar_of(intranet_session, calendar_url):
    """The calendar `persona` reads at `url`: their own, or that of `token`."""

    def calendar(persona="anonymous", token=None, url=None):
        params = {} if token is None else {"token": token}
        session = intranet_session(persona)
        return _parse(session.get(url or calendar_url, params=params))

    return calendar


@pytest.fixture
def new_address(intranet_session, token_url):
    """A new secret address of `persona`'s calendar (POST @calendar-token)."""

    def address(persona):
        response = intranet_session(persona).post(token_url)
        assert response.status_code == 200, response.text
        return response.json()["url"]

    return address
