"""One check of a registration, for the web form and for @registrations.

`clean_registration` takes what came in (form strings or JSON values) and
returns the fields to store, or raises InputError whose message, in
French once translated, names the field.
"""

from coop.content import _
from coop.content.common.errors import InputError
from coop.content.common.mail import smtp_address
from coop.content.common.text import is_plain_line
from coop.content.vocabularies.events import PRESCRIBER_KINDS

import re


MAX_NAME = 100
MAX_EMAIL = 254
MAX_PHONE = 30
MAX_TOWN = 100
MAX_ORGANISATION = 200

EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
PHONE = re.compile(r"\+?[0-9 .()-]{6,}")

# Field name: (label, maximum length, required, kind)
PERSON_FIELDS = {
    "first_name": (_("First name"), MAX_NAME, True, "text"),
    "last_name": (_("Last name"), MAX_NAME, True, "text"),
    "email": (_("E-mail address of the person"), MAX_EMAIL, True, "email"),
    "phone": (_("Phone"), MAX_PHONE, False, "phone"),
    "town": (_("Town"), MAX_TOWN, False, "text"),
}
PRESCRIBER_FIELDS = {
    "kind": (_("Kind of organisation"), None, True, "prescriber_kind"),
    "organisation": (_("Organisation"), MAX_ORGANISATION, True, "text"),
    "name": (_("Prescriber's name"), MAX_NAME, True, "text"),
    "email": (_("Prescriber's e-mail"), MAX_EMAIL, True, "email"),
}
CONSENT_LABEL = _("Consent")


def _error(msgid, label, **mapping):
    return _(msgid, mapping={"field": label, **mapping})


def _clean_value(value, label, max_length, required, kind):
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InputError(_error("The field “${field}” must be text.", label))
    value = value.strip()
    if not value:
        if required:
            raise InputError(_error("The field “${field}” is required.", label))
        return ""
    if max_length and len(value) > max_length:
        raise InputError(
            _error(
                "The field “${field}” has at most ${max} characters.",
                label,
                max=max_length,
            )
        )
    if not is_plain_line(value):
        raise InputError(
            _error(
                "The field “${field}” may not contain the characters < and > "
                "nor line breaks.",
                label,
            )
        )
    if kind == "email":
        # Stored as SMTP servers take it: a domain out of ASCII in IDNA.
        value = smtp_address(value) if EMAIL.fullmatch(value) else None
        if value is None:
            raise InputError(
                _error("The field “${field}” is not a valid e-mail address.", label)
            )
    if kind == "phone" and not PHONE.fullmatch(value):
        raise InputError(
            _error("The field “${field}” is not a valid phone number.", label)
        )
    if kind == "prescriber_kind" and value not in dict(PRESCRIBER_KINDS):
        raise InputError(
            _error("The field “${field}” must be one of the proposed values.", label)
        )
    return value


def _clean_fields(data, fields, prefix=""):
    cleaned = {}
    for name, (label, max_length, required, kind) in fields.items():
        try:
            cleaned[name] = _clean_value(
                data.get(name), label, max_length, required, kind
            )
        except InputError as error:
            error.field = prefix + name
            raise
    return cleaned


def clean_registration(data):
    """The fields of a registration from `data`, or InputError."""
    cleaned = _clean_fields(data, PERSON_FIELDS)
    cleaned["email"] = cleaned["email"].lower()
    prescriber = data.get("prescriber")
    if prescriber in (None, {}, ""):
        cleaned["prescriber"] = None
    elif isinstance(prescriber, dict):
        cleaned["prescriber"] = _clean_fields(
            prescriber, PRESCRIBER_FIELDS, prefix="prescriber."
        )
        cleaned["prescriber"]["email"] = cleaned["prescriber"]["email"].lower()
    else:
        raise InputError(
            _error("The field “${field}” must be a set of fields.", _("Prescriber")),
            field="prescriber",
        )
    if data.get("consent") is not True:
        raise InputError(
            _error(
                "The field “${field}” is required: tick the box to let us keep "
                "these details for this registration.",
                CONSENT_LABEL,
            ),
            field="consent",
        )
    return cleaned
