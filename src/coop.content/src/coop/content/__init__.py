"""Content types, behaviors, vocabularies and services of the coop platform."""

from zope.i18nmessageid import MessageFactory


_ = MessageFactory("coop.content")
