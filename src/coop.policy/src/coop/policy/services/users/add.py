"""POST @users: the names a member gives, checked as the registration form does.

A visitor registering over REST gives last name, first name and institution,
as on the registration form (coop.policy.member_schema); whoever creates an
account with a JSON body, they are text within the member schema's lengths.
"""

from coop.content.services.request_body import json_object
from coop.policy import _
from coop.policy.member_schema import NAME_FIELDS
from plone.app.users.browser.userdatapanel import getUserDataSchema
from plone.restapi import _ as restapi_
from plone.restapi.services.users.add import UsersPost as BaseUsersPost
from zope.i18n import translate


class UsersPost(BaseUsersPost):
    def reply(self):
        if not self.request.form:
            # Not plone.restapi's CSV upload (a form): a body that is no JSON
            # object, it answered with a 500.
            json_object(self.request)
        return super().reply()

    def validate_input_data(self, portal, original_data):
        super().validate_input_data(portal, original_data)
        if not isinstance(original_data, dict):
            # Not an account at all: the service refuses it.
            return
        schema = getUserDataSchema()
        for name in NAME_FIELDS:
            field = schema[name]
            label = translate(field.title, context=self.request)
            value = original_data.get(name)
            if value is None or value == "":
                if not self.can_manage_users:
                    self.add_field_error(
                        name,
                        restapi_(
                            "Property '${fieldname}' is required.",
                            mapping={"fieldname": label},
                        ),
                    )
            elif not isinstance(value, str):
                self.add_field_error(
                    name,
                    _('"${field}" must be text.', mapping={"field": label}),
                )
            elif len(value) > field.max_length:
                self.add_field_error(
                    name,
                    _(
                        '"${field}" is too long: at most ${max} characters.',
                        mapping={"field": label, "max": field.max_length},
                    ),
                )
