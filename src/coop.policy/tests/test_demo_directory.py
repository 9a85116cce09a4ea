from AccessControl.SecurityManagement import noSecurityManager
from coop.content.content.cooperative import ICooperative
from coop.content.directory.entries import cooperative_of
from coop.content.directory.validators import luhn_valid
from coop.content.directory.validators import valid_siret
from coop.policy.setuphandlers.demo_directory import demo_cooperatives
from coop.policy.setuphandlers.demo_directory import PENDING
from coop.policy.setuphandlers.demo_directory import PUBLISHED
from plone import api
from zope.schema import getFieldsInOrder

import pytest


COOPERATIVE_ACCOUNT = "cooperative@coop.example"


@pytest.fixture
def entries(demo):
    return list(demo["annuaire"].objectValues())


def published(entries):
    return [obj for obj in entries if api.content.get_state(obj=obj) == "published"]


def test_counts_per_state(entries):
    states = [api.content.get_state(obj=obj) for obj in entries]
    assert (states.count("published"), states.count("pending")) == (40, 3)
    assert (PUBLISHED, PENDING) == (40, 3)
    assert len(entries) == 43


def test_anonymous_finds_the_published_entries_only(demo, entries):
    noSecurityManager()
    found = api.content.find(portal_type="Cooperative")
    assert {brain.UID for brain in found} == {obj.UID() for obj in published(entries)}


def test_spread_over_departments_and_sectors(entries):
    shown = published(entries)
    assert len({obj.department for obj in shown}) >= 8
    assert len({obj.sector for obj in shown}) >= 6
    assert len({obj.region for obj in shown}) >= 2


def test_names_say_the_legal_form(entries):
    titles = [obj.title for obj in entries]
    assert len(set(titles)) == len(titles)
    for obj in entries:
        prefix = obj.title.split()[0]
        assert prefix in ("Scop", "Scic"), obj.title
        assert obj.legal_form.startswith(prefix.lower() + "_"), obj.title


def test_every_entry_passes_the_schema(entries):
    for obj in entries:
        for name, field in getFieldsInOrder(ICooperative):
            field.bind(obj).validate(getattr(obj, name))


def test_sirets_are_valid_and_distinct(entries):
    sirets = [obj.siret for obj in entries]
    assert len(set(sirets)) == len(sirets)
    for siret in sirets:
        assert valid_siret(siret)
        # The SIREN, the company's own number, has its own check digit.
        assert luhn_valid(siret[:9])


def test_what_buyers_look_at(entries):
    for obj in entries:
        assert 1 <= len(obj.goods_services) <= 4, obj.title
        assert 3 <= len(obj.competences) <= 8, obj.title
        assert obj.description and obj.city and obj.consultation_email
    branches = [obj for obj in entries if obj.establishments]
    assert len(branches) >= 5
    for obj in branches:
        departments = {row["department"] for row in obj.establishments}
        assert None not in departments
        assert obj.department not in departments, obj.title
    assert len([obj for obj in entries if obj.client_references]) >= 10


def test_the_demo_cooperative_account_owns_one_entry(demo, entries):
    user = api.user.get(username=COOPERATIVE_ACCOUNT)
    userid = user.getId()
    owned = [obj for obj in entries if obj.getOwner().getId() == userid]
    assert len(owned) == 1
    (own,) = owned
    assert cooperative_of(userid) == own
    assert api.content.get_state(obj=own) == "published"
    assert own.listCreators() == (userid,)
    assert own.consultation_email == COOPERATIVE_ACCOUNT
    assert own.director["name"] == user.getProperty("fullname")
    owners = [
        principal for principal, roles in own.get_local_roles() if "Owner" in roles
    ]
    assert owners == [userid]
    assert api.user.has_permission("Modify portal content", user=user, obj=own)
    others = [obj for obj in entries if obj is not own]
    assert not any(
        api.user.has_permission("Modify portal content", user=user, obj=obj)
        for obj in others
    )


def test_applying_twice_creates_nothing(demo, entries, apply_profiles, demo_profile):
    apply_profiles(demo, [demo_profile])
    assert sorted(demo["annuaire"].objectIds()) == sorted(
        obj.getId() for obj in entries
    )


def test_the_entries_are_deterministic(portal):
    first = demo_cooperatives("Julien Perrin", COOPERATIVE_ACCOUNT)
    assert first == demo_cooperatives("Julien Perrin", COOPERATIVE_ACCOUNT)
    assert len({entry_id for entry_id, _state, _fields in first}) == 43
