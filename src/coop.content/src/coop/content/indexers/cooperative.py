from coop.content.content.cooperative import ICooperative
from coop.content.keywords import normalized_keywords
from coop.content.moderation import last_submission
from plone.indexer import indexer


@indexer(ICooperative)
def competences(cooperative):
    """Folded competences: "Bâtiment " and "batiment" are one keyword."""
    return normalized_keywords(cooperative.competences)


@indexer(ICooperative)
def submitted(cooperative):
    """Last submission for review: the review queue lists the oldest first.

    A file that never went through `submit` sorts by its creation date: a
    catalog query sorted on an index drops the items that index lacks, and no
    pending file may drop out of the queue.
    """
    return last_submission(cooperative) or cooperative.created()
