"""The Appointment content type: an individual appointment of a project holder.

Field names are the REST API's. Only the project holder (`entrepreneur`) and
the coach of an appointment (and administrators) see it; the coach's `notes`
need a permission the holder never has, so no view, serialiser or form shows
them to the holder. The title is the subject.
"""

from coop.content import _
from coop.content.directory.validators import valid_website
from coop.content.interfaces import IIntranetItem
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


NOTES_PERMISSION = "coop.content.ViewAppointmentNotes"

IN_PERSON = "in_person"
PHONE = "phone"
VIDEO = "video"
MODES = SimpleVocabulary(
    [
        SimpleTerm(IN_PERSON, title=_("In person")),
        SimpleTerm(PHONE, title=_("By phone")),
        SimpleTerm(VIDEO, title=_("By video")),
    ]
)

PLANNED = "planned"
DONE = "done"
MISSED = "missed"
CANCELLED = "cancelled"
STATUSES = SimpleVocabulary(
    [
        SimpleTerm(PLANNED, title=_("Planned")),
        SimpleTerm(DONE, title=_("Done")),
        SimpleTerm(MISSED, title=_("Missed")),
        SimpleTerm(CANCELLED, title=_("Cancelled")),
    ]
)


class IAppointment(model.Schema):
    """An individual appointment between a project holder and a coach."""

    subject = schema.TextLine(
        title=_("Subject"),
        description=_("What the appointment is about, such as: monthly review."),
        required=True,
        max_length=200,
    )
    entrepreneur = schema.Choice(
        title=_("Project holder"),
        vocabulary="coop.content.entrepreneurs",
        required=True,
    )
    coach = schema.Choice(
        title=_("Coach"),
        vocabulary="coop.content.coaches",
        required=True,
    )
    mode = schema.Choice(
        title=_("Mode"),
        vocabulary=MODES,
        required=True,
        default=IN_PERSON,
    )
    video_url = schema.TextLine(
        title=_("Video call address"),
        description=_("The link of the video call, when the appointment is by video."),
        required=False,
        max_length=500,
        constraint=valid_website,
    )
    status = schema.Choice(
        title=_("Status"),
        vocabulary=STATUSES,
        required=True,
        default=PLANNED,
    )
    directives.read_permission(notes=NOTES_PERMISSION)
    directives.write_permission(notes=NOTES_PERMISSION)
    notes = schema.Text(
        title=_("Coach's notes"),
        description=_("Seen by the coaches only, never by the project holder."),
        required=False,
        max_length=5000,
    )


@implementer(IAppointment, IIntranetItem)
class Appointment(Item):
    """An individual appointment between a project holder and a coach."""

    subject = ""

    @property
    def title(self):
        return self.subject or ""

    # Content factories set the title they are given: plone.restapi's POST
    # gives None. A title given is the subject line.
    @title.setter
    def title(self, value):
        if value:
            self.subject = value

    # Dublin Core's keywords share the attribute name of the subject line:
    # an appointment has no keywords, and a `subject` given at creation, which
    # plone.dexterity passes to `setSubject`, is its subject line.
    def Subject(self):
        return ()

    def setSubject(self, subject):
        self.subject = subject
