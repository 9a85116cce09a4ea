"""Settings every test session of the project shares."""

import os


# Translations are compiled from the shipped .po files when Zope loads them;
# the tests check the French interface, so they need the compiled catalogs.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
