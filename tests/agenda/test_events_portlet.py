"""Plone's events portlet, on every page: each visitor gets French dates and
the events they may see, whoever came before (coop.policy.portlets.events)."""

from datetime import timedelta
from lxml import html
from plone import api
from plone.event.interfaces import IEventAccessor

import transaction


# One after the other: the first fills plone.app.event's cache. The agenda's
# staff sees the events in preparation.
VISITORS = ("anonymous", "coach", "anonymous", "entrepreneur", "site_administrator")
STAFF = ("coach", "site_administrator")


def portlet_events(session):
    """(title, details) of each event the home page's events portlet lists."""
    session.headers["Accept"] = "text/html"
    page = html.fromstring(session.get(api.portal.get().absolute_url()).text)
    (portlet,) = page.cssselect(".portletEvents")
    return [
        (
            item.cssselect("a")[0].text_content().strip(),
            " ".join(item.cssselect(".portletItemDetails")[0].text_content().split()),
        )
        for item in portlet.cssselect(".portletItem")
    ]


def test_every_visitor_gets_french_dates_and_the_events_they_may_see(
    make_event, agenda_session, functional_portal
):
    meeting = make_event()
    start = IEventAccessor(meeting).start
    make_event("brouillon", title="Événement en préparation", published=False)
    transaction.commit()
    for visitor in VISITORS:
        events = dict(portlet_events(agenda_session(visitor, api=False)))
        details = events.pop("Réunion d'information collective")
        assert details.startswith(f"{start:%d/%m/%Y} 10:30 (Europe/Paris)"), visitor
        drafts = ["Événement en préparation"] if visitor in STAFF else []
        assert list(events) == drafts, visitor


def test_a_weekly_event_shows_each_date_in_french(make_event, agenda_session):
    weekly = make_event(
        title="Permanence hebdomadaire", recurrence="RRULE:FREQ=WEEKLY;COUNT=3"
    )
    start = IEventAccessor(weekly).start
    transaction.commit()
    weeks = [start + timedelta(weeks=week) for week in range(3)]
    for visitor in ("anonymous", "anonymous"):
        events = portlet_events(agenda_session(visitor, api=False))
        assert [title for title, _details in events] == [weekly.title] * 3
        assert [details[:16] for _title, details in events] == [
            f"{day:%d/%m/%Y} 10:30" for day in weeks
        ]
