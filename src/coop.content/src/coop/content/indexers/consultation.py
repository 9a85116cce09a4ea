"""What the catalog knows of a consultation: its closing day and its recipients."""

from coop.content.consultations.rules import day_as_datetime
from coop.content.content.consultation import IConsultation
from plone.indexer import indexer


@indexer(IConsultation)
def closing_date(consultation):
    """The closing day: expired consultations are found without loading them."""
    if consultation.closing_date is None:
        raise AttributeError("closing_date")
    return day_as_datetime(consultation.closing_date)


@indexer(IConsultation)
def consultation_recipients(consultation):
    """The recipient cooperatives' UIDs: a cooperative's box of received ones."""
    return list(consultation.recipients or ())
