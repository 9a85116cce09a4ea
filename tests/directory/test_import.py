"""Pre-registration by CSV import: accounts, draft entries, invitations, re-import."""

from coop.content.common.errors import InputError
from coop.content.directory.entries import cooperative_of
from coop.content.directory.entries import create_account
from coop.content.directory.entries import find_by_siret
from coop.content.directory.importer import import_cooperatives
from coop.content.directory.importer import localize
from coop.content.testing import plain_text
from pathlib import Path
from plone import api
from plone.testing.zope import Browser

import pytest
import re
import transaction


SAMPLE = Path(__file__).parent / "data" / "cooperatives.csv"
EMAILS = (
    "contact@menuiserie-du-lac.example",
    "bonjour@energies-leman.example",
    "accueil@imprimerie-ain.example",
)
HEADER = (
    "email;title;legal_form;siret;description;sector;goods_services;postal_code;city"
)
# Valid rows, by key: a SIRET number that passes its check digit each.
LAC = (
    "contact@menuiserie-du-lac.example;Scop Menuiserie du Lac;scop_sarl;"
    "51234567800019;Menuiserie.;F;45;74600;Seynod"
)
ABEILLE = (
    "miel@abeille.example;Scop L'Abeille;scop_sas;73282932000074;Apiculture.;A;03;"
    "73000;Chambéry"
)


def csv_file(*rows, header=HEADER):
    return "\n".join((header, *rows)).encode()


def entries():
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="Cooperative")
    ]


def test_good_rows_create_accounts_and_draft_entries(portal, groups_of):
    report = import_cooperatives(SAMPLE.read_bytes())
    assert (report.created, report.updated, report.errors) == (3, 0, [])
    for email in EMAILS:
        user = api.user.get(username=email)
        assert groups_of(user) == {"cooperatives", "buyers"}
        cooperative = cooperative_of(user.getId())
        assert api.content.get_state(cooperative) == "draft"
        assert cooperative.getOwner().getId() == user.getId()
    assert len(entries()) == 3


def test_cells_become_the_values_of_the_fields(portal):
    import_cooperatives(SAMPLE.read_bytes())
    lac = find_by_siret("51234567800019")
    assert lac.title == "Scop Menuiserie du Lac"
    assert lac.legal_form == "scop_sarl"
    assert lac.goods_services == ["45", "39"]
    assert lac.competences == ["Menuiserie", "Agencement", "Ébénisterie"]
    assert lac.consultation_email == "devis@menuiserie-du-lac.example"
    assert (lac.revenue, lac.revenue_year, lac.headcount) == (1250000, 2024, 14)
    assert (lac.department, lac.region) == ("74", "84")
    leman = find_by_siret("79876543200025")
    # a label for the legal form, a `;` inside a quoted description
    assert leman.legal_form == "scic_sas"
    assert leman.description.startswith("Production citoyenne d'énergie solaire ;")
    assert leman.consultation_email == "bonjour@energies-leman.example"
    ain = find_by_siret("82345678900010")
    # the spreadsheet dropped the leading zero of the postal code
    assert (ain.postal_code, ain.department) == ("01000", "01")


def test_the_report_is_in_french(portal):
    report = import_cooperatives(SAMPLE.read_bytes())
    assert report.summary() == [
        "Fiches créées : 3",
        "Fiches mises à jour : 0",
        "Lignes refusées : 0",
        "Invitations envoyées : 3 (seuls les comptes créés par cet import sont "
        "invités)",
    ]
    assert report.invited == list(EMAILS)


def test_comma_separated_file_without_bom(portal):
    data = csv_file(
        LAC.replace(";", ","),
        '"a@b.example","Scop A, B et C",cae,73282932000074,"Conseil.",M,'
        '"71|9",73000,Chambéry',
        header=HEADER.replace(";", ","),
    )
    report = import_cooperatives(data)
    assert (report.created, report.errors) == (2, [])
    assert find_by_siret("73282932000074").title == "Scop A, B et C"
    # a code without the leading zero a spreadsheet drops
    assert find_by_siret("73282932000074").goods_services == ["71", "09"]


BAD_ROWS = (
    LAC.replace("51234567800019", "51234567800018"),
    ABEILLE.replace(";A;", ";ZZ;"),
    "x@y.example;Scop X;scop_sa;44306184100047;Tout.;C;45|71|72|79|90;74000;Annecy",
    ";Scop Sans Courriel;scop_sa;38765432100018;Rien.;C;45;74000;Annecy",
    "script@markup.example;<script>alert(1)</script>;scop_sa;49012345600033;"
    "Texte.;C;45;74000;Annecy",
)


