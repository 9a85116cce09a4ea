"""Project holder pages through the web.

The listing of /porteurs-de-projet and its sector filter, a holder's page,
the REST API's refusals of a second page and of a fourth sub-page, the
coaches' send-back form and the "Avancé…" form, and bad input everywhere.
"""

from AccessControl.SpecialUsers import nobody
from plone import api

import base64
import html
import pytest
import re
import transaction


FOLDER = "/porteurs-de-projet"
REASON = "Ajoutez une photo de vos luminaires."
PERSONAS = {
    # persona: (e-mail, groups, roles)
    "holder": ("karim@bois-et-lumiere.example", ("entrepreneurs",), ()),
    "other_holder": ("lea@couture.example", ("entrepreneurs",), ()),
    "coach": ("isabelle@coop-emploi.example", ("coaches",), ()),
    "buyer": ("achats@mairie.example", ("buyers",), ()),
    "site_admin": ("admin@coop-emploi.example", (), ("Site Administrator",)),
}
EMAILS = {persona: email for persona, (email, *_) in PERSONAS.items()}
FIELDS = {
    "title": "Atelier Bois et Lumière",
    "activity": "Luminaires en bois tourné",
    "description": "Des lampes tournées à la main.\n\nDans du bois local.",
    "sector": "C",
    "website": "https://bois-et-lumiere.example",
}
OTHER_FIELDS = {
    "title": "Couture Léa",
    "activity": "Retouches et créations",
    "description": "Des vêtements sur mesure.",
    "sector": "S",
    "website": "https://couture-lea.example",
}
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
    "hKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def people(functional_portal, create_people):
    """{persona: user} of PERSONAS, and Zope's anonymous user."""
    emails = create_people(PERSONAS)
    transaction.commit()
    users = {persona: api.user.get(username=email) for persona, email in emails.items()}
    return {"anonymous": nobody, **users}


def create_page(portal, user, fields=FIELDS, state="draft"):
    with api.env.adopt_user(user=user):
        page = api.content.create(
            container=portal["porteurs-de-projet"], type="ProjectHolder", **fields
        )
    with api.env.adopt_roles(["Manager"]):
        for transition in {"draft": (), "pending": ("submit",)}.get(
            state, ("submit", "publish")
        ):
            api.content.transition(obj=page, transition=transition)
    transaction.commit()
    return page


@pytest.fixture
def page(functional_portal, people):
    return create_page(functional_portal, people["holder"])


@pytest.fixture
def pending(functional_portal, people):
    return create_page(functional_portal, people["holder"], state="pending")


@pytest.fixture
def rest(sessions_of, people):
    """A REST session of a persona."""
    return sessions_of(EMAILS)


@pytest.fixture
def browse(browsers_of, people):
    """A classic-UI session of a persona; redirects are the test's to follow."""
    return browsers_of(EMAILS)


def path_of(obj):
    return "/" + "/".join(obj.getPhysicalPath()[2:])


def text_of(response):
    return html.unescape(response.text)


@pytest.fixture
def denied(login_challenge):
    """Whether a response refuses: a 401, a 403 or the login form."""

    def refused(response):
        return response.status_code in (401, 403) or login_challenge(response)

    return refused


# --- The listing and its sector filter -------------------------------------------


@pytest.fixture
def listed(functional_portal, people, password):
    """A published page in each of two sectors, and a draft and a pending one."""
    create_page(functional_portal, people["holder"], state="published")
    create_page(functional_portal, people["other_holder"], OTHER_FIELDS, "published")
    with api.env.adopt_roles(["Manager"]):
        for email, title, state in (
            ("draft@example.org", "Brouillon Caché", "draft"),
            ("pending@example.org", "En Attente Cachée", "pending"),
        ):
            user = api.user.create(email=email, password=password)
            api.group.add_user(groupname="entrepreneurs", user=user)
            create_page(functional_portal, user, {**FIELDS, "title": title}, state)
    transaction.commit()


