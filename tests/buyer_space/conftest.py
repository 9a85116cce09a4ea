"""Fixtures of the buyer space's tests."""

import pytest


@pytest.fixture
def directory(functional_portal, create_directory):
    """The personas, with the owner's entry published and the other one a draft."""
    return create_directory(published=["cooperative"], commit=True)
