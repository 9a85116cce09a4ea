"""The demo intranet: a term of workshops over three themes and the demo
project holder's appointments with the demo coach.

Twelve sessions, four per theme (gestion, commercial, numerique), trained by
the demo coach: two past sessions of each theme carry their attendance, with
absentees, so that re-registration has something to do; the last past one
still waits for its attendance, as the coaches' home flags; each theme has
sessions to come with free seats, and one is full with a waiting list. The
demo project holder missed a gestion session and made up a commercial one;
five fellow project holders (accounts that nobody signs in with) fill the
other seats.

Registrations to sessions to come are made as a holder makes them
(`register_holder`), attendance is marked as a coach marks it
(`set_status`): each sends its mail, to the site's queue. Sessions over
before the demo starts took their registrations before it: those are stored
as they were. Dates follow the day the profile runs (working days, in the
portal's timezone); applying the profile again creates nothing that exists
already.
"""

from coop.content.agenda.registrations.store import ABSENT
from coop.content.agenda.registrations.store import ATTENDED
from coop.content.agenda.registrations.store import EXCUSED
from coop.content.agenda.registrations.store import get_store
from coop.content.common.cachekeys import bump
from coop.content.common.cachekeys import REGISTRATIONS
from coop.content.common.config import APPOINTMENT_TYPE
from coop.content.common.config import APPOINTMENTS_ID
from coop.content.common.config import ENTREPRENEURS_GROUP
from coop.content.common.config import WORKSHOP_TYPE
from coop.content.common.config import WORKSHOPS_ID
from coop.content.intranet.workshops.registrations import holder_fields
from coop.content.intranet.workshops.registrations import register_holder
from coop.content.intranet.workshops.registrations import REGISTRATION_INDEXES
from coop.content.intranet.workshops.registrations import set_status
from dataclasses import dataclass
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api

import pytz
import secrets


# Who takes part: the demo project holder, or a fellow by their number.
HOLDER = "holder"
REGISTERED = "registered"

FELLOWS = (
    ("lea.fournier@coop.example", "Léa Fournier"),
    ("hugo.lemaire@coop.example", "Hugo Lemaire"),
    ("amina.diallo@coop.example", "Amina Diallo"),
    ("chloe.bernard@coop.example", "Chloé Bernard"),
    ("yanis.moreau@coop.example", "Yanis Moreau"),
)

MORNING = time(9, 30)
AFTERNOON = time(14, 0)
ROOM = "COOP'EMPLOI, salle du Semnoz, 12 avenue de Genève, 74000 Annecy"
OTHER_ROOM = "Maison de l'économie, 2 rue du Salève, 74100 Annemasse"


@dataclass(frozen=True)
class DemoSession:
    id: str
    title: str
    description: str
    theme: str
    days: int
    start: time
    capacity: int = 8
    location: str = ROOM
    # Past sessions: (who, status) in sign-up order, the attendance marked
    # (REGISTERED: not marked yet). Sessions to come: who registers, in order.
    people: tuple = ()


