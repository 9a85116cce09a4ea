"""20261207002: a site of 20261207001 gets the intranet's workshops and appointments.

Such a site has no workshop themes in its registry, no indexes of who takes
part in a session, its appointments follow the private workflow, which lets
no Reader see them, and its intranet has neither home nor workshop listing:
each test takes a site back to that and upgrades it.
"""

from coop.content.intranet.appointments.interfaces import IAppointmentsFolder
from coop.content.intranet.workshops.interfaces import IWorkshopsFolder
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.interface import noLongerProvides

import pytest
import pytz
import transaction


PREVIOUS_VERSION = "20261207001"
INTRANET_INDEXES = ("theme", "participants", "attendance_unmarked")
THEMES_RECORD = "coop.content.workshop_themes.themes"
START = datetime(2027, 1, 12, 9, 30, tzinfo=pytz.timezone("Europe/Paris"))


@pytest.fixture
def intranet(functional_portal):
    return functional_portal["intranet"]


@pytest.fixture
def workshop(intranet):
    with api.env.adopt_roles(["Manager"]):
        workshop = api.content.create(
            container=intranet["ateliers"],
            type="Workshop",
            id="prevision",
            title="Construire son prévisionnel",
            theme="gestion",
            capacity=12,
            trainer="nadia",
            start=START,
            end=START + timedelta(hours=3),
        )
    transaction.commit()
    return workshop


@pytest.fixture
def appointment(intranet):
    with api.env.adopt_roles(["Manager"]):
        appointment = api.content.create(
            container=intranet["rendez-vous"],
            type="Appointment",
            id="point",
            subject="Point mensuel",
            entrepreneur="ines",
            coach="nadia",
            start=START,
            end=START + timedelta(hours=1),
        )
    transaction.commit()
    return appointment


def test_the_catalog_indexes_the_workshops_of_before(
    functional_portal, workshop, upgrade_from
):
    catalog = functional_portal.portal_catalog
    catalog.manage_delIndex(list(INTRANET_INDEXES))
    catalog.manage_delColumn("theme")
    transaction.commit()

    upgrade_from("coop.content:default", PREVIOUS_VERSION)

    assert [b.getId for b in catalog.unrestrictedSearchResults(theme="gestion")] == [
        "prevision"
    ]
    found = catalog.unrestrictedSearchResults(participants="nadia")
    assert [(b.getId, b.theme) for b in found] == [("prevision", "gestion")]


def test_the_registry_gets_the_first_themes(functional_portal, upgrade_from):
    registry = getUtility(IRegistry)
    del registry.records[THEMES_RECORD]
    transaction.commit()

    upgrade_from("coop.content:default", PREVIOUS_VERSION)

    assert registry[THEMES_RECORD] == {
        "gestion": "Gestion",
        "commercial": "Commercial",
        "juridique": "Juridique",
        "numerique": "Numérique",
        "production": "Production",
    }


def test_the_appointments_of_before_are_seen_by_their_holder(
    functional_portal, appointment, upgrade_from
):
    placeful = functional_portal.portal_placeful_workflow
    policy = placeful.getWorkflowPolicyById("coop_intranet")
    policy.setChain("Appointment", ("coop_private_workflow",))
    functional_portal.portal_workflow.updateRoleMappings()
    transaction.commit()
    assert "Reader" not in roles_of_view(appointment)

    upgrade_from("coop.policy:default", PREVIOUS_VERSION)

    workflow_tool = functional_portal.portal_workflow
    assert workflow_tool.getChainFor(appointment) == ("coop_appointment_workflow",)
    assert "Reader" in roles_of_view(appointment)


def roles_of_view(obj):
    return {role["name"] for role in obj.rolesOfPermission("View") if role["selected"]}


def test_the_intranet_gets_its_home_and_the_workshops_their_listing(
    intranet, upgrade_from
):
    workshops = intranet["ateliers"]
    appointments = intranet["rendez-vous"]
    for folder in (intranet, workshops, appointments):
        folder.setLayout("listing_view")
    noLongerProvides(workshops, IWorkshopsFolder)
    noLongerProvides(appointments, IAppointmentsFolder)
    transaction.commit()

    upgrade_from("coop.policy:default", PREVIOUS_VERSION)

    assert intranet.getLayout() == "intranet-home"
    assert workshops.getLayout() == "workshops"
    assert IWorkshopsFolder.providedBy(workshops)
    assert appointments.getLayout() == "appointments"
    assert IAppointmentsFolder.providedBy(appointments)


def test_the_appointments_of_before_are_shared_with_their_two_people_only(
    appointment, upgrade_from
):
    # Before, an appointment inherited the intranet's roles and kept any given.
    appointment.__ac_local_roles_block__ = False
    appointment.manage_setLocalRoles("another-holder", ["Reader"])
    transaction.commit()

    upgrade_from("coop.content:default", PREVIOUS_VERSION)

    assert appointment.__ac_local_roles_block__
    assert dict(appointment.get_local_roles()) == {
        "ines": ("Reader",),
        "nadia": ("Editor",),
    }


def test_the_menu_gets_the_intranet_members_calendar(functional_portal, upgrade_from):
    user_actions = functional_portal.portal_actions.user
    user_actions.manage_delObjects(["my-calendar"])
    transaction.commit()

    upgrade_from("coop.content:default", PREVIOUS_VERSION)

    assert user_actions["my-calendar"].url_expr.endswith("/@@mon-agenda")