def test_a_bad_row_is_reported_and_the_others_are_imported(portal):
    report = import_cooperatives(csv_file(*BAD_ROWS))
    assert [str(error) for error in report.errors] == [
        "Ligne 2 : siret : Le numéro SIRET comporte 14 chiffres et une clé de "
        "contrôle valide.",
        "Ligne 3 : sector : Valeur inconnue « ZZ » : indiquez le code ou le libellé "
        "d'une valeur de la liste.",
        "Ligne 4 : goods_services : Choisissez entre 1 et 4 biens et services.",
        "Ligne 5 : email : Ce champ est obligatoire.",
    ]
    assert (report.created, report.rejected) == (1, 4)
    # markup in a title is text, stored as typed (pages escape it)
    assert find_by_siret("49012345600033").title == "<script>alert(1)</script>"
    assert [api.user.get(username=email) for email in ("x@y.example",)] == [None]


@pytest.mark.parametrize(
    "row,message",
    [
        (
            LAC + ";beaucoup",
            "Ligne 2 : 10 cellules pour 9 colonnes ; une cellule qui contient le "
            "séparateur doit être entre guillemets.",
        ),
        (
            "contact@menuiserie-du-lac.example;;;;;;;;",
            "Ligne 2 : title : Ce champ est obligatoire.",
        ),
        ("pas-une-adresse;" + LAC.partition(";")[2], "Ligne 2 : email : "),
        (LAC.replace(";F;", ";Construction;"), "Ligne 2 : sector : Valeur inconnue"),
    ],
)
def test_more_bad_rows(portal, row, message):
    report = import_cooperatives(csv_file(row))
    assert str(report.errors[0]).startswith(message)
    assert report.created == 0


def test_a_new_entry_needs_the_wizard_fields(portal):
    report = import_cooperatives(
        csv_file("seul@example.org;Scop Seule;;;;;;;", header=HEADER)
    )
    columns = [error.column for error in report.errors]
    assert columns == [
        "legal_form",
        "siret",
        "description",
        "sector",
        "goods_services",
        "postal_code",
        "city",
    ]
    assert report.rejected == 1
    assert api.user.get(username="seul@example.org") is None


def test_numbers_are_checked(portal):
    header = "email;siret;revenue;revenue_year;headcount"
    row = "contact@menuiserie-du-lac.example;51234567800019;beaucoup;1850;-3"
    report = import_cooperatives(csv_file(row, header=header))
    assert [str(error) for error in report.errors] == [
        "Ligne 2 : revenue : « beaucoup » n'est pas un nombre entier.",
        "Ligne 2 : revenue_year : La valeur doit être au moins 1900.",
        "Ligne 2 : headcount : Ce nombre ne peut pas être négatif.",
    ]


def test_the_address_of_a_staff_account_is_refused(portal, groups_of):
    api.user.create(email="moderatrice@example.org", password="un-mot-de-passe")
    report = import_cooperatives(
        csv_file(LAC.replace(EMAILS[0], "moderatrice@example.org"))
    )
    assert [str(error) for error in report.errors] == [
        "Ligne 2 : email : Cette adresse est déjà l'identifiant d'un compte qui "
        "n'est pas une coopérative."
    ]
    user = api.user.get(username="moderatrice@example.org")
    assert groups_of(user) == set()
    assert entries() == []


@pytest.mark.parametrize(
    "data,message",
    [
        (
            SAMPLE.read_text(encoding="utf-8-sig").encode("cp1252"),
            "n'est pas du texte UTF-8",
        ),
        (HEADER.encode(), "ne contient aucune coopérative"),
        (b"", "ne contient aucune coopérative"),
        (
            csv_file(LAC, header=HEADER.replace("siret", "siert")),
            "Colonnes inconnues : siert.",
        ),
        (
            csv_file("Scop;F", header="title;sector"),
            "Le fichier doit avoir une colonne email",
        ),
        (b"email;title\n\x00;x\n", "n'est pas du texte UTF-8"),
        (
            b"email;title\na@b.example;" + b"x" * 200_000,
            "n'est pas un fichier CSV lisible (ligne 2)",
        ),
    ],
)
def test_an_unusable_file_is_refused_whole(portal, data, message):
    with pytest.raises(InputError) as refused:
        import_cooperatives(data)
    assert message in localize(refused.value.message)


