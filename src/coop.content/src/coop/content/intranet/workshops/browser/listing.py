"""The workshops' folder: sessions by month, one theme or all, upcoming
unless ?passes=1 asks for the past ones."""

from coop.content import _
from coop.content.agenda.registrations.store import STATUS_TITLES
from coop.content.intranet.workshops.listing import session_months
from coop.content.vocabularies.intranet import workshop_themes
from Products.Five.browser import BrowserView
from urllib.parse import urlencode


class WorkshopsListing(BrowserView):
    status_titles = STATUS_TITLES

    def __call__(self):
        self.past = self.request.form.get("passes") == "1"
        theme = self.request.form.get("theme")
        # ?theme=a&theme=b comes as a list: no filter then.
        self.theme = theme if isinstance(theme, str) else None
        return self.index()

    def _url(self, theme=None, past=None):
        past = self.past if past is None else past
        query = {
            **({"theme": theme} if theme else {}),
            **({"passes": "1"} if past else {}),
        }
        base = self.context.absolute_url()
        return f"{base}?{urlencode(query)}" if query else base

    def themes(self):
        """The filter links: every theme, then each one by name."""
        themes = sorted(workshop_themes().items(), key=lambda item: item[1].lower())
        current = self.theme if self.theme in dict(themes) else None
        return [
            {"title": _("All themes"), "url": self._url(), "current": current is None},
            *(
                {"title": name, "url": self._url(code), "current": code == current}
                for code, name in themes
            ),
        ]

    @property
    def other_url(self):
        """Past sessions from upcoming ones, and back."""
        return self._url(self.theme, past=not self.past)

    def months(self):
        return session_months(self.context, self.theme, self.past)
