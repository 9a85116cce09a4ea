"""20261208001: on a site of 20261207002, only administrators hand out roles.

Such a site left the sharing permissions as Plone grants them: a Reviewer or
Editor of a section (a coach on the intranet, a moderator on the directory)
could give anyone a role there.
"""

from plone import api

import pytest
import transaction


PREVIOUS_VERSION = "20261207002"
# Plone's own grants, which the site root acquired before.
PLONE_GRANTS = {
    "Sharing page: Delegate roles": (
        "Manager",
        "Site Administrator",
        "Owner",
        "Editor",
        "Reviewer",
    ),
    "Change local roles": ("Manager", "Owner"),
}


@pytest.fixture
def coach(functional_portal, create_people):
    emails = create_people({"coach": ("nadia.benali@cae.example", ("coaches",), ())})
    transaction.commit()
    return api.user.get(username=emails["coach"])


@pytest.fixture
def site_of_before(functional_portal):
    for permission, roles in PLONE_GRANTS.items():
        functional_portal.manage_permission(permission, roles=roles, acquire=True)
    transaction.commit()
    return functional_portal


def test_a_coach_no_longer_hands_out_intranet_roles(
    site_of_before, coach, upgrade_from
):
    intranet = site_of_before["intranet"]
    assert api.user.has_permission(
        "Sharing page: Delegate roles", user=coach, obj=intranet
    )
    assert upgrade_from("coop.policy:default", PREVIOUS_VERSION) == "20261208001"
    for permission in PLONE_GRANTS:
        assert not api.user.has_permission(permission, user=coach, obj=intranet)
        assert sorted(
            role["name"]
            for role in site_of_before.rolesOfPermission(permission)
            if role["selected"]
        ) == ["Manager", "Site Administrator"]
