from coop.policy.setuphandlers.directory_scale import scale_directory
from coop.policy.setuphandlers.groups import create_groups
from coop.policy.setuphandlers.mail import configure_mailhost
from coop.policy.setuphandlers.passwords import require_long_passwords
from coop.policy.setuphandlers.site_tree import create_site_tree
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide what is not meant to be installed on its own.

        coop.content and coop.theme come with coop.policy; uninstall
        profiles are run by the add-ons control panel, not picked.
        """
        return [
            "coop.content:default",
            "coop.content:uninstall",
            "coop.policy:uninstall",
            "coop.theme:default",
            "coop.theme:uninstall",
        ]


def post_install(context):
    """Post install script of coop.policy:default; safe to run again."""
    portal = api.portal.get()
    # The registry sets the default language; the site object carries its own.
    portal.setLanguage(api.portal.get_registry_record("plone.default_language"))
    create_groups()
    create_site_tree(portal)
    scale_directory(portal)
    configure_mailhost(portal)
    require_long_passwords(portal)
