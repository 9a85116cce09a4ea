"""The demo buyer's favourites and saved searches (coop.policy:demo)."""

from coop.content.buyer_space import store
from plone import api


def space_of(email):
    with api.env.adopt_user(username=email):
        return store.favorites(), store.saved_searches()


def test_the_demo_buyer_has_favourites_and_searches(demo, apply_profiles, demo_profile):
    favorites, searches = space_of("acheteur@coop.example")
    assert {item["comment"] for item in favorites} == {
        "Bon rapport qualité/prix.",
        "Sérieux, délais tenus sur notre dernier chantier.",
        "Très professionnel, à recontacter pour l'appel d'offres de printemps.",
    }
    assert all(item["url"] for item in favorites)
    assert {item["name"] for item in searches} == {
        "Bâtiment en Haute-Savoie",
        "Menuiserie",
    }
    # Applied again, the profile adds nothing.
    apply_profiles(demo, [demo_profile])
    again = space_of("acheteur@coop.example")
    assert (len(again[0]), len(again[1])) == (3, 2)


def test_other_demo_accounts_have_an_empty_space(demo):
    assert space_of("cooperative@coop.example") == ([], [])
