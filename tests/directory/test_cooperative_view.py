"""The public page of a cooperative's entry, as visitors, buyers and owners see it."""

from io import BytesIO
from lxml import html
from PIL import Image
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import re
import transaction


NBSP = "\u00a0"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
# Everything the wizard asks, on top of the owner's draft entry's required fields.
COMPLETE = {
    "description": "Menuiserie et agencement sur mesure.\n\nPose en Haute-Savoie.",
    "goods_services": ["45", "44"],
    "competences": ["Menuiserie", "Agencement", "ébénisterie"],
    "consultation_email": "devis@menuiserie-du-lac.example",
    "phone": "04 50 12 34 56",
    "website": "https://menuiserie-du-lac.example",
    "street": "12 rue des Artisans",
    "certifications": ["Qualibat RGE", "ISO 9001"],
    "carbon_footprint": 12500,
    "carbon_footprint_year": 2023,
    "guarantees": "Garantie décennale auprès de la SMABTP.",
    "revenue": 1250000,
    "revenue_year": 2024,
    "headcount": 14,
    "head_office": {
        "street": "12 rue des Artisans",
        "postal_code": "74600",
        "city": "Seynod",
    },
    "director": {
        "name": "Julien Perrin",
        "role": "Gérant",
        "email": "gerance@menuiserie-du-lac.example",
        "phone": "06 12 34 56 78",
    },
    "commercial_contacts": [
        {
            "name": "Amélie Roux",
            "role": "Chargée d'affaires",
            "email": "a.roux@menuiserie-du-lac.example",
            "phone": "",
        }
    ],
    "establishments": [
        {
            "name": "Atelier de Chambéry",
            "street": "3 avenue de Lyon",
            "postal_code": "73000",
            "city": "Chambéry",
            "phone": "04 79 00 11 22",
        }
    ],
    "client_references": [
        {
            "client": "Commune de Seynod",
            "project": "Rénovation de l'école",
            "year": 2022,
        }
    ],
}


def png(width=300, height=120):
    data = BytesIO()
    Image.new("RGB", (width, height), (46, 125, 91)).save(data, "PNG")
    return data.getvalue()


def edit(obj, **fields):
    """Change the entry as its edit form does."""
    for name, value in fields.items():
        setattr(obj, name, value)
    notify(ObjectModifiedEvent(obj))


def owners_entry(directory, state="published", **fields):
    """The owner's entry with `fields`, taken to `state` by a moderator."""
    obj = directory.cooperative
    edit(obj, **fields)
    directory.bring_to(obj, state)
    transaction.commit()
    return obj


@pytest.fixture
def published(directory):
    return owners_entry(
        directory,
        **COMPLETE,
        logo=NamedBlobImage(data=png(), filename="logo.png"),
        plaque=NamedBlobFile(data=PDF, filename="plaque-menuiserie.pdf"),
    )


