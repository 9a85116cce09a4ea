"""The recipients of a consultation, ticked from a selection of cooperatives.

The search page, the favourites and a cooperative's entry link to the add form
with one `recipients` parameter per cooperative UID; the widget lists those
cooperatives only (the directory may hold thousands), ticked, with their name
and city. The offered cooperatives travel with the form in hidden fields, so
that a form shown again after an error still offers the unticked ones.
"""

from coop.content import _
from coop.content.directory.entries import entries_by_uid
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form.browser.checkbox import CheckBoxWidget
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import INPUT_MODE
from z3c.form.term import Terms
from z3c.form.widget import FieldWidget
from zope.interface import implementer
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


OFFERED = "recipients"


def _as_list(value):
    if isinstance(value, str):
        return [value]
    return [item for item in value or () if isinstance(item, str)]


class RecipientsWidget(CheckBoxWidget):
    klass = "coop-recipients"
    input_template = ViewPageTemplateFile("templates/recipients_input.pt")

    def _requested(self):
        return _as_list(self.request.form.get(OFFERED))

    def _offered(self):
        """The requested, the ticked and the current recipients, once each."""
        current = getattr(self.context, "recipients", None) or ()
        ticked = _as_list(self.request.form.get(self.name))
        return list(dict.fromkeys([*self._requested(), *ticked, *current]))

    def _label(self, uid, cooperative):
        if cooperative is None:
            return api.portal.translate(
                _("Unknown cooperative ${uid}", mapping={"uid": uid})
            )
        if cooperative.city:
            return f"{cooperative.title} ({cooperative.city})"
        return cooperative.title

    def updateTerms(self):
        offered = self._offered()
        # Only published entries are named: a draft or suspended entry stays unknown.
        entries = {
            uid: brain._unrestrictedGetObject()
            for uid, brain in entries_by_uid(offered, published=True).items()
        }
        self.terms = Terms()
        self.terms.terms = SimpleVocabulary(
            [
                SimpleTerm(uid, uid, self._label(uid, entries.get(uid)))
                for uid in offered
            ]
        )
        return self.terms

    @property
    def submitted(self):
        return f"{self.name}-empty-marker" in self.request.form

    def update(self):
        super().update()
        if self.mode == INPUT_MODE and not self.submitted and not self.value:
            # The add form: the cooperatives picked in the directory come ticked.
            self.value = list(entries_by_uid(self._requested(), published=True))

    def render(self):
        if self.mode == INPUT_MODE:
            return self.input_template()
        return super().render()


@implementer(IFieldWidget)
def RecipientsFieldWidget(field, request):
    return FieldWidget(field, RecipientsWidget(request))