def test_listing_shows_published_pages_only(listed, browse):
    page = text_of(browse("anonymous").get(FOLDER))
    assert "Atelier Bois et Lumière" in page
    assert "Couture Léa" in page
    assert "Brouillon Caché" not in page
    assert "En Attente Cachée" not in page
    # Links to the holders' own websites, which open apart.
    assert 'href="https://bois-et-lumiere.example"' in page
    assert 'href="https://couture-lea.example"' in page
    assert "Visiter le site Internet" in page
    assert "Tous les secteurs" in page


def test_the_sector_filter(listed, browse):
    page = text_of(browse("anonymous").get(FOLDER, params={"sector": "S"}))
    assert "Couture Léa" in page
    assert "Atelier Bois et Lumière" not in page
    assert '<option selected="selected" value="S"' in page
    # Only the sectors of published pages are offered.
    assert re.findall(r'<option[^>]* value="(\w*)"', page) == ["", "C", "S"]


@pytest.mark.parametrize(
    "sector", ["", "ZZ", "<script>alert(1)</script>", "x" * 5000, ["C", "S"]]
)
def test_an_unknown_sector_filters_nothing(listed, browse, sector):
    response = browse("anonymous").get(FOLDER, params={"sector": sector})
    assert response.status_code == 200
    page = text_of(response)
    assert "Couture Léa" in page
    assert "Atelier Bois et Lumière" in page
    assert "<script>alert(1)" not in response.text


def test_an_empty_listing_says_so(people, browse):
    page = text_of(browse("anonymous").get(FOLDER))
    assert "Aucune page de porteur de projet n'est encore publiée." in page


def test_coaches_see_the_pages_waiting_for_review(pending, browse):
    assert "Atelier Bois et Lumière" in text_of(browse("coach").get(FOLDER))
    assert "Atelier Bois et Lumière" not in text_of(browse("buyer").get(FOLDER))


# --- A holder's page ----------------------------------------------------------------


def test_the_page_shows_the_business(functional_portal, people, browse):
    page = create_page(functional_portal, people["holder"], state="published")
    with api.env.adopt_user(user=people["holder"]):
        api.content.create(container=page, type="Document", title="Nos créations")
    transaction.commit()
    text = text_of(browse("anonymous").get(path_of(page)))
    assert "Luminaires en bois tourné" in text
    assert "<p>Des lampes tournées à la main.</p>" in text
    assert "<p>Dans du bois local.</p>" in text
    assert "C – Industrie manufacturière" in text
    assert 'href="https://bois-et-lumiere.example"' in text
    assert "Nos créations" in text


@pytest.mark.parametrize("persona", ["anonymous", "buyer", "other_holder"])
def test_others_cannot_see_an_unpublished_page(page, browse, persona, denied):
    assert denied(browse(persona).get(path_of(page), allow_redirects=False))


@pytest.mark.parametrize("persona", ["holder", "coach", "site_admin"])
def test_holder_and_staff_see_an_unpublished_page(page, browse, persona):
    assert browse(persona).get(path_of(page), allow_redirects=False).status_code == 200


def test_markup_in_the_fields_is_shown_as_text(functional_portal, people, browse):
    script = '<script>alert("x")</script>'
    page = create_page(
        functional_portal,
        people["holder"],
        {
            **FIELDS,
            "title": f"Bois {script}",
            "activity": script,
            "description": script,
        },
        "published",
    )
    for path in (path_of(page), FOLDER):
        response = browse("anonymous").get(path)
        assert "<script>alert" not in response.text
        assert "&lt;script&gt;alert" in response.text


# --- Creating pages over REST: one page per holder, three sub-pages ---------------


def test_a_holder_creates_their_page(people, rest):
    response = rest("holder").post(FOLDER, json={"@type": "ProjectHolder", **FIELDS})
    assert response.status_code == 201, response.text
    transaction.begin()
    page = api.portal.get().unrestrictedTraverse(
        f"{FOLDER[1:]}/atelier-bois-et-lumiere"
    )
    assert page.holder == people["holder"].getId()
    assert api.content.get_state(page) == "draft"


def test_nobody_chooses_the_holder(people, rest):
    body = {
        "@type": "ProjectHolder",
        **FIELDS,
        "holder": people["other_holder"].getId(),
    }
    response = rest("holder").post(FOLDER, json=body)
    assert response.status_code == 201, response.text
    transaction.begin()
    page = api.portal.get().unrestrictedTraverse(
        f"{FOLDER[1:]}/atelier-bois-et-lumiere"
    )
    assert page.holder == people["holder"].getId()


