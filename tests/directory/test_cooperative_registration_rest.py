"""POST @cooperative-registration: a cooperative creates its draft entry over REST."""

from coop.content.directory.entries import cooperative_of
from coop.content.directory.entries import create_account
from plone import api

import pytest
import transaction


NEWCOMER = "gerance@scop-nouvelle.example"
NEW_SIRET = "44306184100054"
SERVICE = "/annuaire/@cooperative-registration"


@pytest.fixture
def directory(functional_portal, create_directory):
    """The personas, and a cooperative's account that has no entry yet."""
    directory = create_directory()
    create_account(NEWCOMER, directory.password, "Inès Garnier")
    transaction.commit()
    directory.emails = {**directory.emails, "newcomer": NEWCOMER}
    return directory


@pytest.fixture
def new_entry(cooperative_fields):
    """A valid body: the newcomer's own company."""
    return {
        **cooperative_fields,
        "title": "Scop Nouvelle",
        "siret": NEW_SIRET,
        "competences": "Charpente ; Couverture",
    }


def entry_of(email):
    transaction.begin()
    return cooperative_of(api.user.get(username=email).getId())


def entries():
    transaction.begin()
    return len(api.content.find(portal_type="Cooperative", unrestricted=True))


def test_a_cooperative_without_an_entry_creates_its_draft(as_persona, new_entry):
    response = as_persona("newcomer").post(SERVICE, json=new_entry)
    assert response.status_code == 201, response.text
    entry = entry_of(NEWCOMER)
    assert response.json() == {"@id": entry.absolute_url()}
    assert response.headers["Location"] == entry.absolute_url()
    assert api.content.get_state(entry) == "draft"
    owner = api.user.get(username=NEWCOMER).getId()
    assert entry.getOwner().getId() == owner
    assert entry.creators == (owner,)
    assert (entry.title, entry.siret) == ("Scop Nouvelle", NEW_SIRET)
    assert entry.competences == ["Charpente", "Couverture"]
    assert entry.goods_services == ["45"]
    assert (entry.department, entry.region) == ("74", "84")
    assert entry.consultation_email == NEWCOMER


def test_the_rows_of_an_entry_are_lists_of_objects(as_persona, new_entry):
    body = {
        **new_entry,
        "director": {"name": "Inès Garnier", "role": "Gérante"},
        "establishments": [{"name": "Atelier", "postal_code": "34000"}],
        "client_references": [{"client": "Ville d'Annecy", "year": 2023}],
        "revenue": 850000,
    }
    response = as_persona("newcomer").post(SERVICE, json=body)
    assert response.status_code == 201, response.text
    entry = entry_of(NEWCOMER)
    assert entry.director["name"] == "Inès Garnier"
    assert entry.establishments[0]["department"] == "34"
    (reference,) = entry.client_references
    assert (reference["client"], reference["year"]) == ("Ville d'Annecy", 2023)
    assert entry.revenue == 850000


@pytest.mark.parametrize(
    "persona, status, message",
    [
        ("anonymous", 401, None),
        ("buyer", 403, "Cette inscription est réservée aux nouvelles entreprises"),
        ("moderator", 403, "Cette inscription est réservée aux nouvelles entreprises"),
        (
            "site_administrator",
            403,
            "Cette inscription est réservée aux nouvelles entreprises",
        ),
        ("owner", 409, "Votre compte a déjà sa fiche dans l'annuaire"),
        ("other_cooperative", 409, "Votre compte a déjà sa fiche dans l'annuaire"),
    ],
)
def test_who_may_register_an_entry(as_persona, new_entry, persona, status, message):
    before = entries()
    response = as_persona(persona).post(SERVICE, json=new_entry)
    assert response.status_code == status, response.text
    if message is not None:
        assert message in response.json()["message"]
    assert entries() == before


def test_an_account_registers_one_entry(as_persona, new_entry):
    session = as_persona("newcomer")
    assert session.post(SERVICE, json=new_entry).status_code == 201
    again = {**new_entry, "title": "Scop Nouvelle bis", "siret": "73282932000082"}
    response = session.post(SERVICE, json=again)
    assert response.status_code == 409, response.text
    assert response.json()["message"] == (
        "Votre compte a déjà sa fiche dans l'annuaire : un compte n'a qu'une fiche."
    )
    assert entry_of(NEWCOMER).title == "Scop Nouvelle"


REQUIRED = "Ce champ est obligatoire."
WRONG_KIND = "Ce champ n'accepte pas cette valeur."
BAD_SIRET = "Le numéro SIRET comporte 14 chiffres et une clé de contrôle valide."


