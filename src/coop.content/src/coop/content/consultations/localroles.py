"""Recipients' owners read the consultations their cooperative received."""

from borg.localrole.interfaces import ILocalRoleProvider
from coop.content.consultations.rules import recipient_owner_ids
from coop.content.consultations.rules import RECIPIENT_ROLE
from coop.content.consultations.rules import recipient_uid
from coop.content.content.consultation import IConsultation
from zope.component import adapter
from zope.interface import implementer


@implementer(ILocalRoleProvider)
@adapter(IConsultation)
class RecipientOwners:
    """Reader for the current owner of each recipient cooperative.

    Computed on each check, not granted once: when a cooperative changes
    hands, the consultations it received follow it. The workflow gives Reader
    the right to view a sent or closed consultation, never a draft.
    """

    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        if recipient_uid(self.context, principal_id):
            return (RECIPIENT_ROLE,)
        return ()

    def getAllRoles(self):
        return [
            (owner, (RECIPIENT_ROLE,)) for owner in recipient_owner_ids(self.context)
        ]
