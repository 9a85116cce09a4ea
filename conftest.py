"""Settings and fixtures every test session of the project shares."""

import os


# Translations are compiled from the shipped .po files when Zope loads them;
# the tests check the French interface, so they need the compiled catalogs.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

from AccessControl.SecurityManagement import getSecurityManager  # noqa: E402
from AccessControl.SecurityManagement import newSecurityManager  # noqa: E402
from AccessControl.SecurityManagement import setSecurityManager  # noqa: E402
from AccessControl.users import nobody  # noqa: E402
from coop.content.testing import LoopbackSMTPServer  # noqa: E402
from coop.policy.setuphandlers.mail import configure_mailhost  # noqa: E402
from coop.policy.testing import COOP_POLICY_FUNCTIONAL_TESTING  # noqa: E402
from coop.policy.testing import COOP_POLICY_INTEGRATION_TESTING  # noqa: E402
from pathlib import Path  # noqa: E402
from plone import api  # noqa: E402
from Products.CMFCore.WorkflowCore import WorkflowException  # noqa: E402
from pytest_plone import fixtures_factory  # noqa: E402
from zope.i18n.compile import compile_mo_file  # noqa: E402

import contextlib  # noqa: E402
import pytest  # noqa: E402
import sys  # noqa: E402
import transaction  # noqa: E402


# The project's own packages, beside the eggs.
SOURCES = Path(__file__).parent / "src"


def pytest_configure(config):
    """Compile the translation catalogs of the packages and eggs once, before
    the test workers start.

    zope.i18n compiles a catalog when Zope loads it. On a fresh clone no .mo
    exists yet, and the pytest-xdist workers, and the instances that some
    tests start, would compile and read the same files at once: one read a
    catalog another was still writing (struct.error in gettext).
    """
    if hasattr(config, "workerinput"):
        return
    for entry in map(Path, sys.path):
        if entry.suffix == ".egg" or entry.is_relative_to(SOURCES):
            for catalog in entry.glob("**/LC_MESSAGES/*.po"):
                compile_mo_file(catalog.stem, str(catalog.parent))


# zope.pytestlayer creates the fixtures of a layer, and of its bases, once per
# session in the first conftest that asks. The whole-site layers of
# coop.policy serve both src/coop.policy/tests and the cross-package tests/,
# and their bases serve every package, so they are created here, where every
# test directory sees them; coop.content and coop.theme override
# `integration` and `functional` with their own layers in their conftest.
globals().update(
    fixtures_factory(
        (
            (COOP_POLICY_FUNCTIONAL_TESTING, "functional"),
            (COOP_POLICY_INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def smtp_server(functional_portal, monkeypatch):
    """A real SMTP server on loopback that the site's queued MailHost delivers to.

    The queue starts empty: messages that earlier tests queued (for a server
    that was not there) would otherwise arrive here.
    """
    server = LoopbackSMTPServer()
    server.start()
    monkeypatch.setenv("COOP_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("COOP_SMTP_PORT", str(server.port))
    mailhost = functional_portal.MailHost
    # The queue thread keeps the mailer it was started with.
    mailhost._stopQueueProcessorThread()
    configure_mailhost(functional_portal)
    for queued in Path(mailhost.smtp_queue_directory).glob("*/*"):
        queued.unlink()
    transaction.commit()
    yield server
    mailhost._stopQueueProcessorThread()
    server.stop()


@pytest.fixture
def as_anonymous():
    """A context in which the code runs as Zope's anonymous user."""

    @contextlib.contextmanager
    def anonymous():
        saved = getSecurityManager()
        newSecurityManager(None, nobody)
        try:
            yield
        finally:
            setSecurityManager(saved)

    return anonymous


@pytest.fixture
def does():
    """Whether `user` is offered `transition` on `obj` and can take it.

    Both must agree. The transition comes with a comment, as a send-back needs.
    """

    def done(user, transition, obj, comment="Merci de compléter."):
        workflow_tool = api.portal.get_tool("portal_workflow")
        before = api.content.get_state(obj)
        with api.env.adopt_user(user=user):
            offered = transition in {
                t["id"] for t in workflow_tool.getTransitionsFor(obj)
            }
            with contextlib.suppress(WorkflowException):
                workflow_tool.doActionFor(obj, transition, comment=comment)
        done = api.content.get_state(obj) != before
        assert offered is done
        return done

    return done
