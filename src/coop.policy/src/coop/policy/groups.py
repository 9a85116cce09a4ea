"""The groups of the coop platform and who may join them."""

from coop.content.common.config import BUYERS_GROUP
from coop.content.common.config import COACHES_GROUP
from coop.content.common.config import COOPERATIVES_GROUP
from coop.content.common.config import ENTREPRENEURS_GROUP
from coop.content.common.config import MODERATORS_GROUP
from coop.content.common.config import PRESCRIBERS_GROUP
from coop.policy import _


GROUPS = {
    BUYERS_GROUP: (
        _("Buyers"),
        _("Buyers who search the directory and send consultations."),
    ),
    COOPERATIVES_GROUP: (
        _("Cooperatives"),
        _("Cooperative companies, each owning its directory entry."),
    ),
    MODERATORS_GROUP: (
        _("Moderators"),
        _("Moderators who review the cooperatives' entries."),
    ),
    ENTREPRENEURS_GROUP: (
        _("Project holders"),
        _("Project holders of the CAE, members of the intranet."),
    ),
    COACHES_GROUP: (
        _("Coaches"),
        _("Coaches who run workshops and follow project holders."),
    ),
    PRESCRIBERS_GROUP: (
        _("Prescribers"),
        _("Partner organisations that register people to public events."),
    ),
}

# The group of an account that an anonymous visitor creates; the registration
# wizard adds a cooperative's account to COOPERATIVES_GROUP.
DEFAULT_SELF_REGISTRATION_GROUP = BUYERS_GROUP
