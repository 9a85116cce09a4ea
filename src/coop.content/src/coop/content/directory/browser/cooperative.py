"""The public page of a cooperative's entry: what buyers read to choose it."""

from coop.content.buyer_space.store import can_add_favorite
from coop.content.common.config import CONSULTATION_TYPE
from coop.content.common.config import CONSULTATIONS_ID
from coop.content.content.cooperative import IAddress
from coop.content.content.cooperative import IClientReference
from coop.content.content.cooperative import IContact
from coop.content.content.cooperative import IEstablishment
from coop.content.vocabularies import term_title
from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.schema import getFieldNames


# French typography separates thousands, and a number from its unit, with a
# space that no line break may cut.
NO_BREAK_SPACE = "\u00a0"
WEB_SCHEMES = ("http://", "https://")
LOGO_SCALE = "mini"
ADD_CONSULTATION = "coop.content: Add Consultation"


def french_number(value):
    """1250000 → "1 250 000" (no-break spaces)."""
    return f"{value:,}".replace(",", NO_BREAK_SPACE)


def french_size(size):
    """A file size as French people read it: "850 Ko", "1,4 Mo"."""
    if size < 1024 * 1024:
        return f"{french_number(max(1, round(size / 1024)))}{NO_BREAK_SPACE}Ko"
    megabytes = f"{size / (1024 * 1024):.1f}".replace(".", ",")
    return f"{megabytes}{NO_BREAK_SPACE}Mo"


def web_link(address):
    """`address` as a link target, only when it is a web address."""
    address = (address or "").strip()
    return address if address.lower().startswith(WEB_SCHEMES) else None


def _row(row, row_schema):
    """The row with every key of its schema, or None when it says nothing.

    Rows set over REST or by an import may leave keys out.
    """
    if not any(value not in (None, "") for value in (row or {}).values()):
        return None
    return {**dict.fromkeys(getFieldNames(row_schema)), **row}


def _rows(rows, row_schema):
    return list(filter(None, (_row(row, row_schema) for row in rows or ())))


class CooperativeView(BrowserView):
    """Every field of the entry in readable French; empty sections are left out."""

    def _title(self, vocabulary, value):
        # A value the vocabulary no longer knows is still worth showing.
        return term_title(vocabulary, value, self.context)

    def _department(self, code):
        return self._title("coop.content.departments", code)

    @property
    def legal_form(self):
        return self._title("coop.content.legal_forms", self.context.legal_form)

    @property
    def sector(self):
        return self._title("coop.content.naf_sections", self.context.sector)

    @property
    def department(self):
        return self._department(self.context.department)

    @property
    def region(self):
        return self._title("coop.content.regions", self.context.region)

    @property
    def goods_services(self):
        return [
            self._title("coop.content.cpv_divisions", code)
            for code in self.context.goods_services or ()
        ]

    @property
    def siret(self):
        """SIREN in groups of three, then the establishment's five digits."""
        siret = self.context.siret or ""
        if len(siret) != 14:
            return siret
        return " ".join((siret[0:3], siret[3:6], siret[6:9], siret[9:]))

    @property
    def activity(self):
        """The activity's paragraphs, as the owner separated them by line breaks."""
        lines = (self.context.description or "").splitlines()
        return [line.strip() for line in lines if line.strip()]

    @property
    def website_url(self):
        """The website as a link target, only when it is a web address."""
        return web_link(self.context.website)

    @property
    def logo(self):
        if not self.context.logo:
            return None
        images = self.context.restrictedTraverse("@@images")
        return images.scale("logo", scale=LOGO_SCALE)

    @property
    def plaque(self):
        plaque = self.context.plaque
        if not plaque:
            return None
        return {
            "url": f"{self.context.absolute_url()}/@@download/plaque",
            "filename": plaque.filename,
            "size": french_size(plaque.getSize()),
        }

    @property
    def carbon_footprint(self):
        value = self.context.carbon_footprint
        return None if value is None else french_number(value)

    @property
    def revenue(self):
        value = self.context.revenue
        return None if value is None else f"{french_number(value)}{NO_BREAK_SPACE}€"

    @property
    def headcount(self):
        value = self.context.headcount
        return None if value is None else french_number(value)

    @property
    def has_complements(self):
        context = self.context
        return bool(
            context.certifications
            or context.carbon_footprint is not None
            or (context.guarantees or "").strip()
        )

    @property
    def has_figures(self):
        return self.context.revenue is not None or self.context.headcount is not None

    @property
    def head_office(self):
        return _row(self.context.head_office, IAddress)

    @property
    def director(self):
        return _row(self.context.director, IContact)

    @property
    def commercial_contacts(self):
        return _rows(self.context.commercial_contacts, IContact)

    @property
    def establishments(self):
        return [
            {**row, "department": self._department(row["department"])}
            for row in _rows(self.context.establishments, IEstablishment)
        ]

    @property
    def client_references(self):
        return _rows(self.context.client_references, IClientReference)

    @property
    def can_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    @property
    def is_owner(self):
        """Whether the visitor is the cooperative that owns this entry."""
        if api.user.is_anonymous():
            return False
        return "Owner" in api.user.get_roles(obj=self.context)

    @property
    def can_add_favorite(self):
        return can_add_favorite(self.context)

    @property
    def edit_url(self):
        return f"{self.context.absolute_url()}/edit"

    @property
    def consultation_url(self):
        """The form of a consultation to this published cooperative, for the
        users who may send one (buyers, cooperatives) but its owner; or None."""
        if self.is_owner or api.content.get_state(self.context) != "published":
            return None
        folder = api.portal.get().get(CONSULTATIONS_ID)
        if folder is None or not api.user.has_permission(ADD_CONSULTATION, obj=folder):
            return None
        query = urlencode({"recipients": api.content.get_uuid(self.context)})
        return f"{folder.absolute_url()}/++add++{CONSULTATION_TYPE}?{query}"
