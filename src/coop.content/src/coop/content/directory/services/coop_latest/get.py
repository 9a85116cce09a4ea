"""`GET @coop-latest`: the latest published cooperatives, newest first."""

from coop.content.directory.search import bounded_limit
from coop.content.directory.search import latest
from plone.restapi.services import Service


DEFAULT_LIMIT = 5


class CoopLatestGet(Service):
    def reply(self):
        limit = bounded_limit(self.request.form.get("limit"), DEFAULT_LIMIT)
        return {
            "@id": f"{self.context.absolute_url()}/@coop-latest",
            "items": latest(limit),
        }
