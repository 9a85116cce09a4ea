"""The buyer space's pages: espace-acheteur, favourites, saved searches."""

from lxml import html
from plone import api
from urllib.parse import parse_qs
from urllib.parse import urlsplit

import pytest
import re
import transaction


SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def buyer(browse):
    return browse("buyer")


@pytest.fixture
def entry_url(directory):
    return directory.cooperative.absolute_url()


@pytest.fixture
def portal_url(functional_portal):
    return functional_portal.absolute_url()


def text(node):
    return re.sub(r"\s+", " ", node.text_content()).strip()


@pytest.fixture
def token(html_page):
    """The CSRF token of the user, as the page at `url` gives it to its scripts."""

    def token(session, url):
        return html_page(session, url).cssselect("#protect-script")[0].get("data-token")

    return token


@pytest.fixture
def post(token):
    """Post `data` with the token of `token_from`'s forms; the page it leads to."""

    def post(session, url, data, token_from=None):
        if token_from:
            data = {**data, "_authenticator": token(session, token_from)}
        response = session.post(url, data=data, headers={"Accept": "text/html"})
        return response, html.fromstring(response.text)

    return post


def messages(document):
    return [text(node) for node in document.cssselect("div.statusmessage")]


def favorites(portal):
    transaction.begin()
    from coop.content.buyer_space.store import FAVORITES_KEY
    from zope.annotation.interfaces import IAnnotations

    return {
        user: dict(entries)
        for user, entries in IAnnotations(portal).get(FAVORITES_KEY, {}).items()
    }


@pytest.fixture
def add(post):
    def add(session, entry_url, comment="Sérieux"):
        return post(
            session,
            f"{entry_url}/@@add-favorite",
            {"comment": comment},
            token_from=f"{entry_url}/@@add-favorite",
        )

    return add


# --- espace-acheteur --------------------------------------------------------


def test_buyer_space_for_visitors(browse, portal_url, html_page):
    document = html_page(browse("anonymous"), f"{portal_url}/espace-acheteur")
    assert text(document.cssselect("h1")[0]) == "Espace acheteur"
    register = document.cssselect("a.coop-register")[0]
    assert text(register) == "Inscrivez-vous ici"
    assert register.get("href") == f"{portal_url}/@@register"


def test_buyer_space_for_buyers(buyer, portal_url, html_page):
    document = html_page(buyer, f"{portal_url}/espace-acheteur")
    links = [
        (a.get("href"), text(a)) for a in document.cssselect(".coop-buyer-links a")
    ]
    assert links == [
        (f"{portal_url}/annuaire", "Chercher dans l'annuaire des coopératives"),
        (f"{portal_url}/@@mes-favoris", "Mes coopératives favorites"),
        (f"{portal_url}/@@mes-recherches", "Mes recherches favorites"),
        (f"{portal_url}/@@mes-consultations", "Suivre mes consultations"),
        (f"{portal_url}/@@change-password", "Changer mon mot de passe"),
        (f"{portal_url}/@@personal-information", "Mes informations personnelles"),
    ]


# --- Favourites -------------------------------------------------------------


def test_add_button_on_the_entry(browse, buyer, entry_url, html_page, add):
    assert not html_page(browse("anonymous"), entry_url).cssselect(".coop-add-favorite")
    (button,) = html_page(buyer, entry_url).cssselect(".coop-add-favorite")
    assert button.get("href") == f"{entry_url}/@@add-favorite"
    assert text(button) == "Ajouter à mes favoris"
    add(buyer, entry_url)
    assert not html_page(buyer, entry_url).cssselect(".coop-add-favorite")