SESSIONS = (
    DemoSession(
        "gestion-previsionnel",
        "Construire son prévisionnel",
        "Chiffrer son activité sur un an : chiffre d'affaires, charges, seuil "
        "de rentabilité.",
        "gestion",
        days=-42,
        start=MORNING,
        people=((HOLDER, ATTENDED), (0, ATTENDED), (1, ABSENT), (2, ATTENDED)),
    ),
    DemoSession(
        "commercial-premiers-clients",
        "Trouver ses premiers clients",
        "Qui sont mes clients, où les rencontrer, comment me présenter.",
        "commercial",
        days=-35,
        start=AFTERNOON,
        people=((HOLDER, ABSENT), (2, ATTENDED), (3, ATTENDED), (4, ABSENT)),
    ),
    DemoSession(
        "numerique-visible-en-ligne",
        "Être visible en ligne",
        "Fiche d'établissement, annuaires, avis clients : les premiers pas "
        "pour être trouvé.",
        "numerique",
        days=-28,
        start=MORNING,
        people=((HOLDER, ATTENDED), (1, ATTENDED), (4, ATTENDED)),
    ),
    DemoSession(
        "gestion-tresorerie",
        "Suivre sa trésorerie",
        "Un tableau simple pour voir venir les encaissements et les dépenses.",
        "gestion",
        days=-21,
        start=AFTERNOON,
        people=((HOLDER, ABSENT), (0, ATTENDED), (1, ABSENT), (3, EXCUSED)),
    ),
    DemoSession(
        "commercial-rendez-vous-client",
        "Réussir son rendez-vous client",
        "Préparer, mener et conclure un rendez-vous : mises en situation.",
        "commercial",
        days=-14,
        start=MORNING,
        location=OTHER_ROOM,
        people=((HOLDER, ATTENDED), (2, ATTENDED), (4, ATTENDED), (0, ABSENT)),
    ),
    DemoSession(
        "numerique-reseaux-sociaux",
        "Réseaux sociaux : par où commencer",
        "Choisir un ou deux réseaux, y publier régulièrement sans y passer "
        "ses journées.",
        "numerique",
        days=-4,
        start=AFTERNOON,
        people=((HOLDER, REGISTERED), (1, REGISTERED), (3, REGISTERED)),
    ),
    DemoSession(
        "gestion-prix-de-revient",
        "Calculer son prix de revient",
        "Du coût des matières au temps passé : le prix en dessous duquel on "
        "perd de l'argent.",
        "gestion",
        days=7,
        start=MORNING,
        people=(0, 2),
    ),
    DemoSession(
        "commercial-devis",
        "Rédiger un devis qui convainc",
        "Les mentions obligatoires, la présentation, la relance.",
        "commercial",
        days=10,
        start=AFTERNOON,
        capacity=10,
        people=(HOLDER, 3),
    ),
    DemoSession(
        "numerique-site-vitrine",
        "Créer son site vitrine",
        "Nom de domaine, pages essentielles, outils gratuits ou presque.",
        "numerique",
        days=14,
        start=MORNING,
        people=(4,),
    ),
    DemoSession(
        "gestion-compte-de-resultat",
        "Lire son compte de résultat",
        "Comprendre le document que la coopérative vous remet chaque trimestre.",
        "gestion",
        days=35,
        start=AFTERNOON,
    ),
    DemoSession(
        "commercial-negocier",
        "Négocier sans brader",
        "Tenir son prix face à un client qui demande une remise.",
        "commercial",
        days=38,
        start=MORNING,
        capacity=2,
        location=OTHER_ROOM,
        people=(2, 3, HOLDER),
    ),
    DemoSession(
        "numerique-donnees-clients",
        "Protéger ses données clients",
        "Sauvegardes, mots de passe, RGPD : l'essentiel pour une petite entreprise.",
        "numerique",
        days=42,
        start=AFTERNOON,
    ),
)
SESSION_HOURS = 3


@dataclass(frozen=True)
class DemoAppointment:
    id: str
    subject: str
    days: int
    start: time
    mode: str
    status: str
    location: str = ""
    video_url: str = ""
    notes: str = ""
    # The demo project holder's, or a fellow's by their number.
    holder: object = HOLDER


APPOINTMENTS = (
    DemoAppointment(
        "rdv-demarrage",
        "Point de démarrage",
        days=-30,
        start=time(10, 0),
        mode="in_person",
        status="done",
        location="COOP'EMPLOI, bureau 2, 12 avenue de Genève, 74000 Annecy",
        notes="Premier devis envoyé à un restaurant d'Annecy. Revoir les prix.",
    ),
    DemoAppointment(
        "rdv-premier-mois",
        "Bilan du premier mois",
        days=-9,
        start=time(16, 0),
        mode="video",
        status="done",
        video_url="https://visio.coop.example/bilan-benali",
        notes="Trésorerie tendue en fin de mois : proposer l'atelier trésorerie.",
    ),
    DemoAppointment(
        "rdv-salon-createurs",
        "Préparer le marché des créateurs",
        days=3,
        start=time(11, 0),
        mode="in_person",
        status="planned",
        location="COOP'EMPLOI, bureau 2, 12 avenue de Genève, 74000 Annecy",
    ),
    DemoAppointment(
        "rdv-point-mensuel",
        "Point mensuel",
        days=24,
        start=time(9, 0),
        mode="phone",
        status="planned",
    ),
    DemoAppointment(
        "rdv-fournier-tresorerie",
        "Point trésorerie",
        days=5,
        start=time(14, 30),
        mode="in_person",
        status="planned",
        location="COOP'EMPLOI, bureau 2, 12 avenue de Genève, 74000 Annecy",
        holder=0,
    ),
)
APPOINTMENT_HOURS = 1


