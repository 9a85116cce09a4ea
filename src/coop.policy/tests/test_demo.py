from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.users import system
from coop.policy.groups import GROUPS
from coop.policy.setuphandlers.demo import DEMO_ACCOUNTS
from coop.policy.setuphandlers.demo import demo_events
from coop.policy.setuphandlers.demo import DEMO_PASSWORD
from coop.policy.setuphandlers.demo_agenda import AGENDA
from coop.policy.setuphandlers.demo_pages import PAGES
from datetime import date
from datetime import datetime
from plone import api

import pytest


ACCOUNTS = {account.persona: account for account in DEMO_ACCOUNTS}
EXPECTED_GROUPS = {
    "buyer": {"buyers"},
    "cooperative": {"cooperatives", "buyers"},
    "moderator": {"moderators"},
    "project holder": {"entrepreneurs"},
    "coach": {"coaches"},
    "prescriber": {"prescribers"},
    "administrator": set(),
}


def _user(persona):
    return api.user.get(username=ACCOUNTS[persona].email)


def _personal_file(portal):
    return portal["intranet"]["dossiers"][_user("project holder").getId()]


def _counts():
    users = len(api.user.get_users())
    items = len(api.content.find(portal_type=["Document", "Event", "PersonalFile"]))
    return users, items


def test_default_layer_has_no_demo_content(portal, setup_tool, demo_profile):
    assert setup_tool.getLastVersionForProfile(demo_profile) == "unknown"
    for account in DEMO_ACCOUNTS:
        assert api.user.get(username=account.email) is None
    assert list(portal["la-cooperative"].objectIds()) == []


def test_applies_as_the_system_user(portal, demo_profile):
    # bin/coop-site --demo applies the profile as Zope's system user.
    newSecurityManager(None, system)
    api.portal.get_tool("portal_setup").runAllImportStepsFromProfile(
        f"profile-{demo_profile}"
    )
    assert "Site Administrator" in api.user.get_roles(user=_user("administrator"))
    holder_id = _user("project holder").getId()
    assert _personal_file(portal).getOwner().getId() == holder_id
    assert len(portal["la-cooperative"].objectIds()) == len(PAGES)


def test_one_account_per_persona():
    assert set(ACCOUNTS) == set(EXPECTED_GROUPS)
    assert len(DEMO_PASSWORD) >= 10


@pytest.mark.parametrize("persona", EXPECTED_GROUPS)
def test_account_groups(demo, persona):
    user = _user(persona)
    assert user is not None
    groups = {group.getId() for group in api.group.get_groups(user=user)}
    assert groups & set(GROUPS) == EXPECTED_GROUPS[persona]
    assert user.getProperty("fullname") == ACCOUNTS[persona].fullname


@pytest.mark.parametrize("persona", EXPECTED_GROUPS)
def test_account_logs_in_with_email_and_password(demo, http_request, persona):
    email = ACCOUNTS[persona].email
    acl_users = api.portal.get_tool("acl_users")
    user = acl_users.authenticate(email, DEMO_PASSWORD, http_request)
    assert user is not None
    # The site uses opaque user ids: the e-mail is the login only.
    assert user.getId() != email
    assert user.getUserName() == email
    assert acl_users.authenticate(email, "wrong-password", http_request) is None


def test_administrator_is_site_administrator_not_manager(demo):
    roles = api.user.get_roles(user=_user("administrator"))
    assert "Site Administrator" in roles
    assert "Manager" not in roles
    for persona in EXPECTED_GROUPS.keys() - {"administrator"}:
        roles = api.user.get_roles(user=_user(persona))
        assert not {"Site Administrator", "Manager"} & set(roles), persona


def test_cooperative_pages_published_in_french(demo):
    folder = demo["la-cooperative"]
    assert len(PAGES) == 8
    for page_id, title, _description, _html in PAGES:
        page = folder[page_id]
        assert page.portal_type == "Document"
        assert page.title == title
        assert api.content.get_state(obj=page) == "published"
        assert page.Language() == "fr"
        text = page.text.output
        assert text.count("<p>") >= 3, page_id
        assert "coopérative" in text.lower(), page_id


def test_cooperative_pages_present_the_cooperative(demo):
    texts = " ".join(page.text.raw for page in demo["la-cooperative"].objectValues())
    for expected in (
        "COOP'EMPLOI",
        "Seynod",
        "Haute-Savoie",
        "contrat d'appui au projet d'entreprise",
        "contrat d'entrepreneur salarié associé",
        "entrepreneur-salarié",
        "Coopérer pour entreprendre",
        "Scop",
    ):
        assert expected in texts, expected


