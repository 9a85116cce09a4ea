"""Every message of the platform: French, plain text and HTML, through the queue."""

from email import encoders
from email.mime.base import MIMEBase
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


def _attachment(filename, content_type, data):
    maintype, subtype = content_type.split("/", 1)
    if maintype == "text":
        part = MIMEText(data.decode("utf-8"), subtype, "utf-8")
    else:
        part = MIMEBase(maintype, subtype)
        part.set_payload(data)
        encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def send_mail(recipients, subject, text, reply_to=None, html=None, attachments=()):
    """Queue a message to `recipients`; the caller's request does not wait for SMTP.

    The HTML part is `html` when given (a whole document), else the
    paragraphs of `text`. `attachments` are (filename, content type, bytes).
    """
    sender = formataddr(
        (
            api.portal.get_registry_record("plone.email_from_name"),
            api.portal.get_registry_record("plone.email_from_address"),
        )
    )
    body = MIMEMultipart("alternative", policy=SMTP_POLICY)
    body.attach(MIMEText(text, "plain", "utf-8"))
    body.attach(MIMEText(html or text_to_html(text), "html", "utf-8"))
    if attachments:
        message = MIMEMultipart("mixed", policy=SMTP_POLICY)
        message.attach(body)
        for attachment in attachments:
            message.attach(_attachment(*attachment))
    else:
        message = body
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    if reply_to:
        message["Reply-To"] = reply_to
    api.portal.get_tool("MailHost").send(
        message, mto=list(recipients), mfrom=sender, immediate=False
    )
