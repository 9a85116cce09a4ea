"""Content types, behaviors, vocabularies and services of the coop platform."""

from zope.i18nmessageid import MessageFactory

import sys


_ = MessageFactory("coop.content")

# Persistent classes keep the module they were first stored under: records
# written before the feature layout name these modules. The upgrade step
# `upgrades/v20261207` rewrites them (tests/upgrades/test_v20261207.py).
MOVED_MODULES = {
    "coop.content.registrations.store": "coop.content.agenda.registrations.store",
}


def _alias_moved_modules():
    import importlib

    for old, new in MOVED_MODULES.items():
        sys.modules.setdefault(old, importlib.import_module(new))


_alias_moved_modules()
