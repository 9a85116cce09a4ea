"""POST @reregister on a workshop: its absentees to the next session of its theme."""

from coop.content import _
from coop.content.common.errors import InputError
from coop.content.common.services import CoopService
from coop.content.intranet.series import reregister
from plone import api


class ReregisterPost(CoopService):
    def answer(self):
        if self.body():
            raise InputError(_("The request body must be an empty JSON object."))
        by = api.user.get_current().getId()
        target, records = reregister(self.context, by=by)
        return {
            "target": target.absolute_url(),
            "items": [
                {"userid": record["userid"], "status": record["status"]}
                for record in records
            ],
        }
