"""Who a member is: last name, first name and institution.

The fields are in the member schema (profiles/default/userschema.xml). The
registration form asks for them instead of a full name, and requires them;
the full name, which Plone shows everywhere, follows them: no form asks
for it.
"""

from coop.policy.interfaces import ICoopPolicyLayer
from plone.app.users.browser.register import RegistrationForm
from plone.app.users.browser.userdatapanel import UserDataPanel
from plone.z3cform.fieldsets.extensible import FormExtender
from zope.component import adapter
from zope.interface import Interface

import copy


NAME_FIELDS = ("last_name", "first_name", "institution")


@adapter(Interface, ICoopPolicyLayer, RegistrationForm)
class RegistrationFormExtender(FormExtender):
    """Last name, first name and institution first, required; no full name."""

    def update(self):
        self.remove("fullname")
        for name in NAME_FIELDS:
            form_field = self.form.fields[name]
            # The schema's field serves the personal information form too,
            # where it stays optional: the registration form gets a copy.
            form_field.field = copy.copy(form_field.field)
            form_field.field.required = True
            self.move(name, before="email")


@adapter(Interface, ICoopPolicyLayer, UserDataPanel)
class UserDataPanelExtender(FormExtender):
    """The personal information: the names, and no full name to contradict them."""

    def update(self):
        self.remove("fullname")


def full_name(first_name, last_name):
    return " ".join(part.strip() for part in (first_name, last_name) if part).strip()


def update_full_name(event):
    """Keep the full name in step with the first and last names."""
    if not {"first_name", "last_name"} & set(event.properties):
        return
    member = event.principal
    name = full_name(
        member.getProperty("first_name", ""), member.getProperty("last_name", "")
    )
    if name and name != member.getProperty("fullname", ""):
        member.setMemberProperties({"fullname": name})
