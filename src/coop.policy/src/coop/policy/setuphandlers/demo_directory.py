"""The demo directory: 40 published cooperative entries and 3 awaiting review.

The entries spread over the towns of Occitanie (where the network's moderator
works) and of the Alps (where the CAE is), over a dozen trades, with what buyers
look at: goods and services, competences, branches and client references.
The first one belongs to the demo cooperative account.
"""

from coop.content.common.config import COOPERATIVE_TYPE
from coop.content.directory.entries import hand_over
from coop.content.directory.validators import LA_POSTE_SIREN
from coop.content.directory.validators import luhn_valid
from dataclasses import dataclass
from faker import Faker
from plone import api
from plone.i18n.normalizer.interfaces import IIDNormalizer
from zope.component import getUtility


# Its own seed: the entries stay the same when the rest of the demo changes.
FAKER_SEED = 1947
PUBLISHED = 40
PENDING = 3


@dataclass(frozen=True)
class Town:
    postal_code: str
    city: str
    phone_prefix: str
    # What local companies put in their names.
    places: tuple[str, ...]


TOWNS = (
    Town("74000", "Annecy", "04", ("du Lac", "des Aravis")),
    Town("74100", "Annemasse", "04", ("du Salève", "du Genevois")),
    Town("73000", "Chambéry", "04", ("des Bauges", "de Savoie")),
    Town("38000", "Grenoble", "04", ("du Vercors", "de l'Isère")),
    Town("69007", "Lyon", "04", ("Rhône-Saône", "de la Guillotière")),
    Town("34000", "Montpellier", "04", ("du Lez", "Méditerranée", "des Garrigues")),
    Town("34500", "Béziers", "04", ("de l'Orb", "du Biterrois")),
    Town("30000", "Nîmes", "04", ("de la Gardonnenque", "des Costières")),
    Town("30100", "Alès", "04", ("des Cévennes", "du Gardon")),
    Town("11000", "Carcassonne", "04", ("du Minervois", "de la Cité")),
    Town("11100", "Narbonne", "04", ("des Corbières", "de la Clape")),
    Town("66000", "Perpignan", "04", ("Catalane", "de la Têt")),
    Town("48000", "Mende", "04", ("de Lozère", "du Lot")),
    Town("31000", "Toulouse", "05", ("Occitane", "de la Garonne")),
    Town("81000", "Albi", "05", ("du Tarn", "de l'Albigeois")),
    Town("12000", "Rodez", "05", ("de l'Aveyron", "du Ségala")),
)


@dataclass(frozen=True)
class Trade:
    sector: str
    names: tuple[str, ...]
    activity: str
    goods_services: tuple[str, ...]
    competences: tuple[str, ...]
    certifications: tuple[str, ...]
    projects: tuple[str, ...]
    guarantees: str = ""


