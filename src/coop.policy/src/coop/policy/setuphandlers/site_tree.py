"""The site tree, created and kept in shape idempotently."""

from coop.content.common.config import ABOUT_ID
from coop.content.common.config import AGENDA_ID
from coop.content.common.config import APPOINTMENT_TYPE
from coop.content.common.config import APPOINTMENTS_ID
from coop.content.common.config import BUYERS_GROUP
from coop.content.common.config import COACHES_GROUP
from coop.content.common.config import CONSULTATION_TYPE
from coop.content.common.config import CONSULTATIONS_ID
from coop.content.common.config import CONTACT_ID
from coop.content.common.config import COOPERATIVE_TYPE
from coop.content.common.config import COOPERATIVES_GROUP
from coop.content.common.config import DIRECTORY_ID
from coop.content.common.config import ENTREPRENEURS_GROUP
from coop.content.common.config import EVENT_TYPE
from coop.content.common.config import INTRANET_ID
from coop.content.common.config import MODERATORS_GROUP
from coop.content.common.config import PERSONAL_FILE_TYPE
from coop.content.common.config import PERSONAL_FILES_ID
from coop.content.common.config import PROJECT_HOLDER_TYPE
from coop.content.common.config import PROJECT_HOLDERS_ID
from coop.content.common.config import QUESTION_TYPE
from coop.content.common.config import QUESTIONS_ID
from coop.content.common.config import RESOURCE_TYPE
from coop.content.common.config import RESOURCES_ID
from coop.content.common.config import WORKSHOP_TYPE
from coop.content.common.config import WORKSHOPS_ID
from coop.content.interfaces import IProjectHolderFolder
from coop.content.intranet.appointments.interfaces import IAppointmentsFolder
from coop.content.intranet.workshops.interfaces import IWorkshopsFolder
from coop.policy import _
from coop.policy.setuphandlers.contact_form import configure_contact_form
from coop.policy.setuphandlers.section_navigation import add_section_navigation
from coop.policy.setuphandlers.site_content import belong_to_the_site
from dataclasses import dataclass
from dataclasses import field
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id
from zope.i18n import translate
from zope.interface import alsoProvides


INTRANET_POLICY = "coop_intranet"
PROJECT_HOLDERS_POLICY = "coop_project_holders"
# The home page (coop.theme): three spaces, quick search, widgets.
HOME_VIEW = "coop-home"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    description: str
    allowed_types: tuple
    published: bool = False
    local_roles: dict = field(default_factory=dict)
    block_local_roles: bool = False
    children: tuple = ()
    portal_type: str = "Folder"
    # The placeful workflow policies (in the folder, below it), if any.
    workflow_policy: tuple = ()
    # A marker interface that the folder's views and rules adapt to.
    provides: object = None
    layout: str = ""


