"""Only the site's administrators hand out roles.

Who sees what follows from the groups. A coach (Reviewer of the intranet,
Editor of the agenda), a moderator (Reviewer of the directory) or the owner
of an item would otherwise open the sharing page, or call @sharing, and give
anyone a role: a buyer the intranet's Reader, say.
"""

from coop.policy.setuphandlers.site_tree import SECTIONS
from plone import api

import pytest
import transaction


PEOPLE = {
    # persona: (e-mail, groups, roles)
    "holder": ("ines.morel@porteurs.example", ("entrepreneurs",), ()),
    "coach": ("nadia.benali@cae.example", ("coaches",), ()),
    "moderator": ("moderation@urscop.example", ("moderators",), ()),
    "prescriber": ("orientation@france-travail.example", ("prescribers",), ()),
    "buyer": ("achats@mairie.example", ("buyers",), ()),
    "cooperative": ("scop@bois.example", ("cooperatives",), ()),
    "site_administrator": ("admin@cae.example", (), ("Site Administrator",)),
}
# The site root and every section of the site tree, as paths.
PATHS = ("",) + tuple(
    path
    for section in SECTIONS
    for path in (
        section.id,
        *(f"{section.id}/{child.id}" for child in section.children),
    )
)
PERMISSIONS = ("Sharing page: Delegate roles", "Change local roles")


@pytest.fixture
def people(functional_portal, create_people):
    emails = create_people(PEOPLE)
    transaction.commit()
    return emails


@pytest.mark.parametrize("persona", sorted(PEOPLE))
def test_only_administrators_may_hand_out_roles_in_any_section(
    functional_portal, people, persona
):
    user = api.user.get(username=people[persona])
    granted = {
        (path, permission)
        for path in PATHS
        for permission in PERMISSIONS
        if api.user.has_permission(
            permission, user=user, obj=functional_portal.unrestrictedTraverse(path)
        )
    }
    everywhere = {(path, permission) for path in PATHS for permission in PERMISSIONS}
    assert granted == (everywhere if persona == "site_administrator" else set())


def _intranet_readers(portal):
    return sorted(
        userid
        for userid, roles in portal["intranet"].get_local_roles()
        if "Reader" in roles
    )


def test_a_coach_cannot_let_a_buyer_into_the_intranet_over_rest(
    functional_portal, people, sessions_of
):
    readers = _intranet_readers(functional_portal)
    buyer_id = api.user.get(username=people["buyer"]).getId()
    coach = sessions_of(people)("coach")
    response = coach.post(
        "/intranet/@sharing",
        json={"entries": [{"id": buyer_id, "type": "user", "roles": {"Reader": True}}]},
    )
    assert response.status_code == 403
    transaction.begin()
    assert _intranet_readers(functional_portal) == readers
    buyer = sessions_of(people)("buyer")
    assert buyer.get("/intranet").status_code == 401


@pytest.mark.parametrize("persona", ["coach", "moderator", "holder"])
def test_the_sharing_page_is_closed_to_members(people, browsers_of, persona):
    path = {"moderator": "/annuaire/@@sharing"}.get(persona, "/intranet/@@sharing")
    response = browsers_of(people)(persona).get(path, allow_redirects=False)
    # Plone sends a signed-in member it refuses to its login page.
    assert response.status_code == 302
    assert "/require_login?came_from=" in response.headers["location"]
    assert "form.button.Save" not in response.text


def test_the_administrator_shares_the_intranet(people, browsers_of):
    response = browsers_of(people)("site_administrator").get("/intranet/@@sharing")
    assert response.status_code == 200
    assert "form.button.Save" in response.text
