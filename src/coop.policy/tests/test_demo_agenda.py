"""The demo agenda: upcoming events of each kind, a full meeting, fairs."""

from collections import Counter
from coop.content.agenda.registrations.store import get_store
from coop.policy.setuphandlers.demo_agenda import AGENDA
from datetime import datetime
from plone import api

import pytest


@pytest.fixture
def agenda(demo):
    return demo["agenda"]


def test_upcoming_events_of_each_kind_a_full_meeting_and_fairs(agenda):
    # One test: applying the demo profile takes a while.
    events = api.content.find(context=agenda, portal_type="Event")
    kinds = Counter(brain.getObject().event_kind for brain in events)
    assert kinds == {"information_collective": 3, "reunion_mensuelle": 3, "salon": 3}
    now = datetime.now().astimezone()
    for brain in events:
        event = brain.getObject()
        assert api.content.get_state(obj=event) == "published"
        assert event.start > now
        assert event.start.weekday() < 5
    (full,) = [event for event in AGENDA if event.people]
    statuses = [record["status"] for record in get_store(agenda[full.id]).records()]
    waiting = len(full.people) - full.capacity
    assert statuses == ["registered"] * full.capacity + ["waitlisted"] * waiting
    for event in AGENDA:
        if event.event_kind == "salon":
            fair = agenda[event.id]
            assert fair.registration_open is False
            assert fair.other_exhibitors == list(event.other_exhibitors)
