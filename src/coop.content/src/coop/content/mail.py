"""Every message of the platform: French, plain text and HTML, through the queue."""

from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr
from html import escape
from lxml import html as lxml_html
from plone import api
from zope.i18n import translate
from zope.i18nmessageid import Message

import re


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
