"""Moderation over REST and the mails it sends."""

from coop.content.directory.entries import create_account
from coop.content.directory.entries import create_draft_entry
from plone import api

import pytest
import transaction


SECOND_MODERATOR = "moderation-2@urscop.example"
REASON = "Merci de préciser vos activités et d'ajouter vos références clients."


@pytest.fixture
def directory(directory):
    """Accounts of every persona, two moderators, and entries, committed for HTTP."""
    with api.env.adopt_roles(["Manager"]):
        second = api.user.create(email=SECOND_MODERATOR, password=directory.password)
        api.group.add_user(groupname="moderators", user=second)
    transaction.commit()
    return directory


# A mail test asks for the entry's state before `smtp_server`, which empties the
# queue: the submission that made the entry pending mails nobody in the test.
@pytest.fixture
def draft(cooperative, at):
    return at(cooperative, "draft")


@pytest.fixture
def published(cooperative, at):
    return at(cooperative, "published")


def history_of(cooperative):
    transaction.begin()
    return cooperative.workflow_history["coop_directory_workflow"]


def search_pending(session):
    return session.get(
        "/@search",
        params={
            "portal_type": "Cooperative",
            "review_state": "pending",
            "sort_on": "submitted",
        },
    )


# --- Finding the pending entries -------------------------------------------


def test_moderators_find_pending_entries_oldest_first(directory, at, as_persona):
    cooperative, other_entry = directory.cooperative, directory.other_entry
    at(cooperative, "pending")
    directory.backdate_submission(cooperative, hours=1)
    at(other_entry, "pending")
    late = create_account("tard@example.org", directory.password)
    draft = create_draft_entry(
        late, **{**directory.other_fields, "title": "Scop Tardive"}
    )
    transaction.commit()
    response = search_pending(as_persona("moderator"))
    assert response.status_code == 200, response.text
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == [cooperative.title, other_entry.title]
    assert draft.title not in titles


@pytest.mark.parametrize("persona", ["anonymous", "buyer", "other_cooperative"])
def test_others_find_no_pending_entry(cooperative, pending, as_persona, persona):
    response = search_pending(as_persona(persona))
    assert response.status_code == 200, response.text
    assert cooperative.title not in [i["title"] for i in response.json()["items"]]


@pytest.mark.parametrize("state", ["draft", "pending"])
def test_anonymous_searches_skip_unpublished_entries(
    cooperative, at, anon_request, state
):
    path = at(cooperative, state)
    response = anon_request.get("/@search", params={"portal_type": "Cooperative"})
    assert response.json()["items_total"] == 0
    assert anon_request.get(path).status_code == 401


# --- Transitions --------------------------------------------------------------


def test_moderator_publishes(cooperative, pending, as_persona, state_of):
    response = as_persona("moderator").post(f"{pending}/@workflow/publish", json={})
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "published"
    assert state_of(cooperative) == "published"


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 401),
        ("buyer", 401),
        ("other_cooperative", 401),
        # The owner sees the entry but may not decide on it.
        ("owner", 403),
    ],
)
def test_non_moderators_cannot_publish(
    cooperative, pending, as_persona, persona, status, state_of
):
    response = as_persona(persona).post(f"{pending}/@workflow/publish", json={})
    assert response.status_code == status, response.text
    assert state_of(cooperative) == "pending"


def test_owner_cannot_publish_a_draft_directly(
    cooperative, draft, as_persona, state_of
):
    response = as_persona("owner").post(f"{draft}/@workflow/publish", json={})
    assert response.status_code == 400, response.text
    assert "état" in response.json()["message"]
    assert state_of(cooperative) == "draft"


def test_owner_edit_keeps_a_published_entry_published(
    cooperative, published, as_persona, state_of
):
    response = as_persona("owner").patch(
        published, json={"description": "Menuiserie, agencement et escaliers."}
    )
    assert response.status_code == 204, response.text
    assert state_of(cooperative) == "published"
    assert cooperative.description == "Menuiserie, agencement et escaliers."


def test_owner_cannot_hand_the_entry_to_another_account(
    people, cooperative, draft, as_persona
):
    response = as_persona("owner").post(
        f"{draft}/@sharing",
        json={
            "entries": [
                {
                    "id": people["buyer"].getId(),
                    "type": "user",
                    "roles": {"Editor": True},
                }
            ]
        },
    )
    assert response.status_code in (401, 403), response.text
    transaction.begin()
    assert not api.user.has_permission(
        "Modify portal content", user=people["buyer"], obj=cooperative
    )


@pytest.mark.parametrize("persona", ["owner", "other_cooperative", "buyer"])
def test_accounts_cannot_add_a_second_entry(directory, as_persona, persona):
    response = as_persona(persona).post(
        "/annuaire",
        json={"@type": "Cooperative", **directory.fields, "title": "Seconde fiche"},
    )
    assert response.status_code in (401, 403), response.text


