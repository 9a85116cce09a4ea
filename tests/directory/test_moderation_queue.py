"""The moderators' pages: the review queue and the send-back form."""

from plone import api

import html
import pytest
import re
import transaction


REASON = "Merci d'ajouter vos références clients."
QUEUE = "/annuaire/@@review-queue"


STAFF = ("moderator", "site_administrator")
OTHERS = ("anonymous", "buyer", "other_cooperative", "owner")


# --- Who may open the pages ---------------------------------------------------


@pytest.mark.parametrize("persona", STAFF)
def test_staff_open_the_queue(pending, browse, persona):
    response = browse(persona).get(QUEUE, allow_redirects=False)
    assert response.status_code == 200


@pytest.mark.parametrize("persona", OTHERS)
def test_others_cannot_open_the_queue(pending, browse, persona, login_challenge):
    assert login_challenge(browse(persona).get(QUEUE, allow_redirects=False))


@pytest.mark.parametrize("persona", STAFF)
def test_staff_open_the_send_back_form(pending, browse, persona):
    response = browse(persona).get(f"{pending}/@@send-back", allow_redirects=False)
    assert response.status_code == 200
    assert "Motif du renvoi" in response.text


@pytest.mark.parametrize("persona", OTHERS)
def test_others_cannot_open_the_send_back_form(
    pending, browse, persona, login_challenge
):
    response = browse(persona).get(f"{pending}/@@send-back", allow_redirects=False)
    assert login_challenge(response)


@pytest.mark.parametrize("persona", OTHERS)
def test_others_cannot_send_back(
    cooperative, pending, browse, persona, state_of, login_challenge
):
    browser = browse(persona)
    response = browser.post(
        f"{pending}/@@send-back", data={"comment": REASON}, allow_redirects=False
    )
    assert login_challenge(response)
    assert state_of(cooperative) == "pending"


@pytest.mark.parametrize("persona", OTHERS)
def test_others_cannot_publish_from_the_queue(
    cooperative, pending, browse, persona, state_of, login_challenge
):
    response = browse(persona).post(
        QUEUE, data={"uid": cooperative.UID()}, allow_redirects=False
    )
    assert login_challenge(response)
    assert state_of(cooperative) == "pending"


# --- The list -----------------------------------------------------------------


def test_queue_lists_pending_entries_oldest_submission_first(directory, browse):
    cooperative, other = directory.cooperative, directory.other_entry
    directory.bring_to(other, "pending")
    directory.backdate_submission(other, hours=2)
    directory.bring_to(cooperative, "pending")
    directory.backdate_submission(cooperative, hours=1)
    transaction.commit()
    page = browse("moderator").get(QUEUE).text
    assert page.index("Scic Énergies du Léman") < page.index("Scop Menuiserie du Lac")
    assert "File d'attente de modération" in page
    assert "Thonon-les-Bains" in page
    assert "D – Production et distribution d'électricité" in html.unescape(page)
    assert "Publier" in page
    assert f'action="{cooperative.absolute_url()}/@@send-back"' in page
    # An entry sent back and submitted again goes to the end of the queue.
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=other, transition="send_back", comment=REASON)
        api.content.transition(obj=other, transition="submit")
    transaction.commit()
    page = browse("moderator").get(QUEUE).text
    assert page.index("Scop Menuiserie du Lac") < page.index("Scic Énergies du Léman")


def test_queue_leaves_out_drafts_and_published_entries(directory, browse):
    directory.bring_to(directory.other_entry, "published")
    transaction.commit()
    page = browse("moderator").get(QUEUE).text
    assert "Aucune fiche n'attend de modération." in page
    assert "Scop Menuiserie du Lac" not in page
    assert "Scic Énergies du Léman" not in page


def test_titles_are_shown_as_text(directory, browse):
    directory.cooperative.title = '<img src=x onerror="alert(1)">'
    directory.cooperative.reindexObject()
    directory.bring_to(directory.cooperative, "pending")
    transaction.commit()
    page = browse("moderator").get(QUEUE).text
    assert "<img src=x" not in page
    assert "&lt;img src=x" in page


