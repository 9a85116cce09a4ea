"""Dates and times as French readers write them: « mardi 12 mai 2026, 10 h 30 ».

The interface is French whatever the browser's locale, and strftime's names
depend on the server's locale: the names are spelled out here.
"""

from plone.event.interfaces import IEventAccessor


DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_month(value):
    """« mai 2026 »."""
    return f"{MONTHS[value.month - 1]} {value.year}"


def long_date(value):
    """« mardi 12 mai 2026 », « vendredi 1er mai 2026 »."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{DAYS[value.weekday()]} {day} {MONTHS[value.month - 1]} {value.year}"


def short_date(value):
    """« 12/05/2026 »; empty without a date."""
    return f"{value:%d/%m/%Y}" if value else ""


def french_time(value):
    """« 10 h 30 », « 9 h »."""
    return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"


def french_span(start, end, whole_day=False):
    """When an event takes place, in one phrase."""
    if start.date() == end.date():
        if whole_day:
            return long_date(start)
        return f"{long_date(start)}, de {french_time(start)} à {french_time(end)}"
    if whole_day:
        return f"du {long_date(start)} au {long_date(end)}"
    return (
        f"du {long_date(start)} à {french_time(start)} "
        f"au {long_date(end)} à {french_time(end)}"
    )


def event_when(event):
    """When `event` takes place, in one phrase."""
    accessor = IEventAccessor(event)
    return french_span(accessor.start, accessor.end, accessor.whole_day)
