"""POST @workflow on an entry or a project holder page, French before any change.

The workflow refuses a bad comment too, but plone.restapi reports that, and
a transition the user may not take, as a WorkflowException in English, after
it has already touched the item; here they are French errors: 400 for bad
input, 403 for a step that is not the user's to take.
"""

from coop.content import _
from coop.content.common.services import CoopService
from coop.content.directory.moderation import can_take
from coop.content.directory.moderation import check_comment
from coop.content.directory.moderation import leaves_current_state
from coop.content.directory.moderation import reason_required_for
from plone.restapi.services.workflow.transition import WorkflowTransition
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.i18n import translate


class CooperativeWorkflowTransition(CoopService, WorkflowTransition):
    not_yours = _("You may not take this step on this entry.")
    not_from_here = _("This step is not possible from the current state of the entry.")

    def answer(self):
        comment = self.body().get("comment")
        check_comment(self.transition, comment, reason_required_for(self.context))
        self._check_transition()
        return super().answer()

    def _check_transition(self):
        # plone.restapi answers a transition to the current state as a success.
        if (
            self.transition is None
            or can_take(self.transition, self.context)
            or self.is_same_state(self.context)
        ):
            return
        if leaves_current_state(self.transition, self.context):
            raise Forbidden(translate(self.not_yours, context=self.request))
        raise BadRequest(translate(self.not_from_here, context=self.request))


class HolderWorkflowTransition(CooperativeWorkflowTransition):
    """The same @workflow for project holder pages, in the words of a page."""

    not_yours = _("You may not take this step on this page.")
    not_from_here = _("This step is not possible from the current state of the page.")