TRADES = (
    Trade(
        "F",
        ("Menuiserie", "Charpente", "L'Atelier Bois"),
        "Menuiserie, charpente et agencement en bois local, du neuf à la "
        "rénovation, pour les particuliers, les bailleurs et les collectivités.",
        ("45", "44", "39"),
        (
            "Menuiserie bois",
            "Charpente traditionnelle",
            "Ossature bois",
            "Agencement intérieur",
            "Escaliers",
            "Bardage",
            "Pose de fenêtres",
            "Bois local",
            "Mobilier sur mesure",
        ),
        ("Qualibat RGE", "PEFC", "Label Bois des Alpes"),
        (
            "Agencement de la médiathèque",
            "Charpente d'une halle de marché",
            "Remplacement des menuiseries d'un collège",
        ),
        "Garantie décennale et garantie de parfait achèvement.",
    ),
    Trade(
        "F",
        ("Bâtiment", "Rénovation", "Écoconstruction"),
        "Gros œuvre et rénovation énergétique : maçonnerie, isolation par "
        "l'extérieur, enduits à la chaux et accessibilité des bâtiments.",
        ("45", "44", "71", "50"),
        (
            "Maçonnerie",
            "Rénovation énergétique",
            "Isolation biosourcée",
            "Enduits à la chaux",
            "Pierre sèche",
            "Accessibilité PMR",
            "Béton de chanvre",
            "Réhabilitation",
            "Carrelage",
        ),
        ("Qualibat RGE", "Éco Artisan", "Qualibat 2111"),
        (
            "Rénovation énergétique d'une école",
            "Réhabilitation de logements sociaux",
            "Mise en accessibilité de la mairie",
        ),
        "Garantie décennale ; caution bancaire de bonne fin de travaux.",
    ),
    Trade(
        "F",
        ("Électricité", "Énergies"),
        "Installations électriques, photovoltaïque et bornes de recharge, "
        "maintenance des bâtiments publics et tertiaires.",
        ("45", "31", "51", "09"),
        (
            "Électricité générale",
            "Photovoltaïque",
            "Bornes de recharge",
            "Domotique",
            "Éclairage public",
            "Courants faibles",
            "Maintenance électrique",
        ),
        ("Qualifelec", "QualiPV"),
        (
            "Centrale photovoltaïque sur le toit du gymnase",
            "Relamping LED d'un lycée",
        ),
        "Garantie décennale.",
    ),
    Trade(
        "C",
        ("Imprimerie", "Atelier Graphique"),
        "Impression offset et numérique sur papiers recyclés, façonnage et "
        "signalétique, avec des encres végétales.",
        ("22", "79"),
        (
            "Impression offset",
            "Impression numérique",
            "Papier recyclé",
            "Façonnage",
            "Signalétique",
            "Grand format",
            "Encres végétales",
            "Édition",
        ),
        ("Imprim'Vert", "FSC", "ISO 14001"),
        (
            "Impression du magazine municipal",
            "Signalétique d'un parc naturel régional",
        ),
    ),
    Trade(
        "C",
        ("Métallerie", "Ferronnerie"),
        "Serrurerie et métallerie pour le bâtiment et les espaces publics : "
        "garde-corps, escaliers, portails et mobilier urbain.",
        ("44", "45", "42", "50"),
        (
            "Serrurerie",
            "Métallerie",
            "Soudure",
            "Ferronnerie d'art",
            "Garde-corps",
            "Mobilier urbain",
            "Chaudronnerie",
        ),
        ("Qualibat 4413",),
        ("Passerelle piétonne sur le canal", "Mobilier urbain du centre-ville"),
        "Garantie décennale.",
    ),
    Trade(
        "J",
        ("Numérique", "Logiciels Libres", "Web"),
        "Sites internet, applications métier et hébergement en logiciels libres, "
        "accessibles et conformes au RGPD.",
        ("72", "48", "79"),
        (
            "Développement web",
            "Logiciels libres",
            "Python",
            "Plone",
            "Accessibilité numérique",
            "RGPD",
            "Hébergement",
            "Infogérance",
            "Formation aux outils numériques",
        ),
        ("ISO 27001", "Label Numérique Responsable"),
        (
            "Portail citoyen de la communauté de communes",
            "Intranet d'un centre hospitalier",
            "Refonte accessible du site d'un conseil départemental",
        ),
    ),
    Trade(
        "M",
        ("Architecture", "Bureau d'Études"),
        "Architecture et ingénierie pour des bâtiments sobres : conception "
        "bioclimatique, maîtrise d'œuvre et diagnostics énergétiques.",
        ("71", "73", "79"),
        (
            "Architecture bioclimatique",
            "Maîtrise d'œuvre",
            "Diagnostic énergétique",
            "Thermique du bâtiment",
            "Urbanisme",
            "BIM",
            "Programmation",
            "Concertation",
        ),
        ("OPQIBI", "Qualification architecte HQE"),
        (
            "Maîtrise d'œuvre d'un groupe scolaire",
            "Étude de programmation d'une maison de santé",
        ),
    ),
    Trade(
        "M",
        ("Communication", "Agence Coopérative"),
        "Communication des collectivités et des acteurs de l'économie sociale : "
        "identité visuelle, éditions, photographie et vidéo.",
        ("79", "22", "92"),
        (
            "Graphisme",
            "Identité visuelle",
            "Communication institutionnelle",
            "Rédaction",
            "Photographie",
            "Vidéo",
            "Réseaux sociaux",
        ),
        (),
        (
            "Campagne de prévention des déchets",
            "Rapport annuel d'un bailleur social",
        ),
    ),
    Trade(
        "I",
        ("Traiteur", "Cuisine", "Restauration"),
        "Restauration collective et traiteur en produits bio et locaux : "
        "cantines, buffets, plateaux-repas et événements.",
        ("55", "15"),
        (
            "Traiteur",
            "Restauration collective",
            "Cuisine bio",
            "Produits locaux",
            "Circuits courts",
            "Buffets",
            "Plateaux-repas",
            "Cuisine végétarienne",
        ),
        ("Ecocert en cuisine", "Label Bio"),
        ("Cantine de l'école élémentaire", "Repas du festival d'été"),
    ),
    Trade(
        "A",
        ("Maraîchage", "Jardins", "Terres"),
        "Maraîchage biologique et vente directe : paniers hebdomadaires, "
        "approvisionnement des cantines et des épiceries.",
        ("03", "15", "77"),
        (
            "Maraîchage bio",
            "Légumes de saison",
            "Paniers",
            "Agroécologie",
            "Vente directe",
            "Plants potagers",
            "Semences paysannes",
        ),
        ("Agriculture biologique", "HVE"),
        ("Légumes bio pour la cuisine centrale", "Jardins pédagogiques d'un collège"),
    ),
    Trade(
        "E",
        ("Recyclerie", "Ressourcerie", "Environnement"),
        "Collecte, tri et réemploi : ressourcerie, valorisation des biodéchets "
        "et des déchets de chantier.",
        ("90", "19", "50"),
        (
            "Collecte des déchets",
            "Réemploi",
            "Recyclerie",
            "Compostage",
            "Biodéchets",
            "Déchets de chantier",
            "Sensibilisation au tri",
            "Insertion",
        ),
        ("ISO 14001",),
        (
            "Collecte des encombrants",
            "Compostage des restes de cantine",
        ),
    ),
    Trade(
        "N",
        ("Espaces Verts", "Nature"),
        "Entretien des espaces verts et naturels en gestion différenciée, "
        "élagage et nettoyage de locaux avec des produits écolabellisés.",
        ("77", "90", "39"),
        (
            "Espaces verts",
            "Gestion différenciée",
            "Élagage",
            "Débroussaillage",
            "Nettoyage de locaux",
            "Produits écolabellisés",
            "Zéro phyto",
        ),
        ("Certiphyto",),
        ("Entretien des parcs de la ville", "Débroussaillage des pistes DFCI"),
    ),
    Trade(
        "P",
        ("Formation", "Savoirs"),
        "Formation professionnelle des adultes : création et gestion "
        "d'entreprise, économie sociale et solidaire, compétences numériques.",
        ("80", "79"),
        (
            "Formation professionnelle",
            "Création d'entreprise",
            "Gestion d'entreprise",
            "Économie sociale et solidaire",
            "Bilan de compétences",
            "Formation de formateurs",
            "Compétences numériques",
        ),
        ("Qualiopi",),
        (
            "Parcours de formation des demandeurs d'emploi",
            "Formation des élus à l'ESS",
        ),
    ),
    Trade(
        "H",
        ("Coursiers", "Logistique", "Transports"),
        "Logistique urbaine à vélo cargo et transport de personnes : "
        "livraisons du dernier kilomètre, navettes et déménagements.",
        ("60", "63", "34"),
        (
            "Livraison à vélo",
            "Cyclologistique",
            "Logistique urbaine",
            "Dernier kilomètre",
            "Transport de personnes",
            "Déménagement",
        ),
        (),
        (
            "Livraison des repas aux personnes âgées",
            "Navettes du festival",
        ),
    ),
    Trade(
        "R",
        ("Spectacle", "Culture", "Scène"),
        "Création et diffusion de spectacles, régie technique et médiation "
        "culturelle dans les écoles et les quartiers.",
        ("92", "79", "80"),
        (
            "Spectacle vivant",
            "Médiation culturelle",
            "Régie son et lumière",
            "Ateliers artistiques",
            "Organisation de festivals",
            "Arts de la rue",
        ),
        (),
        ("Saison culturelle des quartiers", "Résidence d'artistes au collège"),
    ),
    Trade(
        "Q",
        ("Services à Domicile", "Solidarités"),
        "Aide et accompagnement à domicile des personnes âgées et des personnes "
        "handicapées, garde d'enfants et portage de repas.",
        ("85", "98"),
        (
            "Aide à domicile",
            "Personnes âgées",
            "Handicap",
            "Garde d'enfants",
            "Portage de repas",
            "Accompagnement social",
        ),
        ("Qualisap", "Cap'Handéo"),
        ("Aide à domicile des bénéficiaires de l'APA", "Portage de repas"),
    ),
)

