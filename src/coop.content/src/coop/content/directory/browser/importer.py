"""The moderators' page that pre-registers cooperatives from a CSV file."""

from Acquisition import aq_base
from coop.content import _
from coop.content.common.config import MAX_IMPORT_MB
from coop.content.common.config import MB
from coop.content.common.errors import InputError
from coop.content.directory.entries import directory
from coop.content.directory.importer import ACCOUNT_COLUMN
from coop.content.directory.importer import FILE_COLUMNS
from coop.content.directory.importer import import_cooperatives
from plone.protect import CheckAuthenticator
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.interfaces import WidgetActionExecutionError
from zExceptions import NotFound
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.schema import ValidationError


class FileTooLarge(ValidationError):
    __doc__ = _("The file must not exceed ${size} MB.", mapping={"size": MAX_IMPORT_MB})


def valid_size(data):
    if len(data or b"") > MAX_IMPORT_MB * MB:
        raise FileTooLarge()
    return True


class IImportForm(Interface):
    file = schema.Bytes(
        title=_("CSV file"),
        description=_(
            "UTF-8 text, at most ${size} MB.", mapping={"size": MAX_IMPORT_MB}
        ),
        required=True,
        constraint=valid_size,
    )


class ImportForm(form.Form):
    """Upload a CSV file; the page then shows what the import did, row by row."""

    template = ViewPageTemplateFile("templates/importer.pt")
    fields = field.Fields(IImportForm)
    ignoreContext = True
    enableCSRFProtection = True
    report = None
    account_column = ACCOUNT_COLUMN
    file_columns = ", ".join(FILE_COLUMNS)

    def update(self):
        # The permission also comes from ownership of any folder; the import
        # always fills the directory, so it answers there only.
        if aq_base(self.context) is not aq_base(directory()):
            raise NotFound(self.__name__)
        super().update()

    @button.buttonAndHandler(_("Import"), name="import")
    def handle_import(self, action):
        CheckAuthenticator(self.request)
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            self.report = import_cooperatives(data["file"])
        except InputError as error:
            raise WidgetActionExecutionError(
                error.field, Invalid(error.message)
            ) from None
