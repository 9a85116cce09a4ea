"""The demo buyer's space: a few favourite cooperatives and saved searches.

As a buyer uses them: comments such as "bon rapport qualité/prix", and the
searches a buyer runs often. Applying
the demo profile again adds nothing to a space that has content already.
"""

from coop.content.buyer_space import store
from coop.content.common.config import COOPERATIVE_TYPE
from plone import api


COMMENTS = (
    "Bon rapport qualité/prix.",
    "Sérieux, délais tenus sur notre dernier chantier.",
    "Très professionnel, à recontacter pour l'appel d'offres de printemps.",
)
SEARCHES = (
    ("Bâtiment en Haute-Savoie", {"sector": "F", "department": "74"}),
    ("Menuiserie", {"SearchableText": "menuiserie"}),
)


def create_demo_buyer_space(buyer):
    """Favourites among the published entries, and saved searches, for `buyer`."""
    with api.env.adopt_user(user=buyer):
        if not store.favorites():
            brains = api.content.find(
                portal_type=COOPERATIVE_TYPE,
                review_state="published",
                sort_on="sortable_title",
            )[: len(COMMENTS)]
            for brain, comment in zip(brains, COMMENTS, strict=False):
                store.add_favorite(brain.UID, comment)
        if not store.saved_searches():
            for name, query in SEARCHES:
                store.add_saved_search(name, query)
