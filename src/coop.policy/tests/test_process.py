"""A started instance leaves its startup objects out of garbage collections."""

from zope.event import notify
from zope.processlifetime import ProcessStarting

import gc
import pytest


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_the_objects_of_a_started_zope_are_frozen(portal, unfrozen):
    kept_before = [portal]
    assert gc.get_freeze_count() == 0
    notify(ProcessStarting())
    assert gc.get_freeze_count() > 100_000
    assert not any(tracked is kept_before for tracked in gc.get_objects())