def create_demo_intranet(intranet, holder, coach):
    """The fellows, the term of workshops in /intranet/ateliers and the
    appointments in /intranet/rendez-vous, of the demo project holder
    `holder` and the demo coach `coach`."""
    people = {HOLDER: holder.getId()}
    for number, (email, fullname) in enumerate(FELLOWS):
        people[number] = _ensure_fellow(email, fullname).getId()
    timezone = pytz.timezone(api.portal.get_registry_record("plone.portal_timezone"))
    today = datetime.now(timezone).date()
    for session in SESSIONS:
        if intranet[WORKSHOPS_ID].get(session.id) is None:
            start = _at(timezone, today, session.days, session.start)
            workshop = _create_session(intranet[WORKSHOPS_ID], session, start, coach)
            _take_registrations(workshop, session, people)
    for appointment in APPOINTMENTS:
        if intranet[APPOINTMENTS_ID].get(appointment.id) is None:
            start = _at(timezone, today, appointment.days, appointment.start)
            _create_appointment(
                intranet[APPOINTMENTS_ID], appointment, start, people, coach
            )


def _ensure_fellow(email, fullname):
    """A project holder of the demo that nobody signs in as."""
    user = api.user.get(username=email)
    if user is None:
        user = api.user.create(
            email=email,
            password=secrets.token_urlsafe(24),
            properties={"fullname": fullname},
        )
    api.group.add_user(groupname=ENTREPRENEURS_GROUP, user=user)
    return user


def _at(timezone, today, days, at):
    """`days` from `today` at `at`, moved away from today to a working day."""
    day = today + timedelta(days=days)
    step = timedelta(days=1 if days >= 0 else -1)
    while day.weekday() >= 5:
        day += step
    return timezone.localize(datetime.combine(day, at))


def _create_session(folder, session, start, coach):
    with api.env.adopt_user(user=coach):
        return api.content.create(
            container=folder,
            type=WORKSHOP_TYPE,
            id=session.id,
            title=session.title,
            description=session.description,
            theme=session.theme,
            capacity=session.capacity,
            trainer=coach.getId(),
            registration_open=True,
            start=start,
            end=start + timedelta(hours=SESSION_HOURS),
            location=session.location,
            language="fr",
            safe_id=False,
        )


def _take_registrations(workshop, session, people):
    if session.days >= 0:
        for who in session.people:
            register_holder(workshop, people[who])
        return
    store = get_store(workshop, create=True)
    records = [
        (store.add(holder_fields(people[who]), capacity=workshop.capacity), status)
        for who, status in session.people
    ]
    workshop.reindexObject(idxs=REGISTRATION_INDEXES)
    # Stored without the events of a registration: the homes are told.
    bump(REGISTRATIONS)
    for record, status in records:
        if status != REGISTERED:
            set_status(workshop, record["id"], status)


def _create_appointment(folder, appointment, start, people, coach):
    with api.env.adopt_user(user=coach):
        api.content.create(
            container=folder,
            type=APPOINTMENT_TYPE,
            id=appointment.id,
            subject=appointment.subject,
            entrepreneur=people[appointment.holder],
            coach=coach.getId(),
            mode=appointment.mode,
            status=appointment.status,
            location=appointment.location,
            video_url=appointment.video_url or None,
            notes=appointment.notes or None,
            start=start,
            end=start + timedelta(hours=APPOINTMENT_HOURS),
            language="fr",
            safe_id=False,
        )
