"""Classic UI theme of the coop platform."""

from zope.i18nmessageid import MessageFactory


_ = MessageFactory("coop.theme")