def test_add_list_edit_delete(
    buyer, entry_url, portal_url, directory, html_page, post, add
):
    response, document = add(buyer, entry_url, "Sérieux, bon rapport qualité/prix")
    assert response.url == entry_url
    assert messages(document)[-1].endswith(
        "Scop Menuiserie du Lac est ajoutée à vos coopératives favorites."
    )

    page = f"{portal_url}/@@mes-favoris"
    document = html_page(buyer, page)
    assert text(document.cssselect("h1")[0]) == "Mes coopératives favorites"
    (row,) = document.cssselect("tr.coop-favorite")
    assert text(row.cssselect(".coop-favorite-title")[0]) == "Scop Menuiserie du Lac"
    assert text(row.cssselect(".coop-favorite-comment")[0]) == (
        "Sérieux, bon rapport qualité/prix"
    )
    assert re.search(r"\b\d{2}/\d{2}/\d{4}\b", text(row))
    assert row.cssselect("a.btn")[0].get("href") == entry_url

    uid = api.content.get_uuid(directory.cooperative)
    response, document = post(
        buyer, page, {"uid": uid, "comment": "Réactif", "save": "1"}, token_from=page
    )
    assert response.url == page
    assert messages(document)[-1].endswith("Votre commentaire est enregistré.")
    assert text(document.cssselect(".coop-favorite-comment")[0]) == "Réactif"

    response, document = post(buyer, page, {"uid": uid, "delete": "1"}, token_from=page)
    assert messages(document)[-1].endswith("La coopérative est retirée de vos favoris.")
    assert not document.cssselect("tr.coop-favorite")
    assert text(document.cssselect(".coop-no-favorites")[0]).startswith(
        "Vous n'avez pas encore de coopérative favorite."
    )


def test_select_favorites_for_a_consultation(
    buyer, entry_url, portal_url, directory, html_page, add
):
    add(buyer, entry_url)
    document = html_page(buyer, f"{portal_url}/@@mes-favoris")
    (form,) = document.cssselect("form#coop-consultation-form")
    assert form.get("method") == "get"
    assert form.get("action") == f"{portal_url}/consultations/++add++Consultation"
    (checkbox,) = document.cssselect("input[form=coop-consultation-form]")
    assert checkbox.get("name") == "recipients"
    assert checkbox.get("value") == api.content.get_uuid(directory.cooperative)
    (button,) = document.cssselect("button[form=coop-consultation-form]")
    assert text(button) == "Envoyer une consultation"


def test_back_to_the_search_results(buyer, entry_url, portal_url, html_page, post):
    results = f"{portal_url}/annuaire?sector=F&department=74"
    response = buyer.get(
        f"{entry_url}/@@add-favorite",
        headers={"Accept": "text/html", "Referer": results},
    )
    document = html.fromstring(response.text)
    assert document.cssselect("input[name=came_from]")[0].get("value") == results
    response, document = post(
        buyer,
        f"{entry_url}/@@add-favorite",
        {"comment": "", "came_from": results},
        token_from=entry_url,
    )
    assert response.url == results
    document = html_page(buyer, f"{entry_url}/@@add-favorite")
    assert text(document.cssselect(".coop-already-favorite span")[0]) == (
        "Cette coopérative est déjà parmi vos favoris."
    )


@pytest.mark.parametrize(
    "came_from", ["https://ailleurs.example/", "javascript:alert(1)", "//ailleurs"]
)
def test_never_sent_elsewhere(buyer, entry_url, came_from, post):
    response, document = post(
        buyer,
        f"{entry_url}/@@add-favorite",
        {"comment": "", "came_from": came_from},
        token_from=entry_url,
    )
    assert response.url == entry_url


def test_only_cooperatives_have_the_add_favorite_page(buyer, portal_url):
    for url in (f"{portal_url}/annuaire", portal_url):
        response = buyer.get(f"{url}/@@add-favorite")
        assert response.status_code == 404, url


def test_markup_in_a_comment_is_shown_as_text(buyer, entry_url, portal_url, add):
    add(buyer, entry_url, SCRIPT)
    response = buyer.get(f"{portal_url}/@@mes-favoris")
    assert SCRIPT not in response.text
    assert "&lt;script&gt;" in response.text
    document = html.fromstring(response.text)
    assert text(document.cssselect(".coop-favorite-comment")[0]) == SCRIPT


def test_an_oversized_comment_is_refused_in_french(
    buyer, entry_url, functional_portal, add
):
    response, document = add(buyer, entry_url, "x" * 1001)
    assert response.url == f"{entry_url}/@@add-favorite"
    assert text(document.cssselect(".invalid-feedback")[0]) == (
        "Le champ « commentaire » compte au plus 1000 caractères."
    )
    assert favorites(functional_portal) == {}


