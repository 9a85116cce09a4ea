"""Re-registration in the browser: the coaches' "Réinscrire les absents" on a
past session's page, and the holder's missed workshops with their one-click
registration to the next session."""

from coop.content.testing import plain_text
from lxml import html

import pytest
import re


OUTSIDERS = ("anonymous", "buyer", "cooperative")


def page(response):
    assert response.status_code == 200, (response.url, response.status_code)
    return html.fromstring(response.text)


def texts(tree, xpath):
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def blocked(response):
    """Refused, or sent to the login form; nothing of the intranet shown."""
    assert "Réinscrire" not in response.text
    assert "Ateliers manqués" not in response.text
    visited = [step.url for step in response.history]
    return response.status_code in (401, 403) or any(
        "/require_login?" in url for url in visited
    )


# --- The coaches' action ---------------------------------------------------------


def test_a_coach_sees_the_absentees_and_reregisters_them_from_the_page(
    missed,
    following,
    intranet_browser,
    authenticator,
    smtp_server,
    statuses,
    userid_of,
):
    browser = intranet_browser("trainer")
    response = browser.get(missed.absolute_url())
    tree = page(response)
    (viewlet,) = tree.xpath("//section[contains(@class, 'coop-reregister')]")
    assert "Inès Morel" in viewlet.text_content()
    assert "Paul Girard" not in viewlet.text_content()
    assert texts(viewlet, ".//button") == ["Réinscrire les absents"]
    (form,) = viewlet.xpath(".//form")
    assert form.get("action") == f"{missed.absolute_url()}/@@reregister"
    done = browser.post(
        form.get("action"), data={"_authenticator": authenticator(response)}
    )
    assert done.url == missed.absolute_url()
    assert re.search(
        r"1 absent\(s\) inscrit\(s\) à « Construire son prévisionnel \(2\) » "
        r"\([^)]+\)\. Chacun a reçu un courriel\.",
        done.text,
    )
    assert statuses(following) == {userid_of("holder"): "registered"}
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == "ines.morel@porteurs.example"
    assert "Nadia Benali vous a inscrit" in plain_text(message)
    # Done: the absentee is registered to the next session, nobody is left.
    again = browser.post(
        form.get("action"), data={"_authenticator": authenticator(response)}
    )
    assert "Personne à inscrire" in again.text


def test_the_reregister_page_lists_the_absentees_and_the_target(
    missed, following, intranet_browser
):
    tree = page(
        intranet_browser("other_coach").get(f"{missed.absolute_url()}/@@reregister")
    )
    assert texts(tree, "//ul[@class='coop-absentees']/li") == ["Inès Morel"]
    (form,) = tree.xpath("//form[contains(@action, '@@reregister')]")
    assert form.xpath(f".//a[@href='{following.absolute_url()}']")
    assert texts(form, ".//button") == ["Réinscrire les absents"]


def test_without_a_next_session_the_page_says_so_and_the_action_refuses(
    missed, intranet_browser, authenticator, statuses
):
    browser = intranet_browser("trainer")
    response = browser.get(missed.absolute_url())
    tree = page(response)
    assert texts(tree, "//p[@class='coop-no-next-session']") == [
        "Aucune session à venir de ce thème n'est ouverte aux inscriptions."
    ]
    assert not tree.xpath("//section[contains(@class, 'coop-reregister')]//form")
    done = browser.post(
        f"{missed.absolute_url()}/@@reregister",
        data={"_authenticator": authenticator(response)},
    )
    assert "Aucune session à venir du thème « Gestion »" in done.text


def test_the_action_needs_the_form_s_token(
    missed, following, intranet_browser, statuses
):
    response = intranet_browser("trainer").post(f"{missed.absolute_url()}/@@reregister")
    assert response.status_code == 403
    assert statuses(following) == {}


@pytest.mark.parametrize("persona", [*OUTSIDERS, "holder", "other_holder"])
def test_only_coaches_see_and_use_the_action(
    missed, following, intranet_browser, persona, statuses
):
    browser = intranet_browser(persona)
    if persona not in OUTSIDERS:
        tree = page(browser.get(missed.absolute_url()))
        assert not tree.xpath("//section[contains(@class, 'coop-reregister')]")
    assert blocked(browser.get(f"{missed.absolute_url()}/@@reregister"))
    assert blocked(browser.post(f"{missed.absolute_url()}/@@reregister"))
    assert statuses(following) == {}


@pytest.mark.parametrize("persona", ["trainer", "other_coach", "site_administrator"])
def test_every_coach_and_the_administrator_see_the_action(
    missed, following, intranet_browser, persona
):
    tree = page(intranet_browser(persona).get(missed.absolute_url()))
    assert tree.xpath("//section[contains(@class, 'coop-reregister')]//button")


def test_a_session_to_come_has_no_action(following, intranet_browser):
    tree = page(intranet_browser("trainer").get(following.absolute_url()))
    assert not tree.xpath("//section[contains(@class, 'coop-reregister')]")


def test_markup_in_titles_is_shown_as_text(make_workshop, attendance, intranet_browser):
    missed = attendance(
        make_workshop("gestion-passee", days=-7, title="<b>Passée</b>"),
        holder="absent",
    )
    make_workshop("suivante", days=7, title="<script>alert(1)</script>Suivante")
    for url in (missed.absolute_url(), f"{missed.absolute_url()}/@@reregister"):
        response = intranet_browser("trainer").get(url)
        assert "<script>alert(1)" not in response.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;Suivante" in response.text


