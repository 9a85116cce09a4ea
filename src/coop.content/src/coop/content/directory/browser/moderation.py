"""The moderators' tools (DESIGN §6): review queue, send-back form, @workflow."""

from coop.content import _
from coop.content.content.cooperative import ICooperative
from coop.content.directory.moderation import check_comment
from coop.content.directory.moderation import last_submission
from coop.content.directory.moderation import MAX_COMMENT_LENGTH
from coop.content.directory.moderation import PUBLISH
from coop.content.directory.moderation import reason_required_for
from coop.content.directory.moderation import review_queue_url
from coop.content.directory.moderation import SEND_BACK
from plone import api
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from plone.protect import CheckAuthenticator
from plone.restapi.deserializer import json_body
from plone.restapi.services.workflow.transition import WorkflowTransition
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.i18n import translate
from zope.schema import ValidationError

import transaction


NOT_PENDING = _("This file is not waiting for review.")
NOT_YOURS = _("You may not take this step on this file.")
NOT_FROM_HERE = _("This step is not possible from the current state of the file.")


def _can(transition, cooperative):
    workflow_tool = api.portal.get_tool("portal_workflow")
    return transition in {t["id"] for t in workflow_tool.getTransitionsFor(cooperative)}


def _sector(cooperative):
    field = ICooperative["sector"].bind(cooperative)
    vocabulary = field.vocabulary
    sector = cooperative.sector
    return vocabulary.getTerm(sector).title if sector in vocabulary else sector


class ReviewQueue(BrowserView):
    """The pending files of this folder, oldest submission first.

    Publishing takes one click here; sending back asks the reason, which goes
    to the send-back form of the file.
    """

    max_length = MAX_COMMENT_LENGTH

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self._publish(self.request.form.get("uid"))
            # Back to the list, so that reloading the page publishes nothing.
            return self.request.response.redirect(self.url)
        return self.index()

    @property
    def url(self):
        return f"{self.context.absolute_url()}/@@review-queue"

    def _pending(self, **query):
        return api.content.find(
            context=self.context,
            portal_type="Cooperative",
            review_state="pending",
            **query,
        )

    def files(self):
        return [
            self._row(brain.getObject())
            for brain in self._pending(sort_on="submitted", sort_order="ascending")
        ]

    def _row(self, cooperative):
        submitted = last_submission(cooperative)
        return {
            "uid": api.content.get_uuid(cooperative),
            "title": cooperative.title,
            "url": cooperative.absolute_url(),
            "city": cooperative.city,
            "sector": _sector(cooperative),
            "submitted": submitted
            and api.portal.get_localized_time(submitted, long_format=True),
            "send_back_url": f"{cooperative.absolute_url()}/@@send-back",
        }

    def _publish(self, uid):
        # A missing or repeated uid would match no file, or several.
        brains = self._pending(UID=uid) if uid and isinstance(uid, str) else []
        cooperative = brains[0].getObject() if len(brains) == 1 else None
        if cooperative is None or not _can(PUBLISH, cooperative):
            api.portal.show_message(NOT_PENDING, self.request, type="error")
            return
        api.content.transition(obj=cooperative, transition=PUBLISH)
        api.portal.show_message(
            _("The file ${title} is published.", mapping={"title": cooperative.title}),
            self.request,
        )


class SendBack(BrowserView):
    """Send a pending file back to its owner, with the reason they receive."""

    max_length = MAX_COMMENT_LENGTH
    error = None
    heading = _("Send back the file")
    lead = _(
        "The file goes back to draft, and its owner receives the reason by e-mail."
    )
    recipient_note = _("The cooperative receives this reason by e-mail.")
    not_pending = NOT_PENDING
    sent_back = _("The file ${title} is sent back to its owner.")

    def __call__(self):
        self.comment = self.request.form.get("comment", "")
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if not self.pending:
                api.portal.show_message(self.not_pending, self.request, type="error")
                return self.request.response.redirect(self.context.absolute_url())
            try:
                check_comment(
                    SEND_BACK, self.comment, reason_required_for(self.context)
                )
            except ValidationError as error:
                self.error = error.doc()
            else:
                return self._send_back()
        return self.index()

    @property
    def pending(self):
        return _can(SEND_BACK, self.context)

    def _send_back(self):
        api.content.transition(
            obj=self.context, transition=SEND_BACK, comment=self.comment.strip()
        )
        api.portal.show_message(
            _(self.sent_back, mapping={"title": self.context.title}),
            self.request,
        )
        return self.request.response.redirect(self.next_url)

    @property
    def next_url(self):
        return review_queue_url(self.context)