@pytest.mark.parametrize("persona", ["anonymous", "buyer", "coach"])
def test_only_project_holders_create_pages(people, rest, persona):
    response = rest(persona).post(FOLDER, json={"@type": "ProjectHolder", **FIELDS})
    assert response.status_code in (401, 403)
    transaction.begin()
    assert not len(api.content.find(portal_type="ProjectHolder", unrestricted=True))


def test_a_second_page_is_refused_in_french(page, rest):
    body = {"@type": "ProjectHolder", **FIELDS, "title": "Une deuxième page"}
    response = rest("holder").post(FOLDER, json=body)
    assert response.status_code == 400
    assert "Vous avez déjà une page de porteur de projet" in response.json()["message"]
    transaction.begin()
    assert api.portal.get()["porteurs-de-projet"].contentIds() == [page.getId()]


def test_a_fourth_page_is_refused_in_french(page, rest):
    session = rest("holder")
    for number in range(3):
        response = session.post(
            path_of(page), json={"@type": "Document", "title": f"Page {number}"}
        )
        assert response.status_code == 201, response.text
    response = session.post(path_of(page), json={"@type": "Document", "title": "4"})
    assert response.status_code == 400
    assert "au plus 3 pages" in response.json()["message"]
    transaction.begin()
    assert len(page.contentIds()) == 3
    # Images are not pages.
    response = session.post(
        path_of(page), json={"@type": "Image", "title": "Photo", "image": image(PNG)}
    )
    assert response.status_code == 201, response.text


def test_others_cannot_add_to_a_page(page, rest):
    for persona in ("anonymous", "buyer", "other_holder", "coach"):
        response = rest(persona).post(
            path_of(page), json={"@type": "Document", "title": "Intrus"}
        )
        assert response.status_code in (401, 403), persona
    transaction.begin()
    assert page.contentIds() == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": None}, "title"),
        ({"sector": None}, "sector"),
        ({"activity": ""}, "activity"),
        ({"sector": "ZZ"}, "sector"),
        ({"activity": "x" * 201}, "activity"),
        ({"description": "x" * 5001}, "description"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"activity": 42}, "activity"),
    ],
)
def test_bad_fields_are_refused(people, rest, change, field):
    body = {"@type": "ProjectHolder", **FIELDS, **change}
    body = {key: value for key, value in body.items() if value is not None}
    response = rest("holder").post(FOLDER, json=body)
    assert response.status_code == 400, response.text
    assert field in response.text
    transaction.begin()
    assert not len(api.content.find(portal_type="ProjectHolder", unrestricted=True))


def image(data, filename="photo.png", content_type="image/png"):
    return {
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": content_type,
    }


def test_the_page_image_is_checked_on_its_content(page, rest):
    session = rest("holder")
    disguised = image(b"<html><script>alert(1)</script></html>")
    response = session.patch(path_of(page), json={"image": disguised})
    assert response.status_code == 400
    assert "PNG, JPEG ou WebP" in response.text
    response = session.patch(path_of(page), json={"image": image(PNG)})
    assert response.status_code == 204, response.text
    transaction.begin()
    assert page.image.data == PNG


def test_an_oversized_image_is_refused(page, rest):
    huge = PNG + b"\0" * (5 * 1024 * 1024)
    response = rest("holder").patch(path_of(page), json={"image": image(huge)})
    assert response.status_code == 400
    assert "5 Mo" in response.text
    transaction.begin()
    assert page.image is None


# --- The add forms say why they refuse -----------------------------------------------


def test_the_add_form_of_a_fourth_page_says_why(page, people, browse):
    with api.env.adopt_user(user=people["holder"]):
        for number in range(3):
            api.content.create(container=page, type="Document", title=f"P{number}")
    transaction.commit()
    browser = browse("holder")
    response = browser.get(f"{path_of(page)}/++add++Document", allow_redirects=False)
    assert response.status_code == 302
    assert response.headers["Location"] == page.absolute_url()
    assert "au plus 3 pages" in text_of(browser.get(response.headers["Location"]))


