from coop.content.content.cooperative import ICooperative
from coop.content.directory.keywords import normalized_keywords
from coop.content.directory.moderation import last_submission
from coop.content.vocabularies import term_title
from coop.content.vocabularies.geography import department_for_postal_code
from coop.content.vocabularies.geography import region_for_department
from plone.indexer import indexer


@indexer(ICooperative)
def competences(cooperative):
    """Folded competences: "Bâtiment " and "batiment" are one keyword."""
    return normalized_keywords(cooperative.competences)


@indexer(ICooperative)
def competence_labels(cooperative):
    """The competences as the cooperative typed them, for the result cards."""
    return tuple(cooperative.competences or ())


@indexer(ICooperative)
def submitted(cooperative):
    """Last submission for review: the review queue lists the oldest first.

    An entry that never went through `submit` sorts by its creation date: a
    catalog query sorted on an index drops the items that index lacks, and no
    pending entry may drop out of the queue.
    """
    return last_submission(cooperative) or cooperative.created()


def _departments(cooperative):
    """The head office's department and every secondary establishment's."""
    head_office = cooperative.head_office or {}
    codes = [
        cooperative.department,
        department_for_postal_code(head_office.get("postal_code")),
        *(row.get("department") for row in cooperative.establishments or ()),
    ]
    return list(dict.fromkeys(filter(None, codes)))


@indexer(ICooperative)
def department(cooperative):
    """A buyer looking in a department finds the cooperatives established there."""
    return _departments(cooperative)


@indexer(ICooperative)
def region(cooperative):
    """The regions of the head office and of every establishment."""
    regions = map(region_for_department, _departments(cooperative))
    return list(dict.fromkeys(filter(None, regions)))


@indexer(ICooperative)
def has_logo(cooperative):
    return bool(cooperative.logo)


@indexer(ICooperative)
def searchable_text(cooperative):
    """Name, activity, competences, goods and services, sector and towns.

    The site's lexicon folds case and accents: "batiment" finds "Bâtiment".
    """
    establishments = cooperative.establishments or ()
    words = [
        cooperative.title,
        cooperative.description,
        *(cooperative.competences or ()),
        *(
            term_title("coop.content.cpv_divisions", code)
            for code in cooperative.goods_services or ()
        ),
        term_title("coop.content.naf_sections", cooperative.sector),
        cooperative.city,
        *(row.get("city") for row in establishments),
    ]
    return " ".join(filter(None, words))
