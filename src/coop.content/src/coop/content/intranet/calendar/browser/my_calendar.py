"""`mon-agenda`: a member's calendar, to download or to subscribe to by its address.

The rules are those of coop.content.intranet.calendar (feed, tokens), shared
with the REST services; this view reads the form and reports in French.
"""

from coop.content import _
from coop.content.intranet.calendar.feed import calendar_owner
from coop.content.intranet.calendar.feed import NoCalendar
from coop.content.intranet.calendar.tokens import calendar_token
from coop.content.intranet.calendar.tokens import calendar_url
from coop.content.intranet.calendar.tokens import new_calendar_token
from coop.content.intranet.calendar.tokens import revoke_calendar_token
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView


RENEWED = _(
    "Your calendar has a new address: the old one no longer works. Give the "
    "new one to your calendar apps."
)
REVOKED = _(
    "Your calendar no longer has an address: calendar apps can no longer read it."
)


class MyCalendarView(BrowserView):
    refusal = None

    def __call__(self):
        try:
            self.userid = calendar_owner()
        except NoCalendar as refusal:
            self.refusal = refusal.message
            self.request.response.setStatus(403)
            return self.index()
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            message = self.change(self.request.form)
            if message is not None:
                api.portal.show_message(message, self.request)
            # Back to the page, so that reloading it changes nothing.
            return self.request.response.redirect(self.url)
        return self.index()

    def change(self, form):
        if "revoke" in form:
            revoke_calendar_token(self.userid)
            return REVOKED
        if "renew" in form:
            new_calendar_token(self.userid)
            return RENEWED
        return None

    @property
    def portal_url(self):
        return api.portal.get().absolute_url()

    @property
    def url(self):
        return f"{self.portal_url}/@@{self.__name__}"

    @property
    def download_url(self):
        return f"{self.portal_url}/++api++/@calendar"

    def subscription_url(self):
        return calendar_url(calendar_token(self.userid))
