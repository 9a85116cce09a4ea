"""Which cooperative accounts and entries the directory accepts.

A cooperative registers through the wizard or `@cooperative-registration`,
or the moderators pre-register it by import; every way in accepts accounts
and entries by the rules here:

- one account per e-mail address, with a password the site's policy accepts;
- an entry for the members of `cooperatives` only, one per account;
- one entry per SIRET number;
- the fields of an entry pass the constraints of the Cooperative schema:
  `entry_fields` reads them from JSON with plone.restapi's field
  deserializers, which run them as the forms do.
"""

from Acquisition import aq_base
from coop.content import _
from coop.content.common.config import COOPERATIVES_GROUP
from coop.content.common.errors import InputError
from coop.content.content.cooperative import ICooperative
from coop.content.directory.entries import create_draft_entry
from coop.content.directory.entries import directory
from coop.content.directory.entries import find_by_siret
from plone import api
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import getMultiAdapter
from zope.globalrequest import getRequest
from zope.schema import getFieldNamesInOrder
from zope.schema import ValidationError
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import WrongType


NOT_A_COOPERATIVE = _(
    "This registration is for new cooperative companies. Your account is not a "
    "cooperative's: to register a cooperative, log out and create its account "
    "with its own e-mail address."
)
ALREADY_REGISTERED = _(
    "Your account already has its entry in the directory: an account holds one "
    "entry only."
)
# Derived from the postal code, whatever a request says.
DERIVED_FIELDS = ("department", "region")
SIRET_TAKEN = _(
    "An entry already exists with this SIRET number. If your company was "
    "pre-registered, log in with the address given in our e-mail."
)


def account_refusals(email, password, confirmation):
    """The `InputError`s that refuse a new account, each naming its field.

    None when the account may be created: the address is nobody's login yet,
    the password passes the site's policy and its confirmation matches.
    """
    refusals = []
    if api.user.get(username=email) is not None:
        refusals.append(
            InputError(
                _("An account already exists with this address: log in."), "email"
            )
        )
    registration = api.portal.get_tool("portal_registration")
    # The policy's own words, such as "at least 10 characters".
    rejection = registration.testPasswordValidity(password)
    if rejection:
        refusals.append(InputError(rejection, "password"))
    elif password != confirmation:
        refusals.append(InputError(_("The two passwords differ."), "password_ctl"))
    return refusals


def is_cooperative(user):
    """Whether `user` is a member of `cooperatives`, who alone own entries."""
    return COOPERATIVES_GROUP in {
        group.getId() for group in api.group.get_groups(user=user)
    }


def check_siret_free(siret, entry=None):
    """Refuse `siret` when an entry other than `entry` has it."""
    holder = find_by_siret(siret) if siret else None
    if holder is not None and (entry is None or aq_base(holder) is not aq_base(entry)):
        raise InputError(SIRET_TAKEN, "siret")


def register_entry(user, fields):
    """The draft entry of `user`, a cooperative without one, from checked `fields`."""
    check_siret_free(fields.get("siret"))
    return create_draft_entry(user, **fields)


def entry_fields(data):
    """The values of the Cooperative fields that JSON object `data` gives.

    Each value goes through its plone.restapi deserializer, bound to the
    directory: the first value refused, or a required field without one,
    raises a ValidationError whose `field_name` is the field's. A key that is
    no field raises an InputError. The derived fields are left out.
    """
    names = getFieldNamesInOrder(ICooperative)
    unknown = [name for name in data if name not in names]
    if unknown:
        raise InputError(
            _(
                "Unknown fields: ${names}. The fields are: ${known}.",
                mapping={"names": ", ".join(unknown), "known": ", ".join(names)},
            ),
            unknown[0],
        )
    folder = directory()
    request = getRequest()
    values = {}
    for name in names:
        field = ICooperative[name].bind(folder)
        value = data.get(name)
        try:
            if value in (None, "", [], {}):
                if field.required:
                    raise RequiredMissing(name)
                continue
            if name in DERIVED_FIELDS:
                continue
            deserializer = getMultiAdapter((field, folder, request), IFieldDeserializer)
            values[name] = deserializer(value)
        except ValidationError as error:
            error.field_name = name
            raise
        except (AttributeError, TypeError, ValueError):
            # How deserializers refuse a value of another kind; the one of
            # collective.z3cform.datagridfield takes any value for a row.
            error = WrongType(value)
            error.field_name = name
            raise error from None
    return values
