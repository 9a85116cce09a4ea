"""Consultations: who sees them, sending, answers, closing."""

from coop.content.consultations.answers import all_answers
from coop.content.consultations.answers import record_answer
from coop.content.consultations.boxes import consultations_in
from coop.content.consultations.rules import close_expired
from coop.content.consultations.rules import today
from coop.content.directory.entries import create_account
from coop.content.directory.entries import create_draft_entry
from coop.content.directory.entries import hand_over
from coop_platform.close_consultations import close_in
from coop_platform.close_consultations import report
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import ValidationError

import pytest


PERSONAS = ("anonymous", "buyer", "owner", "other_cooperative", "moderator")


@pytest.fixture
def directory(portal, create_directory):
    """Every persona and two published cooperatives."""
    return create_directory(published=("cooperative", "other_entry"))


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
        # The workflow tool itself: plone.api would replace a refusal's message.
        workflow_tool = api.portal.get_tool("portal_workflow")
        with api.env.adopt_user(user=directory.people[sender]):
            workflow_tool.doActionFor(consultation, "send")
        return consultation

    return send


def next_request():
    """Forget what the request remembers of local roles and owners."""
    IAnnotations(getRequest()).clear()


def received_by(user):
    with api.env.adopt_user(user=user):
        return consultations_in("received", user.getId())


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


def test_anonymous_sees_nothing(directory, write, send, as_anonymous):
    consultation = send(write())
    with as_anonymous():
        assert not api.user.has_permission("View", obj=consultation)
        assert not api.user.has_permission(
            "Access contents information", obj=consultation
        )


def test_nobody_but_the_sender_edits_and_only_a_draft(directory, write, send):
    consultation = write()
    buyer, owner = directory.people["buyer"], directory.people["owner"]
    assert api.user.has_permission(
        "Modify portal content", obj=consultation, user=buyer
    )
    send(consultation)
    for user in (buyer, owner):
        assert not api.user.has_permission(
            "Modify portal content", obj=consultation, user=user
        )


def test_a_new_owner_of_the_cooperative_sees_what_it_received(directory, write, send):
    consultation = send(write())
    successor = create_account("reprise@menuiserie-du-lac.example")
    hand_over(directory.cooperative, successor)
    next_request()
    owner = directory.people["owner"]
    assert not api.user.has_permission("View", obj=consultation, user=owner)
    assert api.user.has_permission("View", obj=consultation, user=successor)
    assert received_by(successor) == [consultation]
    assert received_by(owner) == []


# --- Sending ------------------------------------------------------------------


def unpublished_entry(directory):
    late = create_account("tard@example.org", directory.password)
    return create_draft_entry(late, **{**directory.other_fields, "title": "Scop Tard"})


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"closing_date": 0}, "closing_date"),
        ({"closing_date": -3}, "closing_date"),
        ({"recipients": []}, "recipients"),
        ({"recipients": ["not-a-uid"]}, "recipients"),
    ],
)
def test_sending_refuses_a_bad_consultation(write, send, fields, message):
    if "closing_date" in fields:
        fields = {"closing_date": today() + timedelta(days=fields["closing_date"])}
    consultation = write(**fields)
    with pytest.raises(WorkflowException, match=message):
        send(consultation)
    assert api.content.get_state(consultation) == "draft"
    assert consultation.effective_date is None


def test_sending_refuses_an_unpublished_or_other_recipient(
    portal, directory, write, send
):
    for uid in (
        api.content.get_uuid(unpublished_entry(directory)),
        api.content.get_uuid(portal["consultations"]),
    ):
        consultation = write(recipients=[uid])
        with pytest.raises(WorkflowException, match="publiée"):
            send(consultation)


@pytest.mark.parametrize(
    "value,valid",
    [
        ([], False),
        (["unknown"], False),
        (None, True),
    ],
)
def test_recipients_constraint(directory, value, valid):
    from coop.content.content.consultation import IConsultation

    field = IConsultation["recipients"]
    value = (
        value if value is not None else [api.content.get_uuid(directory.cooperative)]
    )
    if valid:
        field.validate(value)
    else:
        with pytest.raises(ValidationError):
            field.validate(value)


# --- Answers ------------------------------------------------------------------


def answer(directory, consultation, persona="owner", value="interested", **kwargs):
    user_id = directory.people[persona].getId()
    return record_answer(consultation, user_id, value, **kwargs)


