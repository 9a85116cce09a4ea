"""Site policy of the coop platform."""

from zope.i18nmessageid import MessageFactory


_ = MessageFactory("coop.policy")
