"""The site tree and who sees what in it."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.users import nobody
from plone import api
from plone.base.interfaces.constrains import ISelectableConstrainTypes

import pytest


PUBLIC = ["annuaire", "la-cooperative", "porteurs-de-projet", "agenda", "contact"]
INTRANET = [
    "intranet",
    "intranet/ateliers",
    "intranet/rendez-vous",
    "intranet/ressources",
    "intranet/questions",
    "intranet/dossiers",
]
ALLOWED_TYPES = {
    "annuaire": ["Cooperative"],
    "consultations": ["Consultation"],
    "porteurs-de-projet": ["ProjectHolder"],
    "agenda": ["Event"],
    "intranet/ateliers": ["Workshop"],
    "intranet/rendez-vous": ["Appointment"],
    "intranet/ressources": ["Resource"],
    "intranet/questions": ["Question"],
    "intranet/dossiers": ["PersonalFile"],
}


@pytest.fixture
def member(portal):
    """Create a member of a group and return its user object."""

    def create(group_id, email):
        with api.env.adopt_roles(["Manager"]):
            user = api.user.create(email=email, password="secret-password-123")
            if group_id:
                api.group.add_user(groupname=group_id, user=user)
        return api.user.get(userid=user.getId())

    return create


def can_view(obj, user=None):
    """Whether ``user`` (anonymous when None) has View on ``obj``."""
    if user is not None:
        return api.user.has_permission("View", user=user, obj=obj)
    saved = getSecurityManager()
    newSecurityManager(None, nobody)
    try:
        return bool(getSecurityManager().checkPermission("View", obj))
    finally:
        setSecurityManager(saved)


@pytest.mark.parametrize("path", PUBLIC + ["consultations"] + INTRANET)
def test_section_exists(portal, path):
    assert portal.unrestrictedTraverse(path).portal_type in ("Folder", "EasyForm")


@pytest.mark.parametrize("path,types", ALLOWED_TYPES.items())
def test_section_allows_only_its_types(portal, path, types):
    folder = portal.unrestrictedTraverse(path)
    with api.env.adopt_roles(["Manager"]):
        assert list(ISelectableConstrainTypes(folder).getLocallyAllowedTypes()) == types


@pytest.mark.parametrize("path", PUBLIC)
def test_public_sections_are_published(portal, path):
    obj = portal.unrestrictedTraverse(path)
    assert api.content.get_state(obj) == "published"
    assert can_view(obj)


def test_consultations_folder_is_not_public(portal):
    assert not can_view(portal["consultations"])


@pytest.mark.parametrize("path", INTRANET)
def test_anonymous_sees_nothing_of_the_intranet(portal, path):
    assert not can_view(portal.unrestrictedTraverse(path))


def test_intranet_follows_the_placeful_policy(portal):
    workflow = api.portal.get_tool("portal_workflow")
    for path in INTRANET:
        chain = workflow.getChainFor(portal.unrestrictedTraverse(path))
        assert chain == ("coop_intranet_workflow",), path


def test_anonymous_catalog_finds_nothing_under_intranet(portal):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=portal["intranet"]["ateliers"], type="Workshop", title="Compta"
        )
    path = "/".join(portal["intranet"].getPhysicalPath())
    saved = getSecurityManager()
    newSecurityManager(None, nobody)
    try:
        assert len(api.content.find(path=path)) == 0
    finally:
        setSecurityManager(saved)
    with api.env.adopt_roles(["Manager"]):
        assert len(api.content.find(path=path, portal_type="Workshop")) == 1


@pytest.mark.parametrize("path", INTRANET)
def test_entrepreneur_and_coach_see_the_intranet(portal, member, path):
    entrepreneur = member("entrepreneurs", "porteuse@example.org")
    coach = member("coaches", "coach@example.org")
    obj = portal.unrestrictedTraverse(path)
    assert can_view(obj, entrepreneur)
    assert can_view(obj, coach)


@pytest.mark.parametrize("group_id", ["buyers", "cooperatives", "moderators", None])
@pytest.mark.parametrize("path", INTRANET)
def test_other_members_do_not_see_the_intranet(portal, member, path, group_id):
    outsider = member(group_id, f"{group_id or 'membre'}@example.org")
    assert not can_view(portal.unrestrictedTraverse(path), outsider)


def test_workshop_visible_to_intranet_only(portal, member):
    with api.env.adopt_roles(["Manager"]):
        workshop = api.content.create(
            container=portal["intranet"]["ateliers"], type="Workshop", title="Devis"
        )
    assert api.content.get_state(workshop) == "internal"
    assert can_view(workshop, member("entrepreneurs", "pp@example.org"))
    assert not can_view(workshop, member("buyers", "buyer@example.org"))
    assert not can_view(workshop)


def test_personal_file_is_private_to_its_people(portal, member):
    holder = member("entrepreneurs", "holder@example.org")
    other = member("entrepreneurs", "other@example.org")
    with api.env.adopt_roles(["Manager"]):
        personal_file = api.content.create(
            container=portal["intranet"]["dossiers"],
            type="PersonalFile",
            id=holder.getId(),
            title="Dossier",
        )
        api.user.grant_roles(user=holder, obj=personal_file, roles=["Owner", "Editor"])
    assert api.content.get_state(personal_file) == "private"
    assert can_view(personal_file, holder)
    assert not can_view(personal_file, other)
    assert not can_view(personal_file)
