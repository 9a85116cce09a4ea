"""How plone.restapi reads the fields of the intranet's content (workshops,
appointments): refusals in French.

plone.restapi's readers refuse a value zope.schema's way, in English for
some and with a server error for a value of the wrong JSON type (a number
for a date, a list for a choice). Here every field of a workshop or an
appointment is read by plone.restapi's own reader, and a value it refuses
comes back as a French message naming the field; the content endpoints
answer it as a 400 and store nothing.
"""

from coop.content import _
from coop.content.common.errors import field_message
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import getSiteManager
from zope.interface import implementer
from zope.interface import providedBy
from zope.schema.interfaces import ValidationError


# The choices that name someone or something: a value out of their
# vocabulary names nothing.
NOBODY = {
    "entrepreneur": _("The field “entrepreneur” names no project holder."),
    "coach": _("The field “coach” names no coach."),
    "trainer": _("The field “trainer” names no coach."),
    "theme": _("The field “theme” names no workshop theme."),
}


class Refused(ValidationError):
    """A field's value refused, with the French message plone.restapi shows."""

    def __init__(self, message, field_name):
        super().__init__(message, field_name)
        self.message = message
        self.field_name = field_name

    def doc(self):
        return self.message


def refusal(field_name, error):
    """The message that refuses a field's value for `error`."""
    if field_name in NOBODY and not isinstance(error, TypeError):
        return NOBODY[field_name]
    kind = error if isinstance(error, (ValidationError, ValueError)) else ValueError()
    return _(
        "The field “${field}”: ${message}",
        mapping={"field": field_name, "message": field_message(kind)},
    )


def _reader(field, request):
    """plone.restapi's reader of `field` on any content."""
    return getSiteManager().adapters.lookup(
        (providedBy(field), IDexterityContent, providedBy(request)),
        IFieldDeserializer,
    )


@implementer(IFieldDeserializer)
class IntranetFieldDeserializer:
    """Any field of a workshop or an appointment (registered for each kind of
    field that plone.restapi reads its own way)."""

    def __init__(self, field, context, request):
        self.field = field
        self.context = context
        self.request = request

    def __call__(self, value):
        reader = _reader(self.field, self.request)(
            self.field, self.context, self.request
        )
        try:
            return reader(value)
        except (ValidationError, ValueError, TypeError, LookupError) as error:
            name = self.field.__name__
            raise Refused(refusal(name, error), name) from None
