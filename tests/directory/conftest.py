"""Fixtures of the directory's tests."""

from coop.content.directory import engine
from coop.content.directory import reference
from coop.content.directory import search as directory_search
from plone import api

import pytest
import transaction


@pytest.fixture(params=["engine", "reference"])
def search_engine(request, monkeypatch):
    """Each way of answering the directory search in turn: the engine, then the
    plain catalog queries (directory.reference) that it must agree with."""
    module = {"engine": engine, "reference": reference}[request.param]
    monkeypatch.setattr(directory_search, "engine", module)
    return module


@pytest.fixture
def travel_to(monkeypatch):
    """Set the time whose published entries the directory's engine shows."""

    def travel(when):
        monkeypatch.setattr(engine, "now", lambda: when)

    return travel


@pytest.fixture
def engine_calls(monkeypatch):
    """Watch a function of the engine: `engine_calls(name)` is the list of the
    arguments of its calls from then on."""

    def watch(name):
        calls = []
        function = getattr(engine, name)

        def counted(*args):
            calls.append(args)
            return function(*args)

        monkeypatch.setattr(engine, name, counted)
        return calls

    return watch


@pytest.fixture
def directory(functional_portal, create_directory):
    """The personas and their two draft entries, committed for HTTP."""
    return create_directory(commit=True)


@pytest.fixture
def at(directory):
    """Bring an entry to a state for good; its REST path."""

    def at(cooperative, state):
        directory.bring_to(cooperative, state)
        transaction.commit()
        return f"/annuaire/{cooperative.getId()}"

    return at


@pytest.fixture
def pending(cooperative, at):
    """The owner's entry, pending; its REST path."""
    return at(cooperative, "pending")


@pytest.fixture
def groups_of():
    """The groups of `user`, but the one every member is in."""

    def groups(user):
        ids = {group.getId() for group in api.group.get_groups(user=user)}
        return ids - {"AuthenticatedUsers"}

    return groups
