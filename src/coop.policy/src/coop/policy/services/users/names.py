"""A member's names in a REST body: text within the member schema's lengths."""

from coop.policy import _
from coop.policy.member_schema import NAME_FIELDS
from plone.app.users.browser.userdatapanel import getUserDataSchema
from zope.i18n import translate


def name_label(name, request):
    """The field's title, as the forms show it."""
    return translate(getUserDataSchema()[name].title, context=request)


def name_errors(data, request):
    """(field, message) for each name given in `data` that is no text or too long."""
    schema = getUserDataSchema()
    for name in NAME_FIELDS:
        value = data.get(name)
        if value is None or value == "":
            continue
        label = name_label(name, request)
        if not isinstance(value, str):
            yield name, _('"${field}" must be text.', mapping={"field": label})
        elif len(value) > schema[name].max_length:
            yield (
                name,
                _(
                    '"${field}" is too long: at most ${max} characters.',
                    mapping={"field": label, "max": schema[name].max_length},
                ),
            )
