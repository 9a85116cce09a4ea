"""Cooperative accounts and the draft entry each one owns."""

from coop.content.directory.entries import cooperative_of
from coop.content.directory.entries import create_account
from coop.content.directory.entries import create_draft_entry
from coop.content.directory.entries import entries_by_uid
from coop.content.directory.entries import find_by_siret
from plone import api
from plone.app.testing import logout

import pytest


FIELDS = {
    "title": "Scic Énergies du Léman",
    "legal_form": "scic_sas",
    "siret": "44306184100047",
    "description": "Production d'énergie renouvelable citoyenne.",
    "sector": "D",
    "goods_services": ["09"],
    "postal_code": "74200",
    "city": "Thonon-les-Bains",
}


@pytest.fixture
def account(portal):
    return create_account("energie@example.org", "un-mot-de-passe-sur", "Léa Martin")


def test_account_is_a_cooperative_and_a_buyer(account, groups_of):
    assert groups_of(account) == {"cooperatives", "buyers"}
    assert account.getUserName() == "energie@example.org"
    assert account.getProperty("fullname") == "Léa Martin"


def test_account_without_password_gets_a_random_one(portal):
    user = create_account("invitee@example.org")
    acl_users = api.portal.get_tool("acl_users")
    assert user is not None
    assert acl_users.authenticate("invitee@example.org", "", portal.REQUEST) is None


def test_draft_entry_belongs_to_the_account(account):
    cooperative = create_draft_entry(account, **FIELDS)
    assert api.content.get_state(cooperative) == "draft"
    assert cooperative.getOwner().getId() == account.getId()
    assert cooperative.creators == (account.getId(),)
    owners = [
        user_id for user_id, roles in cooperative.get_local_roles() if "Owner" in roles
    ]
    assert owners == [account.getId()]
    assert cooperative.consultation_email == "energie@example.org"
    assert (cooperative.department, cooperative.region) == ("74", "84")


def test_only_the_account_and_staff_see_the_draft(account, portal):
    cooperative = create_draft_entry(account, **FIELDS)
    other = create_account("autre@example.org", "un-mot-de-passe-sur")
    assert api.user.has_permission("View", user=account, obj=cooperative)
    assert api.user.has_permission(
        "Modify portal content", user=account, obj=cooperative
    )
    assert not api.user.has_permission("View", user=other, obj=cooperative)


def test_find_the_entry_of_an_account_and_by_siret(account, portal):
    assert cooperative_of(account.getId()) is None
    cooperative = create_draft_entry(account, **FIELDS)
    assert cooperative_of(account.getId()) == cooperative
    assert find_by_siret("44306184100047") == cooperative
    assert find_by_siret("73282932000074") is None


def test_entries_by_uid_whatever_the_user_may_see(account, portal):
    draft = create_draft_entry(account, **FIELDS)
    published = create_draft_entry(
        create_account("publiee@example.org", "un-mot-de-passe-sur"),
        **{**FIELDS, "siret": "73282932000074", "title": "Scop Publiée"},
    )
    with api.env.adopt_roles(["Manager"]):
        for transition in ("submit", "publish"):
            api.content.transition(obj=published, transition=transition)
    draft_uid, published_uid = draft.UID(), published.UID()
    asked = [published_uid, ["liste"], None, 12, "", draft_uid, published_uid, "x"]
    logout()
    found = entries_by_uid(asked)
    assert list(found) == [published_uid, draft_uid]
    assert found[draft_uid].getPath() == "/".join(draft.getPhysicalPath())
    assert list(entries_by_uid(asked, published=True)) == [published_uid]
    assert entries_by_uid(None) == entries_by_uid([portal.UID()]) == {}
