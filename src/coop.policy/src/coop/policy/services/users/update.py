"""PATCH @users: the names a member changes, checked as on POST.

The personal information form leaves the names optional: a member may empty
them, not give something else than text or more than the schema allows.
"""

from coop.content.common.services import CoopService
from coop.policy.services.users.names import name_errors
from plone.restapi.services.users.update import UsersPatch as BaseUsersPatch
from zope.i18n import translate


class UsersPatch(CoopService, BaseUsersPatch):
    def answer(self):
        data = self.body()
        # Whoever may not change the account gets plone.restapi's 401 or 403,
        # not a word about what they sent.
        if self.can_manage_users or self._get_current_user == self._get_user_id:
            errors = [
                {"field": name, "message": translate(message, context=self.request)}
                for name, message in name_errors(data, self.request)
            ]
            if errors:
                self.request.response.setStatus(400)
                return {
                    "error": {
                        "type": "Bad Request",
                        "message": " ".join(error["message"] for error in errors),
                        "errors": errors,
                    }
                }
        return super().answer()
