from coop.policy.groups import GROUPS
from plone import api
from zope.i18n import translate


def create_groups():
    """Create the platform's groups that do not exist yet, titled in French."""
    request = api.env.getRequest()
    for group_id, (title, description) in GROUPS.items():
        if api.group.get(groupname=group_id) is None:
            api.group.create(
                groupname=group_id,
                title=translate(title, target_language="fr", context=request),
                description=translate(
                    description, target_language="fr", context=request
                ),
            )
