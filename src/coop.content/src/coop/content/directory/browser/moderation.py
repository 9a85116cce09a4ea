"""The moderators' tools: review queue, send-back form, state menu."""

from coop.content import _
from coop.content.common.config import COOPERATIVE_TYPE
from coop.content.common.config import MAX_TRANSITION_COMMENT_LENGTH
from coop.content.content.cooperative import ICooperative
from coop.content.directory.moderation import can_take
from coop.content.directory.moderation import check_comment
from coop.content.directory.moderation import last_submission
from coop.content.directory.moderation import PUBLISH
from coop.content.directory.moderation import reason_required_for
from coop.content.directory.moderation import review_queue_url
from coop.content.directory.moderation import SEND_BACK
from plone import api
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from zope.schema import ValidationError

import transaction


NOT_PENDING = _("This entry is not waiting for review.")


def _sector(cooperative):
    field = ICooperative["sector"].bind(cooperative)
    vocabulary = field.vocabulary
    sector = cooperative.sector
    return vocabulary.getTerm(sector).title if sector in vocabulary else sector


class ReviewQueue(BrowserView):
    """The pending entries of this folder, oldest submission first.

    Publishing takes one click here; sending back asks the reason, which goes
    to the send-back form of the entry.
    """

    max_length = MAX_TRANSITION_COMMENT_LENGTH

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
            portal_type=COOPERATIVE_TYPE,
            review_state="pending",
            **query,
        )

    def entries(self):
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
        # A missing or repeated uid would match no entry, or several.
        brains = self._pending(UID=uid) if uid and isinstance(uid, str) else []
        cooperative = brains[0].getObject() if len(brains) == 1 else None
        if cooperative is None or not can_take(PUBLISH, cooperative):
            api.portal.show_message(NOT_PENDING, self.request, type="error")
            return
        api.content.transition(obj=cooperative, transition=PUBLISH)
        api.portal.show_message(
            _("The entry ${title} is published.", mapping={"title": cooperative.title}),
            self.request,
        )


class SendBack(BrowserView):
    """Send a pending entry back to its owner, with the reason they receive."""

    max_length = MAX_TRANSITION_COMMENT_LENGTH
    error = None
    heading = _("Send back the entry")
    lead = _(
        "The entry goes back to draft, and its owner receives the reason by e-mail."
    )
    recipient_note = _("The cooperative receives this reason by e-mail.")
    not_pending = NOT_PENDING
    sent_back = _("The entry ${title} is sent back to its owner.")

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
        return can_take(SEND_BACK, self.context)

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
