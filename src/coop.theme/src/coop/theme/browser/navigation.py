"""The global navigation, kept until some content changes.

Plone builds it on every page with two catalog queries that go through every
entry of the site, so that each page would cost more as the directory grows.
Its HTML depends on the site's content (the
CONTENT counter, moved by every change of content), who looks and when
(engine.visitor: roles, publication dates passed), the navigation root, its
address (host, virtual root) and the language, the navigation settings, the
portal tabs and, because a folder hidden from the navigation is shown inside
it, the sections the page is in.
"""

from coop.content.common.cachekeys import CONTENT
from coop.content.common.cachekeys import counters
from coop.content.directory.engine import visitor
from plone.app.layout.viewlets.common import GlobalSectionsViewlet
from plone.memoize import ram
from zope.component import getMultiAdapter


# The navigation settings (plone.base's INavigationSchema) the menu depends on.
SETTINGS = (
    "generate_tabs",
    "nonfolderish_tabs",
    "navigation_depth",
    "sort_tabs_on",
    "sort_tabs_reversed",
    "displayed_types",
    "filter_on_workflow",
    "workflow_states_to_show",
    "show_excluded_items",
)


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


def _menu_state(method, viewlet):
    return (counters(CONTENT), visitor(), viewlet.depends_on())


class CachedGlobalSectionsViewlet(GlobalSectionsViewlet):
    def depends_on(self):
        """What the menu shows besides the catalog and the visitor."""
        settings = self.settings
        root = self.navtree_path
        below_root = "/".join(self.context.getPhysicalPath())[len(root) :]
        portal_state, context_state = (
            getMultiAdapter((self.context, self.request), name=name)
            for name in ("plone_portal_state", "plone_context_state")
        )
        return (
            root,
            # The links are absolute: one menu per host and virtual root.
            portal_state.navigation_root_url(),
            self.current_language,
            tuple(_hashable(getattr(settings, name)) for name in SETTINGS),
            tuple(self.types_using_view),
            # The tabs' actions, not self.portal_tabs: that queries the catalog.
            tuple(
                (tab["id"], tab["title"], tab["url"])
                for tab in context_state.actions("portal_tabs")
            ),
            tuple(below_root.split("/")[1 : settings.navigation_depth + 1]),
        )

    @ram.cache(_menu_state)
    def render(self):
        return super().render()
