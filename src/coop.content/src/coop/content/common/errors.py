"""The errors of the platform's rules, said in French.

Domain code raises `InputError` for input a rule refuses; a page shows its
message next to the field it names, a REST service
(`coop.content.common.services.CoopService`) answers it as a 400 whose
message is the French text. Field constraints raise zope.schema's
`ValidationError`, as forms need; `field_message` words them in French.
"""

from coop.content import _
from zope.i18n import translate
from zope.schema.interfaces import ConstraintNotSatisfied
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import TooSmall
from zope.schema.interfaces import WrongContainedType
from zope.schema.interfaces import WrongType


# zope.schema's refusals of a value of another kind (its number literals are
# ValueErrors too): its own words for them are vague or English.
WRONG_KIND = (WrongType, WrongContainedType, ConstraintNotSatisfied, ValueError)


class InputError(ValueError):
    """Input a rule refuses.

    `message` is a translatable message of the coop.content domain that says
    what is wrong and names the field; `field` is the name of that field (a
    dotted name inside a set of fields, such as ``prescriber.email``), or None
    when the refusal is about the input as a whole.
    """

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field

    def translated(self, request):
        return translate(self.message, context=request)


def field_message(error):
    """The message of a field's `ValidationError`, to translate.

    The platform's constraints say what is wrong in their own message;
    zope.schema's get the words of the rule they apply.
    """
    if isinstance(error, RequiredMissing):
        return _("This field is required.")
    if isinstance(error, TooSmall):
        return _("The value must be at least ${min}.", mapping={"min": error.bound})
    if isinstance(error, TooBig):
        return _("The value must be at most ${max}.", mapping={"max": error.bound})
    if isinstance(error, TooLong):
        maximum = {"max": error.bound}
        return _("The text has at most ${max} characters.", mapping=maximum)
    if isinstance(error, WRONG_KIND):
        return _("This field does not take this value.")
    return error.doc()
