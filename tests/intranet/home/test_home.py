"""The /intranet home per persona: what each sees, and what they do not."""

from coop.content.agenda.registrations.store import get_store
from coop.content.common import cachekeys
from coop.content.intranet.workshops.registrations import holder_fields
from coop.content.intranet.workshops.registrations import registration_of
from coop.content.intranet.workshops.registrations import set_status
from lxml import html
from plone import api
from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster
from urllib.parse import urlsplit
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import transaction


COACH_SECTIONS = (
    ".coop-followed-holders",
    ".coop-trained-sessions",
    ".coop-sessions-to-mark",
)


def session_titles(page):
    return [
        " ".join(link.text_content().split())
        for link in page.cssselect(".coop-next-sessions .coop-session h3 a")
    ]


def test_the_intranet_folder_shows_the_home(functional_portal):
    assert functional_portal["intranet"].getLayout() == "intranet-home"


def test_a_holder_sees_the_next_open_sessions_with_their_registration(
    term, home, section_texts
):
    page = home("holder")
    # By date; the closed session is left out.
    assert session_titles(page) == [
        "Construire son budget",
        "Prospecter",
        "Créer son site",
    ]
    sessions = page.cssselect(".coop-next-sessions .coop-session")
    assert section_texts(sessions[0], ".coop-registration") == ["Inscrit·e"]
    assert section_texts(sessions[1], ".coop-registration") == ["En liste d'attente"]
    assert section_texts(sessions[1], ".coop-full") == [
        "Complet : les nouvelles inscriptions rejoignent la liste d'attente."
    ]
    assert section_texts(sessions[2], ".coop-registration") == []
    assert section_texts(sessions[2], ".coop-not-registered") == ["Pas inscrit·e"]
    (form,) = sessions[2].cssselect("form.coop-register")
    assert form.get("action") == term.open.absolute_url()
    assert form.get("method") == "post"
    assert section_texts(form, "button") == ["M'inscrire"]
    assert not sessions[0].cssselect("form") and not sessions[1].cssselect("form")
    assert section_texts(sessions[0], ".coop-session-theme") == ["Gestion"]
    assert "12 avenue de Genève" in section_texts(sessions[0], ".coop-session-where")[0]


def test_a_holder_sees_their_appointments_with_their_coach_only(term, home):
    page = home("holder")
    appointments = [
        " ".join(item.text_content().split())
        for item in page.cssselect(".coop-next-appointments .coop-appointment")
    ]
    (appointment,) = appointments
    assert appointment.startswith("Point mensuel — ")
    assert "— Nadia Benali" in appointment
    assert "— Bureau 2, 12 avenue de Genève, Annecy" in appointment
    assert "Relancer le devis" not in page.text_content()
    assert "Point de Paul" not in page.text_content()


def test_a_holder_sees_no_coach_section(term, home):
    page = home("holder")
    for section in COACH_SECTIONS:
        assert not page.cssselect(section), section
    assert "Lire son bilan" not in page.text_content()
    assert "Paul Girard" not in page.text_content()


def test_resources_and_questions_say_soon_until_there_are_some(term, home):
    page = home("holder")
    (resources,) = page.cssselect(".coop-latest-resources .coop-empty")
    assert resources.text_content().strip() == "Bientôt : pas encore de ressource."
    (questions,) = page.cssselect(".coop-open-questions .coop-empty")
    assert questions.text_content().strip() == "Bientôt : pas encore de question."


def test_resources_and_questions_fill_in_by_themselves(
    functional_portal, term, home, section_texts
):
    intranet = functional_portal["intranet"]
    with api.env.adopt_roles(["Manager"]):
        for folder, portal_type, title in (
            ("ressources", "Resource", "Modèle de devis"),
            ("questions", "Question", "Comment facturer un acompte ?"),
        ):
            api.content.create(
                container=intranet[folder], type=portal_type, title=title
            )
    transaction.commit()
    page = home("trainer")
    assert section_texts(page, ".coop-latest-resources .coop-resource a") == [
        "Modèle de devis"
    ]
    assert section_texts(page, ".coop-open-questions .coop-question a") == [
        "Comment facturer un acompte ?"
    ]


def test_the_register_button_registers_the_holder(
    term, home, browse, authenticator, userid_of, monkeypatch
):
    # The same minute throughout: the registration itself renews the home.
    monkeypatch.setattr(cachekeys, "minute", lambda: 0)
    page = home("holder")
    (form,) = page.cssselect("form.coop-register")
    data = {field.get("name"): field.get("value") for field in form.cssselect("input")}
    response = browse("holder").post(form.get("action"), data=data)
    assert response.status_code == 200
    transaction.begin()
    record = registration_of(term.open, userid_of("holder"))
    assert record["status"] == "registered"
    sessions = home("holder").cssselect(".coop-next-sessions .coop-session")
    assert not sessions[2].cssselect("form")
    assert [" ".join(sessions[2].cssselect(".coop-registration")[0].text.split())] == [
        "Inscrit·e"
    ]


def test_the_trainer_sees_whom_they_follow_what_they_train_and_what_to_mark(
    term, home, section_texts
):
    page = home("trainer")
    assert section_texts(page, ".coop-followed-holders .coop-holder") == ["Inès Morel"]
    (link,) = page.cssselect(".coop-followed-holders .coop-holder a")
    assert link.get("href") == term.files["holder"].absolute_url()
    trained = section_texts(page, ".coop-trained-sessions .coop-session a")
    assert trained == [
        "Construire son budget",
        "Prospecter",
        "Session réservée",
        "Créer son site",
    ]
    assert section_texts(page, ".coop-sessions-to-mark .coop-session a") == [
        "Lire son bilan"
    ]
    (appointment,) = section_texts(page, ".coop-next-appointments .coop-appointment")
    assert "— Inès Morel" in appointment
    # A coach registers nobody from here, and has no registration of their own.
    assert not page.cssselect("form.coop-register")
    assert not page.cssselect(".coop-registration")
    assert session_titles(page) == [
        "Construire son budget",
        "Prospecter",
        "Créer son site",
    ]


