"""@favorites and @saved-searches: each user's own, never anonymous."""

from coop.content.buyer_space.store import FAVORITES_KEY
from coop.content.buyer_space.store import SAVED_SEARCHES_KEY
from plone import api
from zope.annotation.interfaces import IAnnotations

import pytest
import transaction


@pytest.fixture
def uid(directory):
    return api.content.get_uuid(directory.cooperative)


@pytest.fixture
def buyer(as_persona):
    return as_persona("buyer")


def test_favorites_crud(buyer, uid, directory):
    assert buyer.get("/@favorites").json() == {"items": []}
    response = buyer.post("/@favorites", json={"uid": uid, "comment": "Sérieux"})
    assert response.status_code == 201, response.text
    items = buyer.get("/@favorites").json()["items"]
    assert len(items) == 1
    item = items[0]
    assert set(item) == {"uid", "title", "@id", "comment", "added"}
    assert item["uid"] == uid
    assert item["title"] == "Scop Menuiserie du Lac"
    assert item["@id"] == directory.cooperative.absolute_url()
    assert item["comment"] == "Sérieux"
    assert item["added"].startswith("20")

    response = buyer.patch("/@favorites", json={"uid": uid, "comment": "Réactif"})
    assert response.status_code == 204, response.text
    assert buyer.get("/@favorites").json()["items"][0]["comment"] == "Réactif"

    response = buyer.delete("/@favorites", params={"uid": uid})
    assert response.status_code == 204, response.text
    assert buyer.get("/@favorites").json() == {"items": []}


def test_saved_searches_crud(buyer):
    assert buyer.get("/@saved-searches").json() == {"items": []}
    query = {"department": "74", "sector": ["F", "C"], "SearchableText": "bois"}
    response = buyer.post(
        "/@saved-searches", json={"name": "Menuiseries 74", "query": query}
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert set(created) == {"id", "name", "query", "created"}
    # Stored as the search reads it: each criterion a list of values.
    assert created["query"] == {**query, "department": ["74"]}
    items = buyer.get("/@saved-searches").json()["items"]
    assert items == [created]
    response = buyer.delete("/@saved-searches", params={"id": created["id"]})
    assert response.status_code == 204, response.text
    assert buyer.get("/@saved-searches").json() == {"items": []}


# Saved searches are added and deleted, never changed.
SERVICES = [
    *((method, "/@favorites") for method in ("get", "post", "patch", "delete")),
    *((method, "/@saved-searches") for method in ("get", "post", "delete")),
]


@pytest.mark.parametrize(("method", "service"), SERVICES)
def test_anonymous_gets_401(as_persona, uid, service, method):
    anonymous = as_persona("anonymous")
    response = getattr(anonymous, method)(service, json={"uid": uid, "name": "x"})
    assert response.status_code == 401, (method, service, response.status_code)


@pytest.mark.parametrize("persona", ["buyer", "other_cooperative", "moderator"])
def test_every_member_keeps_its_own(as_persona, uid, persona):
    session = as_persona(persona)
    assert session.post("/@favorites", json={"uid": uid}).status_code == 201
    assert [i["uid"] for i in session.get("/@favorites").json()["items"]] == [uid]
    response = session.post("/@saved-searches", json={"name": "Tout", "query": {}})
    assert response.status_code == 201, response.text


def test_users_see_and_change_only_their_own(as_persona, uid):
    buyer, other = as_persona("buyer"), as_persona("other_cooperative")
    buyer.post("/@favorites", json={"uid": uid, "comment": "Le mien"})
    search_id = buyer.post(
        "/@saved-searches", json={"name": "La mienne", "query": {"sector": "F"}}
    ).json()["id"]

    assert other.get("/@favorites").json() == {"items": []}
    assert other.get("/@saved-searches").json() == {"items": []}
    response = other.patch("/@favorites", json={"uid": uid, "comment": "Volé"})
    assert response.status_code == 400
    assert response.json()["message"] == (
        "Cette coopérative n'est pas parmi vos favoris."
    )
    assert other.delete("/@favorites", params={"uid": uid}).status_code == 400
    response = other.delete("/@saved-searches", params={"id": search_id})
    assert response.status_code == 400
    assert response.json()["message"] == "Cette recherche enregistrée n'existe pas."

    (favorite,) = buyer.get("/@favorites").json()["items"]
    assert favorite["comment"] == "Le mien"
    (search,) = buyer.get("/@saved-searches").json()["items"]
    assert search["name"] == "La mienne"


def bad_request(response, message):
    assert response.status_code == 400, response.text
    error = response.json()
    assert (error["type"], error["message"]) == ("BadRequest", message)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "Le champ « uid » est obligatoire."),
        ({"uid": 42}, "Le champ « uid » doit être du texte."),
        (
            {"uid": "not-a-uid"},
            "Cette coopérative n'existe pas ou n'est pas publiée dans l'annuaire.",
        ),
        (
            {"comment": "x" * 1001},
            "Le champ « commentaire » compte au plus 1000 caractères.",
        ),
        ({"comment": ["liste"]}, "Le champ « commentaire » doit être du texte."),
    ],
)
def test_favorites_bad_input(buyer, uid, body, message):
    body = {"uid": uid, **body} if "uid" not in body and body else body
    bad_request(buyer.post("/@favorites", json=body), message)
    assert buyer.get("/@favorites").json() == {"items": []}


