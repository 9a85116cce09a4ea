"""Public events of the agenda: seats added go to the waiting list."""

from coop.content.registrations.signup import promote_waiting


def promote_on_change(event, lifecycle_event):
    promote_waiting(event)
