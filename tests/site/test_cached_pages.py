"""What every page keeps in RAM caches stays right: the global navigation
(coop.theme) and the events portlet (coop.policy).

Both are kept under the counter that every change of content moves
(coop.content.common.cachekeys) and under who asks; each request writes what
it shows in its own language.
"""

from lxml import html
from plone import api
from plone.event.interfaces import IEventAccessor
from zope.lifecycleevent import modified

import pytest
import transaction


HTML = {"Accept": "text/html"}


def menu(session):
    """{address: label} of the global navigation's links."""
    page = html.fromstring(session.get("/", headers=HTML).text)
    (nav,) = page.cssselect("#portal-globalnav")
    return {link.get("href"): link.text_content().strip() for link in nav.iter("a")}


def portlet(session):
    """{title: dates} of the events that the home page's events portlet lists."""
    page = html.fromstring(session.get("/", headers=HTML).text)
    (box,) = page.cssselect(".portletEvents")
    return {
        item.cssselect("a")[0].text_content().strip(): " ".join(
            item.cssselect(".portletItemDetails")[0].text_content().split()
        )
        for item in box.cssselect(".portletItem")
    }


@pytest.fixture
def section(functional_portal):
    """A published folder at the top of the site."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=functional_portal,
            type="Folder",
            id="chantiers",
            title="Chantiers",
        )
        api.content.transition(obj=folder, transition="publish")
    transaction.commit()
    return folder


def test_a_sections_edit_withdrawal_and_move_show_at_once(section, request_factory):
    anonymous = request_factory(api=False)
    site = api.portal.get().absolute_url()
    assert menu(anonymous)[f"{site}/chantiers"] == "Chantiers"
    assert menu(anonymous)[f"{site}/chantiers"] == "Chantiers"
    section.title = "Nos chantiers"
    modified(section)
    transaction.commit()
    assert menu(anonymous)[f"{site}/chantiers"] == "Nos chantiers"
    with api.env.adopt_roles(["Manager"]):
        api.content.rename(obj=section, new_id="realisations")
    transaction.commit()
    links = menu(anonymous)
    assert f"{site}/chantiers" not in links
    assert links[f"{site}/realisations"] == "Nos chantiers"
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(
            obj=api.portal.get()["realisations"], transition="retract"
        )
    transaction.commit()
    assert f"{site}/realisations" not in menu(anonymous)
    assert f"{site}/realisations" in menu(request_factory(role="Manager", api=False))


def test_an_events_edit_and_removal_show_at_once(make_event, request_factory):
    event = make_event()
    transaction.commit()
    anonymous = request_factory(api=False)
    assert list(portlet(anonymous)) == [event.title]
    assert list(portlet(anonymous)) == [event.title]
    event.title = "Réunion d'information, salle B"
    modified(event)
    transaction.commit()
    assert list(portlet(anonymous)) == ["Réunion d'information, salle B"]
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=event)
    transaction.commit()
    page = html.fromstring(anonymous.get("/", headers=HTML).text)
    assert not page.cssselect(".portletEvents .portletItem")


@pytest.fixture
def bilingual(functional_portal):
    """The site in French and English, each request in the language it asks for."""
    api.portal.set_registry_record("plone.available_languages", ["fr", "en"])
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    transaction.commit()


def test_the_events_portlet_never_shows_another_requests_language(
    make_event, bilingual, request_factory
):
    event = make_event()
    start = IEventAccessor(event).start
    transaction.commit()
    french = f"{start:%d/%m/%Y} 10:30"
    for language in ("en", "fr", "en", "fr"):
        session = request_factory(api=False)
        session.headers["Accept-Language"] = language
        dates = portlet(session)[event.title]
        assert (french in dates) == (language == "fr"), (language, dates)
