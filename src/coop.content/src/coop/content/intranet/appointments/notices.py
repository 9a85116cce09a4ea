"""What an appointment's two people are told: planned, moved, cancelled.

Each of them gets their own French mail (plain text and HTML) naming the
other, with the appointment's `.ics`. A change mails only what changes for
them: the appointment moves (its times, mode or place), is cancelled, or is
no longer theirs (the holder or the coach changed). The coach's notes are
never in a mail: the text is built from the fields named here, the `.ics`
from plone.app.event's component, which reads none of the notes.

What was last told is kept on the appointment, so that any way of changing
it (forms, REST, code) mails once, and only what changed.
"""

from coop.content import _
from coop.content.agenda.registrations.signup import ical
from coop.content.common.dates import event_when
from coop.content.common.mail import french
from coop.content.common.mail import mail_text
from coop.content.common.mail import send_mail
from coop.content.content.appointment import CANCELLED
from coop.content.content.appointment import VIDEO
from coop.content.intranet.appointments.planning import mode_title
from coop.content.intranet.appointments.planning import person_email
from coop.content.intranet.appointments.planning import person_name
from coop.content.intranet.appointments.planning import place
from plone.event.interfaces import IEventAccessor
from zope.annotation.interfaces import IAnnotations
from zope.i18nmessageid import Message


TOLD_KEY = "coop.content.appointments.told"

PLANNED = (
    _("Appointment planned: ${subject}"),
    _("An appointment with ${other} is planned: “${subject}”."),
)
MOVED = (
    _("Appointment moved: ${subject}"),
    _(
        "Your appointment with ${other}, “${subject}”, has changed: here is "
        "when and where it now takes place."
    ),
)
CANCELLED_NOTICE = (
    _("Appointment cancelled: ${subject}"),
    _("Your appointment with ${other}, “${subject}”, is cancelled."),
)
NO_LONGER_YOURS = (
    _("Appointment cancelled: ${subject}"),
    _("The appointment “${subject}” with ${other} is no longer yours."),
)


def facts(appointment):
    """What the two people are told of: who, when, how and where, the status."""
    accessor = IEventAccessor(appointment)
    return {
        "people": (appointment.entrepreneur, appointment.coach),
        "when": (accessor.start, accessor.end, accessor.whole_day),
        "where": (appointment.mode, place(appointment)),
        "status": appointment.status,
    }


def _other(people, userid):
    """The other one of the two `people` (holder, coach) than `userid`."""
    holder, coach = people
    return coach if userid == holder else holder


def _details(appointment):
    lines = [
        french(_("When: ${when}", mapping={"when": event_when(appointment)})),
        french(_("How: ${mode}", mapping={"mode": french(mode_title(appointment))})),
    ]
    where = place(appointment)
    if where and appointment.mode == VIDEO:
        lines.append(french(_("Video call: ${url}", mapping={"url": where})))
    elif where:
        lines.append(french(_("Where: ${where}", mapping={"where": where})))
    return "\n".join(lines)


def tell(appointment, userid, other, notice, calendar=True):
    """Mail `userid` the `notice` (subject, news) about `appointment`, which
    they have with `other`."""
    address = person_email(userid)
    if not address:
        return
    mapping = {
        "subject": appointment.subject,
        "other": person_name(other),
        "person": person_name(userid),
        "url": appointment.absolute_url(),
    }
    subject, news = (Message(message, mapping=mapping) for message in notice)
    paragraphs = [
        _("Hello ${person},", mapping=mapping),
        news,
        _details(appointment),
        _("The appointment: ${url}", mapping=mapping),
    ]
    attachments = []
    if calendar:
        paragraphs.append(_("The attached file adds the appointment to a calendar."))
        ics = (f"{appointment.getId()}.ics", "text/calendar", ical(appointment))
        attachments.append(ics)
    send_mail(
        [address], french(subject), mail_text(*paragraphs), attachments=attachments
    )


def _remember(appointment, told):
    IAnnotations(appointment)[TOLD_KEY] = told


def appointment_planned(appointment, event):
    """A new appointment: both people are told, unless it is cancelled already."""
    told = facts(appointment)
    if told["status"] != CANCELLED:
        for userid in dict.fromkeys(told["people"]):
            tell(appointment, userid, _other(told["people"], userid), PLANNED)
    _remember(appointment, told)


def appointment_changed(appointment, event):
    """A change: the two people are told what changed for them."""
    now = facts(appointment)
    before = IAnnotations(appointment).get(TOLD_KEY)
    if before is None or before == now:
        _remember(appointment, now)
        return
    people = [userid for userid in dict.fromkeys(now["people"]) if userid]
    was_cancelled = before["status"] == CANCELLED
    if now["status"] == CANCELLED:
        if not was_cancelled:
            for userid in people:
                other = _other(now["people"], userid)
                tell(appointment, userid, other, CANCELLED_NOTICE)
    else:
        for userid in dict.fromkeys(before["people"]):
            if userid and userid not in people and not was_cancelled:
                other = _other(before["people"], userid)
                tell(appointment, userid, other, NO_LONGER_YOURS, calendar=False)
        moved = before["when"] != now["when"] or before["where"] != now["where"]
        for userid in people:
            other = _other(now["people"], userid)
            if was_cancelled or userid not in before["people"]:
                tell(appointment, userid, other, PLANNED)
            elif moved:
                tell(appointment, userid, other, MOVED)
    _remember(appointment, now)
