"""Fixtures of coop.policy's tests (the layers are the project's conftest.py's)."""

import pytest


@pytest.fixture
def demo_profile():
    """The profile of the demo content."""
    return "coop.policy:demo"


@pytest.fixture
def demo(portal, apply_profiles, demo_profile):
    """The site with the demo content."""
    apply_profiles(portal, [demo_profile])
    return portal
