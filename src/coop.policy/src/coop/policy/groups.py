"""The groups of the coop platform (DESIGN §3) and who may join them."""

from coop.policy import _


GROUPS = {
    "buyers": (
        _("Buyers"),
        _("Buyers who search the directory and send consultations."),
    ),
    "cooperatives": (
        _("Cooperatives"),
        _("Cooperative companies, each owning its directory entry."),
    ),
    "moderators": (
        _("Moderators"),
        _("Moderators who review the cooperatives' entries."),
    ),
    "entrepreneurs": (
        _("Project holders"),
        _("Project holders of the CAE, members of the intranet."),
    ),
    "coaches": (
        _("Coaches"),
        _("Coaches who run workshops and follow project holders."),
    ),
    "prescribers": (
        _("Prescribers"),
        _("Partner organisations that register people to public events."),
    ),
}

# Self-registration may put a new account in these groups only.
SELF_REGISTRATION_GROUPS = ("buyers", "cooperatives")
DEFAULT_SELF_REGISTRATION_GROUP = "buyers"
