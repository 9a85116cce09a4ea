"""GET @navigation: the tabs named as the site's own menu names them.

The tabs that are actions, as Plone's first tab ("Home", the `index_html`
action), have a title in Plone's domain: it is translated to the visitor's
language, as the menu of the pages does. A folder's tab shows its title as
written.
"""

from plone.restapi.services.navigation.get import Navigation
from plone.restapi.services.navigation.get import NavigationGet
from zope.i18n import translate


def _named_in_the_visitors_language(tab, request):
    if "title" not in tab:
        return tab
    return {**tab, "name": translate(tab["title"], domain="plone", context=request)}


class TranslatedNavigation(Navigation):
    @property
    def portal_tabs(self):
        return [
            _named_in_the_visitors_language(tab, self.request)
            for tab in super().portal_tabs
        ]


class TranslatedNavigationGet(NavigationGet):
    def reply(self):
        return TranslatedNavigation(self.context, self.request)(expand=True)[
            "navigation"
        ]