# --- Sending back needs a reason -----------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "motif"),
        ({"comment": ""}, "motif"),
        ({"comment": "   \n "}, "motif"),
        ({"comment": "x" * 100_000}, "2000 caractères"),
        ({"comment": ["Motif"]}, "texte"),
    ],
)
def test_send_back_refuses_a_bad_reason(
    cooperative, pending, as_persona, body, message, state_of
):
    history = history_of(cooperative)
    response = as_persona("moderator").post(f"{pending}/@workflow/send_back", json=body)
    assert response.status_code == 400, response.text
    error = response.json()
    assert error["type"] == "BadRequest"
    assert "comment" in error["message"]
    assert message in error["message"]
    assert state_of(cooperative) == "pending"
    assert history_of(cooperative) == history


def test_every_transition_refuses_a_huge_comment(
    cooperative, draft, as_persona, state_of
):
    response = as_persona("owner").post(
        f"{draft}/@workflow/submit", json={"comment": "x" * 2001}
    )
    assert response.status_code == 400, response.text
    assert "2000 caractères" in response.json()["message"]
    assert state_of(cooperative) == "draft"


def test_send_back_keeps_the_reason_in_the_history(
    cooperative, pending, as_persona, state_of
):
    response = as_persona("moderator").post(
        f"{pending}/@workflow/send_back", json={"comment": REASON}
    )
    assert response.status_code == 200, response.text
    assert state_of(cooperative) == "draft"
    last = history_of(cooperative)[-1]
    assert (last["action"], last["comments"]) == ("send_back", REASON)


# --- Mail -----------------------------------------------------------------------


def test_submit_mails_each_moderator(
    directory, cooperative, draft, as_persona, smtp_server, mail_parts
):
    response = as_persona("owner").post(f"{draft}/@workflow/submit", json={})
    assert response.status_code == 200, response.text
    messages = smtp_server.wait_for(2)
    assert sorted(m["To"] for m in messages) == sorted(
        [directory.emails["moderator"], SECOND_MODERATOR]
    )
    assert smtp_server.subjects() == ["Fiche à modérer : Scop Menuiserie du Lac"] * 2
    text = mail_parts(messages[0])["text/plain"]
    assert "a soumis sa fiche à la modération" in text
    assert f"{cooperative.absolute_url()}" in text
    assert "/annuaire/@@review-queue" in text
    # Links for people: the site's pages, not the REST API the owner used.
    assert "++api++" not in text
    # Only the moderators hear of a submission.
    assert len(smtp_server.wait_for(3, timeout=2)) == 2


def test_send_back_mails_the_reason_to_the_owner(
    directory, pending, as_persona, smtp_server, mail_parts
):
    reason = 'Ajoutez <b>vos références</b> & <script>alert("x")</script>'
    response = as_persona("moderator").post(
        f"{pending}/@workflow/send_back", json={"comment": reason}
    )
    assert response.status_code == 200, response.text
    (message,) = smtp_server.wait_for(1)
    # The entry's address for consultations, which defaults to the account's.
    assert message["To"] == directory.emails["owner"]
    assert smtp_server.subjects() == [
        "Votre fiche « Scop Menuiserie du Lac » vous est renvoyée"
    ]
    body = mail_parts(message)
    assert reason in body["text/plain"]
    assert "pour le motif suivant" in body["text/plain"]
    html = body["text/html"]
    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;vos références&lt;/b&gt; &amp;" in html


@pytest.fixture
def consultation_address(cooperative):
    cooperative.consultation_email = "devis@menuiserie-du-lac.example"
    transaction.commit()
    return cooperative.consultation_email


def test_send_back_goes_to_the_consultation_address(
    consultation_address, pending, as_persona, smtp_server
):
    as_persona("moderator").post(
        f"{pending}/@workflow/send_back", json={"comment": REASON}
    )
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == consultation_address


def test_publish_mails_the_owner(
    directory, cooperative, pending, as_persona, smtp_server, mail_parts
):
    response = as_persona("moderator").post(f"{pending}/@workflow/publish", json={})
    assert response.status_code == 200, response.text
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == directory.emails["owner"]
    assert smtp_server.subjects() == [
        "Votre fiche « Scop Menuiserie du Lac » est publiée"
    ]
    assert cooperative.absolute_url() in mail_parts(message)["text/plain"]


def test_a_refused_send_back_mails_nobody(pending, as_persona, smtp_server):
    as_persona("moderator").post(f"{pending}/@workflow/send_back", json={"comment": ""})
    assert smtp_server.wait_for(1, timeout=3) == []
