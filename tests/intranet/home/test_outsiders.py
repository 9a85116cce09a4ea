"""Nothing under /intranet reaches anonymous users, buyers, cooperatives and
prescribers: no page, no REST answer, no search result, no navigation entry."""

from urllib.parse import urlsplit

import pytest


SECRETS = ("Atelier confidentiel Zéphyr", "Rendez-vous secret Zéphyr")


def leaks(text, items):
    """What of the intranet `text` names: its addresses and secret titles."""
    intranet = next(iter(items))
    return [
        found
        for found in (intranet, urlsplit(intranet).path, *SECRETS)
        if found in text
    ]


def test_no_page_of_the_intranet(stranger, intranet_items, browse, login_challenge):
    browser = browse(stranger)
    for url in intranet_items:
        response = browser.get(url, allow_redirects=False)
        assert login_challenge(response), (url, response.status_code)
        assert not leaks(response.text.replace(url, ""), intranet_items), url


def test_no_rest_answer_of_the_intranet(stranger, intranet_items, rest):
    session = rest(stranger)
    for url, title in intranet_items.items():
        response = session.get(url)
        assert response.status_code in (401, 403), (url, response.status_code)
        assert title not in response.text, url
        assert not leaks(response.text, intranet_items), url
        response = session.get(f"{url}/@breadcrumbs")
        assert response.status_code in (401, 403), (url, response.status_code)
        assert title not in response.text, url


@pytest.mark.parametrize(
    "query",
    [
        {"path": "/plone/intranet"},
        {"path": "/plone/intranet", "portal_type": "Workshop"},
        {"SearchableText": "Zéphyr"},
        {"portal_type": "Appointment"},
    ],
)
def test_no_search_result_of_the_intranet(
    stranger, intranet_items, rest, functional_portal, query
):
    response = rest(stranger).get(
        f"{functional_portal.absolute_url()}/@search", params=query
    )
    assert response.status_code == 200
    assert response.json()["items_total"] == 0
    assert not leaks(response.text, intranet_items)


def test_no_navigation_entry_of_the_intranet(
    stranger, intranet_items, rest, browse, functional_portal
):
    url = functional_portal.absolute_url()
    session = rest(stranger)
    for path in ("", "/agenda", "/la-cooperative"):
        for endpoint in ("@navigation", "@breadcrumbs"):
            response = session.get(
                f"{url}{path}/{endpoint}", params={"expand.navigation.depth": 3}
            )
            assert response.status_code == 200, (path, endpoint)
            assert not leaks(response.text, intranet_items), (path, endpoint)
    page = browse(stranger).get(url)
    assert page.status_code == 200
    assert not leaks(page.text, intranet_items)


def test_members_of_the_intranet_do_see_it(
    intranet_items, browse, rest, functional_portal
):
    # What the strangers miss is there for the intranet's own members.
    for url in intranet_items:
        assert browse("holder").get(url).status_code == 200, url
        assert rest("trainer").get(url).status_code == 200, url
    response = rest("holder").get(
        f"{functional_portal.absolute_url()}/@search",
        params={"SearchableText": "Zéphyr"},
    )
    assert sorted(item["title"] for item in response.json()["items"]) == [
        "Atelier confidentiel Zéphyr",
        "Rendez-vous secret Zéphyr",
    ]
