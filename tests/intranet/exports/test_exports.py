"""A session's attendance sheet (PDF) and the lists of its registrations (CSV,
XLSX), for its staff only."""

from coop.content.agenda.registrations.store import get_store
from lxml import html
from openpyxl import load_workbook
from pypdf import PdfReader

import csv
import io
import pytest
import transaction


STAFF = ("trainer", "other_coach", "site_administrator")
OTHERS = ("anonymous", "buyer", "cooperative", "holder", "other_holder")
VIEWS = ("attendance-sheet.pdf", "registrations.csv", "registrations.xlsx")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The columns of the lists of registrations.
COLUMNS = ["Nom", "Prénom", "Adresse de courrier électronique", "Statut", "Inscrit le"]


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return reader, [page.extract_text() for page in reader.pages]


def one_line(text):
    return " ".join(text.split())


def download(browser, workshop, view, content_type, disposition):
    """The file of `view`: its type, how it is sent and its name are said."""
    response = browser.get(f"{workshop.absolute_url()}/@@{view}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type
    assert response.headers["Content-Disposition"] == disposition
    assert "no-store" in response.headers["Cache-Control"]
    return response.content


# --- The attendance sheet ----------------------------------------------------------


def test_the_sheet_lists_who_holds_a_seat_by_name(
    registered, intranet_browser, functional_portal, tokens
):
    data = download(
        intranet_browser("trainer"),
        registered,
        "attendance-sheet.pdf",
        "application/pdf",
        'inline; filename="emargement-atelier-emargement.pdf"',
    )
    reader, (text,) = pdf_text(data)
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (595, 842)
    flat = one_line(text)
    assert functional_portal.Title() in flat
    assert "Feuille d'émargement" in flat
    # Markup in a title or a name is its text, never a style.
    assert "<b>Tableau</b> & bilan" in flat
    assert "Thème : Gestion" in flat
    assert "Lieu : Salle Mont-Blanc, 12 avenue de Genève, Annecy" in flat
    assert "Animé par : Nadia Benali" in flat
    assert "de 9 h 30 à 12 h 30" in flat
    assert "N° Nom Signature" in flat
    names = [
        "Abadie Zoé",
        "Durand <i>Léa</i>",
        "Élie Hugo",
        'Formule =HYPERLINK("http://pirate.example")',
    ]
    positions = [flat.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Attente" not in flat
    assert "Annulé" not in flat
    assert "Page 1 sur 1" in flat
    assert not any(token in flat for token in tokens)


def test_a_long_sheet_numbers_its_pages_and_repeats_its_header(
    make_workshop, intranet_browser
):
    workshop = make_workshop("grand-atelier", capacity=100)
    store = get_store(workshop, create=True)
    for number in range(40):
        store.add(
            {
                "userid": f"p{number}",
                "first_name": "Porteur",
                "last_name": f"N{number:02d}",
                "email": f"p{number}@porteurs.example",
            }
        )
    transaction.commit()
    response = intranet_browser("trainer").get(
        f"{workshop.absolute_url()}/@@attendance-sheet.pdf"
    )
    _reader, pages = pdf_text(response.content)
    assert len(pages) > 1
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} sur {total}" in text
        assert "Signature" in text
    assert all(f"N{n:02d} Porteur" in one_line(" ".join(pages)) for n in range(40))


def test_a_session_nobody_registered_to_says_so(make_workshop, intranet_browser):
    workshop = make_workshop("vide")
    response = intranet_browser("trainer").get(
        f"{workshop.absolute_url()}/@@attendance-sheet.pdf"
    )
    _reader, (text,) = pdf_text(response.content)
    assert "Personne n'est inscrit à cette session." in one_line(text)


@pytest.mark.parametrize("accept", ["application/json", "application/pdf"])
def test_rest_clients_get_the_sheet(registered, intranet_session, accept):
    response = intranet_session("other_coach").get(
        f"{registered.absolute_url()}/@attendance-sheet", headers={"Accept": accept}
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    _reader, (text,) = pdf_text(response.content)
    assert "Abadie Zoé" in one_line(text)


@pytest.mark.parametrize("method", ["post", "patch", "delete"])
def test_the_sheet_is_only_read(registered, intranet_session, method):
    response = getattr(intranet_session("trainer"), method)(
        f"{registered.absolute_url()}/@attendance-sheet", json={}
    )
    assert response.status_code in (404, 405)


# --- The lists ---------------------------------------------------------------------


def test_the_csv_lists_every_registration_safe_for_spreadsheets(
    registered, intranet_browser, tokens
):
    data = download(
        intranet_browser("trainer"),
        registered,
        "registrations.csv",
        "text/csv; charset=utf-8",
        'attachment; filename="inscriptions-atelier-emargement.csv"',
    )
    text = data.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert header == COLUMNS
    assert [(row[0], row[1], row[2], row[3]) for row in rows] == [
        ("Abadie", "Zoé", "porteur-0@porteurs.example", "Présent"),
        ("Élie", "Hugo", "porteur-1@porteurs.example", "Absent"),
        ("Durand", "<i>Léa</i>", "porteur-2@porteurs.example", "Excusé"),
        (
            "Formule",
            '\'=HYPERLINK("http://pirate.example")',
            "porteur-3@porteurs.example",
            "Inscrit",
        ),
        ("Annulé", "Marc", "porteur-4@porteurs.example", "Annulé"),
        ("Attente", "Jean", "porteur-5@porteurs.example", "Liste d'attente"),
    ]
    assert all(row[4] for row in rows)
    assert not any(token in text for token in tokens)


def test_the_xlsx_lists_every_registration_as_text(
    registered, intranet_browser, tokens
):
    data = download(
        intranet_browser("site_administrator"),
        registered,
        "registrations.xlsx",
        XLSX,
        'attachment; filename="inscriptions-atelier-emargement.xlsx"',
    )
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    assert sheet.title == "Inscriptions"
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert header == COLUMNS
    assert sheet["A1"].font.bold
    assert [row[:4] for row in rows][3] == [
        "Formule",
        '\'=HYPERLINK("http://pirate.example")',
        "porteur-3@porteurs.example",
        "Inscrit",
    ]
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row)
    assert [row[3] for row in rows] == [
        "Présent",
        "Absent",
        "Excusé",
        "Inscrit",
        "Annulé",
        "Liste d'attente",
    ]
    values = " ".join(str(value) for row in rows for value in row)
    assert not any(token in values for token in tokens)


# --- Who gets them -----------------------------------------------------------------


@pytest.mark.parametrize("persona", STAFF)
def test_the_staff_see_the_links_and_get_the_files(
    registered, intranet_browser, persona
):
    browser = intranet_browser(persona)
    page = html.fromstring(browser.get(registered.absolute_url()).text)
    links = page.xpath("//nav[contains(@class, 'coop-workshop-exports')]//a")
    assert [" ".join(link.text_content().split()) for link in links] == [
        "Feuille d'émargement (PDF)",
        "Inscriptions (CSV)",
        "Inscriptions (Excel)",
    ]
    for link in links:
        response = browser.get(link.get("href"))
        assert response.status_code == 200, link.get("href")


@pytest.mark.parametrize("persona", OTHERS)
def test_others_get_none_of_them(
    registered, intranet_browser, intranet_session, persona
):
    browser = intranet_browser(persona)
    if persona in ("holder", "other_holder"):
        page = browser.get(registered.absolute_url())
        assert "coop-workshop-exports" not in page.text
    for view in VIEWS:
        response = browser.get(f"{registered.absolute_url()}/@@{view}")
        visited = [step.url for step in response.history]
        assert response.status_code in (401, 403) or any(
            "/require_login?" in url for url in visited
        ), view
        assert "Abadie" not in response.text
        assert not response.content.startswith(b"%PDF")
    response = intranet_session(persona).get(
        f"{registered.absolute_url()}/@attendance-sheet"
    )
    assert response.status_code in (401, 403)
    assert not response.content.startswith(b"%PDF")
