"""GET @calendar on the site: the caller's workshops and appointments, as iCalendar.

A signed-in member reads their own calendar; a calendar app gives the secret
token of @calendar-token (``?token=``) instead of a login.
"""

from coop.content.intranet.calendar.feed import member_calendar
from coop.content.intranet.calendar.services import CalendarService
from plone.restapi.services import _no_content_marker


class CalendarGet(CalendarService):
    def answer(self):
        userid = self.owner(self.request.form.get("token"))
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Content-Disposition", 'inline; filename="agenda.ics"')
        # A revoked address must stop working at once, even behind a cache.
        response.setHeader("Cache-Control", "private, no-cache")
        response.setBody(member_calendar(userid, self.request).to_ical())
        # With this marker, the service writes no JSON over the body set here.
        return _no_content_marker
