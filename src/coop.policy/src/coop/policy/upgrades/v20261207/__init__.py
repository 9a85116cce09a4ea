"""Upgrade steps to the profile version 20261207001."""

from coop.policy.setuphandlers.site_tree import create_site_tree
from plone import api


def give_setup_content_to_the_site(context):
    """The site root, its sections and the contact form belong to the site.

    `create_site_tree` is idempotent: on a site of 1000 it makes the site's
    administrator their creator and creates the contact form's saved-data
    storage, which reading the form would otherwise create. It runs as the
    site's own work, whoever starts the upgrade: the sections' settings name
    types that only a manager may add.
    """
    with api.env.adopt_roles(["Manager"]):
        create_site_tree(api.portal.get())
