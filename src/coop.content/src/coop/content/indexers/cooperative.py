from coop.content.content.cooperative import ICooperative
from coop.content.keywords import normalized_keywords
from plone.indexer import indexer


@indexer(ICooperative)
def competences(cooperative):
    """Folded competences: "Bâtiment " and "batiment" are one keyword."""
    return normalized_keywords(cooperative.competences)
