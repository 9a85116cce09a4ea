"""Pre-registration of cooperatives from a CSV file.

The moderators' upload form (``@@import-cooperatives`` on ``/annuaire``) and
the ``coop-import-cooperatives`` console script both call
`import_cooperatives`. Each row of the file is one cooperative:

- a new one gets an account in ``cooperatives`` (and ``buyers``) with a random
  password, a draft entry that the account owns, and an invitation e-mail with
  a link to choose the password;
- a known one has its entry updated with the row's non-empty cells: no second
  account, entry or invitation, and a published entry stays published. A row
  is matched by its SIRET number, else by an account with its e-mail.

A bad row is reported with its line number and skipped; the others go on.

The file
--------

UTF-8 text, with or without BOM ("CSV UTF-8" in a spreadsheet's "save as").
Columns are separated by ``;`` (what French spreadsheets export) or ``,``,
whichever the header row uses most. The header row names the columns, in any
order, with the field names of the Cooperative schema; a file with another
column is refused, so that a misspelt ``siret`` never creates duplicates.

==========================  ====================================================
column                      cell
==========================  ====================================================
``email``                   the account's login e-mail; required on every row
``title``                   company name
``legal_form``              code (``scop_sarl``) or label (``Scop SARL``)
``siret``                   14 digits; spaces are ignored
``description``             activity
``sector``                  NAF rev. 2 section code (``F``)
``goods_services``          1 to 4 CPV division codes (``45|71``)
``competences``             up to 10 keywords (``Menuiserie|Agencement``)
``consultation_email``      defaults to ``email`` for a new entry
``phone``                   text
``website``                 ``http://`` or ``https://`` address
``street``                  text
``postal_code``             5 digits (a spreadsheet's ``1000`` becomes ``01000``)
``city``                    text
``certifications``          list (``ISO 9001|Qualibat``)
``carbon_footprint``        whole number; spaces between thousands are fine
``carbon_footprint_year``   year
``guarantees``              text
``revenue``                 whole number (``1 250 000``)
``revenue_year``            year
``headcount``               whole number
==========================  ====================================================

A new entry needs ``title``, ``legal_form``, ``siret``, ``description``,
``sector``, ``goods_services``, ``postal_code`` and ``city``, as in the
wizard. Lists are separated by ``|``; ``;`` works too, since a spreadsheet
that uses ``;`` between columns quotes the cells that contain one. Codes may
be given without their leading zero (``9`` for CPV ``09``).
"""

from coop.content import _
from coop.content.common.errors import field_message
from coop.content.common.errors import InputError
from coop.content.common.mail import send_mail
from coop.content.content.cooperative import ICooperative
from coop.content.directory.accounts import is_cooperative
from coop.content.directory.entries import cooperative_of
from coop.content.directory.entries import create_account
from coop.content.directory.entries import create_draft_entry
from coop.content.directory.entries import directory
from coop.content.directory.entries import find_by_siret
from dataclasses import dataclass
from dataclasses import field
from plone import api
from plone.schema.email import Email
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema import Choice
from zope.schema import Int
from zope.schema import List
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import ValidationError

import csv
import io
import re


ACCOUNT_COLUMN = "email"
# What a refusal of the whole file names: the field of the upload form.
FILE_FIELD = "file"
FILE_COLUMNS = (
    "title",
    "legal_form",
    "siret",
    "description",
    "sector",
    "goods_services",
    "competences",
    "consultation_email",
    "phone",
    "website",
    "street",
    "postal_code",
    "city",
    "certifications",
    "carbon_footprint",
    "carbon_footprint_year",
    "guarantees",
    "revenue",
    "revenue_year",
    "headcount",
)
ACCOUNT_EMAIL = Email(__name__=ACCOUNT_COLUMN, title=_("Login e-mail"), required=True)
FIELDS = {
    ACCOUNT_COLUMN: ACCOUNT_EMAIL,
    **{name: ICooperative[name] for name in FILE_COLUMNS},
}
REQUIRED_FOR_A_NEW_ENTRY = tuple(
    name for name in FILE_COLUMNS if ICooperative[name].required
)
LIST_SEPARATORS = re.compile(r"[|;\n]")
# What spreadsheets do to the cells before our fields see them.
CLEANERS = {
    "siret": lambda text: re.sub(r"\s", "", text),
    "postal_code": lambda text: text.zfill(5) if text.isdigit() else text,
}


