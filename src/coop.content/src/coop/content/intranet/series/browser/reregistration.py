"""Re-registration in the browser: the coaches' action on a session's page,
and the holder's missed sessions with their one-click registration."""

from coop.content import _
from coop.content.agenda.registrations.store import WAITLISTED
from coop.content.common.dates import event_when
from coop.content.common.errors import InputError
from coop.content.intranet.series import absentees
from coop.content.intranet.series import missed_series
from coop.content.intranet.series import next_session
from coop.content.intranet.series import register_to_next
from coop.content.intranet.series import reregister
from coop.content.intranet.series import session_info
from coop.content.intranet.workshops.registrations import current_userid
from coop.content.intranet.workshops.registrations import has_begun
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView


def _names(records):
    return [f"{r['first_name']} {r['last_name']}".strip() for r in records]


class AbsenteesMixin:
    """The absentees of the session and where they would go."""

    def absentees(self):
        return _names(absentees(self.context))

    def target(self):
        session = next_session(self.context)
        return session_info(session) if session is not None else None


class ReregisterViewlet(AbsenteesMixin, ViewletBase):
    """On a begun session's pages, for coaches: its absentees, one button
    (not on @@reregister, which says it all)."""

    def update(self):
        super().update()
        shown = has_begun(self.context) and not isinstance(self.view, ReregisterView)
        self.names = self.absentees() if shown else []
        self.next = self.target() if self.names else None

    @property
    def available(self):
        return bool(self.names)


def _done(target, records):
    """What the coach is told once the absentees are registered."""
    if not records:
        return _(
            "Nobody to register: every absentee is registered to “${title}” already.",
            mapping={"title": target.Title()},
        )
    mapping = {
        "count": len(records),
        "waiting": sum(1 for record in records if record["status"] == WAITLISTED),
        "title": target.Title(),
        "when": event_when(target),
    }
    if mapping["waiting"]:
        return _(
            "${count} absentee(s) registered to “${title}” (${when}), ${waiting} "
            "of them on the waiting list. Each got a mail.",
            mapping=mapping,
        )
    return _(
        "${count} absentee(s) registered to “${title}” (${when}). Each got a mail.",
        mapping=mapping,
    )


class ReregisterView(AbsenteesMixin, BrowserView):
    """@@reregister: the absentees of the session, and the button that
    registers them to the next session of its theme."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            try:
                target, records = reregister(self.context, by=current_userid())
            except InputError as error:
                api.portal.show_message(error.message, self.request, type="error")
            else:
                api.portal.show_message(_done(target, records), self.request)
            return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    @property
    def when(self):
        return event_when(self.context)


class MissedWorkshops(BrowserView):
    """@@missed-workshops: an HTML fragment of the signed-in holder's missed
    sessions, per theme, with a button to the next session of each."""

    def series(self):
        return missed_series(current_userid())


class RegisterToNext(BrowserView):
    """@@register-to-next on a missed session: GET asks, POST registers the
    signed-in holder to the next open session of its theme."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            try:
                target, record = register_to_next(self.context, current_userid())
            except InputError as error:
                api.portal.show_message(error.message, self.request, type="error")
                return self.request.response.redirect(self.context.absolute_url())
            api.portal.show_message(_registered(target, record), self.request)
            return self.request.response.redirect(target.absolute_url())
        return self.index()

    def target(self):
        session = next_session(self.context)
        return session_info(session) if session is not None else None


def _registered(target, record):
    mapping = {"title": target.Title(), "when": event_when(target)}
    if record["status"] == WAITLISTED:
        return _(
            "“${title}” (${when}) is full: you are on its waiting list. A mail "
            "tells you more.",
            mapping=mapping,
        )
    return _(
        "You are registered to “${title}” (${when}). A mail confirms it.",
        mapping=mapping,
    )
