from zope.interface import Interface


class IWorkshopsFolder(Interface):
    """Marker of the folder of the workshops (/intranet/ateliers): its listing
    by month and theme, and the page where coaches name the themes."""
