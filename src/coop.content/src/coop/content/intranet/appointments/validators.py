"""The appointment's rules in its forms and in plone.restapi's content endpoints.

Both ask z3c.form's manager validator of each schema after its fields: the
appointment's adds the planning rule to the schema's invariants. The add
form proposes the coach who plans as the appointment's coach.
"""

from coop.content.content.appointment import IAppointment
from coop.content.intranet.appointments.planning import default_coach
from coop.content.intranet.appointments.planning import planning_refusal
from plone.dexterity.browser.add import DefaultAddForm
from z3c.form.util import getSpecification
from z3c.form.validator import InvariantsValidator
from z3c.form.widget import ComputedWidgetAttribute
from zope.component import adapter
from zope.interface import Interface
from zope.interface import Invalid


# A validator is looked up by the schema object itself, which only a marker
# of its own stands for.
@adapter(
    Interface,
    Interface,
    Interface,
    getSpecification(IAppointment, force=True),
    Interface,
)
class AppointmentValidator(InvariantsValidator):
    """A coach plans their own appointments; administrators anyone's."""

    def validate(self, data):
        errors = super().validate(data)
        refusal = planning_refusal(data.get("coach"))
        if refusal is not None:
            errors += (Invalid(refusal),)
        return errors


CoachDefault = ComputedWidgetAttribute(
    lambda adapter: default_coach(), field=IAppointment["coach"], view=DefaultAddForm
)
