"""collective.honeypot, fitted to the site.

A malformed REST body reaches its service: the honeypot reads every POST
before its service does, with plone.restapi's `json_body`. A JSON body that is
not an object (a list, a number) or not JSON at all made it raise, and every
POST of the site answered with a server error instead of the service's French
400. Such a body holds no honeypot field: the honeypot now sees an empty form,
and the service refuses the body itself.

The hidden field goes into the forms that post only (PostFormsHoneypot).
"""

from collective.honeypot import config
from collective.honeypot import utils
from collective.honeypot.auto import ProtectHoneyTransform
from coop.policy.interfaces import ICoopPolicyLayer
from lxml import etree
from plone.restapi.exceptions import DeserializationError
from repoze.xmliter.serializer import XMLSerializer
from zope.component import adapter
from zope.interface import Interface

import re


_read_form = utils.get_form
POST_FORM = re.compile(rb"<form\b[^>]*\bmethod\s*=\s*[\"']?post\b", re.IGNORECASE)


def get_form(request):
    try:
        return _read_form(request)
    except DeserializationError:
        return {}


utils.get_form = get_form


def _hidden_field():
    """The field a robot fills in and a person does not see."""
    container = etree.Element("div", style="display: none")
    etree.SubElement(
        container, "input", name=config.HONEYPOT_FIELD, type="text", value=""
    )
    return container


@adapter(Interface, ICoopPolicyLayer)
class PostFormsHoneypot(ProtectHoneyTransform):
    """The honeypot's hidden field, in the forms that post only.

    The honeypot checks POST requests only: in a form that gets (the directory
    search, the consultation's choice of cooperatives) the field was of no
    use and ended up in the address of every search. A page with no form that
    posts is not parsed at all, where the original parsed and wrote again
    every page of the site.
    """

    def transform(self, result, encoding):
        if not isinstance(result, XMLSerializer):
            response = self.request.response
            content_type = response.getHeader("Content-Type") or ""
            if not content_type.startswith("text/html") or response.getHeader(
                "Content-Encoding"
            ):
                # A file streams on untouched; a compressed page is not read.
                return None
            chunks = [
                chunk if isinstance(chunk, bytes) else chunk.encode(encoding or "utf-8")
                for chunk in result
            ]
            if not any(POST_FORM.search(chunk) for chunk in chunks):
                # A list is left as it was; an iterator, read here, is passed on.
                return None if isinstance(result, list | tuple) else chunks
            result = chunks
        serializer = self.parseTree(result, encoding)
        if serializer is None:
            return None
        for form in serializer.tree.getroot().iter("form"):
            posts = form.get("method", "get").lower() == "post"
            if posts and not form.cssselect(f'[name="{config.HONEYPOT_FIELD}"]'):
                form.append(_hidden_field())
        return serializer