# --- The holder's missed workshops -------------------------------------------------


def fragment(session, context):
    return session.get(f"{context.absolute_url()}/@@missed-workshops")


def test_a_holder_sees_what_they_missed_and_registers_in_one_click(
    missed,
    following,
    functional_portal,
    intranet_browser,
    authenticator,
    smtp_server,
    statuses,
    userid_of,
):
    intranet = functional_portal["intranet"]
    browser = intranet_browser("holder")
    response = fragment(browser, intranet)
    tree = page(response)
    assert texts(tree, "//h2") == ["Ateliers manqués"]
    assert texts(tree, "//h3") == ["Gestion"]
    assert tree.xpath(f"//a[@href='{missed.absolute_url()}']")
    (form,) = tree.xpath("//form")
    assert form.get("action") == f"{missed.absolute_url()}/@@register-to-next"
    assert texts(form, ".//button") == ["M'inscrire à la prochaine session"]
    assert form.xpath(f".//a[@href='{following.absolute_url()}']")
    done = browser.post(
        form.get("action"), data={"_authenticator": authenticator(response)}
    )
    assert done.url == following.absolute_url()
    assert "Vous êtes inscrit à « Construire son prévisionnel (2) »" in done.text
    assert statuses(following) == {userid_of("holder"): "registered"}
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == "ines.morel@porteurs.example"
    assert "Vous étiez absent·e à « Construire son prévisionnel » (" in " ".join(
        plain_text(message).split()
    )
    assert (
        "vous êtes inscrit·e à la prochaine session du thème, « Construire son "
        "prévisionnel (2) », et votre place est confirmée."
    ) in " ".join(plain_text(message).split())
    tree = page(fragment(browser, intranet))
    assert not tree.xpath("//form")
    assert texts(tree, "//p[@class='coop-registered-to-next']")[0].startswith(
        "Vous êtes inscrit à la prochaine session"
    )


def test_a_full_next_session_puts_the_holder_on_its_waiting_list(
    missed,
    full_following,
    functional_portal,
    intranet_browser,
    authenticator,
    statuses,
    userid_of,
):
    browser = intranet_browser("holder")
    response = fragment(browser, functional_portal["intranet"])
    done = browser.post(
        f"{missed.absolute_url()}/@@register-to-next",
        data={"_authenticator": authenticator(response)},
    )
    assert "est complet : vous êtes sur sa liste d'attente" in done.text
    assert statuses(full_following)[userid_of("holder")] == "waitlisted"
    tree = page(fragment(browser, functional_portal["intranet"]))
    assert texts(tree, "//p[@class='coop-waiting-for-next']")


def test_nothing_missed_is_an_empty_fragment(
    missed, functional_portal, intranet_browser
):
    for persona in ("other_holder", "trainer", "site_administrator"):
        response = fragment(intranet_browser(persona), functional_portal["intranet"])
        assert response.status_code == 200
        assert response.text.strip() == ""


def test_without_a_next_session_the_holder_is_told_so(
    missed, functional_portal, intranet_browser
):
    tree = page(fragment(intranet_browser("holder"), functional_portal["intranet"]))
    assert not tree.xpath("//form")
    assert texts(tree, "//p[@class='coop-no-next-session']") == [
        "Aucune session à venir de ce thème n'est encore ouverte aux inscriptions."
    ]


def test_register_to_next_asks_first_on_get(
    missed, following, intranet_browser, statuses
):
    tree = page(
        intranet_browser("holder").get(f"{missed.absolute_url()}/@@register-to-next")
    )
    (form,) = tree.xpath("//form[contains(@action, '@@register-to-next')]")
    assert texts(form, ".//button") == ["M'inscrire à la prochaine session"]
    assert statuses(following) == {}


def test_register_to_next_needs_the_form_s_token(
    missed, following, intranet_browser, statuses
):
    response = intranet_browser("holder").post(
        f"{missed.absolute_url()}/@@register-to-next"
    )
    assert response.status_code == 403
    assert statuses(following) == {}


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_nothing_of_it(
    missed, following, functional_portal, intranet_browser, persona, statuses
):
    browser = intranet_browser(persona)
    assert blocked(fragment(browser, functional_portal["intranet"]))
    assert blocked(browser.get(f"{missed.absolute_url()}/@@register-to-next"))
    assert blocked(browser.post(f"{missed.absolute_url()}/@@register-to-next"))
    # Out of the intranet the fragment is empty: the catalog shows them no session.
    outside = fragment(browser, functional_portal)
    assert outside.status_code == 200
    assert outside.text.strip() == ""
    assert statuses(following) == {}


@pytest.mark.parametrize("persona", ["trainer", "other_coach", "site_administrator"])
def test_who_is_no_holder_is_refused_in_french(
    missed, following, intranet_browser, authenticator, persona, statuses
):
    browser = intranet_browser(persona)
    response = browser.get(f"{missed.absolute_url()}/@@register-to-next")
    done = browser.post(
        f"{missed.absolute_url()}/@@register-to-next",
        data={"_authenticator": authenticator(response)},
    )
    assert done.url == missed.absolute_url()
    assert "ne désigne aucun porteur de projet" in done.text
    assert statuses(following) == {}
