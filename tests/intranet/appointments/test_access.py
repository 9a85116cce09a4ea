"""Who sees an appointment: its holder and its coach, and administrators.

The local roles follow the fields; the access matrix runs over the page, the
REST API (the appointment, @search, the folder's items), the listing and
the week.
"""

from plone import api
from plone.app.workflow.events import LocalrolesModifiedEvent
from zope.event import notify
from zope.lifecycleevent import modified

import pytest
import transaction


SEE = ("holder", "trainer", "site_administrator")
DO_NOT_SEE = ("other_holder", "other_coach", "buyer", "cooperative", "anonymous")


def test_the_holder_reads_and_the_coach_edits_nothing_inherited(
    planned_by, local_roles, userid_of
):
    appointment = planned_by("trainer")
    assert appointment.__ac_local_roles_block__ is True
    assert local_roles(appointment) == {
        userid_of("holder"): {"Reader"},
        userid_of("trainer"): {"Editor", "Owner"},
    }


def test_an_administrator_who_plans_for_a_coach_keeps_no_role(
    planned_by, local_roles, userid_of
):
    appointment = planned_by("site_administrator")
    assert local_roles(appointment) == {
        userid_of("holder"): {"Reader"},
        userid_of("trainer"): {"Editor"},
    }


def test_the_roles_follow_a_new_holder_and_a_new_coach(
    planned_by, local_roles, userid_of
):
    appointment = planned_by("trainer")
    appointment.entrepreneur = userid_of("other_holder")
    appointment.coach = userid_of("other_coach")
    modified(appointment)
    transaction.commit()
    assert local_roles(appointment) == {
        userid_of("other_holder"): {"Reader"},
        userid_of("other_coach"): {"Editor"},
    }
    catalog = api.portal.get_tool("portal_catalog")

    def indexed_for(persona):
        token = f"user:{userid_of(persona)}"
        query = {"UID": appointment.UID(), "allowedRolesAndUsers": token}
        return bool(catalog.unrestrictedSearchResults(**query))

    assert indexed_for("other_holder")
    assert indexed_for("other_coach")
    assert not indexed_for("holder")
    assert not indexed_for("trainer")


def test_sharing_gives_nobody_else_a_role(appointment, local_roles, userid_of):
    appointment.manage_setLocalRoles(userid_of("other_coach"), ["Reader"])
    appointment.__ac_local_roles_block__ = False
    notify(LocalrolesModifiedEvent(appointment, None))
    transaction.commit()
    assert appointment.__ac_local_roles_block__ is True
    assert set(local_roles(appointment)) == {
        userid_of("holder"),
        userid_of("trainer"),
    }


# --- The matrix ------------------------------------------------------------------


@pytest.mark.parametrize("persona", SEE + DO_NOT_SEE)
def test_the_page(persona, appointment, intranet_session):
    response = intranet_session(persona, api=False).get(
        appointment.absolute_url(),
        headers={"Accept": "text/html"},
        allow_redirects=False,
    )
    if persona in SEE:
        assert response.status_code == 200
        assert "Point mensuel" in response.text
    else:
        assert response.status_code in (302, 401, 403, 404)
        assert "Point mensuel" not in response.text


@pytest.mark.parametrize("persona", SEE + DO_NOT_SEE)
def test_rest_get(persona, appointment, intranet_session):
    response = intranet_session(persona).get(appointment.absolute_url())
    if persona in SEE:
        assert response.status_code == 200
        assert response.json()["subject"] == "Point mensuel"
    else:
        assert response.status_code in (401, 403, 404)
        assert "Point mensuel" not in response.text


@pytest.mark.parametrize("persona", SEE + DO_NOT_SEE)
def test_rest_search(persona, appointment, intranet_session, functional_portal):
    response = intranet_session(persona).get(
        f"{functional_portal.absolute_url()}/@search",
        params={"portal_type": "Appointment", "metadata_fields": "_all"},
    )
    assert response.status_code == 200
    found = [item["@id"] for item in response.json()["items"]]
    assert found == ([appointment.absolute_url()] if persona in SEE else [])


@pytest.mark.parametrize("persona", SEE + DO_NOT_SEE)
def test_the_folders_items(persona, appointment, intranet_session):
    folder_url = appointment.aq_parent.absolute_url()
    response = intranet_session(persona).get(folder_url)
    if persona in ("buyer", "cooperative", "anonymous"):
        assert response.status_code in (401, 403)
        return
    assert response.status_code == 200
    found = [item["@id"] for item in response.json()["items"]]
    assert found == ([appointment.absolute_url()] if persona in SEE else [])


@pytest.mark.parametrize("page", ["", "/@@semaine"])
@pytest.mark.parametrize("persona", SEE + DO_NOT_SEE)
def test_the_listing_and_the_week(
    persona, page, appointment, appointments_folder, intranet_session
):
    response = intranet_session(persona, api=False).get(
        f"{appointments_folder.absolute_url()}{page}",
        headers={"Accept": "text/html"},
        allow_redirects=False,
    )
    if persona in ("buyer", "cooperative", "anonymous"):
        assert response.status_code in (302, 401, 403)
    else:
        assert response.status_code == 200
    assert ("Point mensuel" in response.text) is (persona in SEE)


def test_another_coach_may_not_edit(appointment, intranet_session):
    response = intranet_session("other_coach").patch(
        appointment.absolute_url(), json={"subject": "Repris"}
    )
    assert response.status_code in (401, 403)
    transaction.begin()
    assert appointment.subject == "Point mensuel"


def test_the_holder_may_not_edit(appointment, intranet_session):
    response = intranet_session("holder").patch(
        appointment.absolute_url(), json={"subject": "Repris", "status": "cancelled"}
    )
    assert response.status_code in (401, 403)
    transaction.begin()
    assert (appointment.subject, appointment.status) == ("Point mensuel", "planned")
