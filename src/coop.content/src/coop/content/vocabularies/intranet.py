"""The vocabularies of the intranet: workshop themes, coaches, project holders.

They read the registry and the groups at each call: coaches add themes and
administrators add members while the site runs.
"""

from coop.content.common.config import COACHES_GROUP
from coop.content.common.config import ENTREPRENEURS_GROUP
from coop.content.interfaces import IWorkshopThemes
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


THEMES_PREFIX = "coop.content.workshop_themes"


def workshop_themes():
    """The themes as a dict: code → name."""
    settings = getUtility(IRegistry).forInterface(
        IWorkshopThemes, prefix=THEMES_PREFIX, check=False
    )
    return dict(settings.themes or {})


@provider(IVocabularyFactory)
def workshop_themes_vocabulary(context):
    """The workshop themes, by name."""
    themes = sorted(workshop_themes().items(), key=lambda item: item[1].lower())
    return SimpleVocabulary(
        [SimpleTerm(value=code, token=code, title=name) for code, name in themes]
    )


def group_members(group_id):
    """(userid, full name) of the members of `group_id`, by full name."""
    group = api.group.get(groupname=group_id)
    if group is None:
        return []
    members = [
        (member.getId(), member.getProperty("fullname") or member.getId())
        for member in group.getGroupMembers()
    ]
    return sorted(members, key=lambda member: member[1].lower())


def _people(group_id):
    return SimpleVocabulary(
        [
            SimpleTerm(value=userid, token=userid, title=fullname)
            for userid, fullname in group_members(group_id)
        ]
    )


@provider(IVocabularyFactory)
def coaches_vocabulary(context):
    """The coaches, by full name."""
    return _people(COACHES_GROUP)


@provider(IVocabularyFactory)
def entrepreneurs_vocabulary(context):
    """The project holders, by full name."""
    return _people(ENTREPRENEURS_GROUP)
