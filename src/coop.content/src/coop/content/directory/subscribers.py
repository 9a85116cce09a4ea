"""Keep what derives from a directory entry up to date: fields, cached answers."""

from coop.content.common.cachekeys import bump
from coop.content.common.cachekeys import ENTRIES
from coop.content.vocabularies.geography import department_for_postal_code
from coop.content.vocabularies.geography import region_for_department


def derive_geography(cooperative, event=None):
    """Department and region from the postal codes, the entry's and its branches'."""
    cooperative.department = department_for_postal_code(cooperative.postal_code)
    cooperative.region = region_for_department(cooperative.department)
    establishments = getattr(cooperative, "establishments", None) or []
    if establishments:
        cooperative.establishments = [
            {**row, "department": department_for_postal_code(row.get("postal_code"))}
            for row in establishments
        ]


def default_consultation_email(cooperative, event=None):
    """Consultations go to the owner's e-mail until the entry names another one."""
    if not cooperative.__dict__.get("consultation_email"):
        owner = cooperative.getOwner()
        email = owner.getProperty("email", None) if owner is not None else None
        cooperative.consultation_email = email or None


def entries_changed(cooperative, event=None):
    """What the directory keeps of its entries (searches, facets) is computed again.

    A published entry's View permission is its workflow's own, never acquired:
    the entry's own events are all that change who finds it.
    """
    bump(ENTRIES)
