"""Fixtures of the directory's tests."""

from coop.content.directory import engine
from coop.content.directory import reference
from coop.content.directory import search as directory_search

import pytest


@pytest.fixture(params=["engine", "reference"])
def search_engine(request, monkeypatch):
    """Each way of answering the directory search in turn: the engine, then the
    plain catalog queries (directory.reference) that it must agree with."""
    module = {"engine": engine, "reference": reference}[request.param]
    monkeypatch.setattr(directory_search, "engine", module)
    return module
