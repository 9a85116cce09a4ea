"""The constraints of a cooperative's entry, as pure functions."""

from coop.content.common.files import sniff_content_type
from coop.content.directory import validators
from coop.content.directory.keywords import normalize_keyword
from coop.content.directory.keywords import normalized_keywords
from coop.content.directory.keywords import split_keywords
from plone.namedfile.file import NamedBlobFile

import io
import pytest
import tracemalloc
import zipfile


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 "
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'
HTML = b"<html><body><script>alert(1)</script></body></html>"


@pytest.mark.parametrize(
    "siret",
    ["73282932000074", "35600000000001", "44306184100047"],
)
def test_valid_siret(siret):
    assert validators.valid_siret(siret)


@pytest.mark.parametrize(
    "siret",
    [
        "73282932000075",
        "7328293200007",
        "732829320000745",
        "7328293200007A",
        "",
        None,
        "732 829 320 00074",
        "35600000000049",
    ],
)
def test_invalid_siret(siret):
    with pytest.raises(validators.InvalidSiret):
        validators.valid_siret(siret)


@pytest.mark.parametrize("code", ["74600", "20090", "97400", "75001"])
def test_valid_postal_code(code):
    assert validators.valid_postal_code(code)


@pytest.mark.parametrize(
    "code", ["7460", "ABCDE", "00100", "97500", "", None, "746000"]
)
def test_invalid_postal_code(code):
    with pytest.raises(validators.InvalidPostalCode):
        validators.valid_postal_code(code)


@pytest.mark.parametrize("count", [1, 2, 4])
def test_goods_services_count_ok(count):
    assert validators.valid_goods_services(["45"] * count)


@pytest.mark.parametrize("value", [[], ["45", "72", "90", "79", "71"]])
def test_goods_services_count_wrong(value):
    with pytest.raises(validators.TooManyGoodsServices):
        validators.valid_goods_services(value)


def test_competences_limits():
    assert validators.valid_competences(["menuiserie"] * 10)
    with pytest.raises(validators.TooManyCompetences):
        validators.valid_competences(["menuiserie"] * 11)
    assert validators.valid_competences(["x" * 40])
    with pytest.raises(validators.CompetenceTooLong):
        validators.valid_competences(["x" * 41])


@pytest.mark.parametrize("number", [-1, -1000])
def test_negative_numbers_are_refused(number):
    with pytest.raises(validators.NegativeNumber):
        validators.non_negative(number)


@pytest.mark.parametrize("number", [0, 12, None])
def test_non_negative_numbers_pass(number):
    assert validators.non_negative(number)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "www.example.org", "http://", "ftp://example.org"]
)
def test_websites_need_http(url):
    with pytest.raises(validators.InvalidWebsite):
        validators.valid_website(url)


def test_website_ok():
    assert validators.valid_website("https://www.scop-exemple.coop/accueil")


def test_client_reference_needs_a_client():
    assert validators.valid_client_references([{"client": "Ville d'Annecy"}])
    with pytest.raises(validators.MissingClient):
        validators.valid_client_references([{"client": " ", "project": "École"}])


@pytest.mark.parametrize(
    "data,content_type",
    [
        (PDF, "application/pdf"),
        (JPEG, "image/jpeg"),
        (PNG, "image/png"),
        (WEBP, "image/webp"),
        (SVG, None),
        (HTML, None),
        (b"", None),
    ],
)
def test_sniff_content_type(data, content_type):
    assert sniff_content_type(data) == content_type


def zipped(**entries):
    """A small ZIP archive of deflated `entries`, named by their keyword."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_sniff_opendocument():
    data = zipped(mimetype="application/vnd.oasis.opendocument.text")
    assert sniff_content_type(data) == "application/vnd.oasis.opendocument.text"


def test_sniff_zip_bomb_reads_a_few_bytes():
    # A few hundred kilobytes whose "mimetype" entry inflates to 200 MB.
    bomb = zipped(mimetype=b"application/vnd.oasis.opendocument.text" * 5_000_000)
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    try:
        assert sniff_content_type(bomb) is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024


def named(data, filename):
    return NamedBlobFile(data=data, filename=filename)


@pytest.mark.parametrize("data", [PDF, JPEG])
def test_plaque_pdf_or_jpeg(data):
    assert validators.valid_plaque(named(data, "plaque.pdf"))


@pytest.mark.parametrize("data", [SVG, HTML, PNG])
def test_plaque_disguised_as_pdf_is_refused(data):
    with pytest.raises(validators.PlaqueNotPdfOrJpeg):
        validators.valid_plaque(named(data, "plaque.pdf"))


def test_plaque_size_limit():
    with pytest.raises(validators.PlaqueTooLarge):
        validators.valid_plaque(named(PDF + b"0" * (10 * 1024 * 1024), "gros.pdf"))


def test_oversized_file_is_refused_before_its_type_is_judged():
    with pytest.raises(validators.DocumentTooLarge):
        validators.valid_document(named(HTML + b"0" * (10 * 1024 * 1024), "x.pdf"))


@pytest.mark.parametrize("data", [PNG, JPEG, WEBP])
def test_logo_images(data):
    assert validators.valid_logo(named(data, "logo"))


@pytest.mark.parametrize("data", [SVG, PDF, HTML])
def test_logo_must_be_an_image(data):
    with pytest.raises(validators.LogoNotAnImage):
        validators.valid_logo(named(data, "logo.png"))


def test_logo_size_limit():
    with pytest.raises(validators.LogoTooLarge):
        validators.valid_logo(named(PNG + b"0" * (2 * 1024 * 1024), "logo.png"))


def test_split_keywords():
    assert split_keywords(" Menuiserie ; ébénisterie;;\nPose ") == [
        "Menuiserie",
        "ébénisterie",
        "Pose",
    ]


def test_normalized_keywords_fold_case_accents_and_duplicates():
    assert normalize_keyword("  Bâtiment   Durable ") == "batiment durable"
    assert normalized_keywords(["Bâtiment", "batiment", "BATIMENT", "Éco"]) == [
        "batiment",
        "eco",
    ]
