"""The seven-step registration of a new cooperative.

Step 1 creates the account and signs it in. Steps 2 to 7 are the fieldsets of
`ICooperative`, in order: each one is saved on its own, and the entry remembers
the last step saved, so that a later visit resumes where the cooperative left
off. The last step submits the entry to the moderators.
"""

from Acquisition import aq_base
from collective.z3cform.datagridfield.interfaces import IDataGridFieldWidget
from coop.content import _
from coop.content.common.config import MAX_COMPETENCES
from coop.content.common.config import MAX_GOODS_SERVICES
from coop.content.common.errors import InputError
from coop.content.content.cooperative import ICooperative
from coop.content.directory.accounts import account_refusals
from coop.content.directory.accounts import check_siret_free
from coop.content.directory.accounts import is_cooperative
from coop.content.directory.accounts import NOT_A_COOPERATIVE
from coop.content.directory.entries import cooperative_of
from coop.content.directory.entries import create_account
from coop.content.directory.entries import create_draft_entry
from coop.content.directory.entries import directory
from coop.content.directory.validators import MissingClient
from dataclasses import dataclass
from plone import api
from plone.autoform.form import AutoExtensibleForm
from plone.protect import CheckAuthenticator
from plone.schema.email import Email
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.action import ActionErrorOccurred
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.form.interfaces import WidgetActionExecutionError
from zExceptions import NotFound
from zope import schema
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface.interface import InterfaceClass
from zope.schema import getFieldNames


LAST_STEP = 7
# Kept on the entry: the last step its cooperative saved in the wizard.
LAST_SAVED_KEY = "coop.content.wizard.last_saved_step"
DEFAULT_FIELDSET = "default"
SUBMIT = "submit"


class IAccount(Interface):
    """Step 1: the login of the cooperative's account."""

    email = Email(
        title=_("E-mail address"),
        description=_(
            "You log in with this address. Consultations are sent to it unless "
            "you give another address at the next step."
        ),
        required=True,
    )
    password = schema.Password(title=_("Password"), required=True)
    password_ctl = schema.Password(title=_("Confirm your password"), required=True)


class IHasEstablishments(Interface):
    has_establishments = schema.Bool(
        title=_("My company has secondary establishments"), required=False
    )


class IHasClientReferences(Interface):
    has_client_references = schema.Bool(
        title=_("I want to list client references"), required=False
    )


@dataclass(frozen=True)
class Step:
    title: str
    help: str
    fieldset: str = DEFAULT_FIELDSET
    # Steps 6 and 7: a checkbox (the one field of `toggle`, an interface)
    # shows the grid; unticked, the list is emptied; ticked, it needs a row.
    toggle: InterfaceClass = None
    grid: str = None
    empty_grid: str = None

    @property
    def toggle_name(self):
        return next(iter(self.toggle.names()))


STEPS = (
    Step(
        _("Identification of the cooperative company"),
        _(
            "Choose the e-mail address you register with: you will log in with "
            "it, and consultations are sent to it by default. If your company "
            "was pre-registered, log in with the address given in our e-mail."
        ),
    ),
    Step(
        _(
            "Contact details of the cooperative company and presentation of "
            "its activity"
        ),
        _(
            "For your cooperative to be well referenced and visible, fill in "
            "every field with care, above all the activity, the goods and "
            "services (${goods_services} at most) and the competences: up to "
            "${competences} keywords that describe your trade, separated by "
            "semicolons. Consultations go to your login e-mail unless you give "
            "another address here.",
            mapping={
                "goods_services": MAX_GOODS_SERVICES,
                "competences": MAX_COMPETENCES,
            },
        ),
    ),
    Step(
        _("Additional information about your company"),
        _(
            "These details are optional, but they help buyers identify your "
            "goods and services; most of them are asked in public calls for "
            "tenders. Certifications are your labels, such as ISO standards. "
            "The carbon footprint measures the greenhouse gases of your "
            "activity, in kg of CO₂ per year. Guarantees and sureties matter "
            "most in the building trade."
        ),
        "complements",
    ),
    Step(
        _("Turnover"),
        _(
            "Not required, but we advise you to fill it in: buyers often "
            "select their suppliers by turnover."
        ),
        "chiffre_affaires",
    ),
    Step(
        _("Head office and director of your cooperative company"),
        _("You can also add one or several commercial contacts."),
        "siege",
    ),
    Step(
        _("Secondary establishments"),
        _(
            "If your cooperative company has secondary establishments, tick the "
            "box: the form appears and you can list one or several of them."
        ),
        "etablissements",
        toggle=IHasEstablishments,
        grid="establishments",
        empty_grid=_("Give at least one establishment, or untick the box."),
    ),
    Step(
        _("Client references"),
        _(
            "Client references show buyers what you have achieved. To list "
            "some, tick the box: the client's name is then required on each "
            "line. To list none, untick it."
        ),
        "references",
        toggle=IHasClientReferences,
        grid="client_references",
        empty_grid=MissingClient.__doc__,
    ),
)


