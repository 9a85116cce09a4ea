"""Fixtures of the /intranet home's tests: a term of sessions, appointments,
personal files, and a prescriber besides the intranet's outsiders."""

from coop.content.agenda.registrations.store import get_store
from coop.content.intranet.workshops.registrations import holder_fields
from coop.content.intranet.workshops.registrations import register_holder
from coop.content.intranet.workshops.registrations import REGISTRATION_INDEXES
from coop.policy.personal_files import ensure_personal_file
from dataclasses import dataclass
from lxml import html
from plone import api

import pytest
import transaction


PRESCRIBER = {"prescriber": ("conseiller@mission-locale.example", ("prescribers",), ())}


@pytest.fixture
def people(intranet_people, create_people):
    """The intranet's personas and a prescriber, committed: {persona: e-mail}."""
    emails = {**intranet_people, **create_people(PRESCRIBER)}
    transaction.commit()
    return emails


@pytest.fixture
def browse(browsers_of, people):
    """A browser's session of a persona of `people`, that asks for HTML pages."""
    return browsers_of(people)


@pytest.fixture
def rest(sessions_of, people):
    """A REST session of a persona of `people`."""
    return sessions_of(people)


@pytest.fixture(params=("anonymous", "buyer", "cooperative", "prescriber"))
def stranger(request):
    """Each persona in turn who may not see anything of the intranet."""
    return request.param


@dataclass
class Term:
    """The sessions, appointments and files of the home's tests."""

    registered: object
    waitlisted: object
    open: object
    closed: object
    unmarked: object
    others_unmarked: object
    appointment: object
    others_appointment: object
    cancelled_appointment: object
    files: dict


@pytest.fixture
def term(people, userid_of, make_workshop, make_appointment):
    """The holder registered to one session and waiting at another, a third
    open to them, a closed one; past sessions of the trainer and of the other
    coach with attendance unmarked; appointments of the holder (one cancelled)
    and of the other holder; each holder's personal file followed by a coach."""
    holder, other = userid_of("holder"), userid_of("other_holder")
    registered = make_workshop("gestion-1", days=5, title="Construire son budget")
    waitlisted = make_workshop(
        "commercial-1", days=6, theme="commercial", capacity=1, title="Prospecter"
    )
    opened = make_workshop(
        "numerique-1", days=8, theme="numerique", title="Créer son site"
    )
    closed = make_workshop(
        "gestion-2", days=7, registration_open=False, title="Session réservée"
    )
    unmarked = make_workshop("gestion-0", days=-4, title="Lire son bilan")
    others_unmarked = make_workshop(
        "commercial-0",
        days=-5,
        theme="commercial",
        title="Fixer ses prix",
        trainer=userid_of("other_coach"),
    )
    register_holder(registered, holder)
    register_holder(waitlisted, other)
    register_holder(waitlisted, holder)
    for past in (unmarked, others_unmarked):
        get_store(past, create=True).add(holder_fields(holder), capacity=12)
        past.reindexObject(idxs=REGISTRATION_INDEXES)
    transaction.commit()
    appointment = make_appointment("point-mensuel", days=2, subject="Point mensuel")
    others_appointment = make_appointment(
        "point-paul",
        days=3,
        subject="Point de Paul",
        entrepreneur=other,
        coach=userid_of("other_coach"),
    )
    cancelled = make_appointment(
        "point-annule", days=4, subject="Point annulé", status="cancelled"
    )
    with api.env.adopt_roles(["Manager"]):
        files = {
            "holder": ensure_personal_file(holder, (userid_of("trainer"),)),
            "other_holder": ensure_personal_file(other, (userid_of("other_coach"),)),
        }
    transaction.commit()
    return Term(
        registered,
        waitlisted,
        opened,
        closed,
        unmarked,
        others_unmarked,
        appointment,
        others_appointment,
        cancelled,
        files,
    )


@pytest.fixture
def home(functional_portal, browse):
    """The /intranet home of a persona, parsed."""

    def page(who, **params):
        response = browse(who).get(
            f"{functional_portal.absolute_url()}/intranet", params=params
        )
        assert response.status_code == 200, response.status_code
        return html.fromstring(response.text)

    return page


def texts(page, selector):
    """The texts of the elements of `page` that `selector` picks, spaces folded."""
    return [
        " ".join(element.text_content().split()) for element in page.cssselect(selector)
    ]


@pytest.fixture
def section_texts():
    return texts


SECTIONS = ("ateliers", "rendez-vous", "ressources", "questions", "dossiers")


@pytest.fixture
def intranet_items(functional_portal, people, make_workshop, make_appointment):
    """{URL: title} of /intranet, each of its sections, a session and an
    appointment; committed."""
    intranet = functional_portal["intranet"]
    items = [
        intranet,
        *(intranet[section] for section in SECTIONS),
        make_workshop("atelier-prive", title="Atelier confidentiel Zéphyr"),
        make_appointment("rdv-prive", subject="Rendez-vous secret Zéphyr"),
    ]
    return {item.absolute_url(): item.Title() for item in items}
