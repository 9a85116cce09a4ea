"""Project holder pages: who writes, who reviews, who sees.

A project holder writes one page, with up to 3 pages in it; coaches publish
it or send it back with a reason; everyone sees it once published, and its
pages and images follow it.
"""

from AccessControl.SpecialUsers import nobody
from coop.content.content.project_holder import IProjectHolder
from coop.content.project_holders.pages import AlreadyHolder
from coop.content.project_holders.pages import page_of
from coop.content.project_holders.pages import PageLimitReached
from plone import api
from plone.api.exc import InvalidParameterError
from plone.autoform.interfaces import OMITTED_KEY
from Products.CMFCore.WorkflowCore import WorkflowException

import pytest


PASSWORD = "un-mot-de-passe-solide"
WORKFLOW = "coop_project_holder_workflow"
FIELDS = {
    "title": "Atelier Bois et Lumière",
    "activity": "Luminaires en bois tourné",
    "description": "Des lampes tournées à la main dans du bois local.",
    "sector": "C",
    "website": "https://bois-et-lumiere.example",
}
PATH_TO = {"draft": (), "pending": ("submit",), "published": ("submit", "publish")}


@pytest.fixture
def people(portal):
    def member(email, group_id=None, roles=()):
        user = api.user.create(email=email, password=PASSWORD)
        if group_id:
            api.group.add_user(groupname=group_id, user=user)
        if roles:
            api.user.grant_roles(user=user, roles=roles)
        return api.user.get(userid=user.getId())

    with api.env.adopt_roles(["Manager"]):
        return {
            "anonymous": nobody,
            "holder": member("karim@bois-et-lumiere.example", "entrepreneurs"),
            "other_holder": member("lea@couture.example", "entrepreneurs"),
            "coach": member("isabelle@coop-emploi.example", "coaches"),
            "buyer": member("achats@mairie.example", "buyers"),
            "site_admin": member(
                "admin@coop-emploi.example", roles=["Site Administrator"]
            ),
        }


def create_page(portal, user, **fields):
    with api.env.adopt_user(user=user):
        return api.content.create(
            container=portal["porteurs-de-projet"],
            type="ProjectHolder",
            **{**FIELDS, **fields},
        )


@pytest.fixture
def page(portal, people):
    return create_page(portal, people["holder"])


@pytest.fixture
def sub_page(page, people):
    with api.env.adopt_user(user=people["holder"]):
        return api.content.create(
            container=page, type="Document", title="Nos créations"
        )


def bring_to(page, state):
    with api.env.adopt_roles(["Manager"]):
        for transition in PATH_TO[state]:
            api.content.transition(obj=page, transition=transition)
    assert api.content.get_state(page) == state


# --- The page and its holder ----------------------------------------------------


def test_the_holder_is_the_creator(page, people):
    assert page.holder == people["holder"].getId()
    assert api.content.get_state(page) == "draft"
    assert page_of(people["holder"].getId()) == page


def test_nobody_types_the_holder():
    # Read-only: plone.restapi skips it; omitted: the forms do not show it.
    assert IProjectHolder["holder"].readonly
    omitted = IProjectHolder.queryTaggedValue(OMITTED_KEY, [])
    assert "holder" in {name for _, name, _ in omitted}


def test_sub_pages_and_images_have_no_workflow_of_their_own(page, sub_page):
    workflow_tool = api.portal.get_tool("portal_workflow")
    assert workflow_tool.getChainFor(page) == (WORKFLOW,)
    assert workflow_tool.getChainFor(sub_page) == ()
    assert workflow_tool.getChainFor("Document") != ()


# --- Who may do what, in each state ---------------------------------------------

PERSONAS = ("anonymous", "buyer", "other_holder", "holder", "coach", "site_admin")
STATES = ("draft", "pending", "published")
ACTIONS = ("view", "edit", "add_page", "submit", "publish", "send_back", "retract")
Y, N = True, False
# fmt: off
MATRIX = {
    #                                    view edit add  submit publish send_back retract
    ("anonymous", "draft"):              (N,  N,   N,   N,     N,      N,        N),
    ("anonymous", "pending"):            (N,  N,   N,   N,     N,      N,        N),
    ("anonymous", "published"):          (Y,  N,   N,   N,     N,      N,        N),
    ("buyer", "draft"):                  (N,  N,   N,   N,     N,      N,        N),
    ("buyer", "pending"):                (N,  N,   N,   N,     N,      N,        N),
    ("buyer", "published"):              (Y,  N,   N,   N,     N,      N,        N),
    # Other project holders are Contributors of the folder, not of the page.
    ("other_holder", "draft"):           (N,  N,   N,   N,     N,      N,        N),
    ("other_holder", "pending"):         (N,  N,   N,   N,     N,      N,        N),
    ("other_holder", "published"):       (Y,  N,   N,   N,     N,      N,        N),
    # Pending, the page waits for the coaches' decision as it was sent.
    ("holder", "draft"):                 (Y,  Y,   Y,   Y,     N,      N,        N),
    ("holder", "pending"):               (Y,  N,   N,   N,     N,      N,        N),
    ("holder", "published"):             (Y,  Y,   Y,   N,     N,      N,        Y),
    ("coach", "draft"):                  (Y,  N,   N,   N,     N,      N,        N),
    ("coach", "pending"):                (Y,  Y,   N,   N,     Y,      Y,        N),
    ("coach", "published"):              (Y,  N,   N,   N,     N,      N,        Y),
    ("site_admin", "draft"):     (Y,  Y,   Y,   Y,     N,      N,        N),
    ("site_admin", "pending"):   (Y,  Y,   Y,   N,     Y,      Y,        N),
    ("site_admin", "published"): (Y,  Y,   Y,   N,     N,      N,        Y),
}
# fmt: on
PERMISSIONS = {
    "view": "View",
    "edit": "Modify portal content",
    "add_page": "plone.app.contenttypes: Add Document",
}


