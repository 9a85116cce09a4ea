"""@favorites and @saved-searches (DESIGN §7): each user's own, never anonymous."""

from plone import api

import pytest
import transaction


@pytest.fixture
def directory(functional_portal, create_directory):
    """The personas, with the owner's file published and the other one a draft."""
    directory = create_directory()
    directory.bring_to(directory.cooperative, "published")
    transaction.commit()
    return directory


@pytest.fixture
def uid(directory):
    return api.content.get_uuid(directory.cooperative)


@pytest.fixture
def as_persona(request_factory, directory):
    def session(persona):
        if persona == "anonymous":
            return request_factory()
        return request_factory(
            basic_auth=(directory.emails[persona], directory.password)
        )

    return session


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
    assert created["query"] == query
    items = buyer.get("/@saved-searches").json()["items"]
    assert items == [created]
    response = buyer.delete("/@saved-searches", params={"id": created["id"]})
    assert response.status_code == 204, response.text
    assert buyer.get("/@saved-searches").json() == {"items": []}
