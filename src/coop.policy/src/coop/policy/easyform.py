"""collective.easyform over REST: a form's fields, its submission, its content.

A REST client reads a form's fields as a JSON schema (as plone.restapi's
@types gives a type's) and sends the values as a JSON object. The values go
through the form of the page itself: the same fields (those a TALES condition
hides or the server fills left out), the same validators, the same actions
(the mail to the team, the saved data). The honeypot checks a JSON body as it
checks a form (coop.policy.honeypot).
"""

from collective.easyform.browser.view import EasyFormForm
from collective.easyform.config import DOWNLOAD_SAVED_PERMISSION
from collective.easyform.interfaces import IEasyForm
from collective.easyform.serializer import SerializeToJson
from coop.content.common.errors import InputError
from coop.policy import _
from coop.policy.interfaces import ICoopPolicyLayer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson as ContentToJson
from plone.restapi.types.utils import get_fieldset_infos
from plone.restapi.types.utils import get_form_fieldsets
from plone.restapi.types.utils import get_jsonschema_properties
from plone.restapi.types.utils import iter_fields
from z3c.form.interfaces import HIDDEN_MODE
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import ISequenceWidget
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import ValidationError
from zope.schema.interfaces import WrongType
from zope.security import checkPermission


@implementer(ISerializeToJson)
@adapter(IEasyForm, ICoopPolicyLayer)
class EasyFormSerializer(SerializeToJson):
    """collective.easyform's serializer: the saved data for those who may see it.

    Who may is who has collective.easyform's permission to download them,
    checked by the permission's id (plone.api's `has_permission` takes its
    title and refuses an id).
    """

    def __call__(self, version=None, include_items=True):
        result = ContentToJson.__call__(self, version, include_items)
        if checkPermission(DOWNLOAD_SAVED_PERMISSION, self.context):
            self.serializeSavedData(result)
        return result


def _page_form(form, request):
    """The form of the page: its fields, widgets and fieldsets, no button pressed."""
    page_form = EasyFormForm(form, request)
    page_form.updateFields()
    page_form.updateWidgets()
    page_form.groups = tuple(
        group(form, request, page_form) for group in page_form.groups
    )
    for group in page_form.groups:
        group.update()
    return page_form


def _shown(fields):
    """The fields the page shows, not those it hides (the honeypot)."""
    return [field for field in fields if field.mode != HIDDEN_MODE]


def form_schema(form, request):
    """The form's title, description and fields, as a JSON schema."""
    page_form = EasyFormForm(form, request)
    page_form.updateFields()
    fieldsets = [
        {**fieldset, "fields": _shown(fieldset["fields"])}
        for fieldset in get_form_fieldsets(page_form)
    ]
    return {
        "title": form.Title(),
        "description": form.Description(),
        "type": "object",
        "properties": get_jsonschema_properties(form, request, fieldsets),
        "required": [
            field.field.getName()
            for field in iter_fields(fieldsets)
            if field.field.required
        ],
        "fieldsets": get_fieldset_infos(fieldsets),
    }


def _widgets(page_form):
    yield from page_form.widgets.values()
    for group in page_form.groups:
        yield from group.widgets.values()


def _refusal(widget, problem):
    return InputError(
        _(
            '"${field}": ${problem}',
            mapping={
                "field": widget.field.title,
                "problem": translate(problem, context=widget.request),
            },
        ),
        field=widget.field.getName(),
    )


def _problem(error):
    if isinstance(error, ValidationError):
        return error.doc()
    return error.args[0]


def _post_as_the_page(widget, value):
    """Put `value` (JSON) in the request as the page's widget posts it."""
    field = widget.field
    if field._type is not None and not isinstance(value, field._type):
        raise _refusal(widget, WrongType.__doc__)
    request = widget.request
    request.form[widget.name] = IDataConverter(widget).toWidgetValue(value)
    if ISequenceWidget.providedBy(widget):
        request.form[f"{widget.name}-empty-marker"] = "1"


def submit(form, values, request):
    """Submit `values` (field names to JSON values) as the page's form does.

    The values are those of the fields the page shows; a field it hides keeps
    the value the page gives it, and a value the form has no field for is
    left out, as the page leaves out what it does not know. An empty text is
    no value. The page's validators check the fields and its actions run (the
    mail, the saved data); the first field refused raises InputError, and
    then nothing is mailed or kept.
    """
    page_form = _page_form(form, request)
    widgets = {
        widget.field.getName(): widget
        for widget in _widgets(page_form)
        if widget.mode != HIDDEN_MODE
    }
    for name, value in values.items():
        if name in widgets and value not in (None, ""):
            _post_as_the_page(widgets[name], value)
    data, errors = page_form.extractData()
    for snippet in errors:
        raise _refusal(snippet.widget, _problem(snippet.error))
    refused = page_form.processActions(page_form.updateServerSideData(data))
    for name, message in (refused or {}).items():
        widget = widgets.get(name)
        raise _refusal(widget, message) if widget else InputError(message)
