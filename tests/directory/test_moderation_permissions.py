"""Who may see, edit, share and move a cooperative's entry.

One entry per cooperative account; only its owner, the moderators and the
administrators edit it; only a published entry is visible to everyone else.
"""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

import pytest


@pytest.fixture
def directory(portal, create_directory):
    return create_directory()


@pytest.fixture
def bring_to(directory):
    return directory.bring_to


PERSONAS = (
    "anonymous",
    "buyer",
    "other_cooperative",
    "owner",
    "moderator",
    "site_administrator",
)
STATES = ("draft", "pending", "published")
ACTIONS = ("view", "edit", "share", "submit", "publish", "send_back", "suspend")
Y, N = True, False
# fmt: off
MATRIX = {
    #                                   view edit share submit publish send_back suspend
    ("anonymous", "draft"):             (N,  N,   N,    N,     N,      N,        N),
    ("anonymous", "pending"):           (N,  N,   N,    N,     N,      N,        N),
    ("anonymous", "published"):         (Y,  N,   N,    N,     N,      N,        N),
    ("buyer", "draft"):                 (N,  N,   N,    N,     N,      N,        N),
    ("buyer", "pending"):               (N,  N,   N,    N,     N,      N,        N),
    ("buyer", "published"):             (Y,  N,   N,    N,     N,      N,        N),
    ("other_cooperative", "draft"):     (N,  N,   N,    N,     N,      N,        N),
    ("other_cooperative", "pending"):   (N,  N,   N,    N,     N,      N,        N),
    ("other_cooperative", "published"): (Y,  N,   N,    N,     N,      N,        N),
    # Pending, the entry waits for the moderators' decision as it was sent.
    ("owner", "draft"):                 (Y,  Y,   N,    Y,     N,      N,        N),
    ("owner", "pending"):               (Y,  N,   N,    N,     N,      N,        N),
    ("owner", "published"):             (Y,  Y,   N,    N,     N,      N,        N),
    # Moderators may submit an entry they pre-registered on a cooperative's behalf.
    ("moderator", "draft"):             (Y,  Y,   N,    Y,     N,      N,        N),
    ("moderator", "pending"):           (Y,  Y,   N,    N,     Y,      Y,        N),
    ("moderator", "published"):         (Y,  Y,   N,    N,     N,      N,        Y),
    ("site_administrator", "draft"):    (Y,  Y,   Y,    Y,     N,      N,        N),
    ("site_administrator", "pending"):  (Y,  Y,   Y,    N,     Y,      Y,        N),
    ("site_administrator", "published"): (Y, Y,   Y,    N,     N,      N,        Y),
}
# fmt: on
PERMISSIONS = {
    "view": ("View",),
    "edit": ("Modify portal content",),
    # Either one lets a user hand roles on the entry to someone else.
    "share": ("Sharing page: Delegate roles", "Change local roles"),
}


def may(user, permissions, obj):
    return any(
        api.user.has_permission(permission, user=user, obj=obj)
        for permission in permissions
    )


def test_the_matrix_covers_every_persona_and_state():
    assert set(MATRIX) == {(p, s) for p in PERSONAS for s in STATES}
    assert all(len(row) == len(ACTIONS) for row in MATRIX.values())


@pytest.mark.parametrize(
    ("persona", "state", "action"),
    [(p, s, a) for p in PERSONAS for s in STATES for a in ACTIONS],
)
def test_permission_matrix(people, cooperative, bring_to, persona, state, action, does):
    expected = MATRIX[persona, state][ACTIONS.index(action)]
    bring_to(cooperative, state)
    user = people[persona]
    if action in PERMISSIONS:
        assert may(user, PERMISSIONS[action], cooperative) is expected
    else:
        assert does(user, action, cooperative) is expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", False),
        ("buyer", False),
        ("other_cooperative", False),
        ("owner", False),
        ("moderator", True),
        ("site_administrator", True),
    ],
)
def test_only_staff_add_entries_to_the_directory(portal, people, persona, expected):
    # A cooperative gets its one entry from the registration wizard, never a second.
    assert (
        api.user.has_permission(
            "coop.content: Add Cooperative",
            user=people[persona],
            obj=portal["annuaire"],
        )
        is expected
    )


def found_by(user, cooperative):
    with api.env.adopt_user(user=user):
        return [
            brain.getObject()
            for brain in api.content.find(
                portal_type="Cooperative", UID=api.content.get_uuid(cooperative)
            )
        ] == [cooperative]


@pytest.mark.parametrize("persona", ["anonymous", "buyer", "other_cooperative"])
@pytest.mark.parametrize("state", ["draft", "pending"])
def test_unpublished_entries_stay_out_of_others_searches(
    people, cooperative, bring_to, persona, state
):
    bring_to(cooperative, state)
    assert not found_by(people[persona], cooperative)
    with api.env.adopt_user(user=people[persona]):
        pending = api.content.find(portal_type="Cooperative", review_state=state)
        assert cooperative.title not in {brain.Title for brain in pending}


@pytest.mark.parametrize("persona", PERSONAS)
def test_published_entries_are_found_by_everyone(
    people, cooperative, bring_to, persona
):
    bring_to(cooperative, "published")
    assert found_by(people[persona], cooperative)


@pytest.mark.parametrize("persona", ["owner", "moderator", "site_administrator"])
@pytest.mark.parametrize("state", ["draft", "pending"])
def test_owner_and_staff_find_unpublished_entries(
    people, cooperative, bring_to, persona, state
):
    bring_to(cooperative, state)
    assert found_by(people[persona], cooperative)


def test_the_workflow_itself_checks_the_comment(people, cooperative, bring_to):
    # Whatever the way in (toolbar, folder contents, code), not only REST.
    bring_to(cooperative, "pending")
    workflow_tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(user=people["moderator"]):
        with pytest.raises(WorkflowException, match="motif"):
            workflow_tool.doActionFor(cooperative, "send_back", comment=" ")
        with pytest.raises(WorkflowException, match="2000 caractères"):
            workflow_tool.doActionFor(cooperative, "publish", comment="x" * 2001)
    assert api.content.get_state(cooperative) == "pending"
