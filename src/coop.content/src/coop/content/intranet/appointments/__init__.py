"""Individual appointments between a project holder and a coach."""

from coop.content.intranet.appointments.planning import appointments_of


__all__ = ["appointments_of"]
