"""How the entry's lists reach forms and REST.

Keywords are typed as one `;`-separated text; grids of rows check their
list's constraint in forms as they do over REST.
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from collective.z3cform.datagridfield.datagridfield import DataGridValidator
from coop.content.directory.keywords import split_keywords
from coop.content.interfaces import ICoopContentLayer
from plone.restapi.deserializer.dxfields import CollectionFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from z3c.form.converter import TextLinesConverter
from z3c.form.interfaces import ITextLinesWidget
from z3c.form.validator import SimpleFieldValidator
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.schema import List
from zope.schema.interfaces import IList


class IKeywords(IList):
    """A list of short texts that people type separated by semicolons."""


@implementer(IKeywords)
class Keywords(List):
    """Keywords are kept as typed; `coop.content.keywords` folds them for search."""


@adapter(IKeywords, ITextLinesWidget)
class KeywordsConverter(TextLinesConverter):
    def toFieldValue(self, value):
        return split_keywords(value)


@implementer(IFieldDeserializer)
@adapter(IKeywords, Interface, IBrowserRequest)
class KeywordsDeserializer(CollectionFieldDeserializer):
    """Accept a JSON list, or one text with `;` between the keywords."""

    def __call__(self, value):
        if isinstance(value, str):
            value = split_keywords(value)
        elif isinstance(value, list):
            value = [keyword.strip() for keyword in value if str(keyword).strip()]
        return super().__call__(value)


@adapter(Interface, ICoopContentLayer, Interface, IList, DataGridFieldWidget)
class GridValidator(DataGridValidator):
    """A grid's cells, then the list's own constraint, which the grid skips."""

    def validate(self, value, force=False):
        super().validate(value, force)
        return SimpleFieldValidator.validate(self, value, force)
