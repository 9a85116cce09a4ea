"""GET @calendar-token: the secret address of the caller's calendar, or null."""

from coop.content.intranet.calendar.services import CalendarService
from coop.content.intranet.calendar.tokens import calendar_token
from coop.content.intranet.calendar.tokens import calendar_url


class CalendarTokenGet(CalendarService):
    def answer(self):
        return {"url": calendar_url(calendar_token(self.owner()))}
