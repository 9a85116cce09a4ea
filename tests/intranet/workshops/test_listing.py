"""The workshops' folder: its sessions by month and theme, the past ones on
demand, the seats left, and the coaches' flag on overdue attendance."""

from coop.content.common.dates import french_month
from coop.content.intranet.workshops.interfaces import IWorkshopsFolder
from coop.content.intranet.workshops.registrations import set_status
from lxml import html

import pytest
import transaction


def sessions(page):
    """The titles of the listed sessions' links, in order."""
    return page.xpath("//article[contains(@class, 'coop-session')]//h3/a/@href")


@pytest.fixture
def folder(functional_portal):
    return functional_portal["intranet"]["ateliers"]


@pytest.fixture
def listing(folder, intranet_browser):
    """The listing as `persona` sees it, with `params`, parsed."""

    def get(persona, **params):
        response = intranet_browser(persona).get(folder.absolute_url(), params=params)
        assert response.status_code == 200, response.status_code
        return html.fromstring(response.text)

    return get


def test_the_folder_shows_its_listing(folder):
    assert IWorkshopsFolder.providedBy(folder)
    assert folder.getLayout() == "workshops"


def test_upcoming_sessions_by_month_with_their_seats(make_workshop, listing, seated):
    later = make_workshop(id="plus-tard", days=40, capacity=5)
    soon = make_workshop(id="bientot", days=2, capacity=3)
    make_workshop(id="passe", days=-3)
    seated(soon, "other_holder")
    page = listing("holder")
    assert sessions(page) == [soon.absolute_url(), later.absolute_url()]
    seats = page.xpath("//p[@class='coop-seats']/text()")
    assert [" ".join(text.split()) for text in seats] == [
        "2 place(s) restante(s)",
        "5 place(s) restante(s)",
    ]
    months = page.xpath("//section[@class='coop-month']/h2/text()")
    assert months == list(dict.fromkeys(french_month(w.start) for w in (soon, later)))


def test_past_sessions_on_demand(make_workshop, listing):
    make_workshop(id="a-venir", days=5)
    older = make_workshop(id="ancien", days=-20)
    recent = make_workshop(id="recent", days=-3)
    page = listing("holder")
    (link,) = page.xpath("//a[@class='coop-past-sessions']/@href")
    assert link.endswith("?passes=1")
    page = listing("holder", passes="1")
    assert sessions(page) == [recent.absolute_url(), older.absolute_url()]
    assert page.xpath("//a[@class='coop-upcoming-sessions']")


def test_filter_by_theme(make_workshop, listing):
    gestion = make_workshop(id="gestion", theme="gestion")
    juridique = make_workshop(id="juridique", theme="juridique", days=12)
    page = listing("holder", theme="juridique")
    assert sessions(page) == [juridique.absolute_url()]
    current = page.xpath("//nav//a[@aria-current='page']/text()")
    assert current == ["Juridique"]
    everything = [gestion.absolute_url(), juridique.absolute_url()]
    for theme in ("inconnu", "<script>alert(1)</script>", ["gestion", "juridique"]):
        page = listing("holder", theme=theme)
        assert sessions(page) == everything
        assert "<script>alert(1)</script>" not in html.tostring(page).decode()


def test_a_holder_sees_their_status(make_workshop, listing, attendance):
    workshop = make_workshop(capacity=1)
    attendance(workshop, other_holder="registered", holder="waitlisted")
    page = listing("holder")
    (mine,) = page.xpath("//p[@class='coop-session-mine']")
    assert " ".join(mine.text_content().split()) == (
        "Mon inscription : Liste d'attente"
    )


@pytest.mark.parametrize("persona", ["trainer", "other_coach", "site_administrator"])
def test_coaches_see_overdue_attendance_flagged(
    make_workshop, listing, seated, persona, records
):
    overdue = make_workshop(id="en-retard", days=-3)
    recent = make_workshop(id="hier", days=-1)
    marked = make_workshop(id="marque", days=-4)
    seated(overdue, "holder")
    seated(recent, "holder")
    (record,) = seated(marked, "holder")
    set_status(marked, record["id"], "absent")
    transaction.commit()
    page = listing(persona, passes="1")
    flagged = page.xpath(
        "//article[contains(@class, 'coop-session')]"
        "[.//p[contains(@class, 'coop-attendance-overdue')]]//h3/a/@href"
    )
    assert flagged == [overdue.absolute_url()]
    assert "Présences non saisies" in page.text_content()
    page = listing("holder", passes="1")
    assert not page.xpath("//p[contains(@class, 'coop-attendance-overdue')]")


def test_outsiders_see_no_listing(make_workshop, folder, intranet_browser, outsider):
    make_workshop()
    response = intranet_browser(outsider).get(folder.absolute_url())
    assert "Construire son prévisionnel" not in response.text
    steps = [response.url, *(step.url for step in response.history)]
    assert response.status_code in (401, 403) or any(
        "require_login" in url for url in steps
    )
