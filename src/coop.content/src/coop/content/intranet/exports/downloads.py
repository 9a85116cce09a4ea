"""A session's exports as HTTP answers: for its pages' links and for REST."""

from coop.content import _
from coop.content.common.mail import french
from coop.content.common.spreadsheet import csv_download
from coop.content.intranet.exports.sheets import attendance_sheet
from coop.content.intranet.exports.sheets import registration_table
from coop.content.intranet.exports.sheets import xlsx_file
from coop.content.intranet.exports.sheets import XLSX_TYPE


def _keep_private(response):
    # What the staff download names people: no cache keeps it.
    response.setHeader("Cache-Control", "private, no-store")


def _send(response, filename, content_type, data, disposition="attachment"):
    response.setHeader("Content-Type", content_type)
    response.setHeader("Content-Disposition", f'{disposition}; filename="{filename}"')
    _keep_private(response)
    return data


def attendance_sheet_download(workshop, response):
    """The sheet, shown by the browser to be printed."""
    return _send(
        response,
        f"emargement-{workshop.getId()}.pdf",
        "application/pdf",
        attendance_sheet(workshop),
        disposition="inline",
    )


def registrations_csv_download(workshop, response):
    header, rows = registration_table(workshop)
    _keep_private(response)
    return csv_download(response, f"inscriptions-{workshop.getId()}.csv", header, rows)


def registrations_xlsx_download(workshop, response):
    header, rows = registration_table(workshop)
    return _send(
        response,
        f"inscriptions-{workshop.getId()}.xlsx",
        XLSX_TYPE,
        xlsx_file(header, rows, french(_("Registrations"))),
    )