def test_a_recipient_answers_and_answering_again_replaces_it(directory, write, send):
    consultation = send(write())
    answer(directory, consultation, message="Disponibles en mars.")
    answer(directory, consultation, value="declined", message="Finalement non.")
    (kept,) = all_answers(consultation)
    assert (kept["answer"], kept["message"]) == ("declined", "Finalement non.")


@pytest.mark.parametrize(
    "persona,value,kwargs,field",
    [
        ("other_cooperative", "interested", {}, "answer"),
        ("buyer", "interested", {}, "answer"),
        ("moderator", "interested", {}, "answer"),
        ("owner", "maybe", {}, "answer"),
        ("owner", "interested", {"message": "x" * 5001}, "message"),
        ("owner", "interested", {"message": ["liste"]}, "message"),
    ],
)
def test_bad_answers_change_nothing(
    directory, write, send, persona, value, kwargs, field
):
    consultation = send(write())
    with pytest.raises(ValidationError) as raised:
        answer(directory, consultation, persona, value, **kwargs)
    assert raised.value.field_name == field
    assert all_answers(consultation) == []


def test_answering_a_draft_or_a_closed_one_is_refused(directory, write, send):
    with pytest.raises(ValidationError):
        answer(directory, write())
    consultation = send(write())
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=consultation, transition="close")
    with pytest.raises(ValidationError) as raised:
        answer(directory, consultation)
    assert "clôturée" in translate(raised.value.doc(), target_language="fr")
    assert all_answers(consultation) == []


def test_a_disguised_or_oversized_quote_is_refused(directory, write, send):
    from coop.content.consultations.answers import quote_file

    consultation = send(write())
    disguised = quote_file(b"MZ\x90\x00 not a pdf", "devis.pdf")
    oversized = quote_file(b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024), "devis.pdf")
    for quote in (disguised, oversized):
        with pytest.raises(ValidationError) as raised:
            answer(directory, consultation, quote=quote)
        assert raised.value.field_name == "quote"
    assert all_answers(consultation) == []


# --- Closing ------------------------------------------------------------------


def test_expired_consultations_close_by_the_scripts_code(
    directory, write, send, expire
):
    expired, still_open = send(write()), send(write(title="Autre"))
    expire(expired)
    assert close_expired() == 1
    assert api.content.get_state(expired) == "closed"
    assert api.content.get_state(still_open) == "sent"
    assert close_expired() == 0


def test_the_console_script_closes_the_expired_ones(
    portal, directory, write, send, expire
):
    expired, still_open = send(write()), send(write(title="Autre"))
    expire(expired)
    assert report(close_in(portal)) == "Consultations clôturées : 1"
    assert api.content.get_state(expired) == "closed"
    assert api.content.get_state(still_open) == "sent"


def test_a_consultation_closes_when_listed(directory, write, send, expire):
    consultation = send(write())
    expire(consultation)
    owner = directory.people["owner"]
    (item,) = received_by(owner)
    assert api.content.get_state(item) == "closed"


def test_a_list_closes_its_own_consultations_only(directory, write, send, expire):
    consultation = send(write())
    expire(consultation)
    assert received_by(directory.people["other_cooperative"]) == []
    assert api.content.get_state(consultation) == "sent"
    (item,) = received_by(directory.people["owner"])
    assert api.content.get_state(item) == "closed"


def test_a_closing_date_of_today_is_still_open(directory, write, send, expire):
    consultation = send(write())
    expire(consultation, days=0)
    assert close_expired() == 0
    assert api.content.get_state(consultation) == "sent"


# --- Lists --------------------------------------------------------------------


def test_lists_are_newest_first(directory, write, send):
    first, second = send(write(title="Première")), send(write(title="Seconde"))
    first.setEffectiveDate(first.effective_date - 1)
    first.reindexObject(idxs=["effective"])
    draft = write(title="Brouillon")
    buyer, owner = directory.people["buyer"], directory.people["owner"]
    with api.env.adopt_user(user=buyer):
        assert consultations_in("sent", buyer.getId()) == [draft, second, first]
    # a recipient never sees drafts
    assert received_by(owner) == [second, first]
    assert received_by(directory.people["other_cooperative"]) == []


def test_markup_in_the_description_is_not_kept(directory, write):
    consultation = write(
        description=RichTextValue(
            '<p>Besoin</p><script>alert(1)</script><img src=x onerror="alert(2)">'
        )
    )
    output = consultation.description.output
    assert "<script" not in output and "onerror" not in output
    assert "Besoin" in consultation.Description()
