"""The coach's notes never reach the project holder: not on the page, not
over REST (the appointment, @search with full objects), not in the .ics,
not in the search; the coach and administrators read them."""

from lxml import html
from plone import api

import pytest


NOTES = "Relancer le devis de la mairie."
READERS = ("trainer", "site_administrator")


@pytest.fixture
def page(appointment, intranet_session):
    def get(persona):
        response = intranet_session(persona, api=False).get(
            appointment.absolute_url(), headers={"Accept": "text/html"}
        )
        assert response.status_code == 200
        return response.text

    return get


def test_the_page_shows_the_notes_to_the_coach_only(page):
    assert "Relancer" not in page("holder")
    for persona in READERS:
        notes = html.fromstring(page(persona)).xpath("//*[@class='coop-notes']")
        assert [node.text_content() for node in notes] == [NOTES]


def test_the_page_says_what_when_how_and_with_whom(page):
    root = html.fromstring(page("holder"))

    def text(css_class):
        return root.xpath(f"string(//*[@class='{css_class}'])").strip()

    assert text("coop-mode") == "En personne"
    assert text("coop-where") == "Bureau 2, 12 avenue de Genève, Annecy"
    assert text("coop-status") == "Prévu"
    assert text("coop-holder") == "Inès Morel"
    assert text("coop-coach") == "Nadia Benali"
    assert ", de 14 h 30 à 15 h 30" in text("coop-when")


def test_an_appointment_by_video_links_its_call(make_appointment, intranet_session):
    appointment = make_appointment(mode="video", video_url="https://visio.example/a")
    response = intranet_session("holder", api=False).get(
        appointment.absolute_url(), headers={"Accept": "text/html"}
    )
    links = html.fromstring(response.text).xpath("//*[@class='coop-video']/a/@href")
    assert links == ["https://visio.example/a"]


@pytest.mark.parametrize("field", ["subject", "location", "notes"])
def test_markup_is_shown_as_text(make_appointment, intranet_session, field):
    markup = "<script>alert(1)</script><b>gras</b>"
    appointment = make_appointment(**{field: markup})
    response = intranet_session("trainer", api=False).get(
        appointment.absolute_url(), headers={"Accept": "text/html"}
    )
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_rest_search_with_full_objects(
    appointment, intranet_session, functional_portal
):
    def found(persona):
        response = intranet_session(persona).get(
            f"{functional_portal.absolute_url()}/@search",
            params={"portal_type": "Appointment", "fullobjects": "1"},
        )
        (item,) = response.json()["items"]
        return item

    holder = found("holder")
    assert holder["subject"] == "Point mensuel"
    assert "notes" not in holder
    assert found("trainer")["notes"] == NOTES


def test_the_ics_holds_no_notes(appointment, intranet_session):
    for persona in ("holder", "trainer"):
        response = intranet_session(persona).get(
            f"{appointment.absolute_url()}/@@ics_view"
        )
        assert response.status_code == 200
        assert "BEGIN:VEVENT" in response.text
        assert "Relancer" not in response.text


@pytest.mark.parametrize("persona", ["holder", "trainer", "site_administrator"])
def test_the_search_never_finds_the_notes(appointment, intranet_session, persona):
    def search(text):
        response = intranet_session(persona).get(
            f"{api.portal.get().absolute_url()}/@search",
            params={"SearchableText": text, "portal_type": "Appointment"},
        )
        return [item["@id"] for item in response.json()["items"]]

    assert search("devis") == []
    assert search("mairie") == []
    assert search("mensuel") == [appointment.absolute_url()]
    assert search("Genève") == [appointment.absolute_url()]
