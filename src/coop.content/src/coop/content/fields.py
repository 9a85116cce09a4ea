"""A list of keywords typed as one `;`-separated text, in forms and over REST."""

from coop.content.keywords import split_keywords
from plone.restapi.deserializer.dxfields import CollectionFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from z3c.form.converter import TextLinesConverter
from z3c.form.interfaces import ITextLinesWidget
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
