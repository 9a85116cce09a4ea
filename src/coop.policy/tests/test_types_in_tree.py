"""Which content type goes where in the site tree, and who may add it there."""

from plone import api
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from zExceptions import Unauthorized

import pytest


SECTION_TYPES = {
    "annuaire": "Cooperative",
    "consultations": "Consultation",
    "porteurs-de-projet": "ProjectHolder",
    "agenda": "Event",
    "intranet/ateliers": "Workshop",
    "intranet/rendez-vous": "Appointment",
    "intranet/ressources": "Resource",
    "intranet/questions": "Question",
    "intranet/dossiers": "PersonalFile",
}

# What a member of each group may add in each section; nothing elsewhere.
ADDABLE = {
    "buyers": {"consultations": "Consultation"},
    # A cooperative's one entry comes from the registration wizard.
    "cooperatives": {"consultations": "Consultation"},
    # Moderators pre-register cooperatives.
    "moderators": {"annuaire": "Cooperative"},
    "entrepreneurs": {
        "porteurs-de-projet": "ProjectHolder",
        "intranet/ressources": "Resource",
        "intranet/questions": "Question",
    },
    "coaches": {
        "agenda": "Event",
        "intranet/ateliers": "Workshop",
        "intranet/rendez-vous": "Appointment",
        "intranet/ressources": "Resource",
        "intranet/questions": "Question",
    },
    "prescribers": {},
}


@pytest.fixture
def member(portal):
    """Create a member of a group and return it."""

    def create(group_id):
        with api.env.adopt_roles(["Manager"]):
            user = api.user.create(
                email=f"{group_id}@example.org", password="un-mot-de-passe-solide"
            )
            api.group.add_user(groupname=group_id, user=user)
        return user

    return create


def addable_types(folder, user):
    with api.env.adopt_user(user=user):
        return {fti.getId() for fti in folder.allowedContentTypes()}


@pytest.mark.parametrize("path,portal_type", SECTION_TYPES.items())
def test_section_allows_only_its_type(portal, path, portal_type):
    folder = portal.unrestrictedTraverse(path)
    with api.env.adopt_roles(["Site Administrator"]):
        constraints = ISelectableConstrainTypes(folder)
        assert constraints.getLocallyAllowedTypes() == [portal_type]
        assert [fti.getId() for fti in folder.allowedContentTypes()] == [portal_type]


@pytest.mark.parametrize("group_id", ADDABLE)
@pytest.mark.parametrize("path", SECTION_TYPES)
def test_group_adds_only_where_its_role_allows(portal, member, group_id, path):
    expected = ADDABLE[group_id].get(path)
    addable = addable_types(portal.unrestrictedTraverse(path), member(group_id))
    assert addable == ({expected} if expected else set())


@pytest.mark.parametrize(
    "group_id,path,portal_type",
    [
        ("entrepreneurs", "porteurs-de-projet", "ProjectHolder"),
        ("entrepreneurs", "intranet/questions", "Question"),
        ("buyers", "consultations", "Consultation"),
    ],
)
def test_member_creates_in_its_section(portal, member, group_id, path, portal_type):
    folder = portal.unrestrictedTraverse(path)
    user = member(group_id)
    permission = f"coop.content: Add {portal_type}"
    assert api.user.has_permission(permission, user=user, obj=folder)
    with api.env.adopt_user(user=user):
        obj = api.content.create(
            container=folder, type=portal_type, id="mine", title="Le mien"
        )
    assert obj.portal_type == portal_type
    assert user.getId() in obj.users_with_local_role("Owner")


def test_cooperative_cannot_add_a_cooperative_in_the_agenda(portal, member):
    user = member("cooperatives")
    with api.env.adopt_user(user=user), pytest.raises(Unauthorized):
        api.content.create(
            container=portal["agenda"], type="Cooperative", id="coop", title="Scop"
        )


@pytest.mark.parametrize("group_id", ["entrepreneurs", "cooperatives", "buyers"])
def test_only_moderators_add_cooperatives_directly(portal, member, group_id):
    user = member(group_id)
    assert not api.user.has_permission(
        "coop.content: Add Cooperative", user=user, obj=portal["annuaire"]
    )
    with api.env.adopt_user(user=user), pytest.raises(Unauthorized):
        api.content.create(
            container=portal["annuaire"], type="Cooperative", id="coop", title="Scop"
        )


@pytest.mark.parametrize("path", ["", *SECTION_TYPES])
def test_anonymous_adds_nothing(portal, path, as_anonymous):
    folder = portal.unrestrictedTraverse(path) if path else portal
    with as_anonymous():
        assert folder.allowedContentTypes() == []
