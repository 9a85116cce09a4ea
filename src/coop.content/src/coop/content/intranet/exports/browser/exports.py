"""A session's exports in the browser, linked from its page (exports_viewlet.pt)."""

from coop.content.intranet.exports.downloads import attendance_sheet_download
from coop.content.intranet.exports.downloads import registrations_csv_download
from coop.content.intranet.exports.downloads import registrations_xlsx_download
from Products.Five.browser import BrowserView


class AttendanceSheet(BrowserView):
    def __call__(self):
        return attendance_sheet_download(self.context, self.request.response)


class RegistrationsCSV(BrowserView):
    def __call__(self):
        return registrations_csv_download(self.context, self.request.response)


class RegistrationsXLSX(BrowserView):
    def __call__(self):
        return registrations_xlsx_download(self.context, self.request.response)
