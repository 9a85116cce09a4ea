"""Every message of the platform: French, plain text and HTML, through the queue."""

from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr
from html import escape
from plone import api


# SMTP ends lines with CRLF (RFC 5321 §2.3.8). The MailHost writes a message
# object out with its own policy; with the default one (LF), a strict server
# reads a message longer than 1000 bytes as one line and refuses it.
SMTP_POLICY = compat32.clone(linesep="\r\n")


def text_to_html(text):
    """Paragraphs of `text` as HTML, for the HTML part of a plain-text message."""
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    body = "".join(
        "<p>{}</p>".format(escape(part).replace("\n", "<br />")) for part in paragraphs
    )
    return f'<!DOCTYPE html><html lang="fr"><body>{body}</body></html>'


def send_mail(recipients, subject, text, reply_to=None):
    """Queue a message to `recipients`; the caller's request does not wait for SMTP."""
    sender = formataddr(
        (
            api.portal.get_registry_record("plone.email_from_name"),
            api.portal.get_registry_record("plone.email_from_address"),
        )
    )
    message = MIMEMultipart("alternative", policy=SMTP_POLICY)
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    if reply_to:
        message["Reply-To"] = reply_to
    message.attach(MIMEText(text, "plain", "utf-8"))
    message.attach(MIMEText(text_to_html(text), "html", "utf-8"))
    api.portal.get_tool("MailHost").send(
        message, mto=list(recipients), mfrom=sender, immediate=False
    )
