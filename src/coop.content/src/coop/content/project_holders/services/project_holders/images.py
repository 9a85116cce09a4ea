"""plone.restapi's PATCH of an image, which says in French why it refuses one.

An image in a project holder page is checked on its content
(subscribers.project_holder); plone.restapi would answer a refusal as a
server error. Here it is a 400 naming the rule.
"""

from coop.content.common.services import CoopService
from plone.restapi.services.content.update import ContentPatch


class GuardedImagePatch(CoopService, ContentPatch):
    pass
