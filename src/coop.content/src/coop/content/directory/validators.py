"""Field constraints of the directory, with the French messages users see.

The same constraints run in the edit forms, in the wizard and behind the REST
API (plone.restapi validates every field it sets), so a bad value gets the
same clear message whichever way it comes in. Each message names what is
wrong; the form or the REST error names the field.
"""

from coop.content import _
from coop.content.common.config import MAX_COMPETENCE_LENGTH
from coop.content.common.config import MAX_COMPETENCES
from coop.content.common.config import MAX_DOCUMENT_MB
from coop.content.common.config import MAX_GOODS_SERVICES
from coop.content.common.config import MAX_IMAGE_MB
from coop.content.common.config import MAX_LOGO_MB
from coop.content.common.config import MAX_PLAQUE_MB
from coop.content.common.config import MB
from coop.content.common.files import KNOWN_TYPES
from coop.content.common.files import sniff_content_type
from coop.content.vocabularies.geography import is_valid_postal_code
from zope.schema import ValidationError

import re


PLAQUE_TYPES = ("application/pdf", "image/jpeg")
# A consultation's attachment, an answer's quote: PDF, office document or image.
DOCUMENT_TYPES = KNOWN_TYPES
LOGO_TYPES = ("image/png", "image/jpeg", "image/webp")
# La Poste's establishments share one SIREN and follow their own check rule.
LA_POSTE_SIREN = "356000000"


class InvalidSiret(ValidationError):
    __doc__ = _("A SIRET number has 14 digits and a valid check digit.")


class InvalidPostalCode(ValidationError):
    __doc__ = _("A French postal code has 5 digits, such as 74600.")


class TooManyGoodsServices(ValidationError):
    __doc__ = _(
        "Choose between 1 and ${max} goods and services.",
        mapping={"max": MAX_GOODS_SERVICES},
    )


class TooManyCompetences(ValidationError):
    __doc__ = _("Give at most ${max} competences.", mapping={"max": MAX_COMPETENCES})


class CompetenceTooLong(ValidationError):
    __doc__ = _(
        "Each competence has at most ${max} characters.",
        mapping={"max": MAX_COMPETENCE_LENGTH},
    )


class NegativeNumber(ValidationError):
    __doc__ = _("This number cannot be negative.")


class InvalidWebsite(ValidationError):
    __doc__ = _("A web address starts with http:// or https://.")


class MissingClient(ValidationError):
    __doc__ = _("Each client reference needs the client's name.")


class PlaqueNotPdfOrJpeg(ValidationError):
    __doc__ = _("The brochure must be a PDF or JPEG file.")


class PlaqueTooLarge(ValidationError):
    __doc__ = _(
        "The brochure must not exceed ${size} MB.", mapping={"size": MAX_PLAQUE_MB}
    )


class LogoNotAnImage(ValidationError):
    __doc__ = _("The logo must be a PNG, JPEG or WebP image.")


class LogoTooLarge(ValidationError):
    __doc__ = _("The logo must not exceed ${size} MB.", mapping={"size": MAX_LOGO_MB})


class DocumentWrongType(ValidationError):
    __doc__ = _("The file must be a PDF, an office document or an image.")


class DocumentTooLarge(ValidationError):
    __doc__ = _(
        "The file must not exceed ${size} MB.", mapping={"size": MAX_DOCUMENT_MB}
    )


class NotAnImage(ValidationError):
    __doc__ = _("The image must be a PNG, JPEG or WebP image.")


class ImageTooLarge(ValidationError):
    __doc__ = _("The image must not exceed ${size} MB.", mapping={"size": MAX_IMAGE_MB})


def luhn_valid(digits):
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def valid_siret(value):
    digits = value or ""
    if not re.fullmatch(r"\d{14}", digits):
        raise InvalidSiret(value)
    if digits.startswith(LA_POSTE_SIREN):
        if sum(map(int, digits)) % 5:
            raise InvalidSiret(value)
        return True
    if not luhn_valid(digits):
        raise InvalidSiret(value)
    return True


def valid_postal_code(value):
    if not is_valid_postal_code(value):
        raise InvalidPostalCode(value)
    return True


def valid_goods_services(value):
    if not 1 <= len(value or ()) <= MAX_GOODS_SERVICES:
        raise TooManyGoodsServices(value)
    return True


def valid_competences(value):
    if len(value or ()) > MAX_COMPETENCES:
        raise TooManyCompetences(value)
    if any(len(keyword) > MAX_COMPETENCE_LENGTH for keyword in value or ()):
        raise CompetenceTooLong(value)
    return True


def non_negative(value):
    if value is not None and value < 0:
        raise NegativeNumber(value)
    return True


def valid_website(value):
    if value and not re.match(r"https?://[^\s/]+\.[^\s]+$", value):
        raise InvalidWebsite(value)
    return True


def valid_client_references(rows):
    if any(not (row.get("client") or "").strip() for row in rows or ()):
        raise MissingClient(rows)
    return True


def _valid_upload(file, content_types, max_bytes, wrong_type, too_large):
    """A file of one of `content_types`, judged from its bytes, within `max_bytes`."""
    if file is None:
        return True
    data = file.data
    # The size first: no oversized file gets opened to learn its type.
    if len(data) > max_bytes:
        raise too_large(file.filename)
    if sniff_content_type(data) not in content_types:
        raise wrong_type(file.filename)
    return True


def valid_plaque(file):
    return _valid_upload(
        file, PLAQUE_TYPES, MAX_PLAQUE_MB * MB, PlaqueNotPdfOrJpeg, PlaqueTooLarge
    )


def valid_logo(file):
    return _valid_upload(
        file, LOGO_TYPES, MAX_LOGO_MB * MB, LogoNotAnImage, LogoTooLarge
    )


def valid_document(file):
    """A consultation's attachment or an answer's quote."""
    return _valid_upload(
        file, DOCUMENT_TYPES, MAX_DOCUMENT_MB * MB, DocumentWrongType, DocumentTooLarge
    )


def valid_image(file):
    return _valid_upload(file, LOGO_TYPES, MAX_IMAGE_MB * MB, NotAnImage, ImageTooLarge)