class CellError(ValidationError):
    """A cell that cannot become a value of its field."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message


@dataclass
class RowError:
    line: int
    column: str
    message: str

    def __str__(self):
        return self.message


@dataclass
class ImportReport:
    """What an import did; `errors` may hold several problems of one line."""

    created: int = 0
    updated: int = 0
    invited: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def rejected(self):
        """The number of rows that were skipped."""
        return len({error.line for error in self.errors})

    def summary(self):
        """The counts, as sentences in the site's language."""
        return [
            localize(_("Entries created: ${count}", mapping={"count": self.created})),
            localize(_("Entries updated: ${count}", mapping={"count": self.updated})),
            localize(_("Rows rejected: ${count}", mapping={"count": self.rejected})),
            localize(
                _(
                    "Invitations sent: ${count} (only the accounts this import "
                    "created are invited)",
                    mapping={"count": len(self.invited)},
                )
            ),
        ]


def localize(message):
    """`message` in the site's language: the report goes to a page or a terminal."""
    return translate(message, target_language=api.portal.get_default_language())


def read_rows(data):
    """The columns of CSV `data` (bytes), and the (line number, cells) of each row."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    # NUL bytes decode as UTF-8, yet only binary files hold them.
    if text is None or "\x00" in text:
        raise InputError(
            _(
                "The file is not UTF-8 text: save it from your spreadsheet "
                'as "CSV UTF-8".'
            ),
            FILE_FIELD,
        )
    header = text.partition("\n")[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        columns = [name.strip().lower() for name in next(reader, [])]
        line = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error:
        raise InputError(
            _(
                "The file is not a readable CSV file (line ${line}).",
                mapping={"line": reader.line_num},
            ),
            FILE_FIELD,
        ) from None
    if not rows:
        raise InputError(_("The file has no cooperative to import."), FILE_FIELD)
    _check_columns(columns)
    return columns, rows


def _check_columns(columns):
    unknown = [name for name in columns if name not in FIELDS]
    if unknown:
        raise InputError(
            _(
                "Unknown columns: ${columns}. The columns are: ${known}.",
                mapping={"columns": ", ".join(unknown), "known": ", ".join(FIELDS)},
            ),
            FILE_FIELD,
        )
    if ACCOUNT_COLUMN not in columns:
        raise InputError(
            _("The file needs an email column: the accounts' login e-mail."),
            FILE_FIELD,
        )


def _fold(text):
    """Case aside, and leading zeros aside for the codes made of digits."""
    text = text.strip().casefold()
    return (text.lstrip("0") or "0") if text.isdigit() else text


def _vocabulary_value(vocabulary, text):
    wanted = _fold(text)
    for term in vocabulary:
        if wanted in (_fold(term.token), _fold(str(term.title or ""))):
            return term.value
    raise CellError(
        _(
            'Unknown value "${value}": give the code or the label of a value '
            "of the list.",
            mapping={"value": text},
        )
    )


def _int_value(text):
    try:
        return int(re.sub(r"\s", "", text))
    except ValueError:
        raise CellError(
            _('"${value}" is not a whole number.', mapping={"value": text})
        ) from None


def _cell_value(bound_field, text):
    if isinstance(bound_field, Int):
        return _int_value(text)
    if isinstance(bound_field, Choice):
        return _vocabulary_value(bound_field.vocabulary, text)
    if isinstance(bound_field, List):
        items = [item.strip() for item in LIST_SEPARATORS.split(text) if item.strip()]
        if isinstance(bound_field.value_type, Choice):
            vocabulary = bound_field.value_type.vocabulary
            return [_vocabulary_value(vocabulary, item) for item in items]
        return items
    return text


def _row_error(line, column, message):
    text = _(
        "Line ${line}: ${column}: ${message}",
        mapping={"line": line, "column": column, "message": localize(message)},
    )
    return RowError(line, column, localize(text))


def parse_row(line, columns, cells):
    """The values of the row's non-empty cells, validated by the schema's fields.

    Returns (values, errors), with one error per bad cell so that the
    moderator can fix the whole row at once.
    """
    if len(cells) > len(columns):
        message = _(
            "Line ${line}: ${count} cells for ${columns} columns; a cell that "
            "holds the separator must be between quotes.",
            mapping={"line": line, "count": len(cells), "columns": len(columns)},
        )
        return {}, [RowError(line, "", localize(message))]
    context = directory()
    values = {}
    errors = []
    for column, raw in zip(columns, cells + [""] * len(columns), strict=False):
        text = CLEANERS.get(column, str)(raw.strip())
        bound_field = FIELDS[column].bind(context)
        try:
            if not text:
                if column != ACCOUNT_COLUMN:
                    continue
                raise RequiredMissing(column)
            value = _cell_value(bound_field, text)
            bound_field.validate(value)
        except ValidationError as error:
            errors.append(_row_error(line, column, field_message(error)))
        else:
            values[column] = value
    return values, errors


def import_cooperatives(data, progress=None):
    """Import CSV `data` (bytes) and return an `ImportReport`.

    Raises `InputError` when the file as a whole is unusable. The caller
    checks who may import, and owns the transaction: `progress(done, total)`
    is called after each row, between rows, so that it may commit a batch.
    """
    columns, rows = read_rows(data)
    report = ImportReport()
    for done, (line, cells) in enumerate(rows, start=1):
        values, errors = parse_row(line, columns, cells)
        if errors:
            report.errors.extend(errors)
        else:
            _import_row(report, line, values)
        if progress is not None:
            progress(done, len(rows))
    return report


def _import_row(report, line, values):
    email = values.pop(ACCOUNT_COLUMN)
    user = api.user.get(username=email)
    cooperative = find_by_siret(values["siret"]) if "siret" in values else None
    if cooperative is None and user is not None:
        cooperative = cooperative_of(user.getId())
    if cooperative is not None:
        update_entry(cooperative, values)
        report.updated += 1
        return
    if user is not None and not is_cooperative(user):
        # Never hand a directory entry, nor its group, to a staff or buyer account.
        message = _(
            "This address is already the login of an account that is not a cooperative."
        )
        report.errors.append(_row_error(line, ACCOUNT_COLUMN, message))
        return
    missing = [name for name in REQUIRED_FOR_A_NEW_ENTRY if name not in values]
    if missing:
        report.errors.extend(
            _row_error(line, name, _("This field is required.")) for name in missing
        )
        return
    invite_it = user is None
    if invite_it:
        user = create_account(email)
    cooperative = create_draft_entry(user, **values)
    report.created += 1
    if invite_it:
        send_invitation(user, cooperative)
        report.invited.append(email)


def update_entry(cooperative, values):
    """Set `values` on the entry, whatever its state; the catalog follows the event."""
    for name, value in values.items():
        setattr(cooperative, name, value)
    notify(ObjectModifiedEvent(cooperative, Attributes(ICooperative, *values)))


def send_invitation(user, cooperative):
    """Invite a pre-registered account to choose its password (Plone's reset form)."""
    portal = api.portal.get()
    reset_tool = api.portal.get_tool("portal_password_reset")
    reset = reset_tool.requestReset(user.getId())
    mapping = {
        "site": portal.title,
        "title": cooperative.title,
        "email": user.getProperty("email"),
        "url": f"{portal.absolute_url()}/passwordreset/{reset['randomstring']}",
        "days": reset_tool.getExpirationTimeout(),
        "lost_password_url": f"{portal.absolute_url()}/mail_password_form",
    }
    subject = _("Your cooperative is pre-registered on ${site}", mapping=mapping)
    text = _(
        "invitation_mail_text",
        default=(
            "Hello,\n\n"
            'Your cooperative company "${title}" has been pre-registered on '
            "${site} by its moderators.\n\n"
            "To activate your account, choose your password at this address "
            "(valid for ${days} days); the form asks for your e-mail address, "
            "which is your login: ${email}\n"
            "${url}\n\n"
            "Then complete your cooperative's entry and submit it: it appears in "
            "the directory once the moderators have validated it.\n\n"
            "If the link has expired, ask for a new one here:\n"
            "${lost_password_url}"
        ),
        mapping=mapping,
    )
    send_mail([mapping["email"]], localize(subject), localize(text))
