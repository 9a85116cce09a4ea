"""A session's page: its details and seats; a holder registers and
unregisters; a coach registers a holder, cancels and marks attendance in
one form."""

from lxml import html

import pytest


STAFF = ("trainer", "other_coach", "site_administrator")


def denied(response):
    """Whether a response (redirects followed) refuses: a 401, a 403, the login
    form or the page that says a signed-in user may not."""
    urls = [response.url, *(step.url for step in response.history)]
    return response.status_code in (401, 403) or any(
        page in url
        for url in urls
        for page in ("require_login", "insufficient-privileges")
    )


@pytest.fixture
def post_form(authenticator):
    """Post the page's form whose action is `action`, with `fields`.

    The CSRF token is the user's: a page that shows no form (`token_from`
    another session's) still takes a forged post.
    """

    def post(session, workshop, action, token_from=None, **fields):
        page = session.get((token_from or workshop).absolute_url())
        data = {"action": action, "_authenticator": authenticator(page), **fields}
        return session.post(workshop.absolute_url(), data=data)

    return post


def text(response):
    return html.fromstring(response.text).text_content()


def test_the_page_says_when_where_theme_trainer_and_seats(
    make_workshop, intranet_browser, seated
):
    workshop = make_workshop(capacity=3)
    seated(workshop, "other_holder")
    page = html.fromstring(intranet_browser("holder").get(workshop.absolute_url()).text)
    assert page.xpath("string(//dd[@class='coop-theme'])") == "Gestion"
    assert page.xpath("string(//dd[@class='coop-trainer'])") == "Nadia Benali"
    assert page.xpath("string(//dd[@class='coop-seats-left'])") == "2"
    assert "Salle Mont-Blanc" in page.xpath("string(//dd[@class='coop-where'])")
    assert " h 30 à " in page.xpath("string(//dd[@class='coop-when'])")
    assert "Vous n'êtes pas inscrit." in page.text_content()
    # A holder sees neither the others' registrations nor the coaches' forms.
    assert "Paul Girard" not in page.text_content()
    assert not page.xpath("//form[.//input[@value='register_holder']]")


def test_a_holder_registers_and_unregisters_on_the_page(
    make_workshop, intranet_browser, post_form, statuses, userid_of, smtp_server
):
    workshop = make_workshop()
    browser = intranet_browser("holder")
    assert "M'inscrire" in browser.get(workshop.absolute_url()).text
    response = post_form(browser, workshop, "register")
    assert response.status_code == 200
    assert "Vous êtes inscrit." in response.text
    assert "Statut : Inscrit" in text(response)
    assert "Me désinscrire" in response.text
    assert statuses(workshop) == {userid_of("holder"): "registered"}
    response = post_form(browser, workshop, "unregister")
    assert "Votre inscription est annulée." in response.text
    assert statuses(workshop) == {userid_of("holder"): "cancelled"}
    assert len(smtp_server.wait_for(2)) == 2


def test_the_forms_need_the_csrf_token(
    make_workshop, intranet_browser, statuses, userid_of
):
    workshop = make_workshop()
    response = intranet_browser("holder").post(
        workshop.absolute_url(), data={"action": "register"}
    )
    assert response.status_code == 403
    assert statuses(workshop) == {}


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"registration_open": False}, "Les inscriptions à cette session sont fermées"),
        ({"days": -3}, "Cette session est passée"),
    ],
    ids=["closed", "past"],
)
def test_closed_and_past_sessions_offer_no_registration(
    make_workshop, fields, message, intranet_browser, post_form, statuses
):
    workshop = make_workshop(**fields)
    other = make_workshop(id="ouvert")
    browser = intranet_browser("holder")
    page = browser.get(workshop.absolute_url())
    assert message in page.text
    assert "M'inscrire" not in page.text
    response = post_form(browser, workshop, "register", token_from=other)
    assert response.status_code == 400
    assert message in response.text
    assert statuses(workshop) == {}


@pytest.mark.parametrize("persona", STAFF)
def test_staff_register_a_holder_and_cancel(
    make_workshop, persona, intranet_browser, post_form, statuses, userid_of, records
):
    workshop = make_workshop()
    browser = intranet_browser(persona)
    page = html.fromstring(browser.get(workshop.absolute_url()).text)
    offered = page.xpath("//select[@name='userid']/option/@value")
    assert set(offered) == {userid_of("holder"), userid_of("other_holder")}
    response = post_form(
        browser, workshop, "register_holder", userid=userid_of("holder")
    )
    assert "Le porteur de projet est inscrit." in response.text
    assert "Inès Morel" in response.text
    assert statuses(workshop) == {userid_of("holder"): "registered"}
    (record,) = records(workshop)
    response = post_form(browser, workshop, "cancel", id=str(record["id"]))
    assert "L'inscription est annulée." in response.text
    assert statuses(workshop) == {userid_of("holder"): "cancelled"}


