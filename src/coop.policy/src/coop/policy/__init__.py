"""Site policy of the coop platform."""

from zope.i18nmessageid import MessageFactory


_ = MessageFactory("coop.policy")

# Imported for its effect: see the module.
from coop.policy import honeypot  # noqa: E402, F401
