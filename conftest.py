"""Settings and fixtures every test session of the project shares."""

import os


# Translations are compiled from the shipped .po files when Zope loads them;
# the tests check the French interface, so they need the compiled catalogs.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

from plone.app.testing import PLONE_FIXTURE  # noqa: E402
from plone.testing.zope import WSGI_SERVER_FIXTURE  # noqa: E402

import zope.pytestlayer.fixture  # noqa: E402


# zope.pytestlayer creates the fixtures of a layer's bases once per session, in
# the first conftest that asks; the packages' layers share these bases, so
# they are created here, where every test directory sees them.
globals().update(zope.pytestlayer.fixture.create(PLONE_FIXTURE, WSGI_SERVER_FIXTURE))
