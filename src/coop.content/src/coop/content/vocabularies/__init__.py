"""The reference vocabularies of the cooperative directory.

The lists are static, so each vocabulary is built once at import and the
factories return it whatever the context.
"""

from coop.content.vocabularies.cpv import CPV_DIVISIONS
from coop.content.vocabularies.events import EVENT_KINDS
from coop.content.vocabularies.events import PRESCRIBER_KINDS
from coop.content.vocabularies.geography import DEPARTMENTS
from coop.content.vocabularies.geography import REGIONS
from coop.content.vocabularies.legal_forms import LEGAL_FORMS
from coop.content.vocabularies.naf import NAF_SECTIONS
from zope.component import getUtility
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _vocabulary(items, with_code):
    # People know departments, NAF sections and CPV divisions by their codes as
    # much as by their names; region codes and legal form tokens mean nothing to
    # them.
    return SimpleVocabulary(
        [
            SimpleTerm(
                value=code,
                token=code,
                title=f"{code} – {name}" if with_code else name,
            )
            for code, name in items
        ]
    )


_DEPARTMENTS = _vocabulary(DEPARTMENTS, with_code=True)
_REGIONS = _vocabulary(REGIONS, with_code=False)
_NAF_SECTIONS = _vocabulary(NAF_SECTIONS, with_code=True)
_CPV_DIVISIONS = _vocabulary(CPV_DIVISIONS, with_code=True)
_LEGAL_FORMS = _vocabulary(LEGAL_FORMS, with_code=False)
_EVENT_KINDS = _vocabulary(EVENT_KINDS, with_code=False)
_PRESCRIBER_KINDS = _vocabulary(PRESCRIBER_KINDS, with_code=False)


@provider(IVocabularyFactory)
def departments_vocabulary(context):
    """The 101 French departments, titled "74 – Haute-Savoie"."""
    return _DEPARTMENTS


@provider(IVocabularyFactory)
def regions_vocabulary(context):
    """The 18 French regions, titled by name."""
    return _REGIONS


@provider(IVocabularyFactory)
def naf_sections_vocabulary(context):
    """The 21 NAF rev. 2 sections, titled "F – Construction"."""
    return _NAF_SECTIONS


@provider(IVocabularyFactory)
def cpv_divisions_vocabulary(context):
    """The CPV 2008 divisions, titled "45 – Travaux de construction"."""
    return _CPV_DIVISIONS


@provider(IVocabularyFactory)
def legal_forms_vocabulary(context):
    """The legal forms of the cooperatives, titled by name."""
    return _LEGAL_FORMS


def term_title(vocabulary_name, value, context=None):
    """The title of `value` in a named vocabulary; a value it does not know as is."""
    if value in (None, ""):
        return None
    terms = getUtility(IVocabularyFactory, name=vocabulary_name)(context)
    return terms.getTerm(value).title if value in terms else value


@provider(IVocabularyFactory)
def event_kinds_vocabulary(context):
    """The kinds of public events of the agenda, titled in French."""
    return _EVENT_KINDS


@provider(IVocabularyFactory)
def prescriber_kinds_vocabulary(context):
    """The kinds of organisations whose staff register people to events."""
    return _PRESCRIBER_KINDS
