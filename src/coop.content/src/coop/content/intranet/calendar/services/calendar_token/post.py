"""POST @calendar-token: a new secret address for the caller's calendar.

The old address stops working at once.
"""

from coop.content.intranet.calendar.services import CalendarService
from coop.content.intranet.calendar.tokens import calendar_url
from coop.content.intranet.calendar.tokens import new_calendar_token


class CalendarTokenPost(CalendarService):
    def answer(self):
        return {"url": calendar_url(new_calendar_token(self.owner()))}
