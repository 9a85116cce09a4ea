"""plone.restapi's content POST, which says in French why it refuses an addition.

The content constraint refuses a second project holder page, or a fourth
page in one, whichever way it comes; plone.restapi would answer that as an
English 403. Here it is a 400 naming the rule (DESIGN §7), before anything
is created.
"""

from coop.content.project_holders import refusal
from plone.restapi.deserializer import json_body
from plone.restapi.services.content.add import FolderPost
from zExceptions import BadRequest
from zope.i18n import translate


class GuardedFolderPost(FolderPost):
    def reply(self):
        portal_type = json_body(self.request).get("@type")
        error = refusal(self.context, portal_type) if portal_type else None
        if error is not None:
            raise BadRequest(translate(error.doc(), context=self.request))
        return super().reply()