def test_the_add_form_of_a_second_page_leads_to_the_first(page, browse):
    browser = browse("holder")
    response = browser.get(f"{FOLDER}/++add++ProjectHolder", allow_redirects=False)
    assert response.status_code == 302
    assert response.headers["Location"] == page.absolute_url()
    text = text_of(browser.get(response.headers["Location"]))
    assert "Vous avez déjà une page de porteur de projet" in text


@pytest.mark.parametrize(
    ("persona", "target"),
    [("holder", "page"), ("other_holder", "add"), ("buyer", "folder")],
)
def test_my_page(page, browse, persona, target):
    response = browse(persona).get("/@@my-project-page", allow_redirects=False)
    assert response.status_code == 302
    folder = api.portal.get()["porteurs-de-projet"].absolute_url()
    assert (
        response.headers["Location"]
        == {
            "page": page.absolute_url(),
            "add": f"{folder}/++add++ProjectHolder",
            "folder": folder,
        }[target]
    )


def test_my_page_needs_an_account(people, browse, denied):
    assert denied(browse("anonymous").get("/@@my-project-page", allow_redirects=False))


# --- The coaches' decision ------------------------------------------------------------


SEND_BACK_OTHERS = ("anonymous", "buyer", "other_holder", "holder")


@pytest.mark.parametrize("persona", SEND_BACK_OTHERS)
def test_others_cannot_send_back(pending, browse, persona, state_of, denied):
    response = browse(persona).post(
        f"{path_of(pending)}/@@send-back",
        data={"comment": REASON},
        allow_redirects=False,
    )
    assert denied(response)
    assert state_of(pending) == "pending"


def test_coach_sends_back_with_a_reason(
    pending, browse, smtp_server, state_of, authenticator
):
    browser = browse("coach")
    url = f"{path_of(pending)}/@@send-back"
    form = browser.get(url)
    assert "Renvoyer la page" in text_of(form)
    response = browser.post(
        url,
        data={"comment": f" {REASON}\n", "_authenticator": authenticator(form)},
        allow_redirects=False,
    )
    assert response.status_code == 302
    assert response.headers["Location"] == pending.absolute_url()
    assert state_of(pending) == "draft"
    history = pending.workflow_history["coop_project_holder_workflow"]
    assert (history[-1]["action"], history[-1]["comments"]) == ("send_back", REASON)
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == EMAILS["holder"]
    assert smtp_server.subjects() == [
        "Votre page « Atelier Bois et Lumière » vous est renvoyée"
    ]


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("", "Indiquez le motif du renvoi de la page"),
        ("  \n ", "Indiquez le motif du renvoi de la page"),
        ("x" * 2001, "au plus 2000 caractères"),
        ("</textarea><script>alert(1)</script>" + "x" * 2001, "2000 caractères"),
    ],
)
def test_send_back_form_refuses_a_bad_reason(
    pending, browse, comment, message, state_of, authenticator
):
    browser = browse("coach")
    url = f"{path_of(pending)}/@@send-back"
    response = browser.post(
        url,
        data={"comment": comment, "_authenticator": authenticator(browser.get(url))},
    )
    assert response.status_code == 200
    assert message in text_of(response)
    assert "<script>alert(1)" not in response.text
    assert state_of(pending) == "pending"


def test_the_reason_is_mailed_as_text(pending, rest, smtp_server, mail_parts):
    reason = 'Ajoutez <b>une photo</b> & <script>alert("x")</script>'
    response = rest("coach").post(
        f"{path_of(pending)}/@workflow/send_back", json={"comment": reason}
    )
    assert response.status_code == 200, response.text
    (message,) = smtp_server.wait_for(1)
    parts = mail_parts(message)
    assert reason in parts["text/plain"]
    assert "<script>" not in parts["text/html"]
    assert "&lt;script&gt;" in parts["text/html"]
    text = parts["text/plain"]
    assert "vous renvoient votre page « Atelier Bois et Lumière »" in text
    assert text.index("pour le motif suivant") < text.index(reason)
    assert text.index(reason) < text.index(
        f"soumettez-la de nouveau à validation : {pending.absolute_url()}"
    )


