"""The coop.policy:demo profile: French demo content and one account per persona.

For development and demonstrations only: every account shares DEMO_PASSWORD.
Applying the profile again creates nothing that exists already.
"""

from coop.content.common.config import ABOUT_ID
from coop.content.common.config import AGENDA_ID
from coop.content.common.config import BUYERS_GROUP
from coop.content.common.config import COACHES_GROUP
from coop.content.common.config import CONSULTATIONS_ID
from coop.content.common.config import COOPERATIVES_GROUP
from coop.content.common.config import DIRECTORY_ID
from coop.content.common.config import ENTREPRENEURS_GROUP
from coop.content.common.config import EVENT_TYPE
from coop.content.common.config import INTRANET_ID
from coop.content.common.config import MODERATORS_GROUP
from coop.content.common.config import PRESCRIBERS_GROUP
from coop.content.common.config import PROJECT_HOLDERS_ID
from coop.policy.personal_files import ensure_personal_file
from coop.policy.setuphandlers.demo_agenda import create_demo_agenda
from coop.policy.setuphandlers.demo_buyer_space import create_demo_buyer_space
from coop.policy.setuphandlers.demo_consultations import create_demo_consultations
from coop.policy.setuphandlers.demo_directory import create_demo_directory
from coop.policy.setuphandlers.demo_intranet import create_demo_intranet
from coop.policy.setuphandlers.demo_pages import PAGES
from coop.policy.setuphandlers.demo_project_holders import create_demo_project_holders
from coop.policy.setuphandlers.site_content import belong_to_the_site
from dataclasses import dataclass
from datetime import datetime
from datetime import time
from datetime import timedelta
from faker import Faker
from plone import api
from plone.app.textfield.value import RichTextValue

import pytz


# Shared by every demo account and listed in the README: development sites only.
DEMO_PASSWORD = "coop-demo-2026"  # noqa: S105

# The demo prose is written in French, whatever the site's default language.
CONTENT_LANGUAGE = "fr"

# One seed, so that every run on every machine tells the same story.
FAKER_SEED = 2016


@dataclass(frozen=True)
class DemoAccount:
    persona: str
    email: str
    fullname: str
    groups: tuple[str, ...] = ()
    roles: tuple[str, ...] = ("Member",)


DEMO_ACCOUNTS = (
    DemoAccount("buyer", "acheteur@coop.example", "Claire Dubois", (BUYERS_GROUP,)),
    DemoAccount(
        "cooperative",
        "cooperative@coop.example",
        "Julien Perrin",
        (COOPERATIVES_GROUP, BUYERS_GROUP),
    ),
    DemoAccount(
        "moderator", "moderateur@coop.example", "Sophie Lambert", (MODERATORS_GROUP,)
    ),
    DemoAccount(
        "project holder", "porteur@coop.example", "Karim Benali", (ENTREPRENEURS_GROUP,)
    ),
    DemoAccount(
        "coach", "accompagnateur@coop.example", "Isabelle Rey", (COACHES_GROUP,)
    ),
    DemoAccount(
        "prescriber", "prescripteur@coop.example", "Thomas Girod", (PRESCRIBERS_GROUP,)
    ),
    DemoAccount(
        "administrator",
        "administrateur@coop.example",
        "Nathalie Favre",
        roles=("Member", "Site Administrator"),
    ),
)


@dataclass(frozen=True)
class DemoEvent:
    id: str
    title: str
    description: str
    text: str
    # What Faker picks from: a range of days after today, the hours it may start.
    days_ahead: tuple[int, int]
    start_hours: tuple[int, ...]
    duration_hours: int
    # The public event behaviour's fields: a fair takes no registration.
    event_kind: str
    capacity: int | None = None
    registration_open: bool = True


EVENTS = (
    DemoEvent(
        "reunion-information-collective",
        "Réunion d'information collective",
        "Découvrir la coopérative d'activités et d'emploi et les conditions pour y "
        "tester son activité.",
        "<p>Vous avez un projet d'activité et vous voulez le tester en grandeur "
        "réelle, sans créer d'entreprise ? Cette réunion présente COOP'EMPLOI, le "
        "statut d'entrepreneur-salarié et les étapes de l'intégration.</p>"
        "<p>Inscription en ligne, par vous-même ou par votre conseiller.</p>",
        days_ahead=(7, 20),
        start_hours=(9, 10, 14),
        duration_hours=2,
        event_kind="information_collective",
        capacity=12,
    ),
    DemoEvent(
        "reunion-mensuelle",
        "Réunion mensuelle des entrepreneurs",
        "Le rendez-vous mensuel des porteurs de projet et des entrepreneurs-salariés "
        "de la coopérative.",
        "<p>Actualités de la coopérative, témoignage d'un entrepreneur, échanges "
        "entre métiers : la réunion mensuelle est ouverte à tous les porteurs de "
        "projet accueillis.</p>",
        days_ahead=(21, 35),
        start_hours=(18,),
        duration_hours=2,
        event_kind="reunion_mensuelle",
        capacity=30,
    ),
    DemoEvent(
        "salon-des-createurs",
        "COOP'EMPLOI au salon des créateurs et artisans",
        "Les entrepreneurs de la coopérative présentent leurs créations : bijoux, "
        "mobilier, vêtements, objets d'art.",
        "<p>Retrouvez le stand de COOP'EMPLOI et les créations des entrepreneurs de "
        "la coopérative. Une occasion de découvrir leur savoir-faire et de parler "
        "de votre propre projet.</p>",
        days_ahead=(40, 75),
        start_hours=(9, 10),
        duration_hours=8,
        event_kind="salon",
        registration_open=False,
    ),
)

