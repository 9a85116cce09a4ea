"""The /intranet home: what a project holder, a coach or an administrator
has next (coop.content.intranet.home.overview)."""

from coop.content.intranet.home import overview
from plone import api
from Products.Five.browser import BrowserView


class IntranetHome(BrowserView):
    """The sections of the home that the current member's persona shows."""

    def __call__(self):
        user = api.user.get_current()
        self.persona = overview.persona_of(user)
        self.lists = overview.lists_of(user.getId(), self.persona)
        return self.index()

    @property
    def holder(self):
        return self.persona == overview.HOLDER

    @property
    def coach(self):
        """Coaches and administrators: who follow holders and train."""
        return self.persona in (overview.COACH, overview.ADMINISTRATOR)
