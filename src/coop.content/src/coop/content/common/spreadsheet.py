"""CSV files as French spreadsheets open them, safe from the text they hold."""

import csv
import io


# A spreadsheet runs a cell that starts with one of these as a formula: text
# typed by a visitor or a cooperative must never run in a reader's spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    text = str(value or "")
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_download(response, filename, header, rows):
    """The CSV file of `header` and `rows`, sent as the attachment `filename`.

    Excel in French reads `;` as the separator and needs the BOM for UTF-8.
    """
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    response.setHeader("Content-Type", "text/csv; charset=utf-8")
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    return output.getvalue().encode("utf-8")