def test_another_coach_sees_only_theirs(term, home, section_texts):
    page = home("other_coach")
    assert section_texts(page, ".coop-followed-holders .coop-holder") == ["Paul Girard"]
    assert section_texts(page, ".coop-trained-sessions .coop-empty") == [
        "Aucune séance à venir."
    ]
    assert section_texts(page, ".coop-sessions-to-mark .coop-session a") == [
        "Fixer ses prix"
    ]
    (appointment,) = section_texts(page, ".coop-next-appointments .coop-appointment")
    assert appointment.startswith("Point de Paul")
    assert "Point mensuel" not in page.text_content()


def test_an_administrator_sees_everyone(term, home, section_texts):
    page = home("site_administrator")
    assert section_texts(page, ".coop-followed-holders .coop-holder") == [
        "Inès Morel",
        "Paul Girard",
    ]
    assert section_texts(page, ".coop-sessions-to-mark .coop-session a") == [
        "Lire son bilan",
        "Fixer ses prix",
    ]
    appointments = section_texts(page, ".coop-next-appointments .coop-appointment a")
    assert appointments == ["Point mensuel", "Point de Paul"]
    trained = section_texts(page, ".coop-trained-sessions .coop-session")
    assert len(trained) == 4
    assert trained[0].startswith("Construire son budget")
    assert "— Nadia Benali" in trained[0]


def test_nothing_to_show_is_said_in_french(people, home, section_texts):
    page = home("holder")
    assert section_texts(page, ".coop-next-sessions .coop-empty") == [
        "Aucune séance d'atelier n'est ouverte aux inscriptions pour le moment."
    ]
    assert section_texts(page, ".coop-next-appointments .coop-empty") == [
        "Aucun rendez-vous à venir."
    ]
    page = home("trainer")
    assert section_texts(page, ".coop-sessions-to-mark .coop-empty") == [
        "Toutes les séances passées ont leurs présences saisies."
    ]
    assert section_texts(page, ".coop-followed-holders .coop-empty") == [
        "Aucun porteur de projet pour le moment."
    ]


def test_parameters_change_nothing_and_markup_is_shown_as_text(
    term, home, functional_portal, section_texts
):
    term.open.title = "<script>alert('atelier')</script>"
    term.open.reindexObject()
    transaction.commit()
    page = home("holder", persona="coach", userid="<script>alert(1)</script>")
    for section in COACH_SECTIONS:
        assert not page.cssselect(section), section
    assert not page.cssselect(".coop-next-sessions script")
    assert "<script>alert('atelier')</script>" in session_titles(page)
    assert "alert(1)" not in page.text_content()


def test_a_holder_sees_the_workshops_they_missed(
    term, home, make_workshop, userid_of, section_texts
):
    missed = make_workshop(
        "numerique-0", days=-9, theme="numerique", title="Bien choisir ses outils"
    )
    store = get_store(missed, create=True)
    record = store.add(holder_fields(userid_of("holder")), capacity=12)
    set_status(missed, record["id"], "absent")
    transaction.commit()
    page = home("holder")
    (section,) = page.cssselect(".coop-missed-workshops")
    assert "Bien choisir ses outils" in section.text_content()
    assert "Créer son site" in section.text_content()
    assert section_texts(section, "button") == ["M'inscrire à la prochaine session"]
    # It stands among the holder's sections, not the coaches'.
    assert not home("trainer").cssselect(".coop-missed-workshops")


def test_a_members_lists_are_kept_until_something_changes(term, home, monkeypatch):
    monkeypatch.setattr(cachekeys, "minute", lambda: 0)
    assert "Créer son site" in session_titles(home("holder"))
    # Changed without an event: nothing tells the cache yet.
    term.open.registration_open = False
    transaction.commit()
    assert "Créer son site" in session_titles(home("holder"))
    monkeypatch.setattr(cachekeys, "minute", lambda: 1)
    assert "Créer son site" not in session_titles(home("holder"))
    term.open.registration_open = True
    notify(ObjectModifiedEvent(term.open))
    transaction.commit()
    assert "Créer son site" in session_titles(home("holder"))


def test_a_members_lists_link_to_the_address_they_came_by(
    functional_portal, term, browse
):
    manage_addVirtualHostMonster(functional_portal.aq_parent, "virtual_hosting")
    transaction.commit()
    site = urlsplit(functional_portal.absolute_url())
    holder = browse("holder")
    links = {}
    for host in ("intranet.example", "autre.example"):
        response = holder.get(
            f"{site.scheme}://{site.netloc}/VirtualHostBase/http/{host}:80"
            f"{site.path}/VirtualHostRoot/intranet"
        )
        assert response.status_code == 200, response.status_code
        page = html.fromstring(response.text)
        links[host] = [
            link.get("href")
            for link in page.cssselect(".coop-next-sessions .coop-session h3 a")
        ]
    assert links["intranet.example"]
    assert all(
        href.startswith("http://intranet.example/")
        for href in links["intranet.example"]
    )
    assert all(
        href.startswith("http://autre.example/") for href in links["autre.example"]
    )
