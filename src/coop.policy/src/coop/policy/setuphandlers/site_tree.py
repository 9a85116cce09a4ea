"""The site tree of DESIGN §4, created and kept in shape idempotently."""

from coop.content.interfaces import IProjectHolderFolder
from coop.policy import _
from coop.policy.setuphandlers.contact_form import configure_contact_form
from coop.policy.setuphandlers.section_navigation import add_section_navigation
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
# The home page of DESIGN §4 (coop.theme): three spaces, quick search, widgets.
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
        "annuaire",
        _("Cooperative directory"),
        _("The cooperative companies referenced by the network."),
        ("Cooperative",),
        published=True,
        # Cooperatives get their one entry from the registration wizard, never
        # by adding it themselves; moderators pre-register, edit and review.
        local_roles={"moderators": ("Contributor", "Editor", "Reviewer")},
        # The search page lists the entries a batch at a time (coop.content).
        layout="directory-search",
    ),
    Section(
        "consultations",
        _("Consultations"),
        _("Requests for quotation sent to cooperatives."),
        ("Consultation",),
        local_roles={"buyers": ("Contributor",), "cooperatives": ("Contributor",)},
    ),
    Section(
        "la-cooperative",
        _("The cooperative"),
        _("Who we are, what we do and how we coach project holders."),
        ("Document", "Folder", "Image", "File", "Link"),
        published=True,
    ),
    Section(
        "porteurs-de-projet",
        _("Project holders"),
        _("The businesses of the project holders hosted by the cooperative."),
        ("ProjectHolder",),
        published=True,
        local_roles={"entrepreneurs": ("Contributor",), "coaches": ("Reviewer",)},
        # The folder itself stays in simple publication; below it, pages
        # follow the coaches' review and their own pages follow them.
        workflow_policy=("", PROJECT_HOLDERS_POLICY),
        provides=IProjectHolderFolder,
        layout="project-holders",
    ),
    Section(
        "agenda",
        _("Agenda"),
        _("Information meetings, monthly meetings and fairs."),
        ("Event",),
        published=True,
        local_roles={"coaches": ("Contributor", "Editor")},
        layout="agenda",
    ),
    Section(
        "intranet",
        _("Intranet"),
        _("The private area of the project holders and coaches."),
        ("Folder", "Document", "File", "Image"),
        local_roles={"entrepreneurs": ("Reader",), "coaches": ("Reader", "Reviewer")},
        workflow_policy=(INTRANET_POLICY, INTRANET_POLICY),
        children=(
            Section(
                "ateliers",
                _("Workshops"),
                _("Collective training workshops."),
                ("Workshop",),
                local_roles={"coaches": ("Contributor", "Editor")},
            ),
            Section(
                "rendez-vous",
                _("Appointments"),
                _("Individual appointments with a coach."),
                ("Appointment",),
                local_roles={"coaches": ("Contributor",)},
            ),
            Section(
                "ressources",
                _("Resource centre"),
                _("Training tools, documentation and templates."),
                ("Resource",),
                local_roles={
                    "entrepreneurs": ("Contributor",),
                    "coaches": ("Contributor",),
                },
            ),
            Section(
                "questions",
                _("Questions and answers"),
                _("Ask the coaches and the other project holders."),
                ("Question",),
                local_roles={
                    "entrepreneurs": ("Contributor",),
                    "coaches": ("Contributor",),
                },
            ),
            Section(
                "dossiers",
                _("Personal files"),
                _("The personal file of each project holder."),
                ("PersonalFile",),
            ),
        ),
    ),
)


def create_site_tree(portal):
    """Create the sections that are missing and (re)apply their settings."""
    portal.setLayout(HOME_VIEW)
    for section in SECTIONS:
        folder = _ensure_section(portal, section)
        for child in section.children:
            _ensure_section(folder, child)
    add_section_navigation(portal["la-cooperative"])
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
    form = portal.get("contact")
    if form is not None:
        configure_contact_form(form)
        return
    form = api.content.create(
        container=portal,
        type="EasyForm",
        id="contact",
        title=_french(_("Contact")),
        description=_french(_("Write to the cooperative's team.")),
        safe_id=False,
    )
    configure_contact_form(form)
    api.content.transition(obj=form, to_state="published")
