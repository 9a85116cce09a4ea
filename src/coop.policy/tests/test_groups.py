from coop.policy.groups import GROUPS
from coop.policy.setuphandlers.groups import create_groups
from plone import api

import pytest


EXPECTED_TITLES = {
    "buyers": "Acheteurs",
    "cooperatives": "Coopératives",
    "moderators": "Modérateurs",
    "entrepreneurs": "Porteurs de projet",
    "coaches": "Accompagnateurs",
    "prescribers": "Prescripteurs",
}


def test_design_groups_and_nothing_else():
    assert set(GROUPS) == set(EXPECTED_TITLES)


@pytest.mark.parametrize("group_id,title", EXPECTED_TITLES.items())
def test_group_exists_with_french_title(portal, group_id, title):
    group = api.group.get(groupname=group_id)
    assert group is not None
    assert group.getProperty("title") == title


def test_groups_carry_no_global_role(portal):
    for group_id in GROUPS:
        roles = api.group.get_roles(groupname=group_id)
        assert set(roles) <= {"Authenticated"}, group_id


def test_creating_again_changes_nothing(portal):
    before = sorted(g.getId() for g in api.group.get_groups())
    create_groups()
    assert sorted(g.getId() for g in api.group.get_groups()) == before
