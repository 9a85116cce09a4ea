"""`GET @coop-search`: the directory search of DESIGN §7."""

from coop.content.directory.search import parse_query
from coop.content.directory.search import search
from coop.content.directory.search import SearchError
from plone.batching.batch import Batch
from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service

import json


class SearchBatch(HypermediaBatch):
    """plone.restapi's batching links over a batch the search already cut."""

    def __init__(self, request, results):
        self.request = request
        self.b_start = results.query.b_start
        self.b_size = results.query.b_size
        self.batch = Batch(results.brains, self.b_size, self.b_start)


class CoopSearchGet(Service):
    def render(self):
        # The facets make a long answer: the C encoder writes it compactly,
        # where plone.restapi's indented output is written by Python code.
        self.check_permission()
        reply = self.reply()
        self.request.response.setHeader("Content-Type", self.content_type)
        return json.dumps(reply, sort_keys=True)

    def reply(self):
        try:
            query = parse_query(self.request.form)
        except SearchError as error:
            self.request.response.setStatus(400)
            return {"type": "BadRequest", "message": error.translated(self.request)}
        results = search(query)
        batch = SearchBatch(self.request, results)
        reply = {
            "@id": batch.canonical_url,
            "items": results.items(),
            "items_total": results.total,
            "facets": results.facets,
        }
        if batch.links:
            reply["batching"] = batch.links
        return reply