LEGAL_FORMS = (
    ("Scop", ("scop_sarl", "scop_sarl", "scop_sas", "scop_sa")),
    ("Scic", ("scic_sas", "scic_sarl", "scic_sa")),
)
CLIENTS = (
    "Commune {of_city}",
    "Conseil départemental",
    "Région Occitanie",
    "Région Auvergne-Rhône-Alpes",
    "Communauté d'agglomération",
    "Office public de l'habitat",
    "Centre hospitalier {of_city}",
    "Lycée professionnel {of_city}",
    "Parc naturel régional",
    "Syndicat mixte des eaux",
    "Mutuelle régionale",
    "Université",
)
# Functions rather than titles, as many cooperatives write them: they fit a
# man or a woman.
DIRECTOR_ROLES = ("Gérance", "Cogérance", "Présidence", "Direction générale")
CONTACT_ROLES = ("Développement commercial", "Relation clients", "Chargé·e d'affaires")
# What each cooperative says of itself after its trade.
STORIES = (
    "Créée en {founded} par {founders} salariés, la coopérative compte aujourd'hui "
    "{headcount} personnes à {city}.",
    "Basée à {city}, notre équipe de {headcount} salariés, dont {founders} "
    "associés, intervient dans tout le département et les départements voisins.",
    "Reprise par ses salariés en {founded}, l'entreprise emploie {headcount} "
    "personnes et forme chaque année des apprentis.",
    "Depuis {founded}, nous travaillons avec les collectivités et les entreprises "
    "de la région de {city}.",
)