def test_favorite_must_be_a_published_cooperative(buyer, directory, functional_portal):
    not_published = api.content.get_uuid(directory.other_entry)
    folder = api.content.get_uuid(functional_portal["annuaire"])
    for uid in (not_published, folder):
        bad_request(
            buyer.post("/@favorites", json={"uid": uid}),
            "Cette coopérative n'existe pas ou n'est pas publiée dans l'annuaire.",
        )
    assert buyer.get("/@favorites").json() == {"items": []}


def test_favorite_once(buyer, uid):
    assert buyer.post("/@favorites", json={"uid": uid}).status_code == 201
    bad_request(
        buyer.post("/@favorites", json={"uid": uid, "comment": "Encore"}),
        "Scop Menuiserie du Lac est déjà parmi vos coopératives favorites.",
    )
    assert buyer.get("/@favorites").json()["items"][0]["comment"] == ""


def test_favorite_patch_bad_input(buyer, uid):
    buyer.post("/@favorites", json={"uid": uid, "comment": "Sérieux"})
    bad_request(
        buyer.patch("/@favorites", json={"uid": uid}),
        "Le champ « commentaire » est obligatoire.",
    )
    bad_request(
        buyer.patch("/@favorites", json={"uid": uid, "comment": "x" * 1001}),
        "Le champ « commentaire » compte au plus 1000 caractères.",
    )
    bad_request(
        buyer.patch("/@favorites", data="pas du json"),
        "Le corps de la requête n'est pas du JSON valide.",
    )
    bad_request(
        buyer.patch("/@favorites", json=["liste"]),
        "Le corps de la requête doit être un objet JSON.",
    )
    assert buyer.get("/@favorites").json()["items"][0]["comment"] == "Sérieux"


def test_markup_is_kept_as_text(buyer, uid):
    script = "<script>alert('x')</script>"
    buyer.post("/@favorites", json={"uid": uid, "comment": script})
    buyer.post("/@saved-searches", json={"name": script, "query": {}})
    assert buyer.get("/@favorites").json()["items"][0]["comment"] == script
    assert buyer.get("/@saved-searches").json()["items"][0]["name"] == script


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"query": {"sector": "F"}}, "Le champ « nom » est obligatoire."),
        ({"name": "   ", "query": {}}, "Le champ « nom » est obligatoire."),
        ({"name": 12, "query": {}}, "Le champ « nom » doit être du texte."),
        ({"name": "n" * 101}, "Le champ « nom » compte au plus 100 caractères."),
        (
            {"name": "R", "query": ["sector", "F"]},
            "Le champ « critères » doit être un objet de critères de recherche.",
        ),
        (
            {"name": "R", "query": {"sector": "F", "portal_type": "Document"}},
            "Critères de recherche inconnus : portal_type. Critères connus : "
            "SearchableText, department, region, sector, goods_services, "
            "legal_form, competences, sort_on.",
        ),
        (
            {"name": "R", "query": {"sector": {"query": "F"}}},
            "Le critère « Secteur d'activité » attend du texte.",
        ),
        (
            {"name": "R", "query": {"SearchableText": "x" * 201}},
            "Le texte recherché est trop long : 200 caractères au plus.",
        ),
        (
            {"name": "R", "query": {"department": [f"{n:02}" for n in range(1, 12)]}},
            "Trop de valeurs pour le critère « Département » : 10 au plus.",
        ),
        (
            {"name": "R", "query": {"department": ["74", "zz"]}},
            "Valeur inconnue « zz » pour le critère « Département ».",
        ),
        (
            {"name": "R", "query": {"sort_on": "bogus"}},
            "Ordre de tri inconnu « bogus » : utilisez sortable_title (par nom) ou "
            "effective (les plus récentes).",
        ),
        (
            {"name": "R", "query": {"SearchableText": ["bois", "fer"]}},
            "Le critère « Texte recherché » attend du texte.",
        ),
    ],
)
def test_saved_searches_bad_input(buyer, body, message):
    bad_request(buyer.post("/@saved-searches", json=body), message)
    assert buyer.get("/@saved-searches").json() == {"items": []}


def test_delete_unknown(buyer):
    bad_request(
        buyer.delete("/@favorites", params={"uid": "nope"}),
        "Cette coopérative n'est pas parmi vos favoris.",
    )
    bad_request(
        buyer.delete("/@saved-searches"),
        "Cette recherche enregistrée n'existe pas.",
    )


def test_a_deleted_account_takes_its_favorites_and_searches(
    buyer, as_persona, uid, directory, functional_portal
):
    assert buyer.post("/@favorites", json={"uid": uid}).status_code == 201
    search = {"name": "Bois", "query": {"SearchableText": "bois"}}
    assert buyer.post("/@saved-searches", json=search).status_code == 201
    owner = as_persona("owner")
    assert owner.post("/@favorites", json={"uid": uid}).status_code == 201
    transaction.begin()
    buyer_id = api.user.get(username=directory.emails["buyer"]).getId()

    response = as_persona("site_administrator").delete(f"/@users/{buyer_id}")

    assert response.status_code == 204, response.text
    transaction.begin()
    annotations = IAnnotations(functional_portal)
    assert buyer_id not in annotations[FAVORITES_KEY]
    assert buyer_id not in annotations[SAVED_SEARCHES_KEY]
    # The others keep theirs.
    assert len(owner.get("/@favorites").json()["items"]) == 1
