from coop.policy.personal_files import ensure_personal_file
from plone import api

import pytest


# The site's password policy wants 10 characters; plone.api's random one has 8.
PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture
def people(portal):
    with api.env.adopt_roles(["Manager"]):
        holder = api.user.create(
            email="lea@coop.example",
            password=PASSWORD,
            properties={"fullname": "Léa Martin"},
        )
        coaches = [
            api.user.create(email=f"coach{number}@coop.example", password=PASSWORD)
            for number in (1, 2)
        ]
    return holder.getId(), [coach.getId() for coach in coaches]


def _ensure(*args, **kwargs):
    with api.env.adopt_roles(["Manager"]):
        return ensure_personal_file(*args, **kwargs)


def test_created_once_under_dossiers(portal, people):
    holder_id, _coach_ids = people
    personal_file = _ensure(holder_id)
    assert personal_file.aq_parent == portal["intranet"]["dossiers"]
    assert personal_file.getId() == holder_id
    assert personal_file.title == "Dossier de Léa Martin"
    assert api.content.get_state(obj=personal_file) == "private"
    assert _ensure(holder_id) == personal_file
    assert portal["intranet"]["dossiers"].objectIds() == [holder_id]


def test_calling_again_adds_coaches_and_keeps_roles(portal, people):
    holder_id, (first, second) = people
    _ensure(holder_id, coach_ids=(first,))
    personal_file = _ensure(holder_id, coach_ids=(second,))
    roles = dict(personal_file.get_local_roles())
    assert set(roles[holder_id]) == {"Owner", "Editor"}
    assert set(roles[first]) == {"Reader", "Editor"}
    assert set(roles[second]) == {"Reader", "Editor"}
    for userid in (holder_id, first, second):
        user = api.user.get(userid=userid)
        assert api.user.has_permission("View", obj=personal_file, user=user)


def test_unknown_users_are_refused(portal, people):
    holder_id, _coach_ids = people
    with pytest.raises(ValueError):
        _ensure("nobody-here")
    with pytest.raises(ValueError):
        _ensure(holder_id, coach_ids=("nobody-here",))
    assert list(portal["intranet"]["dossiers"].objectIds()) == []