@pytest.mark.parametrize(
    "change, message",
    [
        # Missing
        ({"title": None}, f"title : {REQUIRED}"),
        ({"siret": ""}, f"siret : {REQUIRED}"),
        ({"city": "   "}, f"city : {REQUIRED}"),
        # Of another kind
        ({"title": 42}, f"title : {WRONG_KIND}"),
        ({"goods_services": 45}, f"goods_services : {WRONG_KIND}"),
        ({"sector": "ZZ"}, f"sector : {WRONG_KIND}"),
        ({"revenue": "beaucoup"}, f"revenue : {WRONG_KIND}"),
        ({"director": ["Inès"]}, f"director : {WRONG_KIND}"),
        # Oversized
        ({"title": "x" * 100_000}, "title : Le texte compte au plus 200 caractères."),
        (
            {"establishments": [{"city": "x" * 201}]},
            "establishments : Le texte compte au plus 200 caractères.",
        ),
        ({"siret": "7" * 10_000}, f"siret : {BAD_SIRET}"),
        (
            {"competences": "menuiserie; " + "x" * 41},
            "competences : Chaque compétence comporte au plus 40 caractères.",
        ),
        (
            {"goods_services": ["45", "39", "72", "79", "90"]},
            "goods_services : Choisissez entre 1 et 4 biens et services.",
        ),
        # Against the entry's rules
        ({"siret": "73282932000075"}, f"siret : {BAD_SIRET}"),
        ({"revenue": -5}, "revenue : Ce nombre ne peut pas être négatif."),
        (
            {"carbon_footprint_year": 1500},
            "carbon_footprint_year : La valeur doit être au moins 1990.",
        ),
        (
            {"website": "javascript:alert(1)"},
            "website : Une adresse web commence par http:// ou https://.",
        ),
        (
            {"client_references": [{"project": "École"}]},
            "client_references : Chaque référence client doit indiquer le nom du "
            "client.",
        ),
        (
            {"siret": "73282932000074"},
            "Une fiche existe déjà avec ce numéro SIRET. Si votre entreprise est "
            "préenregistrée, connectez-vous avec l'adresse que nous vous avons "
            "communiquée par courriel.",
        ),
    ],
)
def test_bad_input_is_refused_in_french_and_creates_nothing(
    as_persona, new_entry, change, message
):
    before = entries()
    response = as_persona("newcomer").post(SERVICE, json={**new_entry, **change})
    assert response.status_code == 400, response.text
    error = response.json()
    assert (error["type"], error["message"]) == ("BadRequest", message)
    assert entry_of(NEWCOMER) is None
    assert entries() == before


@pytest.mark.parametrize("name", ["@type", "sirett", "review_state"])
def test_a_key_that_is_no_field_is_refused(as_persona, new_entry, name):
    response = as_persona("newcomer").post(SERVICE, json={**new_entry, name: "x"})
    assert response.status_code == 400, response.text
    assert response.json()["message"].startswith(
        f"Champs inconnus : {name}. Les champs sont : title, legal_form, siret,"
    )
    assert entry_of(NEWCOMER) is None


@pytest.mark.parametrize(
    "body, message",
    [
        ("{pas du json", "Le corps de la requête n'est pas du JSON valide."),
        ("[1, 2]", "Le corps de la requête doit être un objet JSON."),
    ],
)
def test_a_body_that_is_no_object_is_refused(as_persona, body, message):
    response = as_persona("newcomer").post(
        SERVICE, data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.json()["message"] == message
    assert entry_of(NEWCOMER) is None


def test_markup_in_the_title_is_stored_as_text_and_shown_escaped(as_persona, new_entry):
    script = "<script>alert('coop')</script> Scop"
    response = as_persona("newcomer").post(SERVICE, json={**new_entry, "title": script})
    assert response.status_code == 201, response.text
    assert entry_of(NEWCOMER).title == script
    page = as_persona("newcomer", api=False).get(
        response.json()["@id"], headers={"Accept": "text/html"}
    )
    assert page.status_code == 200
    assert "<script>alert('coop')" not in page.text
    assert "&lt;script&gt;alert('coop')&lt;/script&gt; Scop" in page.text


def test_the_registration_lives_in_the_directory_only(as_persona, new_entry):
    response = as_persona("newcomer").post(
        "/agenda/@cooperative-registration", json=new_entry
    )
    assert response.status_code == 404, response.text
    assert entry_of(NEWCOMER) is None