def test_the_matrix_covers_every_persona_and_state():
    assert set(MATRIX) == {(p, s) for p in PERSONAS for s in STATES}


@pytest.mark.parametrize(
    ("persona", "state", "action"),
    [(p, s, a) for p in PERSONAS for s in STATES for a in ACTIONS],
)
def test_permission_matrix(people, page, persona, state, action, does):
    expected = MATRIX[persona, state][ACTIONS.index(action)]
    bring_to(page, state)
    user = people[persona]
    if action in PERMISSIONS:
        assert (
            api.user.has_permission(PERMISSIONS[action], user=user, obj=page)
            is expected
        )
    else:
        assert does(user, action, page) is expected


@pytest.mark.parametrize("state", STATES)
def test_sub_pages_follow_the_page(people, page, sub_page, state):
    bring_to(page, state)
    for persona in PERSONAS:
        user = people[persona]
        for permission, action in (("View", "view"), ("Modify portal content", "edit")):
            expected = MATRIX[persona, state][ACTIONS.index(action)]
            assert (
                api.user.has_permission(permission, user=user, obj=sub_page) is expected
            ), (persona, permission)


def found_by(user, obj):
    with api.env.adopt_user(user=user):
        return bool(api.content.find(UID=api.content.get_uuid(obj)))


@pytest.mark.parametrize("state", ["draft", "pending"])
def test_anonymous_searches_find_only_published_pages(people, page, sub_page, state):
    bring_to(page, state)
    assert not found_by(people["anonymous"], page)
    assert not found_by(people["anonymous"], sub_page)
    with api.env.adopt_roles(["Manager"]):
        if state == "draft":
            api.content.transition(obj=page, transition="submit")
        api.content.transition(obj=page, transition="publish")
    assert found_by(people["anonymous"], page)
    assert found_by(people["anonymous"], sub_page)


def test_send_back_requires_a_reason(people, page):
    bring_to(page, "pending")
    workflow_tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(user=people["coach"]):
        for comment in ("", "   \n "):
            with pytest.raises(WorkflowException, match="porteur de projet"):
                workflow_tool.doActionFor(page, "send_back", comment=comment)
        assert api.content.get_state(page) == "pending"
        workflow_tool.doActionFor(page, "send_back", comment="Ajoutez une photo.")
    assert api.content.get_state(page) == "draft"
    history = page.workflow_history[WORKFLOW]
    assert history[-1]["comments"] == "Ajoutez une photo."


# --- One page per holder, three pages per page --------------------------------


def addable(folder, user):
    with api.env.adopt_user(user=user):
        return {fti.getId() for fti in folder.allowedContentTypes()}


def test_one_page_per_holder(portal, people, page):
    with pytest.raises(AlreadyHolder):
        create_page(portal, people["holder"], title="Une deuxième page")
    # A copy keeps its holder, who may not hold two pages.
    with api.env.adopt_roles(["Manager"]), pytest.raises(AlreadyHolder):
        api.content.copy(source=page, target=portal["porteurs-de-projet"])
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="ProjectHolder")
    assert [brain.getPath() for brain in brains] == ["/".join(page.getPhysicalPath())]
    assert portal["porteurs-de-projet"].contentIds() == [page.getId()]


def test_at_most_three_pages(people, page):
    holder = people["holder"]
    with api.env.adopt_user(user=holder):
        for number in range(3):
            assert "Document" in addable(page, holder)
            api.content.create(container=page, type="Document", title=f"Page {number}")
        assert addable(page, holder) == {"Image"}
        with pytest.raises(InvalidParameterError, match="disallowed"):
            api.content.create(container=page, type="Document", title="Page 4")
        # Images are not pages.
        api.content.create(container=page, type="Image", title="Photo")
        # Deleting a page makes room for another, as the message says.
        api.content.delete(obj=page["page-0"])
        api.content.create(container=page, type="Document", title="Page 4")
    assert len(page.contentIds()) == 4


def test_no_fourth_page_by_a_copy_in_place(people, page):
    with api.env.adopt_user(user=people["holder"]):
        for number in range(3):
            api.content.create(container=page, type="Document", title=f"P{number}")
        with pytest.raises(PageLimitReached):
            api.content.copy(source=page["p0"], target=page)
        # A rename adds no page.
        api.content.rename(obj=page["p0"], new_id="nouveau")
    assert sorted(page.contentIds()) == ["nouveau", "p1", "p2"]
