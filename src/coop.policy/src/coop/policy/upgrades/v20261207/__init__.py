"""Upgrade steps to the profile versions of 2026-12-07."""

from coop.policy.setuphandlers.site_tree import create_site_tree
from plone import api


def apply_the_site_tree(context):
    """Give the sections of the site the settings of today's site tree.

    `create_site_tree` is idempotent: on a site of 1000 it makes the site's
    administrator the creator of the setup content (the site root, its
    sections, the contact form) and creates the contact form's saved-data
    storage, which reading the form would otherwise create; on a site of
    20261207001 it gives /intranet its home and /intranet/ateliers its
    listing and marker. It runs as the site's own work, whoever starts the
    upgrade: the sections' settings name types that only a manager may add.
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
