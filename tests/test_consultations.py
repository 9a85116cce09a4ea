"""Consultations (DESIGN §5, §6): who sees them, sending, answers, closing."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.users import nobody
from coop.content.answers import all_answers
from coop.content.answers import record_answer
from coop.content.consultation_boxes import consultations_in
from coop.content.consultations import close_expired
from coop.content.consultations import today
from coop.content.directory import create_account
from coop.content.directory import hand_over
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.schema import ValidationError

import contextlib
import pytest


PERSONAS = ("anonymous", "buyer", "owner", "other_cooperative", "moderator")


@pytest.fixture
def directory(portal, create_directory):
    directory = create_directory()
    directory.bring_to(directory.cooperative, "published")
    directory.bring_to(directory.other_file, "published")
    return directory


@pytest.fixture
def write(portal, directory):
    """A consultation written by `sender` (the buyer by default), as a draft."""

    def write(sender="buyer", **fields):
        data = {
            "title": "Rénovation de la salle des fêtes",
            "closing_date": today() + timedelta(days=14),
            "budget": "20 000 € HT",
            "location": "Annecy",
            "department": "74",
            "description": RichTextValue("<p>Menuiseries extérieures.</p>"),
            "recipients": [api.content.get_uuid(directory.cooperative)],
            **fields,
        }
        with api.env.adopt_user(user=directory.people[sender]):
            return api.content.create(
                container=portal["consultations"], type="Consultation", **data
            )

    return write


@pytest.fixture
def send(directory):
    def send(consultation, sender="buyer"):
        with api.env.adopt_user(user=directory.people[sender]):
            api.content.transition(obj=consultation, transition="send")
        return consultation

    return send


def next_request():
    """Forget what the request remembers of local roles and owners."""
    IAnnotations(getRequest()).clear()


def received_by(user):
    with api.env.adopt_user(user=user):
        return consultations_in("received", user.getId())


@contextlib.contextmanager
def anonymous():
    saved = getSecurityManager()
    newSecurityManager(None, nobody)
    try:
        yield
    finally:
        setSecurityManager(saved)


# --- Who sees a consultation -------------------------------------------------


def test_the_sender_gets_its_cooperatives_consultation_email(directory, write):
    directory.cooperative.consultation_email = "devis@menuiserie-du-lac.example"
    consultation = write(sender="owner")
    assert consultation.sender_email == "devis@menuiserie-du-lac.example"
    assert write().sender_email == directory.emails["buyer"]


@pytest.mark.parametrize(
    "state,visible",
    [
        ("draft", {"buyer"}),
        ("sent", {"buyer", "owner"}),
        ("closed", {"buyer", "owner"}),
    ],
)
def test_only_the_sender_and_the_recipients_see_it(
    directory, write, send, state, visible
):
    consultation = write()
    if state != "draft":
        send(consultation)
    if state == "closed":
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=consultation, transition="close")
    for persona in ("buyer", "owner", "other_cooperative", "moderator"):
        user = directory.people[persona]
        seen = api.user.has_permission("View", obj=consultation, user=user)
        assert seen is (persona in visible), persona


def test_anonymous_sees_nothing(directory, write, send):
    consultation = send(write())
    with anonymous():
        assert not api.user.has_permission("View", obj=consultation)
        assert not api.user.has_permission("Access contents information", obj=consultation)


def test_nobody_but_the_sender_edits_and_only_a_draft(directory, write, send):
    consultation = write()
    buyer, owner = directory.people["buyer"], directory.people["owner"]
    assert api.user.has_permission("Modify portal content", obj=consultation, user=buyer)
    send(consultation)
    for user in (buyer, owner):
        assert not api.user.has_permission(
            "Modify portal content", obj=consultation, user=user
        )


def test_a_new_owner_of_the_cooperative_sees_what_it_received(
    directory, write, send
):
    consultation = send(write())
    successor = create_account("reprise@menuiserie-du-lac.example")
    hand_over(directory.cooperative, successor)
    next_request()
    owner = directory.people["owner"]
    assert not api.user.has_permission("View", obj=consultation, user=owner)
    assert api.user.has_permission("View", obj=consultation, user=successor)
    assert received_by(successor) == [consultation]
    assert received_by(owner) == []