@pytest.mark.parametrize(
    "userid, message",
    [
        ("trainer", "ne désigne aucun porteur de projet"),
        ("inconnu", "ne désigne aucun porteur de projet"),
        ("<script>alert(1)</script>", "ne désigne aucun porteur de projet"),
        ("x" * 5000, "ne désigne aucun porteur de projet"),
        ("", "ne désigne aucun porteur de projet"),
    ],
)
def test_staff_register_only_project_holders(
    make_workshop, userid, message, intranet_browser, post_form, userid_of, records
):
    workshop = make_workshop()
    if userid == "trainer":
        userid = userid_of("trainer")
    response = post_form(
        intranet_browser("trainer"), workshop, "register_holder", userid=userid
    )
    assert response.status_code == 400
    assert message in response.text
    assert "<script>alert(1)</script>" not in response.text
    assert records(workshop) == []


@pytest.mark.parametrize("persona", ["holder", "other_holder"])
def test_holders_use_no_coach_form(
    make_workshop, persona, intranet_browser, post_form, seated, userid_of, records
):
    workshop = make_workshop(days=-1)
    other = make_workshop(id="ouvert")
    (record,) = seated(workshop, "holder")
    browser = intranet_browser(persona)
    for action, fields in (
        ("register_holder", {"userid": userid_of("other_holder")}),
        ("cancel", {"id": str(record["id"])}),
        ("attendance", {f"status-{record['id']}": "attended"}),
    ):
        response = post_form(browser, workshop, action, token_from=other, **fields)
        assert denied(response)
    assert [r["status"] for r in records(workshop)] == ["registered"]


@pytest.mark.parametrize("persona", STAFF)
def test_staff_mark_attendance_in_one_form(
    make_workshop, persona, intranet_browser, authenticator, seated, records
):
    workshop = make_workshop(days=-1)
    first, second = (r["id"] for r in seated(workshop, "holder", "other_holder"))
    browser = intranet_browser(persona)
    response = browser.get(workshop.absolute_url())
    page = html.fromstring(response.text)
    (form,) = page.xpath("//form[contains(@class, 'coop-attendance-form')]")
    assert form.get("method") == "post"
    legends = form.xpath(".//fieldset/legend/text()")
    assert legends == ["Inès Morel", "Paul Girard"]
    radio = form.xpath(f".//input[@id='status-{first}-excused']")[0]
    assert radio.get("type") == "radio"
    assert form.xpath(f"string(.//label[@for='status-{first}-excused'])") == "Excusé"
    data = {
        "action": "attendance",
        "_authenticator": authenticator(response),
        f"status-{first}": "attended",
        f"status-{second}": "absent",
    }
    response = browser.post(workshop.absolute_url(), data=data)
    assert "Présences enregistrées." in response.text
    assert [r["status"] for r in records(workshop)] == ["attended", "absent"]
    page = html.fromstring(response.text)
    assert page.xpath(f"//input[@id='status-{second}-absent']/@checked")


@pytest.mark.parametrize(
    "marks, message",
    [
        ({"status-{first}": "present"}, "« status » doit valoir"),
        ({"status-{first}": "<b>absent</b>"}, "« status » doit valoir"),
        ({"status-999": "absent"}, "« id » ne désigne aucune inscription"),
    ],
)
def test_bad_attendance_changes_nothing(
    make_workshop, marks, message, intranet_browser, post_form, seated, records
):
    workshop = make_workshop(days=-1)
    first, second = (r["id"] for r in seated(workshop, "holder", "other_holder"))
    fields = {name.format(first=first): value for name, value in marks.items()}
    fields[f"status-{second}"] = "attended"
    response = post_form(intranet_browser("trainer"), workshop, "attendance", **fields)
    assert response.status_code == 400
    assert message in response.text
    assert "<b>absent</b>" not in response.text
    assert [r["status"] for r in records(workshop)] == ["registered", "registered"]


def test_no_attendance_form_before_the_session(make_workshop, intranet_browser, seated):
    workshop = make_workshop()
    seated(workshop, "holder")
    page = intranet_browser("trainer").get(workshop.absolute_url()).text
    assert "Inès Morel" in page
    assert "coop-attendance-form" not in page


def test_outsiders_do_not_see_the_page(
    make_workshop, outsider, intranet_browser, seated
):
    workshop = make_workshop()
    seated(workshop, "holder")
    response = intranet_browser(outsider).get(workshop.absolute_url())
    assert denied(response)
    assert "Inès Morel" not in response.text
