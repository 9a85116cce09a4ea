"""POST @workflow on a consultation: plone.restapi's, French 400 before sending."""

from coop.content.common.services import CoopService
from coop.content.consultations.rules import check_sendable
from coop.content.consultations.rules import SEND
from plone.restapi.services.workflow.transition import WorkflowTransition


class ConsultationWorkflowTransition(CoopService, WorkflowTransition):
    def answer(self):
        if self.transition == SEND:
            check_sendable(self.context)
        return super().answer()
