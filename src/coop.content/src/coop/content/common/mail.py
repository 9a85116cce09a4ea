"""Every message of the platform: French, plain text and HTML, through the queue."""

from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr
from email.utils import formatdate
from html import escape
from lxml import html as lxml_html
from plone import api
from zope.i18n import translate
from zope.i18nmessageid import Message

import logging
import re


logger = logging.getLogger("coop.content.mail")


# SMTP ends lines with CRLF (RFC 5321 §2.3.8). The MailHost writes a message
# object out with its own policy; with the default one (LF), a strict server
# reads a message longer than 1000 bytes as one line and refuses it.
SMTP_POLICY = compat32.clone(linesep="\r\n")


# A web address in a message's text: a link in its HTML part.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"]+")


def _paragraph(text):
    escaped = escape(text)
    linked = WEB_ADDRESS.sub(lambda m: f'<a href="{m[0]}">{m[0]}</a>', escaped)
    return "<p>{}</p>".format(linked.replace("\n", "<br />"))


def text_to_html(text):
    """Paragraphs of `text` as HTML, for the HTML part of a plain-text message.

    Web addresses become links.
    """
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    body = "".join(_paragraph(part) for part in paragraphs)
    return f'<!DOCTYPE html><html lang="fr"><body>{body}</body></html>'


def french(message):
    # Mail is read later, away from the request: always in the site's language.
    return translate(message, target_language=api.portal.get_default_language())


def mail_text(*paragraphs):
    """The paragraphs of a message, in French, separated by blank lines.

    Messages are ours to translate; other paragraphs are someone's own words.
    Empty paragraphs are left out.
    """
    return "\n\n".join(
        french(paragraph) if isinstance(paragraph, Message) else paragraph
        for paragraph in paragraphs
        if paragraph
    )


def html_to_text(html):
    """The text of an HTML fragment, its paragraphs separated by blank lines."""
    if not (html or "").strip():
        return ""
    root = lxml_html.fromstring(html)
    for block in root.iter("p", "li", "h1", "h2", "h3", "h4", "div", "br"):
        block.tail = (
            "\n\n" + (block.tail or "")
            if block.tag != "br"
            else "\n" + (block.tail or "")
        )
    lines = (line.strip() for line in root.text_content().splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


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


def _message(subject, text, reply_to, attachments=()):
    """A French message in plain text and HTML, without recipients; its sender.

    `attachments` are (filename, content type, bytes).
    """
    sender = formataddr(
        (
            api.portal.get_registry_record("plone.email_from_name"),
            api.portal.get_registry_record("plone.email_from_address"),
        )
    )
    body = MIMEMultipart("alternative", policy=SMTP_POLICY)
    body.attach(MIMEText(text, "plain", "utf-8"))
    body.attach(MIMEText(text_to_html(text), "html", "utf-8"))
    if attachments:
        message = MIMEMultipart("mixed", policy=SMTP_POLICY)
        message.attach(body)
        for attachment in attachments:
            message.attach(_attachment(*attachment))
    else:
        message = body
    message["Subject"] = subject
    message["From"] = sender
    if reply_to:
        message["Reply-To"] = reply_to
    return message, sender


def send_mail(recipients, subject, text, reply_to=None, attachments=()):
    """Queue a message to `recipients`; the caller's request does not wait for SMTP."""
    message, sender = _message(subject, text, reply_to, attachments)
    message["To"] = ", ".join(recipients)
    api.portal.get_tool("MailHost").send(
        message, mto=list(recipients), mfrom=sender, immediate=False
    )


def smtp_address(address):
    """`address` as every SMTP server takes it (its domain in IDNA), or None.

    A local part out of ASCII needs SMTPUTF8, which servers may refuse.
    """
    local, _at, domain = (address or "").rpartition("@")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    if not local or not local.isascii() or not f"{local}{domain}".isprintable():
        return None
    return f"{local}@{domain}"


def send_each(addresses, subject, text, reply_to=None):
    """Queue the same message to each of `addresses`, one message each.

    For hundreds of addresses: the message is made and flattened once, and
    each copy only gets its own To header. MailHost.send would copy, check and
    flatten the whole message again for each address, which takes most of the
    request; its `_send` queues the copies exactly as `send` does. An address
    no SMTP server would take is left out (and logged), not the others.
    """
    message, sender = _message(subject, text, reply_to)
    message["Date"] = formatdate(localtime=True)
    flattened = message.as_bytes()
    mailhost = api.portal.get_tool("MailHost")
    for address in addresses:
        to = smtp_address(address)
        if to is None:
            logger.warning("Not mailed: %r is no address SMTP servers take", address)
            continue
        copy = f"To: {to}\r\n".encode("ascii") + flattened
        mailhost._send(sender, [to], copy, immediate=False)
