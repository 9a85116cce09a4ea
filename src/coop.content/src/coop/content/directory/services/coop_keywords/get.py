"""`GET @coop-keywords`: the most common competences of the published entries."""

from coop.content.directory.search import bounded_limit
from coop.content.directory.search import common_keywords
from plone.restapi.services import Service


DEFAULT_LIMIT = 20


class CoopKeywordsGet(Service):
    def reply(self):
        limit = bounded_limit(self.request.form.get("limit"), DEFAULT_LIMIT)
        return {
            "@id": f"{self.context.absolute_url()}/@coop-keywords",
            "items": common_keywords(limit),
        }
