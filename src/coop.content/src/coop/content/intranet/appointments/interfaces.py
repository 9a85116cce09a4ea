from zope.interface import Interface


class IAppointmentsFolder(Interface):
    """Marker of the folder of the appointments (/intranet/rendez-vous): the
    current member's appointments and their week."""