def test_no_favorite_without_the_csrf_token(buyer, entry_url, functional_portal):
    response = buyer.post(f"{entry_url}/@@add-favorite", data={"comment": "x"})
    assert response.status_code == 403
    assert favorites(functional_portal) == {}


def test_no_unpublished_favorite(browse, directory, functional_portal, add):
    # The other cooperative sees its own draft, and may not keep it.
    session = browse("other_cooperative")
    response, document = add(session, directory.other_entry.absolute_url())
    assert text(document.cssselect(".invalid-feedback")[0]) == (
        "Cette coopérative n'existe pas ou n'est pas publiée dans l'annuaire."
    )
    assert favorites(functional_portal) == {}


def test_no_add_favorite_page_on_a_draft(buyer, directory, functional_portal):
    # The page would show the title of an entry the buyer may not see.
    draft = directory.other_entry
    response = buyer.get(
        f"{draft.absolute_url()}/@@add-favorite", headers={"Accept": "text/html"}
    )
    assert response.status_code == 404
    assert draft.title not in response.text
    assert favorites(functional_portal) == {}


def test_anonymous_is_asked_to_log_in(browse, entry_url, portal_url, html_page):
    anonymous = browse("anonymous")
    for url in (
        f"{entry_url}/@@add-favorite",
        f"{portal_url}/@@mes-favoris",
        f"{portal_url}/@@mes-recherches",
    ):
        response = anonymous.get(url, headers={"Accept": "text/html"})
        assert urlsplit(response.url).path == "/plone/login", url
        assert (
            text(html_page(anonymous, response.url).cssselect("h1")[0])
            == "Se connecter"
        )
    response = anonymous.post(
        f"{portal_url}/@@save-search",
        data={"name": "x", "query": ""},
        headers={"Accept": "text/html"},
    )
    assert urlsplit(response.url).path == "/plone/login"


@pytest.mark.parametrize("persona", ["other_cooperative", "moderator"])
def test_each_member_has_its_own_favorites(
    browse, buyer, entry_url, portal_url, directory, persona, html_page, post, add
):
    add(buyer, entry_url, "Le mien")
    session = browse(persona)
    page = f"{portal_url}/@@mes-favoris"
    assert not html_page(session, page).cssselect("tr.coop-favorite")
    uid = api.content.get_uuid(directory.cooperative)
    response, document = post(
        session, page, {"uid": uid, "delete": "1"}, token_from=page
    )
    assert messages(document)[-1].endswith(
        "Cette coopérative n'est pas parmi vos favoris."
    )
    # Its own favourites work the same.
    add(session, entry_url, "Le sien")
    comments = [
        text(n) for n in html_page(session, page).cssselect(".coop-favorite-comment")
    ]
    assert comments == ["Le sien"]
    comments = [
        text(n) for n in html_page(buyer, page).cssselect(".coop-favorite-comment")
    ]
    assert comments == ["Le mien"]


def test_a_favorite_no_longer_published(
    buyer, entry_url, portal_url, directory, html_page, add
):
    add(buyer, entry_url)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=directory.cooperative, transition="suspend")
    transaction.commit()
    document = html_page(buyer, f"{portal_url}/@@mes-favoris")
    (row,) = document.cssselect("tr.coop-favorite")
    assert text(row.cssselect(".coop-favorite-unavailable")[0]) == (
        "La fiche de cette coopérative n'est plus publiée."
    )
    assert not row.cssselect("input[name=recipients]")


# --- Saved searches ---------------------------------------------------------


@pytest.fixture
def save(post):
    def save(session, portal_url, name, query):
        return post(
            session,
            f"{portal_url}/@@save-search",
            {"name": name, "query": query},
            token_from=f"{portal_url}/@@mes-recherches",
        )

    return save


