"""Public events of the agenda: sign-ups and promotions are mailed, seats
added go to the waiting list; a copy starts with no registration."""

from coop.content.agenda.registrations.signup import mail_registration
from coop.content.agenda.registrations.signup import promote_waiting
from coop.content.agenda.registrations.store import drop_store


def mail_sign_up(event, change):
    mail_registration(event, change.record)


def mail_promotion(event, change):
    mail_registration(event, change.record, promoted=True)


def promote_on_change(event, lifecycle_event):
    promote_waiting(event)


def drop_registrations_of_copy(event, lifecycle_event):
    # The people, their statuses and cancel links belong to the original.
    drop_store(event)