def test_reimport_updates_and_never_duplicates(portal):
    import_cooperatives(SAMPLE.read_bytes())
    users = len(api.user.get_users())
    second = (
        SAMPLE.read_text(encoding="utf-8-sig")
        .replace("Scop Menuiserie du Lac", "Scop Menuiserie du Lac et des Monts")
        .replace("1 250 000;2024;14", "1 400 000;2025;16")
    )
    report = import_cooperatives(second.encode())
    assert (report.created, report.updated, report.invited) == (0, 3, [])
    assert len(api.user.get_users()) == users
    assert len(entries()) == 3
    lac = find_by_siret("51234567800019")
    assert lac.title == "Scop Menuiserie du Lac et des Monts"
    assert (lac.revenue, lac.revenue_year, lac.headcount) == (1400000, 2025, 16)
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog.unrestrictedSearchResults(portal_type="Cooperative", Title="Monts")[
        0
    ].getPath() == "/".join(lac.getPhysicalPath())


def test_the_siret_number_is_the_first_key(portal):
    import_cooperatives(csv_file(LAC))
    # same SIRET, another e-mail: the same entry, and no second account
    report = import_cooperatives(
        csv_file(
            LAC.replace(EMAILS[0], "nouveau@menuiserie.example").replace(
                "Menuiserie.", "Menuiserie et charpente."
            )
        )
    )
    assert (report.created, report.updated) == (0, 1)
    assert api.user.get(username="nouveau@menuiserie.example") is None
    assert find_by_siret("51234567800019").description == "Menuiserie et charpente."
    assert len(entries()) == 1


def test_without_siret_the_account_email_is_the_key(portal):
    import_cooperatives(csv_file(LAC))
    header = "email;phone;city"
    report = import_cooperatives(
        csv_file(f"{EMAILS[0].upper()};04 50 00 00 01;", header=header)
    )
    assert (report.created, report.updated, report.errors) == (0, 1, [])
    lac = find_by_siret("51234567800019")
    # an empty cell leaves the value as it was
    assert (lac.phone, lac.city) == ("04 50 00 00 01", "Seynod")
    assert len(entries()) == 1


def test_the_same_cooperative_twice_in_one_file(portal):
    report = import_cooperatives(csv_file(LAC, LAC.replace("Seynod", "Annecy")))
    assert (report.created, report.updated) == (1, 1)
    assert find_by_siret("51234567800019").city == "Annecy"


def test_a_published_entry_stays_published(portal):
    import_cooperatives(csv_file(LAC))
    lac = find_by_siret("51234567800019")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=lac, to_state="published")
    import_cooperatives(csv_file(LAC.replace("Seynod", "Annecy")))
    assert api.content.get_state(lac) == "published"
    assert lac.city == "Annecy"


def test_an_account_without_an_entry_gets_one_and_no_invitation(portal):
    user = create_account(EMAILS[0], "un-mot-de-passe-choisi")
    report = import_cooperatives(csv_file(LAC))
    assert (report.created, report.invited) == (1, [])
    assert cooperative_of(user.getId()) == find_by_siret("51234567800019")


def test_invitations_arrive_with_a_link_to_set_the_password(
    functional_app, functional_portal, smtp_server
):
    import_cooperatives(SAMPLE.read_bytes())
    transaction.commit()
    messages = smtp_server.wait_for(3)
    assert sorted(message["To"] for message in messages) == sorted(EMAILS)
    assert (
        smtp_server.subjects()
        == ["Votre coopérative est préenregistrée sur Plone site"] * 3
    )
    invitation = next(m for m in messages if m["To"] == EMAILS[0])
    text = plain_text(invitation)
    assert "« Scop Menuiserie du Lac »" in text
    link = re.search(r"https?://\S+/passwordreset/\S+", text).group()

    browser = Browser(functional_app)
    browser.open(link)
    browser.getControl(name="userid").value = EMAILS[0]
    browser.getControl(name="password").value = "mon-nouveau-secret"
    browser.getControl(name="password2").value = "mon-nouveau-secret"
    browser.getForm(name="pwreset_action").submit()

    browser = Browser(functional_app)
    browser.open(f"{functional_portal.absolute_url()}/login")
    browser.getControl(name="__ac_name").value = EMAILS[0]
    browser.getControl(name="__ac_password").value = "mon-nouveau-secret"
    browser.getControl(name="buttons.login").click()
    assert "__ac" in browser.cookies
    browser.open(f"{functional_portal.absolute_url()}/@@personal-information")
    assert browser.getControl(name="form.widgets.email").value == EMAILS[0]