def test_publishing_mails_the_holder(pending, rest, smtp_server, mail_parts):
    response = rest("coach").post(f"{path_of(pending)}/@workflow/publish", json={})
    assert response.status_code == 200, response.text
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == EMAILS["holder"]
    assert smtp_server.subjects() == [
        "Votre page « Atelier Bois et Lumière » est publiée"
    ]
    text = mail_parts(message)["text/plain"]
    assert "parmi les porteurs de projet de la coopérative" in text
    assert f"Voir votre page : {pending.absolute_url()}" in text


@pytest.mark.parametrize("comment", [None, "", "   "])
def test_rest_send_back_without_reason_is_a_french_400(
    pending, rest, comment, state_of
):
    body = {} if comment is None else {"comment": comment}
    response = rest("coach").post(f"{path_of(pending)}/@workflow/send_back", json=body)
    assert response.status_code == 400
    assert "Indiquez le motif du renvoi de la page" in response.json()["message"]
    assert state_of(pending) == "pending"


def test_submit_mails_the_coaches(page, rest, smtp_server, state_of):
    response = rest("holder").post(f"{path_of(page)}/@workflow/submit", json={})
    assert response.status_code == 200, response.text
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == EMAILS["coach"]
    assert state_of(page) == "pending"


def test_advanced_form_without_reason_goes_to_the_send_back_form(
    pending, browse, state_of, advanced
):
    browser = browse("coach")
    response = advanced(browser, path_of(pending), "send_back", "")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/@@send-back")
    text = text_of(browser.get(response.headers["Location"]))
    assert "Indiquez le motif du renvoi de la page" in text
    assert state_of(pending) == "pending"


def test_advanced_form_publishes(pending, browse, state_of, advanced):
    response = advanced(browse("coach"), path_of(pending), "publish", "")
    assert response.status_code == 302
    assert state_of(pending) == "published"


@pytest.mark.parametrize(
    ("persona", "transition", "allowed"),
    [
        ("anonymous", "submit", False),
        ("buyer", "submit", False),
        ("other_holder", "submit", False),
        ("coach", "submit", False),
        ("holder", "submit", True),
        ("site_admin", "submit", True),
    ],
)
def test_who_submits_over_rest(page, rest, persona, transition, allowed, state_of):
    response = rest(persona).post(f"{path_of(page)}/@workflow/{transition}", json={})
    assert (response.status_code == 200) is allowed, response.text
    if not allowed:
        assert response.status_code in (401, 403, 404)
    assert state_of(page) == ("pending" if allowed else "draft")


def test_a_step_that_is_not_possible_says_so(page, rest, state_of):
    response = rest("coach").post(f"{path_of(page)}/@workflow/publish", json={})
    assert response.status_code == 400
    assert "depuis l'état actuel de la page" in response.json()["message"]
    assert state_of(page) == "draft"


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        ("anonymous", False),
        ("buyer", False),
        ("other_holder", False),
        ("holder", False),
        ("coach", True),
        ("site_admin", True),
    ],
)
def test_who_publishes_over_rest(pending, rest, persona, allowed, state_of):
    response = rest(persona).post(f"{path_of(pending)}/@workflow/publish", json={})
    assert (response.status_code == 200) is allowed, response.text
    if persona == "holder":
        assert response.status_code == 403
        assert "sur cette page" in response.json()["message"]
    assert state_of(pending) == ("published" if allowed else "pending")


def test_the_add_forms_open_within_the_limits(page, people, browse):
    response = browse("holder").get(f"{path_of(page)}/++add++Document")
    assert response.status_code == 200
    assert 'name="form.widgets.IDublinCore.title"' in response.text
    response = browse("other_holder").get(f"{FOLDER}/++add++ProjectHolder")
    assert response.status_code == 200
    text = text_of(response)
    assert 'name="form.widgets.title"' in text
    assert 'name="form.widgets.holder"' not in text
    assert "Secteur d'activité" in text


@pytest.mark.parametrize(
    ("persona", "shown"),
    [("holder", True), ("other_holder", True), ("buyer", False), ("coach", False)],
)
def test_my_page_is_in_the_user_menu_of_project_holders(people, browse, persona, shown):
    page = browse(persona).get("/").text
    assert ("/@@my-project-page" in page) is shown


# --- Copies into a page: the page limit holds ----------------------------------------


