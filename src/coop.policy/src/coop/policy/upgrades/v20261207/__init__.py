"""Upgrade steps to the profile versions of 2026-12-07."""

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


def apply_the_appointment_workflow(context):
    """Give existing appointments the state and permissions of their workflow.

    Changing a type's workflow leaves its objects with the old one's state
    and role mappings until the workflow tool updates them.
    """
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.updateRoleMappings()
