"""The agenda /agenda: upcoming events by kind and by month, the past
on demand, the project holders at a fair, and the iCalendar files."""

from coop.content.common.dates import french_month
from lxml import html
from plone import api
from plone.event.interfaces import IEventAccessor
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import pytest
import transaction


@pytest.fixture
def agenda(make_event, functional_portal):
    """A meeting in 10 days, a fair in 45, a monthly meeting past, a private one."""
    meeting = make_event("information", days=10, capacity=12)
    fair = make_event(
        "salon",
        days=45,
        hours=8,
        title="Salon des créateurs",
        event_kind="salon",
        registration_open=False,
        other_exhibitors=["Atelier sans page"],
    )
    make_event(
        "mensuelle-passee",
        days=-20,
        title="Réunion passée",
        event_kind="reunion_mensuelle",
    )
    # In preparation, at the meeting's time.
    make_event("brouillon", title="Événement en préparation", published=False)
    with api.env.adopt_roles(["Manager"]):
        holders = functional_portal["porteurs-de-projet"]
        # One page per holder: two pages, two holders.
        public = api.content.create(
            container=holders,
            type="ProjectHolder",
            title="Céramiques du Semnoz",
            holder="ceramiste",
        )
        api.content.transition(obj=public, to_state="published")
        private = api.content.create(
            container=holders,
            type="ProjectHolder",
            title="Page pas encore publiée",
            holder="debutant",
        )
        intids = getUtility(IIntIds)
        fair.exhibitors = [
            RelationValue(intids.getId(public)),
            RelationValue(intids.getId(private)),
        ]
    transaction.commit()
    return {"meeting": meeting, "fair": fair, "holder": public}


def events_on(page):
    tree = html.fromstring(page.text)
    return [
        (
            section.xpath("string(h2)"),
            [a.text_content() for a in section.xpath(".//h3/a")],
        )
        for section in tree.xpath("//section[contains(@class, 'coop-month')]")
    ]


def test_upcoming_public_events_by_month(agenda, browser):
    page = browser.get(f"{api.portal.get().absolute_url()}/agenda")
    assert page.status_code == 200
    meeting, fair = agenda["meeting"], agenda["fair"]
    assert events_on(page) == [
        (french_month(IEventAccessor(meeting).start), [meeting.Title()]),
        (french_month(IEventAccessor(fair).start), ["Salon des créateurs"]),
    ]
    tree = html.fromstring(page.text)
    # Registration where it is open, with the seats left.
    (register,) = tree.xpath("//a[contains(@class, 'coop-register')]/@href")
    assert register == f"{meeting.absolute_url()}/@@inscription-evenement"
    assert "12 place(s) restante(s)" in page.text
    assert " h 30 à " in page.text


def test_the_fair_shows_its_project_holders(agenda, browser):
    page = browser.get(f"{api.portal.get().absolute_url()}/agenda")
    tree = html.fromstring(page.text)
    items = tree.xpath("//div[contains(@class, 'coop-exhibitors')]//li")
    assert [li.text_content().strip() for li in items] == [
        "Céramiques du Semnoz",
        "Atelier sans page",
    ]
    assert items[0].xpath("a/@href") == [agenda["holder"].absolute_url()]
    assert items[1].xpath("a") == []
    assert "Page pas encore publiée" not in page.text
    # The fair's own page says the same.
    fair_page = browser.get(agenda["fair"].absolute_url())
    assert "Céramiques du Semnoz" in fair_page.text
    assert "Page pas encore publiée" not in fair_page.text


@pytest.mark.parametrize(
    "query, titles",
    [
        ("?type=salon", ["Salon des créateurs"]),
        ("?type=information_collective", ["Réunion d'information collective"]),
        ("?type=reunion_mensuelle", []),
        ("?passes=1", ["Réunion passée"]),
        ("?passes=1&type=salon", []),
        ("?type=<script>", ["Réunion d'information collective", "Salon des créateurs"]),
        (
            "?type=salon&type=reunion_mensuelle",
            ["Réunion d'information collective", "Salon des créateurs"],
        ),
    ],
)
def test_by_kind_and_the_past_on_demand(agenda, browser, query, titles):
    page = browser.get(f"{api.portal.get().absolute_url()}/agenda{query}")
    assert page.status_code == 200
    assert [title for _, month in events_on(page) for title in month] == titles
    assert "<script>" not in page.text


def test_the_event_page_offers_registration_and_staff_the_list(
    agenda, browser, agenda_session
):
    meeting = agenda["meeting"]
    page = html.fromstring(browser.get(meeting.absolute_url()).text)
    assert page.xpath("//a[contains(@class, 'coop-register')]/@href") == [
        f"{meeting.absolute_url()}/@@inscription-evenement"
    ]
    assert not page.xpath("//a[contains(@class, 'coop-manage-registrations')]")
    transaction.commit()
    coach = agenda_session("coach", api=False)
    coach.headers["Accept"] = "text/html"
    page = html.fromstring(coach.get(meeting.absolute_url()).text)
    assert page.xpath("//a[contains(@class, 'coop-manage-registrations')]/@href") == [
        f"{meeting.absolute_url()}/@@inscriptions"
    ]


def test_each_event_as_ics(agenda, browser):
    meeting = agenda["meeting"]
    response = browser.get(f"{meeting.absolute_url()}/ics_view")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    assert response.text.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Réunion d'information collective" in response.text


def test_the_feed_of_upcoming_public_events(agenda, browser):
    response = browser.get(f"{api.portal.get().absolute_url()}/agenda/@@agenda.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    body = response.content.decode("utf-8")
    summaries = [line for line in body.splitlines() if line.startswith("SUMMARY:")]
    assert summaries == [
        "SUMMARY:Réunion d'information collective",
        "SUMMARY:Salon des créateurs",
    ]
