"""The MailHost sends through a queue: a stopped SMTP server delays mail, loses none."""

from App.config import getConfiguration
from pathlib import Path
from plone import api

import os
import tempfile


def mail_settings():
    """SMTP host, port and queue directory of this deployment.

    They come from the instance's environment (set by buildout) so that the
    same profile serves development (a loopback sink) and production; without
    them, the local server on SMTP's own port, as Plone's MailHost.
    """
    clienthome = (
        getattr(getConfiguration(), "clienthome", None) or tempfile.gettempdir()
    )
    return (
        os.environ.get("COOP_SMTP_HOST", "localhost"),
        int(os.environ.get("COOP_SMTP_PORT", "25")),
        os.environ.get("COOP_MAIL_QUEUE", str(Path(clienthome) / "mailqueue")),
    )


def configure_mailhost(portal):
    host, port, queue_directory = mail_settings()
    for sub in ("cur", "new", "tmp"):
        Path(queue_directory, sub).mkdir(parents=True, exist_ok=True)
    # Plone's mailer reads the server from the registry, the MailHost keeps the
    # queue settings: both must say the same.
    api.portal.set_registry_record("plone.smtp_host", host)
    api.portal.set_registry_record("plone.smtp_port", port)
    mailhost = portal.MailHost
    mailhost.manage_makeChanges(
        title=mailhost.title,
        smtp_host=host,
        smtp_port=port,
        smtp_uid=mailhost.smtp_uid,
        smtp_pwd=mailhost.smtp_pwd,
        smtp_queue=True,
        smtp_queue_directory=queue_directory,
        force_tls=mailhost.force_tls,
        implicit_tls=getattr(mailhost, "implicit_tls", False),
    )
