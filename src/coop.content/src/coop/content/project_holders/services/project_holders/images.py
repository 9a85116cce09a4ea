"""plone.restapi's PATCH of an image, which says in French why it refuses one.

An image in a project holder page is checked on its content
(subscribers.project_holder); plone.restapi would answer a refusal as a
server error. Here it is a 400 naming the rule.
"""

from coop.content.directory.validators import ImageTooLarge
from coop.content.directory.validators import NotAnImage
from plone.restapi.services.content.update import ContentPatch
from zExceptions import BadRequest
from zope.i18n import translate


class GuardedImagePatch(ContentPatch):
    def reply(self):
        try:
            return super().reply()
        except (NotAnImage, ImageTooLarge) as error:
            raise BadRequest(translate(error.doc(), context=self.request)) from None
