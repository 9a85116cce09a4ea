"""@@workshop-themes: coaches add themes and rename them; codes stay."""

from coop.content.vocabularies.intranet import workshop_themes
from lxml import html
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest
import transaction


STAFF = ("trainer", "other_coach", "site_administrator")
THEMES = {
    "gestion": "Gestion",
    "commercial": "Commercial",
    "juridique": "Juridique",
    "numerique": "Numérique",
    "production": "Production",
}


@pytest.fixture
def themes_url(functional_portal):
    return (
        f"{functional_portal['intranet']['ateliers'].absolute_url()}/@@workshop-themes"
    )


@pytest.fixture
def save(themes_url, authenticator):
    """Post the themes form as `browser`: the names shown, changed by
    `names`, and the new theme `code`, `name`."""

    def post(browser, code="", name="", **names):
        page = browser.get(themes_url)
        assert page.status_code == 200, page.status_code
        form = html.fromstring(page.text).xpath("//form[@class='coop-themes-form']")[0]
        data = dict(form.form_values())
        data.update({f"name-{key}": value for key, value in names.items()})
        data.update(code=code, name=name, _authenticator=authenticator(page))
        return browser.post(themes_url, data=data)

    return post


def stored():
    transaction.begin()
    return workshop_themes()


@pytest.mark.parametrize("persona", STAFF)
def test_staff_add_and_rename_themes(persona, intranet_browser, save):
    browser = intranet_browser(persona)
    renamed = {"gestion": "Gestion et finances"}
    response = save(browser, code="vente-en-ligne", name="Vente en ligne", **renamed)
    assert response.status_code == 200, response.text
    assert "Thèmes enregistrés." in response.text
    assert stored() == {
        **THEMES,
        "gestion": "Gestion et finances",
        "vente-en-ligne": "Vente en ligne",
    }
    page = html.fromstring(response.text)
    assert page.xpath("//input[@name='name-vente-en-ligne']/@value") == [
        "Vente en ligne"
    ]


def test_a_new_theme_is_offered_to_workshops(intranet_browser, save, functional_portal):
    save(intranet_browser("trainer"), code="export", name="Export")
    transaction.begin()
    factory = getUtility(IVocabularyFactory, "coop.content.workshop_themes")
    assert "Export" in [term.title for term in factory(functional_portal)]


@pytest.mark.parametrize(
    "code",
    [
        "Gestion",
        "numérique",
        "deux mots",
        "-tiret",
        "x" * 41,
        "<script>",
        "a;b",
    ],
)
def test_bad_codes_are_refused_in_french(code, intranet_browser, save):
    response = save(intranet_browser("trainer"), code=code, name="Un thème")
    assert response.status_code == 400
    assert "Le champ « Code » compte au plus 40 lettres minuscules" in response.text
    assert "<script>" not in response.text.split('id="content-core"')[1]
    assert stored() == THEMES


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"code": "gestion", "name": "Autre gestion"}, "un thème a déjà ce code"),
        ({"code": "export", "name": ""}, "« Nom » d'un thème est obligatoire"),
        ({"code": "", "name": "Export"}, "« Code » compte au plus"),
        ({"code": "export", "name": "<b>Export</b>"}, "ne peut pas contenir"),
        ({"code": "export", "name": "x" * 101}, "compte au plus 100 caractères"),
        ({"gestion": ""}, "« Nom » d'un thème est obligatoire"),
        ({"gestion": "<script>alert(1)</script>"}, "ne peut pas contenir"),
        ({"gestion": "Gestion\nfinances"}, "ne peut pas contenir"),
        ({"gestion": "y" * 101}, "compte au plus 100 caractères"),
    ],
)
def test_bad_names_change_nothing(fields, message, intranet_browser, save):
    response = save(intranet_browser("trainer"), **fields)
    assert response.status_code == 400
    assert message in response.text
    assert "<script>alert(1)</script>" not in response.text
    assert stored() == THEMES


def test_the_form_needs_the_csrf_token(themes_url, intranet_browser):
    response = intranet_browser("trainer").post(
        themes_url, data={"code": "export", "name": "Export"}
    )
    assert response.status_code == 403
    assert stored() == THEMES


@pytest.mark.parametrize(
    "persona", ["anonymous", "buyer", "cooperative", "holder", "other_holder"]
)
def test_others_may_not_see_nor_change_the_themes(
    persona, themes_url, intranet_browser
):
    browser = intranet_browser(persona)
    response = browser.get(themes_url)
    steps = [response.url, *(step.url for step in response.history)]
    assert response.status_code in (401, 403) or any(
        page in url
        for url in steps
        for page in ("require_login", "insufficient-privileges")
    )
    assert "coop-themes-form" not in response.text
    browser.post(themes_url, data={"code": "export", "name": "Export"})
    assert stored() == THEMES


def test_the_themes_page_is_the_workshops_folders_only(
    functional_portal, intranet_browser
):
    """Coaches are Editors of /agenda too: the page is not there."""
    response = intranet_browser("trainer").get(
        f"{functional_portal['agenda'].absolute_url()}/@@workshop-themes"
    )
    assert response.status_code == 404