class HolderSendBack(SendBack):
    """Send a pending project holder page back to its holder, with the reason."""

    heading = _("Send back the page")
    lead = _(
        "The page goes back to draft, and its project holder receives the reason "
        "by e-mail."
    )
    recipient_note = _("The project holder receives this reason by e-mail.")
    not_pending = _("This page is not waiting for review.")
    sent_back = _("The page ${title} is sent back to its project holder.")

    @property
    def next_url(self):
        return self.context.absolute_url()


class ModeratedStatusModify(ContentStatusModifyView):
    """Plone's content_status_modify, which tells why the workflow refuses a step.

    The toolbar's state menu, its "Advanced..." form and folder publishing
    reach the workflow through it; subscribers refuse a bad comment (see
    subscribers.moderation) or a consultation that cannot be sent (see
    subscribers.consultation), which Plone's view would let through as a
    server error. Here the user is told why in French, and nothing is kept; a
    send-back without a reason goes to the send-back form.
    """

    def __call__(
        self,
        workflow_action=None,
        comment="",
        effective_date=None,
        expiration_date=None,
        **kwargs,
    ):
        if workflow_action:
            CheckAuthenticator(self.request)
            try:
                check_comment(
                    workflow_action, comment, reason_required_for(self.context)
                )
            except ValidationError as error:
                api.portal.show_message(error.doc(), self.request, type="error")
                form = (
                    "@@send-back"
                    if workflow_action == SEND_BACK
                    else "content_status_history"
                )
                return self.request.response.redirect(
                    f"{self.context.absolute_url()}/{form}"
                )
        try:
            return super().__call__(
                workflow_action, comment, effective_date, expiration_date, **kwargs
            )
        except WorkflowException as error:
            # Plone's view dates the content before the step: undo that too.
            transaction.doom()
            api.portal.show_message(str(error), self.request, type="error")
            return self.request.response.redirect(self.context.absolute_url())


class CooperativeWorkflowTransition(WorkflowTransition):
    """plone.restapi's @workflow, with DESIGN §7's errors before anything changes.

    The workflow refuses a bad comment too, but plone.restapi reports that, and
    a transition the user may not take, as a WorkflowException in English,
    after it has already touched the file; here they are French errors: 400 for
    bad input, 403 for a step that is not the user's to take.
    """

    not_yours = NOT_YOURS
    not_from_here = NOT_FROM_HERE

    def reply(self):
        try:
            check_comment(
                self.transition,
                json_body(self.request).get("comment"),
                reason_required_for(self.context),
            )
        except ValidationError as error:
            message = translate(error.doc(), context=self.request)
            raise BadRequest(f"comment : {message}") from None
        self._check_transition()
        return super().reply()

    def _check_transition(self):
        if self.transition is None or _can(self.transition, self.context):
            return
        # plone.restapi answers a transition to the current state as a success.
        if self.is_same_state(self.context):
            return
        state = api.content.get_state(self.context)
        exits = {
            transition
            for workflow in self.wftool.getWorkflowsFor(self.context)
            if state in workflow.states
            for transition in workflow.states[state].transitions
        }
        if self.transition in exits:
            raise Forbidden(translate(self.not_yours, context=self.request))
        raise BadRequest(translate(self.not_from_here, context=self.request))


class HolderWorkflowTransition(CooperativeWorkflowTransition):
    """The same @workflow for project holder pages, in the words of a page."""

    not_yours = _("You may not take this step on this page.")
    not_from_here = _("This step is not possible from the current state of the page.")
