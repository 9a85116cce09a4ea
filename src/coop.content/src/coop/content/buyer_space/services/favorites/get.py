from coop.content.buyer_space import store
from coop.content.common.services import CoopService
from plone.restapi.serializer.converters import json_compatible


def serialize(item):
    return {
        "uid": item["uid"],
        "title": item["title"],
        "@id": item["url"],
        "comment": item["comment"],
        "added": json_compatible(item["added"]),
    }


class FavoritesGet(CoopService):
    def answer(self):
        return {"items": [serialize(item) for item in store.favorites()]}
