"""Fixtures of the consultations' tests."""

from coop.content.consultations.rules import today
from datetime import timedelta

import pytest


@pytest.fixture
def expire():
    """Move a consultation's closing date `days` into the past, as time does."""

    def expire(consultation, days=1):
        consultation.closing_date = today() - timedelta(days=days)
        consultation.reindexObject(idxs=["closing_date"])
        return consultation

    return expire
