"""Create the Plone site of the coop platform, or bring an existing one up to date.

    bin/coop-site [--site-id coop] [--demo]

Idempotent: an existing site keeps all its data; only missing profiles are
installed and pending upgrade steps of the coop profiles are run.
"""

from coop_platform.zope_app import zope_app
from Products.CMFPlone.factory import addPloneSite
from zope.component.hooks import setSite

import argparse
import logging


logger = logging.getLogger("coop_platform.site")

SITE_ID = "coop"
SITE_TITLE = "Réseau coopératif"
# The profiles of plone.classicui's "classic" distribution, then the coop policy.
EXTENSION_PROFILES = (
    "plone.app.contenttypes:default",
    "plone.app.layout:default",
    "plonetheme.barceloneta:default",
    "coop.policy:default",
)
COOP_PROFILES = ("coop.content:default", "coop.theme:default", "coop.policy:default")
DEMO_PROFILE = "coop.policy:demo"


def ensure_site(app, site_id=SITE_ID, demo=False):
    """Return the site, created if absent; a new site gets demo content if asked."""
    site = app.get(site_id)
    if site is None:
        logger.info("Creating the Plone site %s", site_id)
        site = addPloneSite(
            app,
            site_id,
            title=SITE_TITLE,
            extension_ids=EXTENSION_PROFILES,
            default_language="fr",
            portal_timezone="Europe/Paris",
        )
        if demo:
            setSite(site)
            site.portal_setup.runAllImportStepsFromProfile(f"profile-{DEMO_PROFILE}")
        return site
    setSite(site)
    upgrade_coop_profiles(site)
    return site


def upgrade_coop_profiles(site):
    """Install a missing coop profile or run its pending upgrade steps."""
    setup = site.portal_setup
    for profile_id in COOP_PROFILES:
        if setup.getLastVersionForProfile(profile_id) == "unknown":
            logger.info("Installing %s", profile_id)
            setup.runAllImportStepsFromProfile(f"profile-{profile_id}")
        elif setup.listUpgrades(profile_id):
            logger.info("Upgrading %s", profile_id)
            setup.upgradeProfile(profile_id)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-id", default=SITE_ID)
    parser.add_argument(
        "--demo", action="store_true", help="add demo content to a new site"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
    with zope_app() as app:
        site = ensure_site(app, args.site_id, demo=args.demo)
        logger.info("Site ready: /%s", site.getId())
