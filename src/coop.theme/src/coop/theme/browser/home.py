"""The home page: three spaces, quick search, keyword cloud, latest entries.

The widgets read coop.content's search, which answers them from the catalog
and keeps one answer per state of the catalog: the home page stays cheap.
"""

from coop.content.common.config import ABOUT_ID
from coop.content.common.config import AGENDA_ID
from coop.content.common.config import DIRECTORY_ID
from coop.content.directory.search import common_keywords
from coop.content.directory.search import latest
from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode


KEYWORDS = 20
LATEST = 5
# Keyword cloud: the font grows in this many steps with the keyword's count.
CLOUD_STEPS = 4


class HomeView(BrowserView):
    @property
    def portal_url(self):
        return api.portal.get().absolute_url()

    @property
    def directory_url(self):
        return f"{self.portal_url}/{DIRECTORY_ID}"

    @property
    def agenda_url(self):
        return f"{self.portal_url}/{AGENDA_ID}"

    @property
    def about_url(self):
        return f"{self.portal_url}/{ABOUT_ID}"

    @property
    def anonymous(self):
        return api.user.is_anonymous()

    def keywords(self):
        """The most common competences, each linking to its search."""
        keywords = common_keywords(KEYWORDS)
        if not keywords:
            return []
        most = keywords[0]["count"]
        directory_url = self.directory_url
        cloud = [
            {
                "title": keyword["title"],
                "count": keyword["count"],
                "url": f"{directory_url}?"
                + urlencode({"competences": keyword["value"]}),
                "step": 1 + (CLOUD_STEPS - 1) * keyword["count"] // most,
            }
            for keyword in keywords
        ]
        return sorted(cloud, key=lambda keyword: keyword["title"].casefold())

    def latest(self):
        return latest(LATEST)
