"""A started instance tunes its garbage collector for a long-running server."""

from coop.policy.subscribers.process import YOUNG_GENERATION_THRESHOLD
from zope.event import notify
from zope.processlifetime import ProcessStarting

import gc
import pytest


# Python's own thresholds, whatever a layer that started Zope has set.
PYTHON_THRESHOLD = (700, 10, 10)


@pytest.fixture
def untuned():
    """The collector as Python sets it up; as it was after the test."""
    threshold = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(*PYTHON_THRESHOLD)
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_the_objects_of_a_started_zope_are_frozen(portal, untuned):
    kept_before = [portal]
    assert gc.get_freeze_count() == 0
    notify(ProcessStarting())
    assert gc.get_freeze_count() > 100_000
    assert not any(tracked is kept_before for tracked in gc.get_objects())


def test_a_started_zope_collects_young_objects_less_often(portal, untuned):
    notify(ProcessStarting())
    assert gc.get_threshold() == (YOUNG_GENERATION_THRESHOLD, 10, 10)