def test_save_rerun_delete(buyer, portal_url, post, save):
    query = "SearchableText=bois&department=74&sector=F&sector=C&b_start=20"
    response, document = save(buyer, portal_url, "Menuiseries 74", query)
    page = f"{portal_url}/@@mes-recherches"
    assert response.url == page
    assert messages(document)[-1].endswith(
        "La recherche « Menuiseries 74 » est enregistrée."
    )
    assert text(document.cssselect("h1")[0]) == "Mes recherches favorites"
    (row,) = document.cssselect("tr.coop-saved-search")
    assert text(row.cssselect(".coop-saved-search-name")[0]) == "Menuiseries 74"
    criteria = [text(li) for li in row.cssselect(".coop-saved-search-criteria li")]
    assert criteria == [
        "Texte recherché : bois",
        "Département : 74 – Haute-Savoie",
        "Secteur d'activité : F – Construction, C – Industrie manufacturière",
    ]
    rerun = urlsplit(row.cssselect("a.coop-rerun")[0].get("href"))
    assert f"{rerun.scheme}://{rerun.netloc}{rerun.path}" == f"{portal_url}/annuaire"
    # Batching is no criterion: the search runs again from its first page.
    assert parse_qs(rerun.query) == {
        "SearchableText": ["bois"],
        "department": ["74"],
        "sector": ["F", "C"],
    }

    search_id = row.cssselect("input[name=id]")[0].get("value")
    response, document = post(
        buyer, page, {"id": search_id, "delete": "1"}, token_from=page
    )
    assert messages(document)[-1].endswith("La recherche enregistrée est supprimée.")
    assert not document.cssselect("tr.coop-saved-search")


def test_unknown_parameters_are_dropped(buyer, portal_url, save):
    query = "portal_type=Document&path=/plone/intranet&sort_on=effective"
    response, document = save(buyer, portal_url, "Récentes", query)
    (row,) = document.cssselect("tr.coop-saved-search")
    rerun = urlsplit(row.cssselect("a.coop-rerun")[0].get("href"))
    assert parse_qs(rerun.query) == {"sort_on": ["effective"]}


def test_a_search_needs_a_name(buyer, portal_url, html_page, save):
    response, document = save(buyer, portal_url, "  ", "department=74")
    assert response.url == f"{portal_url}/annuaire?department=74"
    assert messages(document)[-1].endswith("Le champ « nom » est obligatoire.")
    assert not html_page(buyer, f"{portal_url}/@@mes-recherches").cssselect(
        "tr.coop-saved-search"
    )


def test_an_oversized_name_is_refused(buyer, portal_url, html_page, save):
    response, document = save(buyer, portal_url, "n" * 101, "department=74")
    assert messages(document)[-1].endswith(
        "Le champ « nom » compte au plus 100 caractères."
    )
    assert not html_page(buyer, f"{portal_url}/@@mes-recherches").cssselect(
        "tr.coop-saved-search"
    )


def test_markup_in_a_name_is_shown_as_text(buyer, portal_url, save):
    response, document = save(buyer, portal_url, SCRIPT, "")
    assert SCRIPT not in response.text
    assert text(document.cssselect(".coop-saved-search-name")[0]) == SCRIPT


def test_no_saved_search_without_the_csrf_token(buyer, portal_url, html_page):
    response = buyer.post(
        f"{portal_url}/@@save-search", data={"name": "x", "query": ""}
    )
    assert response.status_code == 403
    assert not html_page(buyer, f"{portal_url}/@@mes-recherches").cssselect(
        "tr.coop-saved-search"
    )


def test_each_member_has_its_own_searches(
    browse, buyer, portal_url, html_page, post, save
):
    save(buyer, portal_url, "La mienne", "sector=F")
    page = f"{portal_url}/@@mes-recherches"
    search_id = html_page(buyer, page).cssselect("input[name=id]")[0].get("value")
    other = browse("other_cooperative")
    assert not html_page(other, page).cssselect("tr.coop-saved-search")
    response, document = post(
        other, page, {"id": search_id, "delete": "1"}, token_from=page
    )
    assert messages(document)[-1].endswith("Cette recherche enregistrée n'existe pas.")
    assert len(html_page(buyer, page).cssselect("tr.coop-saved-search")) == 1
