"""The workshop themes that coaches name: a code that workshops keep, and a
name that may change."""

from coop.content import _
from coop.content.common.errors import InputError
from coop.content.common.text import is_plain_line
from coop.content.interfaces import valid_theme_code
from coop.content.vocabularies.intranet import THEMES_PREFIX
from coop.content.vocabularies.intranet import workshop_themes
from plone import api


THEMES_RECORD = f"{THEMES_PREFIX}.themes"
MAX_CODE = 40
MAX_NAME = 100


def clean_name(value, field):
    if not isinstance(value, str):
        raise InputError(_("A theme's name must be text."), field=field)
    value = value.strip()
    if not value:
        raise InputError(_("A theme's name is required."), field=field)
    if len(value) > MAX_NAME:
        raise InputError(
            _(
                "A theme's name has at most ${max} characters.",
                mapping={"max": MAX_NAME},
            ),
            field=field,
        )
    if not is_plain_line(value):
        raise InputError(
            _("A theme's name may not contain the characters < and > nor line breaks."),
            field=field,
        )
    return value


def clean_code(value):
    if not isinstance(value, str):
        raise InputError(_("A theme's code must be text."), field="code")
    value = value.strip()
    if len(value) > MAX_CODE or not valid_theme_code(value):
        raise InputError(
            _(
                "A theme's code has at most ${max} lower-case letters without "
                "accents, digits and hyphens, and starts with a letter or a digit.",
                mapping={"max": MAX_CODE},
            ),
            field="code",
        )
    if value in workshop_themes():
        raise InputError(_("A theme already has this code."), field="code")
    return value


def save_themes(names, new_code="", new_name=""):
    """Rename themes ({code: name}) and add one (`new_code`, `new_name`).

    A code names the same theme for ever: a rename keeps it. Nothing is
    stored unless everything is valid; the themes as stored.
    """
    themes = workshop_themes()
    for code, name in names.items():
        if code in themes:
            themes[code] = clean_name(name, field=f"name-{code}")
    if (new_code or "").strip() or (new_name or "").strip():
        themes[clean_code(new_code)] = clean_name(new_name, field="name")
    api.portal.set_registry_record(THEMES_RECORD, themes)
    return themes
