from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICoopContentLayer(IDefaultBrowserLayer):
    """Marker interface of the browser layer installed by coop.content."""
