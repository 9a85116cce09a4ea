"""Test layers of coop.policy: a Plone site with the whole coop platform installed."""

from coop.content.testing import REFUSED_SMTP_FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE
from Products.MailHost import MailHost
from zope.sendmail.delivery import QueueProcessorThread
from ZPublisher.HTTPRequest import HTTPRequest

import os
import shutil
import tempfile


# The instances' max-conflict-retries (profiles/base.cfg): a burst of
# sign-ups to one session is replayed as often on the test server.
MAX_CONFLICT_RETRIES = 5
# How often the test site's mail queue looks for mail to send, in seconds:
# zope.sendmail's 3 would make each test that reads a mail wait that long.
QUEUE_INTERVAL = 0.1


class PromptQueueProcessorThread(QueueProcessorThread):
    """The real queue thread, looking at the queue every QUEUE_INTERVAL."""

    def __init__(self, interval=QUEUE_INTERVAL):
        super().__init__(interval)


class CoopPolicyLayer(PloneSandboxLayer):
    # The MailHost (coop.policy.setuphandlers.mail) sends to the refused port.
    defaultBases = (PLONE_FIXTURE, REFUSED_SMTP_FIXTURE)

    def setUpZope(self, app, configurationContext):
        # The mail queue of the test site lives in a directory of its own.
        self._mail_queue = tempfile.mkdtemp(prefix="coop-mailqueue-")
        self._saved_environ = {key: os.environ.get(key) for key in ("COOP_MAIL_QUEUE",)}
        os.environ["COOP_MAIL_QUEUE"] = self._mail_queue
        self._saved_retries = HTTPRequest.retry_max_count
        HTTPRequest.retry_max_count = MAX_CONFLICT_RETRIES
        self._saved_queue_thread = MailHost.QueueProcessorThread
        MailHost.QueueProcessorThread = PromptQueueProcessorThread
        import coop.policy

        self.loadZCML(package=coop.policy)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "coop.policy:default")

    def tearDownZope(self, app):
        HTTPRequest.retry_max_count = self._saved_retries
        MailHost.QueueProcessorThread = self._saved_queue_thread
        for key, value in self._saved_environ.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(self._mail_queue, ignore_errors=True)


COOP_POLICY_FIXTURE = CoopPolicyLayer()

COOP_POLICY_INTEGRATION_TESTING = IntegrationTesting(
    bases=(COOP_POLICY_FIXTURE,),
    name="CoopPolicyLayer:IntegrationTesting",
)

COOP_POLICY_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(COOP_POLICY_FIXTURE, WSGI_SERVER_FIXTURE),
    name="CoopPolicyLayer:FunctionalTesting",
)
