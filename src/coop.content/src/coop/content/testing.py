"""Test layers of coop.content: a Plone site with coop.content installed."""

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from email.header import decode_header
from email.header import make_header
from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing import Layer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import os
import socket
import time


class RefusedSMTPLayer(Layer):
    """The SMTP server of test sites: a loopback port that refuses connections.

    A socket bound to the port, that never listens, keeps it for the whole
    session: no server can take it, the mail sink of `make start` included,
    so mail that a test does not catch with its own server (the
    `smtp_server` fixture) reaches nobody. The port goes into the
    environment that coop.policy reads (COOP_SMTP_HOST, COOP_SMTP_PORT).
    """

    HOST = "127.0.0.1"

    def setUp(self):
        self._socket = socket.socket()
        self._socket.bind((self.HOST, 0))
        self["smtp_port"] = self._socket.getsockname()[1]
        self._saved_environ = {
            key: os.environ.get(key) for key in ("COOP_SMTP_HOST", "COOP_SMTP_PORT")
        }
        os.environ["COOP_SMTP_HOST"] = self.HOST
        os.environ["COOP_SMTP_PORT"] = str(self["smtp_port"])

    def tearDown(self):
        for key, value in self._saved_environ.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        self._socket.close()
        del self["smtp_port"]


REFUSED_SMTP_FIXTURE = RefusedSMTPLayer()


def send_mail_to_the_refused_port(portal):
    """Point Plone's own MailHost (no queue) at the refused port."""
    host, port = os.environ["COOP_SMTP_HOST"], int(os.environ["COOP_SMTP_PORT"])
    portal.MailHost.smtp_host = host
    portal.MailHost.smtp_port = port
    api.portal.set_registry_record("plone.smtp_host", host)
    api.portal.set_registry_record("plone.smtp_port", port)


class CoopContentLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE, REFUSED_SMTP_FIXTURE)

    def setUpZope(self, app, configurationContext):
        import coop.content

        self.loadZCML(package=coop.content)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "coop.content:default")
        send_mail_to_the_refused_port(portal)


COOP_CONTENT_FIXTURE = CoopContentLayer()

COOP_CONTENT_INTEGRATION_TESTING = IntegrationTesting(
    bases=(COOP_CONTENT_FIXTURE,),
    name="CoopContentLayer:IntegrationTesting",
)

COOP_CONTENT_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(COOP_CONTENT_FIXTURE, WSGI_SERVER_FIXTURE),
    name="CoopContentLayer:FunctionalTesting",
)


class _Collector(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


class LoopbackSMTPServer:
    """A real SMTP server on 127.0.0.1 that keeps what it receives.

    It can be stopped and started again on the same port, to test that the
    site's mail queue holds messages while the server is away.
    """

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._collector = _Collector()
        self._controller = None

    @property
    def messages(self):
        return self._collector.messages

    def start(self):
        self._controller = Controller(
            self._collector, hostname="127.0.0.1", port=self.port
        )
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def subjects(self):
        """The decoded subjects of the messages received so far."""
        return [str(make_header(decode_header(m["Subject"]))) for m in self.messages]

    def wait_for(self, count, timeout=20.0):
        """Wait until ``count`` messages arrived; return them."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return list(self.messages)


def queue_drained(mailhost, timeout=20.0):
    """Wait until the mail queue is empty; the messages left in it.

    The queue thread removes a message from the queue just after the server
    took it: the server may hold every message a moment before the queue is
    empty.
    """
    deadline = time.monotonic() + timeout
    while mailhost.queueLength() and time.monotonic() < deadline:
        time.sleep(0.1)
    return mailhost.queueLength()


def plain_text(message):
    """The decoded plain-text part of a received message."""
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset())
