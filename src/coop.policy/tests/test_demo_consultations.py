from coop.content.consultations.answers import all_answers
from coop.content.consultations.boxes import consultations_in
from coop.content.directory.entries import cooperative_of
from coop.policy.setuphandlers.demo_consultations import CONSULTATION_ID
from plone import api


def user(email):
    return api.user.get(username=email)


def test_the_buyer_sent_a_consultation_that_the_cooperative_answered(demo):
    buyer = user("acheteur@coop.example")
    owner = user("cooperative@coop.example")
    consultation = demo["consultations"][CONSULTATION_ID]
    assert api.content.get_state(consultation) == "sent"
    assert consultation.listCreators()[0] == buyer.getId()
    assert len(consultation.recipients) == 3
    own_entry = cooperative_of(owner.getId())
    assert consultation.recipients[0] == api.content.get_uuid(own_entry)
    (answer,) = all_answers(consultation)
    assert (answer["answer"], answer["author"]) == ("interested", owner.getId())
    with api.env.adopt_user(user=buyer):
        assert consultations_in("sent", buyer.getId()) == [consultation]
    with api.env.adopt_user(user=owner):
        assert consultations_in("received", owner.getId()) == [consultation]


def test_applying_twice_adds_no_consultation(demo, apply_profiles, demo_profile):
    apply_profiles(demo, [demo_profile])
    assert demo["consultations"].objectIds() == [CONSULTATION_ID]
    assert len(all_answers(demo["consultations"][CONSULTATION_ID])) == 1
