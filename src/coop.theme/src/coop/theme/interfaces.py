from plonetheme.barceloneta.interfaces import IBarcelonetaLayer


class ICoopThemeLayer(IBarcelonetaLayer):
    """Marker interface of the browser layer installed by coop.theme."""