HAUTE_SAVOIE_TOWNS = (
    ("74000", "Annecy"),
    ("74600", "Seynod"),
    ("74100", "Annemasse"),
    ("74200", "Thonon-les-Bains"),
    ("74300", "Cluses"),
    ("74700", "Sallanches"),
    ("74150", "Rumilly"),
    ("74130", "Bonneville"),
    ("74800", "La Roche-sur-Foron"),
    ("74160", "Saint-Julien-en-Genevois"),
)


def create_demo_content(context):
    """Post handler of coop.policy:demo."""
    portal = api.portal.get()
    users = {account.persona: _ensure_account(account) for account in DEMO_ACCOUNTS}
    ensure_personal_file(
        users["project holder"].getId(), coach_ids=(users["coach"].getId(),)
    )
    _ensure_pages(portal[ABOUT_ID])
    _ensure_events(portal[AGENDA_ID])
    create_demo_directory(portal[DIRECTORY_ID], owner=users["cooperative"])
    create_demo_buyer_space(users["buyer"])
    create_demo_consultations(portal[CONSULTATIONS_ID], users)
    create_demo_project_holders(portal[PROJECT_HOLDERS_ID], users["project holder"])
    # Fairs name the published project holder pages: they come first.
    create_demo_agenda(portal[AGENDA_ID])
    create_demo_intranet(portal[INTRANET_ID], users["project holder"], users["coach"])


def demo_events(today):
    """The fields of the demo events, always the same for a given `today`."""
    fake = Faker("fr_FR")
    fake.seed_instance(FAKER_SEED)
    tz = _portal_timezone()
    events = []
    for event in EVENTS:
        day = today + timedelta(days=fake.random_int(*event.days_ahead))
        # The team meets people on working days only.
        while day.weekday() >= 5:
            day += timedelta(days=1)
        at = time(fake.random_element(event.start_hours), fake.random_element((0, 30)))
        start = tz.localize(datetime.combine(day, at))
        postal_code, town = fake.random_element(HAUTE_SAVOIE_TOWNS)
        events.append(
            {
                "id": event.id,
                "title": event.title,
                "description": event.description,
                "text": event.text,
                "start": start,
                "end": start + timedelta(hours=event.duration_hours),
                "location": f"{fake.street_address()}, {postal_code} {town}",
                "contact_name": fake.name(),
                "contact_phone": fake.phone_number(),
                "event_kind": event.event_kind,
                "capacity": event.capacity,
                "registration_open": event.registration_open,
            }
        )
    return events


def _ensure_account(account):
    user = api.user.get(username=account.email)
    if user is None:
        user = api.user.create(
            email=account.email,
            password=DEMO_PASSWORD,
            properties={"fullname": account.fullname},
        )
        # Not through create(): the registration tool lets a creator grant only
        # roles it holds, and the site creation script runs as the system user.
        api.user.grant_roles(user=user, roles=account.roles)
    for group_id in account.groups:
        api.group.add_user(groupname=group_id, user=user)
    return user


def _rich_text(html):
    return RichTextValue(html.strip(), "text/html", "text/x-html-safe")


def _ensure_published(folder, portal_type, **fields):
    """Create and publish an item, unless the folder holds one with that id."""
    if folder.get(fields["id"]) is not None:
        return
    item = api.content.create(
        container=folder,
        type=portal_type,
        language=CONTENT_LANGUAGE,
        safe_id=False,
        **fields,
    )
    belong_to_the_site(item)
    api.content.transition(obj=item, transition="publish")


def _ensure_pages(folder):
    for page_id, title, description, html in PAGES:
        _ensure_published(
            folder,
            "Document",
            id=page_id,
            title=title,
            description=description,
            text=_rich_text(html),
        )


def _portal_timezone():
    return pytz.timezone(api.portal.get_registry_record("plone.portal_timezone"))


def _ensure_events(folder):
    for fields in demo_events(datetime.now(_portal_timezone()).date()):
        _ensure_published(
            folder, EVENT_TYPE, **{**fields, "text": _rich_text(fields["text"])}
        )