def demo_cooperatives(owner_name, owner_email):
    """The demo entries: (id, state, fields), always the same for the same owner.

    The first entry is the demo cooperative account's: its director is the
    owner and consultations go to the owner's e-mail.
    """
    fake = Faker("fr_FR")
    fake.seed_instance(FAKER_SEED)
    normalize = getUtility(IIDNormalizer).normalize
    entries, titles, sirets = [], set(), set()
    for number in range(PUBLISHED + PENDING):
        # Every trade and town comes up before any comes twice, and a trade
        # comes back in other towns.
        trade = TRADES[number % len(TRADES)]
        town = TOWNS[(number * 5 + number // len(TRADES)) % len(TOWNS)]
        title, legal_form = _name(fake, trade, town, titles)
        entry_id = normalize(title)
        fields = {
            "title": title,
            "legal_form": legal_form,
            "siret": _siret(fake, sirets),
            **_details(fake, trade, town, entry_id),
        }
        if number == 0:
            fields["director"].update(name=owner_name, email=owner_email)
            fields["consultation_email"] = owner_email
        state = "published" if number < PUBLISHED else "pending"
        entries.append((entry_id, state, fields))
    return entries


def create_demo_directory(directory, owner):
    """Create the entries missing from `directory`; `owner` gets the first one."""
    entries = demo_cooperatives(owner.getProperty("fullname"), owner.getUserName())
    for position, (entry_id, state, fields) in enumerate(entries):
        if directory.get(entry_id) is not None:
            continue
        cooperative = api.content.create(
            container=directory,
            type=COOPERATIVE_TYPE,
            id=entry_id,
            safe_id=False,
            **fields,
        )
        if position == 0:
            hand_over(cooperative, owner)
        api.content.transition(obj=cooperative, transition="submit")
        if state == "published":
            api.content.transition(obj=cooperative, transition="publish")


def _name(fake, trade, town, taken):
    while True:
        prefix, legal_forms = fake.random_element(LEGAL_FORMS)
        title = " ".join(
            (
                prefix,
                fake.random_element(trade.names),
                fake.random_element(town.places),
            )
        )
        if title not in taken:
            taken.add(title)
            return title, fake.random_element(legal_forms)


def _check_digit(digits):
    return next(str(digit) for digit in range(10) if luhn_valid(f"{digits}{digit}"))


def _siret(fake, taken):
    """A SIRET whose SIREN and whole number both pass the Luhn check."""
    while True:
        siren = fake.numerify("%#######")
        siren += _check_digit(siren)
        nic = fake.numerify("000#")
        siret = siren + nic + _check_digit(siren + nic)
        if siren != LA_POSTE_SIREN and siret not in taken:
            taken.add(siret)
            return siret


def _phone(fake, town):
    pairs = " ".join(f"{fake.random_int(0, 99):02d}" for _pair in range(4))
    return f"{town.phone_prefix} {pairs}"


def _of(city):
    """French elision: "de Nîmes", "d'Alès"."""
    return f"d'{city}" if city[0] in "AEIOUÉ" else f"de {city}"


def _contact(fake, roles, domain):
    first_name, last_name = fake.first_name(), fake.last_name()
    normalize = getUtility(IIDNormalizer).normalize
    local_part = f"{normalize(first_name)}.{normalize(last_name)}"
    return {
        "name": f"{first_name} {last_name}",
        "role": fake.random_element(roles),
        "email": f"{local_part}@{domain}",
        "phone": f"06 {fake.numerify('## ## ## ##')}",
    }


def _details(fake, trade, town, slug):
    domain = f"{slug}.coop.example"
    street = fake.street_address()
    headcount = fake.random_int(3, 60)
    story = fake.random_element(STORIES).format(
        founded=fake.random_int(1978, 2021),
        founders=fake.random_int(2, min(headcount, 12)),
        headcount=headcount,
        city=town.city,
    )
    fields = {
        "description": f"{trade.activity}\n\n{story}",
        "sector": trade.sector,
        "goods_services": fake.random_sample(
            trade.goods_services,
            length=fake.random_int(1, min(4, len(trade.goods_services))),
        ),
        "competences": fake.random_sample(
            trade.competences,
            length=fake.random_int(3, min(8, len(trade.competences))),
        ),
        "consultation_email": f"contact@{domain}",
        "phone": _phone(fake, town),
        "website": f"https://{domain}",
        "street": street,
        "postal_code": town.postal_code,
        "city": town.city,
        "revenue": fake.random_int(80, 4000) * 1000,
        "revenue_year": fake.random_element((2023, 2024)),
        "headcount": headcount,
        "head_office": {
            "street": street,
            "postal_code": town.postal_code,
            "city": town.city,
        },
        "director": _contact(fake, DIRECTOR_ROLES, domain),
        "commercial_contacts": [
            _contact(fake, CONTACT_ROLES, domain)
            for _contact_number in range(fake.random_int(0, 2))
        ],
    }
    if trade.certifications and fake.boolean(70):
        fields["certifications"] = fake.random_sample(
            trade.certifications,
            length=fake.random_int(1, len(trade.certifications)),
        )
    if trade.guarantees:
        fields["guarantees"] = trade.guarantees
    if fake.boolean(40):
        fields["carbon_footprint"] = fake.random_int(8, 400) * 1000
        fields["carbon_footprint_year"] = fake.random_element((2022, 2023, 2024))
    if fake.boolean(35):
        # Branches are in other departments than the head office.
        department = town.postal_code[:2]
        elsewhere = [other for other in TOWNS if other.postal_code[:2] != department]
        fields["establishments"] = [
            _establishment(fake, branch_town)
            for branch_town in fake.random_sample(
                elsewhere, length=fake.random_int(1, 2)
            )
        ]
    if fake.boolean(70):
        projects = fake.random_sample(
            trade.projects, length=fake.random_int(1, len(trade.projects))
        )
        clients = fake.random_sample(CLIENTS, length=len(projects))
        fields["client_references"] = [
            {
                "client": client.format(of_city=_of(town.city)),
                "project": project,
                "year": fake.random_int(2018, 2025),
            }
            for client, project in zip(clients, projects, strict=True)
        ]
    return fields


def _establishment(fake, town):
    kind = fake.random_element(("Agence", "Atelier", "Antenne"))
    return {
        "name": f"{kind} {_of(town.city)}",
        "street": fake.street_address(),
        "postal_code": town.postal_code,
        "city": town.city,
        "phone": _phone(fake, town),
    }
