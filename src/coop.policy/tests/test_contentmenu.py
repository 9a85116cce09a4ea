"""The toolbar's "Add" menu: for the members who may add or restrict types."""

from contextlib import contextmanager
from coop.content.common.config import COACHES_GROUP
from coop.content.common.config import ENTREPRENEURS_GROUP
from coop.policy.contentmenu import PermittedFactoriesSubMenuItem
from coop.policy.interfaces import ICoopPolicyLayer
from plone import api
from plone.app.contentmenu.interfaces import IContentMenuItem
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import pytest


@pytest.fixture
def worked_out(monkeypatch):
    """The folders whose addable types the menu works out."""
    folders = []
    addable = PermittedFactoriesSubMenuItem._addableTypesInContext

    def recorded(menu, folder):
        folders.append(folder)
        return addable(menu, folder)

    monkeypatch.setattr(
        PermittedFactoriesSubMenuItem, "_addableTypesInContext", recorded
    )
    return folders


@pytest.fixture
def menu_for(portal):
    """Whether a member of `group` (an administrator for None) gets the "Add"
    menu on the folder at `path`."""
    request = portal.REQUEST
    alsoProvides(request, ICoopPolicyLayer)

    @contextmanager
    def signed_in(group):
        if group is None:
            with api.env.adopt_roles(["Site Administrator"]):
                yield
            return
        with api.env.adopt_roles(["Manager"]):
            user = api.user.create(
                email=f"{group}@coop.example", password="secret-password-123"
            )
            api.group.add_user(groupname=group, user=user)
        with api.env.adopt_user(user=api.user.get(userid=user.getId())):
            yield

    def available(path, group):
        folder = portal.unrestrictedTraverse(path)
        with signed_in(group):
            item = getMultiAdapter(
                (folder, request), IContentMenuItem, name="plone.contentmenu.factories"
            )
            assert isinstance(item, PermittedFactoriesSubMenuItem)
            return item.available()

    return available


@pytest.mark.parametrize("group", [ENTREPRENEURS_GROUP, COACHES_GROUP])
def test_an_intranet_reader_gets_no_menu_and_no_type_is_worked_out(
    menu_for, worked_out, group
):
    assert menu_for("intranet", group) is False
    assert worked_out == []


def test_a_coach_adds_workshops(portal, menu_for, worked_out):
    assert menu_for("intranet/ateliers", COACHES_GROUP) is True
    assert worked_out == [portal["intranet"]["ateliers"]]


def test_the_administrator_gets_the_menu(portal, menu_for, worked_out):
    assert menu_for("intranet", None) is True
    assert worked_out == [portal["intranet"]]