def is_blank(row):
    return not any(value not in (None, "") for value in row.values())


class RegistrationWizard(AutoExtensibleForm, form.EditForm):
    """`/annuaire/@@inscription?etape=N`: one step of the registration."""

    schema = ICooperative
    enableCSRFProtection = True
    template = ViewPageTemplateFile("templates/wizard.pt")
    message_template = ViewPageTemplateFile("templates/wizard_message.pt")

    step = None
    message = None

    def update(self):
        if aq_base(self.context) is not aq_base(directory()):
            raise NotFound(self.__name__)
        self.user = None if api.user.is_anonymous() else api.user.get_current()
        self.cooperative = cooperative_of(self.user.getId()) if self.user else None
        self.message = self._refusal()
        if self.message is None:
            self.step = self._step()
        if self.step is not None:
            super().update()

    def render(self):
        if self.request.response.getStatus() in (301, 302, 303):
            return ""
        if self.message is not None:
            return self.message_template()
        return super().render()

    def _refusal(self):
        """Why this user gets a message instead of the wizard, or None."""
        if self.user is None:
            return None
        if not is_cooperative(self.user):
            return NOT_A_COOPERATIVE
        if self.cooperative is None:
            return None
        state = api.content.get_state(self.cooperative)
        if state == "pending":
            return _(
                "Your entry has been sent to the moderator, who will check it "
                "before it appears in the directory."
            )
        if state == "published":
            return _(
                "Your entry is published in the directory. You can update it at "
                "any time."
            )
        return None

    def _step(self):
        """The step asked for; beyond the furthest one allowed, redirect there."""
        furthest = 1 if self.user is None else min(self.last_saved + 1, LAST_STEP)
        asked = str(self.request.form.get("etape", furthest))
        if not (asked.isdigit() and 1 <= int(asked) <= furthest):
            self.request.response.redirect(self.step_url(furthest))
            return None
        return int(asked)

    @property
    def last_saved(self):
        # The account is step 1: a pre-registered entry starts at step 2.
        if self.cooperative is None:
            return 1
        return IAnnotations(self.cooperative).get(LAST_SAVED_KEY, 1)

    @property
    def current(self):
        return STEPS[self.step - 1]

    @property
    def wizard_url(self):
        return f"{directory().absolute_url()}/@@{self.__name__}"

    def step_url(self, step):
        return f"{self.wizard_url}?etape={step}"

    @property
    def action(self):
        return self.step_url(self.step)

    @property
    def entry_url(self):
        return self.cooperative.absolute_url() if self.cooperative else None

    @property
    def heading(self):
        return _(
            "Step ${number} of ${total}: ${title}",
            mapping={
                "number": self.step,
                "total": LAST_STEP,
                "title": self.current.title,
            },
        )

    @property
    def progress(self):
        """How far this step is, in percent."""
        return round(100 * self.step / LAST_STEP)

    @property
    def ignoreContext(self):
        return self.cooperative is None or self.step == 1

    def getContent(self):
        return self.cooperative

    def updateFields(self):
        if self.step == 1:
            # A signed-in cooperative already has its account: nothing to type.
            self.fields = field.Fields(IAccount if self.user is None else Interface)
            return
        super().updateFields()
        step = self.current
        if step.fieldset != DEFAULT_FIELDSET:
            self.fields = next(
                group.fields for group in self.groups if group.__name__ == step.fieldset
            )
        self.groups = ()
        if self.cooperative is None:
            # Derived values show once the entry exists.
            self.fields = self.fields.omit("department", "region")
        if "goods_services" in self.fields:
            # Unlike the default ordered selection, checkboxes need no script.
            self.fields["goods_services"].widgetFactory = CheckBoxFieldWidget
        if step.toggle is not None:
            self.fields = field.Fields(step.toggle, ignoreContext=True) + self.fields

    def updateWidgets(self):
        super().updateWidgets()
        if self.step == 1:
            if self.user is None:
                registration = api.portal.get_tool("portal_registration")
                # The password policy's own words, such as "at least 10 characters".
                self.widgets[
                    "password"
                ].description = registration.testPasswordValidity("")
            return
        for name in self.grids:
            self._offer_a_line(self.widgets[name])
        step = self.current
        if step.toggle is not None:
            box = self.widgets[step.toggle_name]
            submitted = f"{box.name}-empty-marker" in self.request.form
            if not submitted and getattr(self.cooperative, step.grid, None):
                box.value = ["selected"]

    @property
    def grids(self):
        return [
            name
            for name, widget in self.widgets.items()
            if IDataGridFieldWidget.providedBy(widget)
        ]

    def _offer_a_line(self, grid):
        """A blank line instead of the auto-appended one.

        Only JavaScript turns the auto-appended line into a row; a real blank
        line lets the step work in any browser. Blank lines are not saved.
        """
        grid.auto_append = False
        if grid.value:
            grid.updateWidgets()
        else:
            grid.value = [dict.fromkeys(getFieldNames(grid.field.value_type.schema))]

    def updateActions(self):
        super().updateActions()
        for name in ("next", "finish"):
            if name in self.actions:
                action = self.actions[name]
                action.klass = action.klass.replace("btn-secondary", "btn-primary")

    def step_values(self):
        """What this step saves, or None when the input has errors.

        Raises WidgetActionExecutionError for what the fields alone cannot say.
        """
        data, errors = self.extractData()
        step = self.current
        if step.toggle is not None and not data.get(step.toggle_name):
            return {step.grid: []}
        if errors:
            return None
        for name in self.grids:
            data[name] = [row for row in data[name] or () if not is_blank(row)]
        if step.toggle is not None:
            del data[step.toggle_name]
            if not data[step.grid]:
                raise WidgetActionExecutionError(step.grid, Invalid(step.empty_grid))
        try:
            check_siret_free(data.get("siret"), self.cooperative)
        except InputError as error:
            raise WidgetActionExecutionError(
                error.field, Invalid(error.message)
            ) from None
        return data

    def save(self, data):
        if self.cooperative is None:
            self.cooperative = create_draft_entry(self.user, **data)
        else:
            self.applyChanges(data)
        annotations = IAnnotations(self.cooperative)
        annotations[LAST_SAVED_KEY] = max(self.last_saved, self.step)

    def register(self, action):
        """Step 1: create the account and sign it in."""
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        refusals = account_refusals(
            data["email"], data["password"], data["password_ctl"]
        )
        for refusal in refusals:
            error = WidgetActionExecutionError(refusal.field, Invalid(refusal.message))
            notify(ActionErrorOccurred(action, error))
        if refusals:
            return
        self.user = create_account(data["email"], data["password"])
        self.sign_in(data["password"])
        self.request.response.redirect(self.step_url(2))

    def sign_in(self, password):
        # The session plugin only opens a session for the user who is signed in.
        with api.env.adopt_user(user=self.user):
            api.portal.get_tool("acl_users").updateCredentials(
                self.request, self.request.response, self.user.getUserName(), password
            )

    # Buttons come in this order so that Enter goes forward; CSS shows them
    # in the order people read them: Précédent, Annuler, Suivant.
    @button.buttonAndHandler(
        _("Next"), name="next", condition=lambda form: form.step < LAST_STEP
    )
    def handle_next(self, action):
        CheckAuthenticator(self.request)
        if self.step == 1:
            if self.user is None:
                self.register(action)
            else:
                self.request.response.redirect(self.step_url(2))
            return
        data = self.step_values()
        if data is None:
            self.status = self.formErrorsMessage
            return
        self.save(data)
        self.request.response.redirect(self.step_url(self.step + 1))

    @button.buttonAndHandler(
        _("Finish"), name="finish", condition=lambda form: form.step == LAST_STEP
    )
    def handle_finish(self, action):
        CheckAuthenticator(self.request)
        data = self.step_values()
        if data is None:
            self.status = self.formErrorsMessage
            return
        self.save(data)
        api.content.transition(obj=self.cooperative, transition=SUBMIT)
        api.portal.show_message(
            _("Thank you! Your entry has been sent to the moderator."), self.request
        )
        self.request.response.redirect(self.wizard_url)

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        api.portal.show_message(
            _("You can resume your registration later."), self.request
        )
        self.request.response.redirect(api.portal.get().absolute_url())

    @button.buttonAndHandler(
        _("Previous"), name="previous", condition=lambda form: form.step > 1
    )
    def handle_previous(self, action):
        """Go back, keeping this step's input when it is valid."""
        CheckAuthenticator(self.request)
        try:
            data = self.step_values()
        except WidgetActionExecutionError:
            data = None
        if data is None:
            api.portal.show_message(
                _("This step had errors: its changes were not saved."),
                self.request,
                type="warning",
            )
        else:
            self.save(data)
        self.request.response.redirect(self.step_url(self.step - 1))
