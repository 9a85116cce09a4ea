from coop.content.buyer_space import store
from coop.content.common.services import CoopService
from plone.restapi.serializer.converters import json_compatible


def serialize(item):
    return {
        "id": item["id"],
        "name": item["name"],
        "query": dict(item["query"]),
        "created": json_compatible(item["created"]),
    }


class SavedSearchesGet(CoopService):
    def answer(self):
        return {"items": [serialize(item) for item in store.saved_searches()]}
