"""plone.restapi's content POST, which says in French why it refuses an addition.

The content constraint refuses a second project holder page, or a fourth
page in one, whichever way it comes; plone.restapi would answer that as an
English 403. Here it is a 400 naming the rule, in French, before anything
is created. A body that is no JSON object, or an image in a page that is not
one (subscribers.project_holder), is a French 400 too.
"""

from coop.content.common.services import CoopService
from coop.content.project_holders.pages import refusal
from plone.restapi.services.content.add import FolderPost


class GuardedFolderPost(CoopService, FolderPost):
    def answer(self):
        portal_type = self.body().get("@type")
        error = refusal(self.context, portal_type) if portal_type else None
        if error is not None:
            raise error
        return super().answer()
