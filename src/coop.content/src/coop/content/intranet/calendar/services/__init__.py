"""The calendar's REST services: the calendar, and its secret address."""

from coop.content.common.services import CoopService
from coop.content.intranet.calendar.feed import calendar_owner
from coop.content.intranet.calendar.feed import NoCalendar
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.i18n import translate


class CalendarService(CoopService):
    """A service of the caller's calendar: 401 or 403 in French for who has none."""

    def owner(self, token=None):
        """The user id of the calendar asked for (see `calendar_owner`)."""
        try:
            return calendar_owner(token)
        except NoCalendar as refusal:
            error = Forbidden if refusal.signed_in else Unauthorized
            raise error(translate(refusal.message, context=self.request)) from None
