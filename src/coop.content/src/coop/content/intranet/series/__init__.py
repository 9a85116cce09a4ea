"""Re-registration of absentees: the sessions of one theme form a series."""

from coop.content.intranet.series.reregistration import absentees
from coop.content.intranet.series.reregistration import missed_series
from coop.content.intranet.series.reregistration import missed_workshops
from coop.content.intranet.series.reregistration import next_session
from coop.content.intranet.series.reregistration import register_to_next
from coop.content.intranet.series.reregistration import reregister
from coop.content.intranet.series.reregistration import session_info


__all__ = [
    "absentees",
    "missed_series",
    "missed_workshops",
    "next_session",
    "register_to_next",
    "reregister",
    "session_info",
]