# --- Publishing from the queue ----------------------------------------------------


def test_moderator_publishes_from_the_queue(
    cooperative, pending, browse, state_of, authenticator
):
    browser = browse("moderator")
    token = authenticator(browser.get(QUEUE))
    response = browser.post(
        QUEUE,
        data={"uid": cooperative.UID(), "_authenticator": token},
        allow_redirects=False,
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(QUEUE)
    assert state_of(cooperative) == "published"
    page = browser.get(response.headers["Location"]).text
    assert "La fiche « Scop Menuiserie du Lac » est publiée." in html.unescape(page)


def test_publishing_needs_the_authenticator(cooperative, pending, browse, state_of):
    response = browse("moderator").post(
        QUEUE, data={"uid": cooperative.UID()}, allow_redirects=False
    )
    assert response.status_code == 403
    assert state_of(cooperative) == "pending"


@pytest.mark.parametrize("uid", ["", "inconnu", "draft", "twice"])
def test_queue_publishes_pending_entries_only(
    directory, pending, browse, uid, state_of, authenticator
):
    mine, other = directory.cooperative.UID(), directory.other_entry.UID()
    uid = {"draft": other, "twice": [mine, mine]}.get(uid, uid)
    browser = browse("moderator")
    token = authenticator(browser.get(QUEUE))
    page = browser.post(QUEUE, data={"uid": uid, "_authenticator": token})
    assert "Cette fiche n'attend pas de modération." in html.unescape(page.text)
    assert state_of(directory.other_entry) == "draft"
    assert state_of(directory.cooperative) == "pending"


# --- Sending back -------------------------------------------------------------------


def test_moderator_sends_back_with_a_reason(
    cooperative, pending, browse, state_of, authenticator
):
    browser = browse("moderator")
    token = authenticator(browser.get(f"{pending}/@@send-back"))
    response = browser.post(
        f"{pending}/@@send-back",
        data={"comment": f"  {REASON}\n", "_authenticator": token},
        allow_redirects=False,
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(QUEUE)
    assert state_of(cooperative) == "draft"
    last = cooperative.workflow_history["coop_directory_workflow"][-1]
    assert (last["action"], last["comments"]) == ("send_back", REASON)
    page = browser.get(response.headers["Location"]).text
    assert "est renvoyée à son propriétaire" in html.unescape(page)


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("", "Indiquez le motif du renvoi"),
        ("  \n ", "Indiquez le motif du renvoi"),
        ("x" * 100_000, "au plus 2000 caractères"),
    ],
)
def test_send_back_form_refuses_a_bad_reason(
    cooperative, pending, browse, comment, message, state_of, authenticator
):
    browser = browse("moderator")
    token = authenticator(browser.get(f"{pending}/@@send-back"))
    page = browser.post(
        f"{pending}/@@send-back",
        data={"comment": comment, "_authenticator": token},
        allow_redirects=False,
    )
    assert page.status_code == 200
    assert message in html.unescape(page.text)
    assert state_of(cooperative) == "pending"


def test_send_back_keeps_what_was_typed_as_text(
    cooperative, pending, browse, state_of, authenticator
):
    browser = browse("moderator")
    token = authenticator(browser.get(f"{pending}/@@send-back"))
    typed = "</textarea><script>alert(1)</script>" + "x" * 2001
    page = browser.post(
        f"{pending}/@@send-back", data={"comment": typed, "_authenticator": token}
    )
    assert "<script>alert(1)" not in page.text
    assert "&lt;/textarea&gt;&lt;script&gt;" in page.text
    assert state_of(cooperative) == "pending"


def test_send_back_needs_the_authenticator(cooperative, pending, browse, state_of):
    response = browse("moderator").post(
        f"{pending}/@@send-back", data={"comment": REASON}, allow_redirects=False
    )
    assert response.status_code == 403
    assert state_of(cooperative) == "pending"


