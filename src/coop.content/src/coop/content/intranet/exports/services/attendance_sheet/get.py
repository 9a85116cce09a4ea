"""GET @attendance-sheet on a workshop: its attendance sheet, a PDF."""

from coop.content.intranet.exports.downloads import attendance_sheet_download
from plone.restapi.services import Service


class AttendanceSheetGet(Service):
    def render(self):
        self.check_permission()
        return attendance_sheet_download(self.context, self.request.response)
