"""`GET @coop-search`: the directory search, as JSON."""

from coop.content.common.services import CoopService
from coop.content.directory.search import parse_query
from coop.content.directory.search import search
from plone.batching.batch import Batch
from plone.restapi.batching import HypermediaBatch


class SearchBatch(HypermediaBatch):
    """plone.restapi's batching links over a batch the search already cut."""

    def __init__(self, request, results):
        self.request = request
        self.b_start = results.query.b_start
        self.b_size = results.query.b_size
        self.batch = Batch(results.brains, self.b_size, self.b_start)


def serialize(request, results):
    """The search's results as the body of the answer, with its batching links."""
    batch = SearchBatch(request, results)
    body = {
        "@id": batch.canonical_url,
        "items": results.items(),
        "items_total": results.total,
        "facets": results.facets,
    }
    if batch.links:
        body["batching"] = batch.links
    return body


class CoopSearchGet(CoopService):
    def answer(self):
        return serialize(self.request, search(parse_query(self.request.form)))