SECTIONS = (
    Section(
        DIRECTORY_ID,
        _("Cooperative directory"),
        _("The cooperative companies referenced by the network."),
        (COOPERATIVE_TYPE,),
        published=True,
        # Cooperatives get their one entry from the registration wizard, never
        # by adding it themselves; moderators pre-register, edit and review.
        local_roles={MODERATORS_GROUP: ("Contributor", "Editor", "Reviewer")},
        # The search page lists the entries a batch at a time (coop.content).
        layout="directory-search",
    ),
    Section(
        CONSULTATIONS_ID,
        _("Consultations"),
        _("Requests for quotation sent to cooperatives."),
        (CONSULTATION_TYPE,),
        local_roles={
            BUYERS_GROUP: ("Contributor",),
            COOPERATIVES_GROUP: ("Contributor",),
        },
    ),
    Section(
        ABOUT_ID,
        _("The cooperative"),
        _("Who we are, what we do and how we coach project holders."),
        ("Document", "Folder", "Image", "File", "Link"),
        published=True,
    ),
    Section(
        PROJECT_HOLDERS_ID,
        _("Project holders"),
        _("The businesses of the project holders hosted by the cooperative."),
        (PROJECT_HOLDER_TYPE,),
        published=True,
        local_roles={
            ENTREPRENEURS_GROUP: ("Contributor",),
            COACHES_GROUP: ("Reviewer",),
        },
        # The folder itself stays in simple publication; below it, pages
        # follow the coaches' review and their own pages follow them.
        workflow_policy=("", PROJECT_HOLDERS_POLICY),
        provides=IProjectHolderFolder,
        layout="project-holders",
    ),
    Section(
        AGENDA_ID,
        _("Agenda"),
        _("Information meetings, monthly meetings and fairs."),
        (EVENT_TYPE,),
        published=True,
        local_roles={COACHES_GROUP: ("Contributor", "Editor")},
        layout="agenda",
    ),
    Section(
        INTRANET_ID,
        _("Intranet"),
        _("The private area of the project holders and coaches."),
        ("Folder", "Document", "File", "Image"),
        local_roles={
            ENTREPRENEURS_GROUP: ("Reader",),
            COACHES_GROUP: ("Reader", "Reviewer"),
        },
        workflow_policy=(INTRANET_POLICY, INTRANET_POLICY),
        # What each member has next (coop.content's intranet home).
        layout="intranet-home",
        children=(
            Section(
                WORKSHOPS_ID,
                _("Workshops"),
                _("Collective training workshops."),
                (WORKSHOP_TYPE,),
                local_roles={COACHES_GROUP: ("Contributor", "Editor")},
                # The sessions by month and theme; coaches name the themes.
                provides=IWorkshopsFolder,
                layout="workshops",
            ),
            Section(
                APPOINTMENTS_ID,
                _("Appointments"),
                _("Individual appointments with a coach."),
                (APPOINTMENT_TYPE,),
                local_roles={COACHES_GROUP: ("Contributor",)},
                # Each member's own appointments, and a coach's week.
                provides=IAppointmentsFolder,
                layout="appointments",
            ),
            Section(
                RESOURCES_ID,
                _("Resource centre"),
                _("Training tools, documentation and templates."),
                (RESOURCE_TYPE,),
                local_roles={
                    ENTREPRENEURS_GROUP: ("Contributor",),
                    COACHES_GROUP: ("Contributor",),
                },
            ),
            Section(
                QUESTIONS_ID,
                _("Questions and answers"),
                _("Ask the coaches and the other project holders."),
                (QUESTION_TYPE,),
                local_roles={
                    ENTREPRENEURS_GROUP: ("Contributor",),
                    COACHES_GROUP: ("Contributor",),
                },
            ),
            Section(
                PERSONAL_FILES_ID,
                _("Personal files"),
                _("The personal file of each project holder."),
                (PERSONAL_FILE_TYPE,),
            ),
        ),
    ),
)


def create_site_tree(portal):
    """Create the sections that are missing and (re)apply their settings."""
    portal.setLayout(HOME_VIEW)
    belong_to_the_site(portal)
    for section in SECTIONS:
        folder = _ensure_section(portal, section)
        for child in section.children:
            _ensure_section(folder, child)
    add_section_navigation(portal[ABOUT_ID])
    _ensure_contact_form(portal)


def _french(message):
    return translate(message, target_language="fr", context=api.env.getRequest())


def _ensure_section(container, section):
    folder = container.get(section.id)
    if folder is None:
        folder = api.content.create(
            container=container,
            type=section.portal_type,
            id=section.id,
            title=_french(section.title),
            description=_french(section.description),
            safe_id=False,
        )
        if section.published:
            api.content.transition(obj=folder, to_state="published")
    belong_to_the_site(folder)
    constraints = ISelectableConstrainTypes(folder)
    constraints.setConstrainTypesMode(ENABLED)
    constraints.setLocallyAllowedTypes(section.allowed_types)
    constraints.setImmediatelyAddableTypes(section.allowed_types)
    for group_id, roles in section.local_roles.items():
        api.group.grant_roles(groupname=group_id, roles=roles, obj=folder)
    if section.provides is not None and not section.provides.providedBy(folder):
        alsoProvides(folder, section.provides)
    if section.layout:
        folder.setLayout(section.layout)
    if section.workflow_policy:
        _bind_policy(folder, *section.workflow_policy)
    folder.reindexObjectSecurity()
    return folder


def _bind_policy(folder, policy_in, policy_below):
    """Make the folder, and all below it, follow placeful workflow policies."""
    if WorkflowPolicyConfig_id not in folder.objectIds():
        folder.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
    config = folder[WorkflowPolicyConfig_id]
    if (config.getPolicyInId(), config.getPolicyBelowId()) != (
        policy_in,
        policy_below,
    ):
        config.setPolicyIn(policy_in)
        config.setPolicyBelow(policy_below, update_security=True)


def _ensure_contact_form(portal):
    form = portal.get(CONTACT_ID)
    if form is not None:
        configure_contact_form(form)
        belong_to_the_site(form)
        return
    form = api.content.create(
        container=portal,
        type="EasyForm",
        id=CONTACT_ID,
        title=_french(_("Contact")),
        description=_french(_("Write to the cooperative's team.")),
        safe_id=False,
    )
    configure_contact_form(form)
    belong_to_the_site(form)
    api.content.transition(obj=form, to_state="published")
