"""The demo agenda: more meetings and fairs in the coming months, a fair's
project holders and a meeting already full, with people on its waiting list.

Dates follow the day the profile runs (always a working day, in the portal's
timezone); applying the profile again creates nothing that exists already.
"""

from coop.content.agenda.registrations.store import get_store
from coop.content.common.config import EVENT_TYPE
from coop.content.common.config import PROJECT_HOLDER_TYPE
from coop.policy.setuphandlers.site_content import belong_to_the_site
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import pytz


@dataclass(frozen=True)
class AgendaEvent:
    id: str
    title: str
    description: str
    event_kind: str
    days_ahead: int
    start: time
    duration_hours: int
    location: str
    capacity: int | None = None
    registration_open: bool = True
    other_exhibitors: tuple[str, ...] = ()
    # Sign-ups (first name, last name, town) made before the demo starts.
    people: tuple[tuple[str, str, str], ...] = field(default=())


AGENDA = (
    AgendaEvent(
        "information-collective-annemasse",
        "Réunion d'information collective à Annemasse",
        "Tester son activité sans créer d'entreprise : la coopérative présente "
        "son accompagnement et le statut d'entrepreneur-salarié.",
        "information_collective",
        days_ahead=12,
        start=time(9, 30),
        duration_hours=2,
        location="Maison de l'économie, 2 rue du Salève, 74100 Annemasse",
        capacity=3,
        people=(
            ("Sophie", "Girard", "Annemasse"),
            ("Karim", "Benali", "Gaillard"),
            ("Julie", "Perrin", "Ambilly"),
            ("Thomas", "Duval", "Reignier-Ésery"),
            ("Lina", "Lambert", "Annemasse"),
        ),
    ),
    AgendaEvent(
        "information-collective-thonon",
        "Réunion d'information collective à Thonon-les-Bains",
        "Une matinée pour comprendre la coopérative d'activités et d'emploi et "
        "savoir si elle convient à votre projet.",
        "information_collective",
        days_ahead=33,
        start=time(14, 0),
        duration_hours=2,
        location="Espace Grangette, 8 avenue de la Gare, 74200 Thonon-les-Bains",
        capacity=15,
    ),
    AgendaEvent(
        "reunion-mensuelle-2",
        "Réunion mensuelle : fixer ses prix",
        "Le rendez-vous mensuel des entrepreneurs, cette fois sur le calcul du "
        "prix de vente et du temps facturable.",
        "reunion_mensuelle",
        days_ahead=52,
        start=time(18, 0),
        duration_hours=2,
        location="COOP'EMPLOI, 12 avenue de Genève, 74000 Annecy",
        capacity=30,
    ),
    AgendaEvent(
        "reunion-mensuelle-3",
        "Réunion mensuelle : trouver ses premiers clients",
        "Témoignages d'entrepreneurs-salariés et atelier d'échange sur la prospection.",
        "reunion_mensuelle",
        days_ahead=82,
        start=time(18, 0),
        duration_hours=2,
        location="COOP'EMPLOI, 12 avenue de Genève, 74000 Annecy",
        capacity=30,
    ),
    AgendaEvent(
        "marche-des-createurs-annecy",
        "Marché des créateurs d'Annecy",
        "Les entrepreneurs de la coopérative tiennent leurs stands au marché "
        "des créateurs de la vieille ville.",
        "salon",
        days_ahead=26,
        start=time(10, 0),
        duration_hours=8,
        location="Quai de l'Évêché, 74000 Annecy",
        registration_open=False,
        other_exhibitors=("Bois et Lumière – luminaires", "Les Savons du Semnoz"),
    ),
    AgendaEvent(
        "salon-emploi-creation",
        "Salon de l'emploi et de la création d'entreprise",
        "Venez rencontrer l'équipe de COOP'EMPLOI et des porteurs de projet "
        "accompagnés sur notre stand.",
        "salon",
        days_ahead=61,
        start=time(9, 0),
        duration_hours=9,
        location="Parc des expositions, 74800 La Roche-sur-Foron",
        registration_open=False,
        other_exhibitors=("Atelier Textile du Chablais",),
    ),
)


def create_demo_agenda(folder):
    """Create the demo events of AGENDA in `folder` (the /agenda section)."""
    tz = pytz.timezone(api.portal.get_registry_record("plone.portal_timezone"))
    today = datetime.now(tz).date()
    holders = [
        brain.getObject()
        for brain in api.content.find(
            portal_type=PROJECT_HOLDER_TYPE,
            review_state="published",
            sort_on="sortable_title",
        )
    ]
    for event in AGENDA:
        if folder.get(event.id) is not None:
            continue
        day = today + timedelta(days=event.days_ahead)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        start = tz.localize(datetime.combine(day, event.start))
        item = api.content.create(
            container=folder,
            type=EVENT_TYPE,
            id=event.id,
            title=event.title,
            description=event.description,
            start=start,
            end=start + timedelta(hours=event.duration_hours),
            location=event.location,
            event_kind=event.event_kind,
            capacity=event.capacity,
            registration_open=event.registration_open,
            other_exhibitors=list(event.other_exhibitors),
            language="fr",
            safe_id=False,
        )
        if event.event_kind == "salon" and holders:
            intids = getUtility(IIntIds)
            item.exhibitors = [RelationValue(intids.getId(h)) for h in holders[:3]]
        belong_to_the_site(item)
        _sign_up(item, event.people)
        api.content.transition(obj=item, transition="publish")


def _sign_up(item, people):
    # Straight into the store: the demo sends no confirmation mail.
    store = get_store(item, create=True) if people else None
    for first_name, last_name, town in people:
        store.add(
            {
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{first_name}.{last_name}@example.org".lower(),
                "phone": "",
                "town": town,
                "prescriber": None,
            },
            capacity=item.capacity,
        )
