"""plone.restapi's content POST, which says in French why it refuses an addition.

The content constraint refuses a second project holder page, or a fourth
page in one, whichever way it comes; plone.restapi would answer that as an
English 403. Here it is a 400 naming the rule (DESIGN §7), before anything
is created. A body that is no JSON object, or an image in a page that is not
one (subscribers.project_holder), is a French 400 too.
"""

from coop.content.common.request_body import json_object
from coop.content.directory.validators import ImageTooLarge
from coop.content.directory.validators import NotAnImage
from coop.content.project_holders.pages import refusal
from plone.restapi.services.content.add import FolderPost
from zExceptions import BadRequest
from zope.i18n import translate


class GuardedFolderPost(FolderPost):
    def reply(self):
        portal_type = json_object(self.request).get("@type")
        error = refusal(self.context, portal_type) if portal_type else None
        if error is not None:
            raise BadRequest(translate(error.doc(), context=self.request))
        try:
            return super().reply()
        except (NotAnImage, ImageTooLarge) as error:
            raise BadRequest(translate(error.doc(), context=self.request)) from None
