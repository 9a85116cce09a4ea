"""The JSON body of a request to the platform's services."""

from coop.content import _
from zExceptions import BadRequest
from zope.i18n import translate

import json


def json_object(request):
    """The request's body, a JSON object (a dict); a French 400 otherwise.

    No body reads as an empty object: each service says which fields it needs.
    """
    try:
        body = json.loads(request.get("BODY") or "{}")
    except ValueError:
        message = _("The request body is not valid JSON.")
        raise BadRequest(translate(message, context=request)) from None
    if not isinstance(body, dict):
        message = _("The request body must be a JSON object.")
        raise BadRequest(translate(message, context=request))
    return body
