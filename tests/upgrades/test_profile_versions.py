"""Every version of a coop profile is reached by upgrade steps."""

from coop_platform.site import upgrade_coop_profiles
from Products.GenericSetup.upgrade import normalize_version


def test_the_version_of_metadata_is_the_newest_upgrade_destination(
    portal_setup, coop_profile
):
    steps = portal_setup.listUpgrades(coop_profile, show_old=True, simple=True)
    newest = max((step.dest for step in steps), key=normalize_version)
    assert ".".join(newest) == portal_setup.getVersionForProfile(coop_profile)


def test_a_new_site_has_no_pending_upgrade(portal_setup, coop_profile):
    assert portal_setup.getLastVersionForProfile(coop_profile) == (
        portal_setup.getVersionForProfile(coop_profile),
    )
    assert portal_setup.listUpgrades(coop_profile) == []


def test_coop_site_runs_the_pending_upgrades_of_every_coop_profile(
    functional_portal, portal_setup, coop_profiles
):
    for profile in coop_profiles:
        portal_setup.setLastVersionForProfile(profile, "1000")
    upgrade_coop_profiles(functional_portal)
    for profile in coop_profiles:
        assert portal_setup.getLastVersionForProfile(profile) == (
            portal_setup.getVersionForProfile(profile),
        )
