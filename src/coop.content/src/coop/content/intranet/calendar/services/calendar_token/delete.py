"""DELETE @calendar-token: the caller's calendar has no secret address any more."""

from coop.content.intranet.calendar.services import CalendarService
from coop.content.intranet.calendar.tokens import revoke_calendar_token


class CalendarTokenDelete(CalendarService):
    def answer(self):
        revoke_calendar_token(self.owner())
        return self.reply_no_content()
