"""The /intranet home: what a project holder, a coach or an administrator
has next (coop.content.intranet.home.overview)."""

from coop.content.intranet.home import overview
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView


class IntranetHome(BrowserView):
    """The sections of the home that the current member's persona shows."""

    def __call__(self):
        user = api.user.get_current()
        self.userid = user.getId()
        self.persona = overview.persona_of(user)
        return self.index()

    @property
    def holder(self):
        return self.persona == overview.HOLDER

    @property
    def coach(self):
        """Coaches and administrators: who follow holders and train."""
        return self.persona in (overview.COACH, overview.ADMINISTRATOR)

    @property
    def _scope(self):
        """Whose sessions and appointments: the member's, or everyone's for
        an administrator."""
        return None if self.persona == overview.ADMINISTRATOR else self.userid

    @memoize
    def next_sessions(self):
        return overview.next_sessions(holder=self.userid if self.holder else None)

    @memoize
    def next_appointments(self):
        return overview.next_appointments(self._scope)

    @memoize
    def followed_holders(self):
        return overview.followed_holders() if self.coach else []

    @memoize
    def trained_sessions(self):
        return overview.trained_sessions(self._scope) if self.coach else []

    @memoize
    def sessions_to_mark(self):
        return overview.sessions_to_mark(self._scope) if self.coach else []

    @memoize
    def latest_resources(self):
        return overview.latest_resources()

    @memoize
    def open_questions(self):
        return overview.open_questions()