def test_send_back_form_of_a_draft_says_so(directory, browse):
    page = browse("moderator").get(
        f"/annuaire/{directory.cooperative.getId()}/@@send-back"
    )
    assert "Cette fiche n'attend pas de modération." in html.unescape(page.text)
    assert 'name="comment"' not in page.text


def test_send_back_after_another_decision_changes_nothing(
    cooperative, pending, browse, state_of, authenticator
):
    browser = browse("moderator")
    token = authenticator(browser.get(f"{pending}/@@send-back"))
    # Another moderator publishes the entry while this one writes the reason.
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=cooperative, transition="publish")
    transaction.commit()
    response = browser.post(
        f"{pending}/@@send-back",
        data={"comment": REASON, "_authenticator": token},
        allow_redirects=False,
    )
    assert response.status_code == 302
    assert state_of(cooperative) == "published"
    page = browser.get(response.headers["Location"]).text
    assert "Cette fiche n'attend pas de modération." in html.unescape(page)


# --- Links to the pages -----------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "shown"),
    [
        ("buyer", False),
        ("owner", False),
        ("moderator", True),
        ("site_administrator", True),
    ],
)
def test_the_queue_is_in_the_user_menu_of_staff_only(browse, persona, shown):
    page = browse(persona).get("/").text
    assert (f"{QUEUE}" in page) is shown


def test_the_toolbar_sends_back_through_the_form(cooperative, pending, browse):
    page = browse("moderator").get(pending).text
    assert f"{cooperative.absolute_url()}/@@send-back" in page
    assert "workflow_action=send_back" not in page


# --- The toolbar's "Advanced..." form ---------------------------------------------


@pytest.mark.parametrize("comment", ["", "  \n "])
def test_advanced_form_refuses_a_send_back_without_reason(
    cooperative, pending, browse, comment, state_of, advanced
):
    browser = browse("moderator")
    response = advanced(browser, pending, "send_back", comment)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{pending}/@@send-back")
    page = browser.get(response.headers["Location"])
    assert page.status_code == 200
    assert "Indiquez le motif du renvoi" in html.unescape(page.text)
    assert state_of(cooperative) == "pending"


def test_advanced_form_refuses_a_huge_comment(
    cooperative, pending, browse, state_of, advanced
):
    browser = browse("moderator")
    response = advanced(browser, pending, "publish", "x" * 2001)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{pending}/content_status_history")
    page = browser.get(response.headers["Location"])
    assert "au plus 2000 caractères" in html.unescape(page.text)
    assert state_of(cooperative) == "pending"


def test_advanced_form_sends_back_with_a_reason(
    cooperative, pending, browse, state_of, advanced
):
    response = advanced(browse("moderator"), pending, "send_back", REASON)
    assert response.status_code == 302
    assert state_of(cooperative) == "draft"
    last = cooperative.workflow_history["coop_directory_workflow"][-1]
    assert (last["action"], last["comments"]) == ("send_back", REASON)


def test_status_modify_link_without_reason_is_no_server_error(
    cooperative, pending, browse, state_of, authenticator
):
    browser = browse("moderator")
    token = authenticator(browser.get(f"{pending}/@@send-back"))
    response = browser.get(
        f"{pending}/content_status_modify",
        params={"workflow_action": "send_back", "_authenticator": token},
        allow_redirects=False,
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{pending}/@@send-back")
    assert state_of(cooperative) == "pending"


@pytest.mark.parametrize("persona", ["owner", "moderator"])
def test_the_history_of_an_entry_names_its_steps_in_french(
    directory, cooperative, browse, persona
):
    directory.bring_to(cooperative, "published")
    transaction.commit()
    page = browse(persona).get(f"/annuaire/{cooperative.getId()}/@@historyview")
    steps = re.findall(r'class="historyAction[^"]*">([^<]*)<', page.text)
    assert steps == ["Publier", "Soumettre à la modération", "Création"]
