"""Keep what a cooperative's entry derives from other values up to date."""

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
