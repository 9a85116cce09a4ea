from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICoopContentLayer(IDefaultBrowserLayer):
    """Marker interface of the browser layer installed by coop.content."""


class IProjectHolderFolder(Interface):
    """Marker of the folder of the project holders' pages (/porteurs-de-projet)."""
