from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICoopPolicyLayer(IDefaultBrowserLayer):
    """Marker interface of the browser layer installed by coop.policy."""
