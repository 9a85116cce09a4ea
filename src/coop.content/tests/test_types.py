"""The content types: their FTIs, add permissions and containers."""

from coop.content.content.activity_report import ActivityReport
from coop.content.content.activity_report import IActivityReport
from coop.content.content.appointment import Appointment
from coop.content.content.appointment import IAppointment
from coop.content.content.consultation import Consultation
from coop.content.content.consultation import IConsultation
from coop.content.content.cooperative import Cooperative
from coop.content.content.cooperative import ICooperative
from coop.content.content.personal_file import IPersonalFile
from coop.content.content.personal_file import PersonalFile
from coop.content.content.project_holder import IProjectHolder
from coop.content.content.project_holder import ProjectHolder
from coop.content.content.question import IQuestion
from coop.content.content.question import Question
from coop.content.content.resource import IResource
from coop.content.content.resource import Resource
from coop.content.content.workshop import IWorkshop
from coop.content.content.workshop import Workshop
from datetime import datetime
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.event.dx.behaviors import IEventBasic
from plone.app.event.dx.behaviors import IEventLocation
from plone.dexterity.utils import resolveDottedName
from zope.component import getUtility
from zope.i18n import translate
from zope.security.interfaces import IPermission

import pytest
import pytz


TYPES = {
    "Cooperative": (ICooperative, Cooperative),
    "Consultation": (IConsultation, Consultation),
    "Workshop": (IWorkshop, Workshop),
    "Resource": (IResource, Resource),
    "ProjectHolder": (IProjectHolder, ProjectHolder),
    "Appointment": (IAppointment, Appointment),
    "Question": (IQuestion, Question),
    "PersonalFile": (IPersonalFile, PersonalFile),
    "ActivityReport": (IActivityReport, ActivityReport),
}

ADD_PERMISSIONS = {
    "Cooperative": "coop.content: Add Cooperative",
    "Consultation": "coop.content: Add Consultation",
    "Workshop": "coop.content: Add Workshop",
    "Resource": "coop.content: Add Resource",
    "ProjectHolder": "coop.content: Add ProjectHolder",
    "Appointment": "coop.content: Add Appointment",
    "Question": "coop.content: Add Question",
    "PersonalFile": "coop.content: Add PersonalFile",
    "ActivityReport": "coop.content: Add ActivityReport",
}

FRENCH_TITLES = {
    "Cooperative": "Coopérative",
    "Consultation": "Consultation",
    "Workshop": "Atelier",
    "Resource": "Ressource",
    "ProjectHolder": "Page porteur de projet",
    "Appointment": "Rendez-vous",
    "Question": "Question",
    "PersonalFile": "Dossier personnel",
    "ActivityReport": "Rapport d'activité",
}

# What the folderish types hold; the other types are items.
ALLOWED_INSIDE = {
    "Cooperative": set(),
    "Consultation": set(),
    "ProjectHolder": {"Document", "Image"},
    "Question": set(),
    "PersonalFile": {"ActivityReport", "Document", "File", "Image"},
}

# pytz, as plone.app.event stores it: ZODB cannot pickle zoneinfo.
PARIS = pytz.timezone("Europe/Paris")


@pytest.fixture
def folder(portal):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(container=portal, type="Folder", id="folder")


@pytest.fixture
def container_for(folder):
    """Return a container where a type may be added."""

    def container_for(portal_type):
        if portal_type != "ActivityReport":
            return folder
        with api.env.adopt_roles(["Manager"]):
            return api.content.create(
                container=folder, type="PersonalFile", title="Dossier"
            )

    return container_for


@pytest.fixture
def create(container_for):
    """Create an item of a type as a Manager."""

    def create(portal_type, **data):
        container = container_for(portal_type)
        with api.env.adopt_roles(["Manager"]):
            return api.content.create(container=container, type=portal_type, **data)

    return create


def test_every_type_is_tested(portal):
    coop_types = {
        fti.getId()
        for fti in portal.portal_types.objectValues()
        if fti.getProperty("klass", "").startswith("coop.content.")
    }
    assert coop_types == set(TYPES)


@pytest.mark.parametrize("portal_type", TYPES)
def test_fti(get_fti, portal_type):
    fti = get_fti(portal_type)
    assert fti is not None
    assert fti.i18n_domain == "coop.content"
    assert fti.factory == portal_type
    assert fti.add_view_expr == f"string:${{folder_url}}/++add++{portal_type}"


@pytest.mark.parametrize("portal_type,classes", TYPES.items())
def test_schema_and_class_resolve(get_fti, portal_type, classes):
    schema, klass = classes
    fti = get_fti(portal_type)
    assert fti.lookupSchema() is schema
    assert resolveDottedName(fti.klass) is klass