def page(browser, url):
    response = browser.get(url, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.status_code
    return response, html.fromstring(response.text)


def text_of(document, selector):
    """The nodes' text, HTML white space collapsed but not no-break spaces."""
    texts = (node.text_content() for node in document.cssselect(selector))
    return re.sub(r"[ \t\r\n]+", " ", " ".join(texts)).strip()


def test_anonymous_reads_the_entry_in_french(published, browser):
    response, document = page(browser, published.absolute_url())
    content = text_of(document, "#content")
    for expected in (
        "Scop Menuiserie du Lac",
        "Activité",
        "Forme juridique",
        "Scop SARL",
        "Secteur d'activité",
        "F – Construction",
        "732 829 320 00074",
        "Biens et services",
        "45 – Travaux de construction",
        "44 – Matériaux et structures de construction",
        "Compétences",
        "Coordonnées",
        "12 rue des Artisans",
        "74600 Seynod",
        "74 – Haute-Savoie",
        "Auvergne-Rhône-Alpes",
        "04 50 12 34 56",
        "Informations complémentaires",
        "Qualibat RGE",
        f"12{NBSP}500 kg de CO₂ par an (2023)",
        "Garantie décennale auprès de la SMABTP.",
        "Chiffre d'affaires",
        f"1{NBSP}250{NBSP}000{NBSP}€ (2024)",
        "Effectif 14",
        "Siège social et dirigeant",
        "Julien Perrin Gérant",
        "Contacts commerciaux",
        "Amélie Roux Chargée d'affaires",
        "Établissements secondaires",
        "Atelier de Chambéry",
        "73000 Chambéry",
        "73 – Savoie",
        "Références clients",
        "Commune de Seynod Rénovation de l'école 2022",
    ):
        assert expected in content, expected
    # Keywords keep the owner's spelling and each is a tag of its own.
    tags = [tag.text_content() for tag in document.cssselect("#coop-competences li")]
    assert tags == ["Menuiserie", "Agencement", "ébénisterie"]
    paragraphs = document.cssselect("#coop-activity > p")
    assert [p.text_content() for p in paragraphs] == [
        "Menuiserie et agencement sur mesure.",
        "Pose en Haute-Savoie.",
    ]
    assert 'lang="fr"' in response.text


def test_contact_links(published, browser):
    _response, document = page(browser, published.absolute_url())
    (website,) = document.cssselect("#coop-contact a[target=_blank]")
    assert website.get("href") == "https://menuiserie-du-lac.example"
    assert website.get("rel") == "noopener"
    mails = [a.get("href") for a in document.cssselect("#content a[href^=mailto]")]
    assert mails == [
        "mailto:devis@menuiserie-du-lac.example",
        "mailto:gerance@menuiserie-du-lac.example",
        "mailto:a.roux@menuiserie-du-lac.example",
    ]


def test_a_website_that_is_no_web_address_is_no_link(directory, browser):
    # Imported data may predate the website constraint of the form.
    obj = owners_entry(directory, website="javascript:alert(1)")
    response, document = page(browser, obj.absolute_url())
    assert "javascript:alert(1)" in text_of(document, "#coop-contact")
    assert not document.cssselect("#coop-contact a[target]")
    assert 'href="javascript' not in response.text


def test_brochure_download(published, browser):
    _response, document = page(browser, published.absolute_url())
    (link,) = document.cssselect("#coop-plaque a")
    assert link.get("href") == f"{published.absolute_url()}/@@download/plaque"
    assert link.text_content() == "Télécharger la plaque"
    details = text_of(document, "#coop-plaque p")
    assert details == f"plaque-menuiserie.pdf (1{NBSP}Ko)"
    download = browser.get(link.get("href"))
    assert download.status_code == 200
    assert download.content == PDF
    assert "plaque-menuiserie.pdf" in download.headers["Content-Disposition"]


def test_logo(published, browser):
    _response, document = page(browser, published.absolute_url())
    (logo,) = document.cssselect("#content img.coop-logo")
    assert "/@@images/" in logo.get("src")
    assert logo.get("alt") == "Scop Menuiserie du Lac"
    # The scale fits the header, whatever the size of the upload.
    assert int(logo.get("width")) == 200
    image = browser.get(logo.get("src"))
    assert image.status_code == 200
    assert image.headers["Content-Type"] == "image/png"
    assert Image.open(BytesIO(image.content)).size == (200, 80)


EMPTY_SECTIONS = (
    "#coop-goods-services",
    "#coop-competences",
    "#coop-complements",
    "#coop-turnover",
    "#coop-establishments",
    "#coop-references",
    "#coop-plaque",
    "#coop-head-office",
    "#coop-commercial-contacts",
    "img.coop-logo",
)


def test_empty_sections_are_hidden(directory, browser):
    obj = owners_entry(directory, goods_services=[], consultation_email=None)
    _response, document = page(browser, obj.absolute_url())
    for selector in EMPTY_SECTIONS:
        assert not document.cssselect(selector), selector
    contact = text_of(document, "#coop-contact")
    for label in ("Téléphone", "Site internet", "Courriel"):
        assert label not in contact
    assert "74600 Seynod" in contact
    assert text_of(document, "#coop-activity h2") == "Activité"


def test_the_complete_entry_shows_every_section(published, browser):
    _response, document = page(browser, published.absolute_url())
    for selector in EMPTY_SECTIONS:
        assert document.cssselect(selector), selector


MARKUP = '<script>alert("x")</script><b>gras</b>'


@pytest.mark.parametrize(
    "field,value",
    [
        ("title", MARKUP),
        ("description", MARKUP),
        ("competences", [MARKUP]),
        ("guarantees", MARKUP),
        ("certifications", [MARKUP]),
        ("client_references", [{"client": MARKUP, "project": MARKUP}]),
        ("establishments", [{"name": MARKUP, "postal_code": "73000"}]),
        ("director", {"name": MARKUP, "role": MARKUP}),
    ],
)
def test_markup_is_shown_as_text(directory, field, value, browser):
    obj = owners_entry(directory, **{field: value})
    response, document = page(browser, obj.absolute_url())
    assert "<b>gras</b>" not in response.text
    assert '<script>alert("x")' not in response.text
    assert "&lt;b&gt;gras&lt;/b&gt;" in response.text
    assert not document.cssselect("#content b")
    assert MARKUP in text_of(document, "#content")


@pytest.mark.parametrize(
    "persona,label",
    [
        ("owner", "Modifier ma fiche"),
        ("anonymous", None),
        ("buyer", None),
        ("other_cooperative", None),
        # Moderators and administrators edit the entry, not their own.
        ("moderator", "Modifier la fiche"),
        ("site_administrator", "Modifier la fiche"),
    ],
)
def test_edit_button(directory, published, persona, label, as_persona):
    browser = as_persona(persona, api=False)
    _response, document = page(browser, published.absolute_url())
    buttons = document.cssselect("#content a.coop-edit")
    if label is None:
        assert buttons == []
        assert "Modifier ma fiche" not in text_of(document, "body")
    else:
        (button,) = buttons
        assert button.text_content().strip() == label
        assert button.get("href") == f"{published.absolute_url()}/edit"


@pytest.mark.parametrize("state", ["draft", "pending"])
def test_anonymous_cannot_read_an_unpublished_entry(directory, state, browser):
    obj = owners_entry(directory, state)
    response = browser.get(
        obj.absolute_url(), headers={"Accept": "text/html"}, allow_redirects=False
    )
    assert response.status_code in (302, 401), response.status_code
    if response.status_code == 302:
        assert "login" in response.headers["Location"]
    assert "Menuiserie et agencement" not in response.text


def test_the_owner_reads_its_draft(directory, as_persona):
    obj = owners_entry(directory, "draft")
    owner = as_persona("owner", api=False)
    _response, document = page(owner, obj.absolute_url())
    assert "Menuiserie et agencement" in text_of(document, "#coop-activity")


def test_an_owners_edit_keeps_the_entry_published(
    directory, published, as_persona, browser
):
    owner = as_persona("owner", api=False)
    _response, document = page(owner, published.absolute_url())
    (button,) = document.cssselect("#content a.coop-edit")
    _response, document = page(owner, button.get("href"))
    (form,) = document.cssselect("form#form")
    # What the browser sends: the form's values, the ordered selection copied
    # by its script, the changed activity and the save button.
    data = [*form.form_values(), ("form.buttons.save", "Enregistrer")]
    data += [("form.widgets.goods_services:list", code) for code in ("45", "44")]
    data = [
        (name, "Nouvelle activité." if name == "form.widgets.description" else value)
        for name, value in data
    ]
    response = owner.post(form.get("action"), data=data, files={"": ("", b"")})
    assert response.url == published.absolute_url(), response.url
    transaction.begin()
    assert published.description == "Nouvelle activité."
    assert api.content.get_state(obj=published) == "published"
    # The rest of the entry came through the form unchanged.
    assert published.plaque.data == PDF
    assert published.goods_services == ["45", "44"]
    assert published.competences == COMPLETE["competences"]
    assert [row["client"] for row in published.client_references] == [
        "Commune de Seynod"
    ]
    assert [row["city"] for row in published.establishments] == ["Chambéry"]
    _response, document = page(browser, published.absolute_url())
    assert text_of(document, "#coop-activity p") == "Nouvelle activité."
