"""Mail goes through a queue: a stopped SMTP server delays mail and loses none."""

from coop.content.testing import queue_drained
from coop.policy.mail_queue import RetryingQueueProcessorThread
from plone import api

import os
import pytest
import socket
import time
import transaction


# The mail sink of `make start` (profiles/development.cfg).
DEVELOPMENT_SINK = ("127.0.0.1", 8025)


def send(subject, recipient="destinataire@example.org"):
    api.portal.send_email(recipient=recipient, subject=subject, body="Bonjour")
    transaction.commit()


def test_mailhost_uses_a_queue(portal):
    mailhost = portal.MailHost
    assert mailhost.smtp_queue is True
    assert mailhost.smtp_queue_directory == os.environ["COOP_MAIL_QUEUE"]
    assert os.path.isdir(os.path.join(mailhost.smtp_queue_directory, "new"))


def test_registry_and_mailhost_agree_on_the_server(portal):
    mailhost = portal.MailHost
    assert api.portal.get_registry_record("plone.smtp_host") == mailhost.smtp_host
    assert api.portal.get_registry_record("plone.smtp_port") == mailhost.smtp_port


@pytest.mark.parametrize("layer", ["portal", "functional_portal"])
def test_test_sites_send_to_a_port_that_refuses_mail(request, layer):
    mailhost = request.getfixturevalue(layer).MailHost
    server = (mailhost.smtp_host, mailhost.smtp_port)
    assert server != DEVELOPMENT_SINK
    assert mailhost.smtp_port != DEVELOPMENT_SINK[1]
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(server, timeout=5).close()


def test_sender_is_the_platform(portal):
    assert api.portal.get_registry_record("plone.email_from_address")
    assert api.portal.get_registry_record("plone.email_from_name")


def test_queued_mail_reaches_the_smtp_server(smtp_server):
    send("Premier message")
    (message,) = smtp_server.wait_for(1)
    assert smtp_server.subjects() == ["Premier message"]
    assert message["To"] == "destinataire@example.org"


def test_mail_waits_for_a_stopped_server_and_is_not_lost(
    functional_portal, smtp_server
):
    smtp_server.stop()
    send("Pendant la panne 1")
    send("Pendant la panne 2")
    # The request that sent them is done; the messages wait in the queue.
    time.sleep(4)
    assert functional_portal.MailHost.queueLength() == 2
    assert smtp_server.messages == []
    smtp_server.start()
    smtp_server.wait_for(2)
    assert sorted(smtp_server.subjects()) == [
        "Pendant la panne 1",
        "Pendant la panne 2",
    ]
    assert queue_drained(functional_portal.MailHost) == 0


def test_mailhost_runs_the_retrying_queue_thread(functional_portal, smtp_server):
    from Products.MailHost.MailHost import queue_threads

    send("Bonjour")
    smtp_server.wait_for(1)
    thread = queue_threads[functional_portal.MailHost._getThreadKey()]
    assert isinstance(thread, RetryingQueueProcessorThread)
