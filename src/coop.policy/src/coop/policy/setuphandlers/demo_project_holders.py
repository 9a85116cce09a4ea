"""The demo project holder's public page in /porteurs-de-projet, published.

It is written and owned by the demo project holder, as a real page would be,
and published by the coaches' workflow; one sub-page shows what a page holds.
"""

from coop.content.common.config import PROJECT_HOLDER_TYPE
from coop.content.project_holders.pages import page_of
from plone import api
from plone.app.textfield.value import RichTextValue


PAGE = {
    "id": "atelier-bois-et-lumiere",
    "title": "Atelier Bois et Lumière",
    "activity": "Luminaires et petit mobilier en bois tourné",
    "description": (
        "Je tourne à la main des lampes, des suspensions et des petits meubles "
        "dans des bois de Haute-Savoie : frêne, noyer, érable et merisier, "
        "récupérés auprès des scieries et des élagueurs de la vallée.\n\n"
        "Chaque pièce est unique. Je travaille aussi sur commande pour les "
        "particuliers, les restaurants et les hébergements touristiques qui "
        "veulent un éclairage chaleureux et fabriqué près de chez eux.\n\n"
        "Vous me trouverez sur les marchés de créateurs d'Annecy et de Seynod, "
        "et à l'atelier sur rendez-vous."
    ),
    "sector": "C",
    "website": "https://bois-et-lumiere.example",
}
SUB_PAGE = {
    "id": "sur-commande",
    "title": "Sur commande",
    "description": "Un luminaire à vos mesures, du croquis à la pose.",
    "html": (
        "<p>Nous dessinons ensemble le luminaire : taille, essence de bois, "
        "finition. Je vous envoie un devis sous une semaine, puis je le "
        "fabrique en trois à six semaines selon la pièce.</p>"
        "<p>La livraison et la pose sont possibles dans tout le "
        "département.</p>"
    ),
}


def create_demo_project_holders(folder, holder):
    """The demo project holder's page, unless they have one already."""
    if page_of(holder.getId()) is not None:
        return
    with api.env.adopt_user(user=holder):
        page = api.content.create(
            container=folder, type=PROJECT_HOLDER_TYPE, safe_id=False, **PAGE
        )
        api.content.create(
            container=page,
            type="Document",
            id=SUB_PAGE["id"],
            title=SUB_PAGE["title"],
            description=SUB_PAGE["description"],
            text=RichTextValue(SUB_PAGE["html"], "text/html", "text/x-html-safe"),
        )
        api.content.transition(obj=page, transition="submit")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=page, transition="publish")
