"""The appointments' folder: a member's upcoming and past appointments, and
their week, Monday to Sunday, with the previous and next weeks."""

from datetime import timedelta
from lxml import html
from tests.intranet.conftest import at

import pytest


@pytest.fixture
def page(appointments_folder, intranet_session):
    def get(persona, view="", **params):
        response = intranet_session(persona, api=False).get(
            f"{appointments_folder.absolute_url()}{view}",
            params=params,
            headers={"Accept": "text/html"},
        )
        assert response.status_code == 200, response.status_code
        return html.fromstring(response.text)

    return get


def subjects(root, section=""):
    return [
        a.text_content().strip()
        for a in root.xpath(
            f"{section}//article[contains(@class, 'coop-appointment')]//h3/a"
        )
    ]


@pytest.fixture
def planned(make_appointment, userid_of):
    make_appointment("bientot", days=2, subject="Point mensuel")
    make_appointment("passe", days=-7, subject="Premier entretien")
    make_appointment(
        "autre",
        days=3,
        subject="Point de Paul",
        entrepreneur=userid_of("other_holder"),
        coach=userid_of("other_coach"),
    )


UPCOMING = "//section[@class='coop-upcoming-appointments']"
PAST = "//section[@class='coop-past-appointments']"


def test_the_holder_sees_their_upcoming_and_past_appointments(planned, page):
    root = page("holder")
    assert subjects(root, UPCOMING) == ["Point mensuel"]
    assert subjects(root, PAST) == ["Premier entretien"]
    (with_whom,) = root.xpath(f"{UPCOMING}//*[@class='coop-appointment-with']")
    assert " ".join(with_whom.text_content().split()) == "Avec Nadia Benali"
    assert not root.xpath("//a[contains(@class, 'coop-plan')]")


def test_a_coach_sees_theirs_and_may_plan(planned, page, appointments_folder):
    root = page("other_coach")
    assert subjects(root, UPCOMING) == ["Point de Paul"]
    assert subjects(root, PAST) == []
    (plan,) = root.xpath("//a[contains(@class, 'coop-plan')]/@href")
    assert plan == f"{appointments_folder.absolute_url()}/++add++Appointment"


def test_an_administrator_sees_every_one(planned, page):
    assert subjects(page("site_administrator"), UPCOMING) == [
        "Point mensuel",
        "Point de Paul",
    ]


def week_of(days):
    day = at(days).date()
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}", day - timedelta(days=day.weekday())


def test_the_week_runs_monday_to_sunday(make_appointment, page):
    make_appointment("semaine", days=14, subject="Point de la semaine")
    make_appointment("suivante", days=21, subject="Point suivant")
    week, monday = week_of(14)
    root = page("trainer", "/@@semaine", week=week)
    days = root.xpath("//section[contains(@class, 'coop-day')]")
    assert len(days) == 7
    assert days[0].xpath("string(h2)").startswith("lundi ")
    assert days[6].xpath("string(h2)").startswith("dimanche ")
    day = (at(14).date() - monday).days
    assert subjects(days[day]) == ["Point de la semaine"]
    assert subjects(root) == ["Point de la semaine"]
    assert "14 h 30 – 15 h 30" in days[day].text_content()
    previous = root.xpath("//a[contains(@class, 'coop-previous-week')]/@href")[0]
    following = root.xpath("//a[contains(@class, 'coop-next-week')]/@href")[0]
    assert previous.endswith(f"week={week_of(7)[0]}")
    assert following.endswith(f"week={week_of(21)[0]}")
    assert subjects(page("trainer", "/@@semaine", week=week_of(21)[0])) == [
        "Point suivant"
    ]


def test_the_week_is_this_week_by_default(make_appointment, page):
    make_appointment("aujourdhui", days=0, subject="Point du jour")
    root = page("holder", "/@@semaine")
    today = root.xpath("//section[contains(@class, 'coop-today')]")
    assert len(today) == 1
    assert subjects(today[0]) == ["Point du jour"]
    assert not root.xpath("//*[contains(@class, 'coop-error')]")


@pytest.mark.parametrize(
    "week", ["2026-W60", "demain", "2026-W5", "<script>alert(1)</script>", "9" * 500]
)
def test_a_bad_week_is_refused_in_french(page, week):
    root = page("trainer", "/@@semaine", week=week)
    (error,) = root.xpath("//*[contains(@class, 'coop-error')]")
    assert "n'existe pas (écrivez-la ainsi : 2026-W05) : voici la semaine en cours" in (
        error.text_content()
    )
    assert root.xpath("//section[contains(@class, 'coop-today')]")
    assert not root.xpath("//script[contains(., 'alert(1)')]")


def test_two_weeks_given_are_refused(page):
    root = page("trainer", "/@@semaine", week=["2026-W05", "2026-W06"])
    assert root.xpath("//*[contains(@class, 'coop-error')]")
    assert root.xpath("//section[contains(@class, 'coop-today')]")
