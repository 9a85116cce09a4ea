"""What happens to a registration, told as zope events.

The store's rules (seats, waiting list, promotion) are the same for every
kind of object that takes registrations; what follows a change — which
mails go out, what the catalog must know again — is each kind's own, in
subscribers registered for the object's interface and one of these events.
"""

from zope.interface import Attribute
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent


class IRegistrationEvent(IObjectEvent):
    """A registration of `object` was added or changed."""

    record = Attribute("The registration as it is stored now (a dict).")


class IRegistrationAdded(IRegistrationEvent):
    """Someone signed up: `record` holds a seat or waits for one."""


class IRegistrationStatusChanged(IRegistrationEvent):
    """A registration's status changed."""

    previous = Attribute("The status it had before.")


class IRegistrationPromoted(IRegistrationStatusChanged):
    """A freed seat went to this registration, which was waiting."""


@implementer(IRegistrationAdded)
class RegistrationAdded(ObjectEvent):
    def __init__(self, object, record):
        super().__init__(object)
        self.record = record


@implementer(IRegistrationStatusChanged)
class RegistrationStatusChanged(ObjectEvent):
    def __init__(self, object, record, previous):
        super().__init__(object)
        self.record = record
        self.previous = previous


@implementer(IRegistrationPromoted)
class RegistrationPromoted(RegistrationStatusChanged):
    pass
