"""Moderation of the directory: the rules every way in shares.

An entry goes through `coop_directory_workflow` from the toolbar, the review
queue, the send-back form, the REST API or code; the forms and the REST
service check the transition's comment with `check_comment` to answer with a
clear message, and the workflow itself refuses a bad comment (see
subscribers.moderation), so no way in skips the rule. Project holder pages
go through `coop_project_holder_workflow` under the same rules.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coop.content import _
from coop.content.common.config import MAX_TRANSITION_COMMENT_LENGTH
from coop.content.content.project_holder import IProjectHolder
from plone import api
from zope.schema import ValidationError


SUBMIT = "submit"
PUBLISH = "publish"
SEND_BACK = "send_back"


class CommentError(ValidationError):
    """A comment that cannot go with its transition; it names its field."""

    field_name = "comment"


class ReasonRequired(CommentError):
    __doc__ = _(
        "Give the reason for sending the entry back: the cooperative receives it "
        "by e-mail."
    )


class HolderReasonRequired(CommentError):
    __doc__ = _(
        "Give the reason for sending the page back: the project holder receives "
        "it by e-mail."
    )


class CommentTooLong(CommentError):
    __doc__ = _(
        "A comment has at most ${max} characters.",
        mapping={"max": MAX_TRANSITION_COMMENT_LENGTH},
    )


class CommentNotText(CommentError):
    __doc__ = _("A comment is text.")


def check_comment(transition, comment, reason_required=ReasonRequired):
    """Raise a CommentError when `comment` cannot go with `transition`.

    `reason_required` is the error of a send-back without a reason, which
    says who receives the reason.
    """
    comment = "" if comment is None else comment
    if not isinstance(comment, str):
        raise CommentNotText(comment)
    if len(comment) > MAX_TRANSITION_COMMENT_LENGTH:
        raise CommentTooLong(comment)
    if transition == SEND_BACK and not comment.strip():
        raise reason_required(comment)


def reason_required_for(obj):
    """The error of sending `obj` back without a reason: it names who reads it."""
    return HolderReasonRequired if IProjectHolder.providedBy(obj) else ReasonRequired


def can_take(transition, obj):
    """Whether the current user may take `transition` on `obj` now."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    return transition in {t["id"] for t in workflow_tool.getTransitionsFor(obj)}


def leaves_current_state(transition, obj):
    """Whether `transition` leaves the state `obj` is in, whoever may take it."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    state = api.content.get_state(obj)
    return any(
        transition in workflow.states[state].transitions
        for workflow in workflow_tool.getWorkflowsFor(obj)
        if state in workflow.states
    )


def last_submission(cooperative):
    """When the entry was last submitted for review (a DateTime), or None."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow_id in workflow_tool.getChainFor(cooperative):
        history = workflow_tool.getHistoryOf(workflow_id, cooperative) or ()
        for entry in reversed(history):
            if entry.get("action") == SUBMIT:
                return entry["time"]
    return None


def review_queue_url(cooperative):
    """The review queue of the folder that holds `cooperative`."""
    return f"{aq_parent(aq_inner(cooperative)).absolute_url()}/@@review-queue"
