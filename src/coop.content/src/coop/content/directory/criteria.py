"""What a directory search asks: its criteria, their values, sort orders, batches.

`search.parse_query` checks a request's parameters into a `Query`; the engine
(`engine`) and its plain counterpart (`reference`) answer it.
"""

from coop.content.vocabularies import term_title
from dataclasses import dataclass
from dataclasses import field
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import re


PUBLISHED = "published"

# The criteria with a closed list of values, and their vocabularies.
VOCABULARY_FACETS = {
    "department": "coop.content.departments",
    "region": "coop.content.regions",
    "sector": "coop.content.naf_sections",
    "goods_services": "coop.content.cpv_divisions",
    "legal_form": "coop.content.legal_forms",
}
KEYWORDS = "competences"
FACETS = (*VOCABULARY_FACETS, KEYWORDS)
TEXT = "SearchableText"
CRITERIA = (TEXT, *FACETS)

# sort_on: the index and whether it runs backwards. Names for people, and
# the index ids that plone.restapi's @search takes, for REST clients.
SORTS = {
    "sortable_title": ("sortable_title", False),
    "name": ("sortable_title", False),
    "effective": ("effective", True),
    "newest": ("effective", True),
}
DEFAULT_SORT = "sortable_title"

DEFAULT_BATCH_SIZE = 20
MAX_BATCH_SIZE = 100
MAX_TEXT_LENGTH = 200
MAX_WORDS = 10
MAX_VALUES = 10
# The most common competences a facet lists.
KEYWORD_FACET_SIZE = 20
# Words of the text query: letters and digits; markup and operators fall out.
WORD = re.compile(r"\w+")
OPERATORS = {"and", "or", "not", "near"}


def vocabulary(name):
    """The closed list of values of the criterion `name`."""
    return getUtility(IVocabularyFactory, name=VOCABULARY_FACETS[name])(None)


def title(name, value):
    """The title of a facet's value; the value itself when the vocabulary lost it."""
    return term_title(VOCABULARY_FACETS[name], value)


@dataclass
class Query:
    """A checked search: the criteria given, sort order and batch."""

    criteria: dict = field(default_factory=dict)
    text: str = ""
    sort_on: str = DEFAULT_SORT
    b_start: int = 0
    b_size: int = DEFAULT_BATCH_SIZE

    def as_params(self):
        """The query as URL parameters (lists for repeated ones), without batching."""
        params = {TEXT: self.text} if self.text else {}
        params.update(self.criteria)
        if self.sort_on != DEFAULT_SORT:
            params["sort_on"] = self.sort_on
        return params


def text_query(text):
    """The ZCTextIndex query of what someone typed: every word, the last as a prefix.

    Markup, quotes, brackets and boolean operators cannot reach the query
    parser: only words do.
    """
    words = [
        word
        for word in WORD.findall(text)
        if len(word) > 1 and word.casefold() not in OPERATORS
    ][:MAX_WORDS]
    if not words:
        return ""
    words[-1] += "*"
    return " AND ".join(words)
