"""@@mon-agenda: a member's page to download their calendar or subscribe to it."""

from coop.content.intranet.calendar.tokens import calendar_token
from lxml import html

import pytest
import transaction


MEMBERS = ("holder", "other_holder", "trainer", "other_coach", "site_administrator")


@pytest.fixture
def page(portal_url):
    return f"{portal_url}/@@mon-agenda"


@pytest.fixture
def browser(intranet_session):
    def browser(persona):
        session = intranet_session(persona, api=False)
        session.headers["Accept"] = "text/html"
        return session

    return browser


def address_on(document):
    return document.xpath("//input[@id='coop-calendar-address']/@value")


def messages(document):
    return [
        " ".join(m.text_content().split()) for m in document.cssselect(".statusmessage")
    ]


@pytest.mark.parametrize("persona", MEMBERS)
def test_a_member_makes_an_address_and_turns_it_off(
    persona,
    browser,
    page,
    authenticator,
    token_url,
    intranet_session,
    calendar_of,
    request_factory,
):
    session = browser(persona)
    first = session.get(page)
    assert first.status_code == 200
    document = html.fromstring(first.text)
    assert document.cssselect("h1")[0].text_content().strip() == "Mon agenda"
    assert address_on(document) == []
    assert "Votre agenda n'a pas encore d'adresse" in first.text
    (download,) = document.xpath("//a[contains(@href, '/++api++/@calendar')]/@href")
    calendar_of(persona, url=download)

    made = session.post(
        page, data={"renew": "", "_authenticator": authenticator(first)}
    )
    document = html.fromstring(made.text)
    (address,) = address_on(document)
    assert address == intranet_session(persona).get(token_url).json()["url"]
    assert messages(document)[-1].endswith(
        "Votre agenda a une nouvelle adresse : l'ancienne ne fonctionne plus. "
        "Donnez la nouvelle à vos applications d'agenda."
    )
    assert "Générer une nouvelle adresse" in made.text
    calendar_of(url=address)

    off = session.post(page, data={"revoke": "", "_authenticator": authenticator(made)})
    document = html.fromstring(off.text)
    assert address_on(document) == []
    assert messages(document)[-1].endswith(
        "Votre agenda n'a plus d'adresse : les applications d'agenda ne peuvent "
        "plus le lire."
    )
    assert request_factory().get(address).status_code == 401


def test_a_new_address_on_the_page_replaces_the_old_one(
    browser, page, authenticator, new_address, request_factory
):
    old = new_address("holder")
    session = browser("holder")
    made = session.post(
        page, data={"renew": "", "_authenticator": authenticator(session.get(page))}
    )
    (address,) = address_on(html.fromstring(made.text))
    assert address != old
    assert request_factory().get(old).status_code == 401
    assert request_factory().get(address).status_code == 200


@pytest.mark.parametrize(
    "authenticator_value", [None, "", "0" * 40, "<script>x</script>"]
)
def test_a_post_without_the_csrf_token_changes_nothing(
    authenticator_value, browser, page, new_address, intranet_session, token_url
):
    address = new_address("holder")
    data = {}
    if authenticator_value is not None:
        data["_authenticator"] = authenticator_value
    for action in ("renew", "revoke"):
        response = browser("holder").post(
            page, data={**data, action: ""}, allow_redirects=False
        )
        assert response.status_code == 403
    assert intranet_session("holder").get(token_url).json() == {"url": address}


@pytest.mark.parametrize(
    "form", [{}, {"action": "renew"}, {"Renew": "<script>alert('x')</script>"}]
)
def test_a_post_of_no_known_action_changes_nothing(
    form, browser, page, authenticator, new_address, intranet_session, token_url
):
    address = new_address("holder")
    session = browser("holder")
    token = authenticator(session.get(page))
    response = session.post(page, data={**form, "_authenticator": token})
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert intranet_session("holder").get(token_url).json() == {"url": address}


def test_anonymous_is_sent_to_log_in(intranet_people, browser, page, login_challenge):
    response = browser("anonymous").get(page, allow_redirects=False)
    assert login_challenge(response)


@pytest.mark.parametrize("persona", ["buyer", "cooperative"])
def test_outsiders_have_no_calendar_page(persona, browser, page, userid_of):
    session = browser(persona)
    response = session.get(page)
    assert response.status_code == 403
    document = html.fromstring(response.text)
    assert " ".join(
        document.cssselect(".coop-no-calendar")[0].text_content().split()
    ) == (
        "Seuls les membres de l'intranet (porteurs de projet, accompagnateurs et "
        "administrateurs) ont un agenda."
    )
    assert not document.xpath("//button[@name='renew']")
    token = (
        html.fromstring(response.text).cssselect("#protect-script")[0].get("data-token")
    )
    posted = session.post(page, data={"renew": "", "_authenticator": token})
    assert posted.status_code == 403
    transaction.begin()
    assert calendar_token(userid_of(persona)) is None