@pytest.mark.parametrize("portal_type,permission", ADD_PERMISSIONS.items())
def test_add_permission(portal, get_fti, portal_type, permission):
    add_permission = get_fti(portal_type).add_permission
    assert getUtility(IPermission, name=add_permission).title == permission
    roles = {
        role["name"]
        for role in portal.rolesOfPermission(permission)
        if role["selected"]
    }
    assert roles == {"Manager", "Site Administrator", "Owner", "Contributor"}


@pytest.mark.parametrize("portal_type,classes", TYPES.items())
def test_create(create, portal_type, classes):
    schema, klass = classes
    obj = create(portal_type, title="Mon titre", description="Ma description")
    assert obj.portal_type == portal_type
    assert obj.getId() == "mon-titre"
    assert obj.title == "Mon titre"
    assert obj.description == "Ma description"
    assert isinstance(obj, klass)
    assert schema.providedBy(obj)


@pytest.mark.parametrize("portal_type", TYPES)
def test_add_form(container_for, portal_type):
    container = container_for(portal_type)
    with api.env.adopt_roles(["Manager"]):
        html = container.restrictedTraverse(f"++add++{portal_type}")()
    # The directory entry and the project holder page carry their own title and
    # description, the consultation its rich text description, the appointment
    # its subject line (its title); the other types take them from the basic
    # behavior.
    if portal_type == "Appointment":
        assert 'name="form.widgets.subject"' in html
        assert "IBasic" not in html
        return
    own = portal_type in ("Cooperative", "Consultation", "ProjectHolder")
    prefix = "form.widgets." if own else "form.widgets.IBasic."
    assert f'name="{prefix}title"' in html
    assert f'name="{prefix}description"' in html


@pytest.mark.parametrize("portal_type", TYPES)
def test_global_allow(get_fti, portal_type):
    # An activity report only makes sense inside a personal file.
    assert get_fti(portal_type).global_allow is (portal_type != "ActivityReport")


def test_activity_report_not_addable_in_a_folder(folder):
    with api.env.adopt_roles(["Manager"]):
        assert "ActivityReport" not in {
            fti.getId() for fti in folder.allowedContentTypes()
        }
        with pytest.raises(InvalidParameterError):
            api.content.create(container=folder, type="ActivityReport", title="Mars")


@pytest.mark.parametrize("portal_type,allowed", ALLOWED_INSIDE.items())
def test_allowed_content_types(create, get_fti, portal_type, allowed):
    fti = get_fti(portal_type)
    assert fti.filter_content_types
    assert set(fti.allowed_content_types) == allowed
    obj = create(portal_type, title="Conteneur")
    with api.env.adopt_roles(["Manager"]):
        assert {fti.getId() for fti in obj.allowedContentTypes()} == allowed


@pytest.mark.parametrize("portal_type", ["ActivityReport", "Document", "File", "Image"])
def test_personal_file_holds(create, portal_type):
    personal_file = create("PersonalFile", title="Dossier")
    with api.env.adopt_roles(["Manager"]):
        obj = api.content.create(
            container=personal_file, type=portal_type, title="Pièce"
        )
    assert obj.aq_parent is personal_file


@pytest.mark.parametrize("portal_type", ["Workshop", "Appointment"])
def test_start_and_end(create, container_for, portal_type):
    start = PARIS.localize(datetime(2025, 3, 4, 9, 30))
    end = PARIS.localize(datetime(2025, 3, 4, 12, 0))
    obj = create(portal_type, title="Comptabilité", start=start, end=end)
    assert IEventBasic.providedBy(obj)
    assert (obj.start, obj.end) == (start, end)
    container = container_for(portal_type)
    with api.env.adopt_roles(["Manager"]):
        html = container.restrictedTraverse(f"++add++{portal_type}")()
    assert 'name="form.widgets.IEventBasic.start"' in html
    assert 'name="form.widgets.IEventBasic.end"' in html


def test_workshop_location(create):
    workshop = create("Workshop", title="Devis", location="Salle Jaurès")
    assert IEventLocation.providedBy(workshop)
    assert workshop.location == "Salle Jaurès"


@pytest.mark.parametrize("portal_type", TYPES)
def test_icon_is_registered(get_fti, portal_type):
    # The icon resolver falls back to a generic icon for names it does not know.
    name = get_fti(portal_type).icon_expr.removeprefix("string:")
    assert api.portal.get_registry_record(f"plone.icon.{name}", default=None)


@pytest.mark.parametrize("portal_type,title", FRENCH_TITLES.items())
def test_french_title(get_fti, portal_type, title):
    assert translate(get_fti(portal_type).Title(), target_language="fr") == title


@pytest.mark.parametrize("portal_type", TYPES)
def test_french_description(get_fti, portal_type):
    description = get_fti(portal_type).Description()
    assert translate(description, target_language="fr") != description
