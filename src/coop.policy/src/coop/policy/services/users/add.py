"""POST @users: the names a member gives, checked as the registration form does.

A visitor registering over REST gives last name, first name and institution,
as on the registration form (coop.policy.member_schema); whoever creates an
account with a JSON body, they are text within the member schema's lengths.
"""

from coop.content.common.services import CoopService
from coop.policy.member_schema import NAME_FIELDS
from coop.policy.services.users.names import name_errors
from coop.policy.services.users.names import name_label
from plone.restapi import _ as restapi_
from plone.restapi.services.users.add import UsersPost as BaseUsersPost


class UsersPost(CoopService, BaseUsersPost):
    def answer(self):
        if not self.request.form:
            # Not plone.restapi's CSV upload (a form): a body that is no JSON
            # object, it answered with a 500.
            self.body()
        return super().answer()

    def validate_input_data(self, portal, original_data):
        super().validate_input_data(portal, original_data)
        if not isinstance(original_data, dict):
            # Not an account at all: the service refuses it.
            return
        if not self.can_manage_users:
            for name in NAME_FIELDS:
                if original_data.get(name) in (None, ""):
                    self.add_field_error(
                        name,
                        restapi_(
                            "Property '${fieldname}' is required.",
                            mapping={"fieldname": name_label(name, self.request)},
                        ),
                    )
        for name, message in name_errors(original_data, self.request):
            self.add_field_error(name, message)