def test_pages_visible_to_anonymous(demo):
    noSecurityManager()
    for page_id, *_rest in PAGES:
        assert api.user.has_permission("View", obj=demo["la-cooperative"][page_id])


def test_applying_twice_creates_nothing(demo, apply_profiles, demo_profile):
    before = _counts()
    apply_profiles(demo, [demo_profile])
    assert _counts() == before
    assert len(demo["agenda"].objectIds()) == 3 + len(AGENDA)
    assert len(demo["intranet"]["dossiers"].objectIds()) == 1


def test_personal_file_of_the_project_holder(demo):
    holder = _user("project holder")
    personal_file = _personal_file(demo)
    assert personal_file.portal_type == "PersonalFile"
    assert personal_file.title == f"Dossier de {holder.getProperty('fullname')}"
    assert personal_file.getOwner().getId() == holder.getId()
    roles = dict(personal_file.get_local_roles())
    assert set(roles[holder.getId()]) == {"Owner", "Editor"}
    assert set(roles[_user("coach").getId()]) == {"Reader", "Editor"}
    # Whoever ran the profile does not keep the Owner role of the entry.
    owners = [userid for userid, local in roles.items() if "Owner" in local]
    assert owners == [holder.getId()]


@pytest.mark.parametrize(
    "persona,allowed",
    [
        ("project holder", True),
        ("coach", True),
        ("administrator", True),
        ("buyer", False),
        ("cooperative", False),
        ("moderator", False),
        ("prescriber", False),
    ],
)
def test_personal_file_visibility(demo, persona, allowed):
    personal_file = _personal_file(demo)
    user = _user(persona)
    assert api.user.has_permission("View", obj=personal_file, user=user) is allowed
    with api.env.adopt_user(user=user):
        found = api.content.find(UID=personal_file.UID())
    assert bool(found) is allowed


def test_personal_file_hidden_from_other_project_holders(demo):
    other = api.user.create(email="autre-porteur@coop.example", password=DEMO_PASSWORD)
    api.group.add_user(groupname="entrepreneurs", user=other)
    personal_file = _personal_file(demo)
    # The intranet lets project holders in, not into each other's files.
    assert api.user.has_permission("View", obj=demo["intranet"], user=other)
    assert not api.user.has_permission("View", obj=personal_file, user=other)


def test_personal_file_hidden_from_anonymous(demo):
    personal_file = _personal_file(demo)
    noSecurityManager()
    assert api.user.is_anonymous()
    assert not api.user.has_permission("View", obj=personal_file)
    assert not api.user.has_permission("Access contents information", obj=personal_file)


def test_events_published_in_the_future_in_haute_savoie(demo):
    events = demo["agenda"].objectValues()
    assert len(events) == 3 + len(AGENDA)
    now = datetime.now().astimezone()
    for event in events:
        assert event.portal_type == "Event"
        assert api.content.get_state(obj=event) == "published"
        assert event.Language() == "fr"
        assert event.start > now
        assert event.end > event.start
        assert ", 74" in event.location
    assert "Réunion d'information collective" in {event.title for event in events}


def test_events_are_deterministic(portal):
    today = date(2026, 3, 2)
    first, second = demo_events(today), demo_events(today)
    assert first == second
    assert len({event["start"] for event in first}) == 3
    assert all(event["start"].date() > today for event in first)
    assert all(event["start"].weekday() < 5 for event in first)
    # Only the dates follow the day the profile runs.
    later = demo_events(date(2026, 6, 1))
    assert [event["location"] for event in later] == [
        event["location"] for event in first
    ]


def test_events_match_their_definition(demo):
    for fields in demo_events(date.today()):
        event = demo["agenda"][fields["id"]]
        assert (event.title, event.location, event.contact_name) == (
            fields["title"],
            fields["location"],
            fields["contact_name"],
        )
        assert event.end - event.start == fields["end"] - fields["start"]


def test_the_project_holder_page_is_published(demo):
    page = demo["porteurs-de-projet"]["atelier-bois-et-lumiere"]
    holder = _user("project holder")
    assert page.holder == holder.getId()
    assert page.getOwner().getId() == holder.getId()
    assert api.content.get_state(obj=page) == "published"
    assert page.sector == "C"
    assert page.contentIds() == ["sur-commande"]
    noSecurityManager()
    assert api.user.has_permission("View", obj=page["sur-commande"])
