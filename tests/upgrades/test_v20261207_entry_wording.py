"""20261207001: a site of 1000 describes the directory's records as entries.

The descriptions of the Cooperative type, of the review queue's action and of
the directory's workflow are stored on the site: the upgrade imports them anew.
"""

import pytest
import transaction


DIRECTORY_WORKFLOW = "coop_directory_workflow"
# What a site of 1000 stores, and what the upgrade leaves there.
CONTENT_WORDING = (
    (
        "A cooperative company's file in the directory.",
        "A cooperative company's entry in the directory.",
    ),
    (
        "Cooperative files waiting for review.",
        "Cooperative entries waiting for review.",
    ),
)
WORKFLOW_WORDING = {
    None: (
        "Cooperatives' files in the directory: written by their owner, "
        "published by the moderators.",
        "Cooperatives' entries in the directory: written by their owner, "
        "published by the moderators.",
    ),
    "publish": (
        "Make the file visible to everyone in the directory.",
        "Make the entry visible to everyone in the directory.",
    ),
    "send_back": (
        "Return the file to its owner with the reason, sent by e-mail.",
        "Return the entry to its owner with the reason, sent by e-mail.",
    ),
    "submit": (
        "Ask the moderators to publish the file.",
        "Ask the moderators to publish the entry.",
    ),
    "suspend": (
        "Withdraw a published file from the directory.",
        "Withdraw a published entry from the directory.",
    ),
}


def _type_and_action(portal):
    return (
        portal.portal_types["Cooperative"],
        portal.portal_actions.user["review-queue"],
    )


def _workflow_parts(portal):
    workflow = portal.portal_workflow[DIRECTORY_WORKFLOW]
    return {
        transition: workflow if transition is None else workflow.transitions[transition]
        for transition in WORKFLOW_WORDING
    }


@pytest.fixture
def content_of_1000(functional_portal):
    for obj, (before, _after) in zip(
        _type_and_action(functional_portal), CONTENT_WORDING, strict=True
    ):
        obj.description = before
    transaction.commit()
    return functional_portal


@pytest.fixture
def workflow_of_1000(functional_portal):
    parts = _workflow_parts(functional_portal)
    for transition, (before, _after) in WORKFLOW_WORDING.items():
        parts[transition].description = before
    transaction.commit()
    return functional_portal


def test_the_type_and_the_review_action_describe_entries(content_of_1000, upgrade_from):
    upgrade_from("coop.content:default", "1000")
    descriptions = [obj.description for obj in _type_and_action(content_of_1000)]
    assert descriptions == [after for _before, after in CONTENT_WORDING]


def test_the_directory_workflow_describes_entries(workflow_of_1000, upgrade_from):
    upgrade_from("coop.policy:default", "1000")
    parts = _workflow_parts(workflow_of_1000)
    assert {name: part.description for name, part in parts.items()} == {
        name: after for name, (_before, after) in WORKFLOW_WORDING.items()
    }