@pytest.fixture
def full(page, people):
    with api.env.adopt_user(user=people["holder"]):
        for number in range(3):
            api.content.create(container=page, type="Document", title=f"P{number}")
    transaction.commit()
    return page


def test_a_copy_in_place_of_a_fourth_page_is_refused_in_french(full, rest):
    source = f"{path_of(full)}/p0"
    response = rest("holder").post(f"{path_of(full)}/@copy", json={"source": source})
    assert response.status_code == 400, response.text
    assert "au plus 3 pages" in response.json()["message"]
    transaction.begin()
    assert full.contentIds() == ["p0", "p1", "p2"]


def test_a_copy_in_place_within_the_limit(page, people, rest):
    with api.env.adopt_user(user=people["holder"]):
        api.content.create(container=page, type="Document", title="P0")
    transaction.commit()
    session = rest("holder")
    response = session.post(
        f"{path_of(page)}/@copy", json={"source": f"{path_of(page)}/p0"}
    )
    assert response.status_code == 200, response.text
    response = session.post(
        f"{path_of(page)}/@copy", json={"source": f"{path_of(page)}/p0"}
    )
    assert response.status_code == 200, response.text
    response = session.post(
        f"{path_of(page)}/@copy", json={"source": f"{path_of(page)}/p0"}
    )
    assert response.status_code == 400, response.text
    transaction.begin()
    assert len(page.contentIds()) == 3


def test_a_page_in_a_full_page_is_renamed(full, people, rest):
    response = rest("holder").patch(f"{path_of(full)}/p0", json={"id": "nouveau"})
    assert response.status_code == 204, response.text
    transaction.begin()
    assert full.contentIds() == ["nouveau", "p1", "p2"]


def test_a_copy_of_another_holders_page_is_refused_in_french(
    functional_portal, people, rest
):
    page = create_page(functional_portal, people["holder"], state="published")
    response = rest("other_holder").post(
        f"{FOLDER}/@copy", json={"source": path_of(page)}
    )
    assert response.status_code == 400, response.text
    assert "Vous avez déjà une page de porteur de projet" in response.json()["message"]
    assert people["holder"].getId() not in response.text
    transaction.begin()
    assert api.portal.get()["porteurs-de-projet"].contentIds() == [page.getId()]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[{"@type": "ProjectHolder"}]',
            "Le corps de la requête doit être un objet JSON.",
        ),
        ("42", "Le corps de la requête doit être un objet JSON."),
        ("{pas du json", "Le corps de la requête n'est pas du JSON valide."),
    ],
)
@pytest.mark.parametrize("where", ["folder", "page"])
def test_a_body_that_is_no_object_is_refused_in_french(
    page, rest, body, message, where
):
    session = rest("holder")
    session.headers.update({"Content-Type": "application/json"})
    response = session.post({"folder": FOLDER, "page": path_of(page)}[where], data=body)
    assert response.status_code == 400, response.text
    assert response.json()["message"] == message
    transaction.begin()
    assert page.contentIds() == []
    assert api.portal.get()["porteurs-de-projet"].contentIds() == [page.getId()]


# --- Images in a page are checked on their content ----------------------------------


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (PNG + b"\0" * (7 * 1024 * 1024), "photo.png", "5 Mo"),
        (SVG, "photo.svg", "PNG, JPEG ou WebP"),
        (SVG, "photo.png", "PNG, JPEG ou WebP"),
    ],
)
def test_an_image_in_a_page_is_checked_on_its_content(
    page, rest, data, filename, message
):
    session = rest("holder")
    body = {"@type": "Image", "title": "Photo", "image": image(data, filename)}
    response = session.post(path_of(page), json=body)
    assert response.status_code == 400, response.text
    assert message in response.json()["message"]
    transaction.begin()
    assert page.contentIds() == []
    response = session.post(path_of(page), json={**body, "image": image(PNG)})
    assert response.status_code == 201, response.text
    path = f"{path_of(page)}/{response.json()['id']}"
    response = session.patch(path, json={"image": image(data, filename)})
    assert response.status_code == 400, response.text
    assert message in response.json()["message"]
    transaction.begin()
    assert page.contentValues()[0].image.data == PNG
