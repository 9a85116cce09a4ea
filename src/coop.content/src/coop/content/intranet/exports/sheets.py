"""What the staff print and export of a session: the attendance sheet (PDF)
and the list of its registrations (CSV, XLSX).

The sheet lists who holds a seat (registered, or whose attendance is
marked), by name, with a column to sign; the lists hold every registration.
Neither holds a registration's token: it would let a reader cancel it.
"""

from coop.content import _
from coop.content.agenda.registrations.listing import registration_rows
from coop.content.agenda.registrations.store import get_store
from coop.content.agenda.registrations.store import SEATED
from coop.content.common.dates import event_when
from coop.content.common.mail import french
from coop.content.common.spreadsheet import cell
from coop.content.intranet.workshops.registrations import theme_name
from coop.content.intranet.workshops.registrations import trainer_name
from html import escape
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from plone import api
from plone.event.interfaces import IEventAccessor
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle

import io
import unicodedata


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Bitstream Vera ships with reportlab: the sheet looks the same on every
# server, and its fonts hold every letter of French names.
FONT = "Vera"
BOLD_FONT = "VeraBd"
pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))
pdfmetrics.registerFont(TTFont(BOLD_FONT, "VeraBd.ttf"))
# The bold of <b> in a paragraph.
pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD_FONT)

MARGIN = 15 * mm
# A signature needs the height of a line of handwriting, with room around it.
SIGNATURE_ROW_HEIGHT = 12 * mm
NUMBER_WIDTH = 12 * mm
NAME_WIDTH = 80 * mm

TITLE = ParagraphStyle("title", fontName=BOLD_FONT, fontSize=16, leading=20)
SUBTITLE = ParagraphStyle("subtitle", fontName=FONT, fontSize=11, leading=14)
DETAIL = ParagraphStyle("detail", fontName=FONT, fontSize=10, leading=14)
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=10, leading=12)
HEADER_CELL = ParagraphStyle("header", parent=CELL, fontName=BOLD_FONT)


def _sort_key(text):
    """`text` as a French reader sorts it: without case or accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def seated(workshop):
    """The records of who holds a seat at `workshop`, by last then first name."""
    store = get_store(workshop)
    records = store.records() if store is not None else []
    return sorted(
        (record for record in records if record["status"] in SEATED),
        key=lambda record: (
            _sort_key(record["last_name"]),
            _sort_key(record["first_name"]),
        ),
    )


def _text(message):
    """A message in the site's language, safe in a reportlab paragraph."""
    return escape(french(message), quote=False)


class _NumberedCanvas(Canvas):
    """A canvas that writes « Page n sur m » at the foot of each page.

    The number of pages is known once every page is laid out: pages are kept
    until then.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            self.setFont(FONT, 9)
            self.drawRightString(
                A4[0] - MARGIN,
                MARGIN / 2,
                french(
                    _(
                        "Page ${page} of ${pages}",
                        mapping={"page": number, "pages": len(self._pages)},
                    )
                ),
            )
            super().showPage()
        super().save()


def _details(workshop):
    location = IEventAccessor(workshop).location or ""
    lines = (
        (_("Theme:"), theme_name(workshop)),
        (_("When:"), event_when(workshop)),
        (_("Where:"), location),
        (_("Run by:"), trainer_name(workshop)),
    )
    return [
        Paragraph(f"<b>{_text(label)}</b> {escape(value, quote=False)}", DETAIL)
        for label, value in lines
        if value
    ]


def _table(records):
    header = [
        Paragraph(_text(_("No.")), HEADER_CELL),
        Paragraph(_text(_("Name")), HEADER_CELL),
        Paragraph(_text(_("Signature")), HEADER_CELL),
    ]
    rows = [
        [
            str(number),
            Paragraph(
                escape(f"{record['last_name']} {record['first_name']}", quote=False),
                CELL,
            ),
            "",
        ]
        for number, record in enumerate(records, start=1)
    ]
    width = A4[0] - 2 * MARGIN
    table = Table(
        [header, *rows],
        colWidths=(NUMBER_WIDTH, NAME_WIDTH, width - NUMBER_WIDTH - NAME_WIDTH),
        rowHeights=[None] + [SIGNATURE_ROW_HEIGHT] * len(rows),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def attendance_sheet(workshop):
    """The attendance sheet of `workshop`, a PDF on A4 paper (bytes)."""
    site = api.portal.get_registry_record("plone.site_title") or ""
    title = workshop.Title()
    output = io.BytesIO()
    document = SimpleDocTemplate(
        output,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=french(_("Attendance sheet: ${title}", mapping={"title": title})),
        author=site,
    )
    records = seated(workshop)
    story = [
        Paragraph(escape(site, quote=False), SUBTITLE),
        Paragraph(_text(_("Attendance sheet")), TITLE),
        Paragraph(escape(title, quote=False), TITLE),
        Spacer(0, 4 * mm),
        *_details(workshop),
        Spacer(0, 6 * mm),
    ]
    if records:
        story.append(_table(records))
    else:
        story.append(
            Paragraph(_text(_("Nobody holds a seat at this session.")), DETAIL)
        )
    document.build(story, canvasmaker=_NumberedCanvas)
    return output.getvalue()


def registration_table(workshop):
    """The header and rows of the list of every registration of `workshop`:
    last name, first name, e-mail, status, date of registration."""
    header = [
        french(label)
        for label in (
            _("Last name"),
            _("First name"),
            _("E-mail address"),
            _("Status"),
            _("Registered on"),
        )
    ]
    rows = [
        [
            row["last_name"],
            row["first_name"],
            row["email"],
            french(row["status_title"]),
            row["created_text"],
        ]
        for row in registration_rows(workshop)
    ]
    return header, rows


def _xlsx_value(value):
    """A cell's text, never a formula, without the characters XML refuses."""
    return ILLEGAL_CHARACTERS_RE.sub("", cell(value))


def xlsx_file(header, rows, sheet_title):
    """A workbook of one sheet, `header` in bold, then `rows` (bytes)."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append([_xlsx_value(value) for value in header])
    for row in rows:
        sheet.append([_xlsx_value(value) for value in row])
    for header_cell in sheet[1]:
        header_cell.font = Font(bold=True)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
