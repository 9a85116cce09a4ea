"""Fixtures of the appointments' tests: appointments planned by a persona,
their local roles and the catalog as the server committed them."""

from coop.content.intranet.appointments.interfaces import IAppointmentsFolder
from plone import api

import pytest
import transaction


@pytest.fixture
def as_persona(intranet_people):
    """Run code as a persona of `intranet_people`, in this process."""

    def adopt(persona):
        return api.env.adopt_user(username=intranet_people[persona])

    return adopt


@pytest.fixture
def appointment(make_appointment):
    """The appointment of "holder" with "trainer", with notes; committed."""
    return make_appointment()


@pytest.fixture
def planned_by(make_appointment, as_persona):
    """An appointment that `persona` plans (its creator); committed."""

    def plan(persona, **fields):
        with as_persona(persona):
            return make_appointment(**fields)

    return plan


@pytest.fixture
def local_roles():
    """{userid: roles} on `obj`, as the server committed them."""

    def roles(obj):
        transaction.begin()
        return {userid: set(roles) for userid, roles in obj.get_local_roles()}

    return roles


@pytest.fixture
def appointments_folder(functional_portal):
    """/intranet/rendez-vous, whose default page is the member's appointments."""
    folder = functional_portal["intranet"]["rendez-vous"]
    assert IAppointmentsFolder.providedBy(folder), (
        "coop.policy's site tree gives /intranet/rendez-vous IAppointmentsFolder "
        "and the layout 'appointments'"
    )
    return folder
