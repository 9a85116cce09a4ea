"""Consultations over HTTP: the pages, the REST services, the mail."""

from coop.content.consultations.answers import answer_of
from coop.content.consultations.rules import today
from coop.content.directory.entries import create_account
from coop.content.directory.entries import create_draft_entry
from coop.content.testing import queue_drained
from datetime import timedelta
from lxml import html
from plone import api

import base64
import pytest
import re
import time
import transaction


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"


@pytest.fixture
def directory(functional_portal, create_directory):
    """Every persona and two published cooperatives, committed for HTTP."""
    return create_directory(published=("cooperative", "other_entry"), commit=True)


@pytest.fixture
def uids(directory):
    return {
        "owner": api.content.get_uuid(directory.cooperative),
        "other_cooperative": api.content.get_uuid(directory.other_entry),
    }


def fields(uids, **overrides):
    """A consultation's JSON body, to the owner's cooperative."""
    return {
        "@type": "Consultation",
        "title": "Rénovation de la salle des fêtes",
        "closing_date": (today() + timedelta(days=14)).isoformat(),
        "budget": "20 000 € HT",
        "location": "Annecy",
        "description": {
            "data": "<p>Menuiseries extérieures.</p>",
            "content-type": "text/html",
        },
        "recipients": [uids["owner"]],
        **overrides,
    }


@pytest.fixture
def sent(functional_portal, directory, uids, as_persona):
    """A consultation the buyer wrote and sent over REST; its REST path."""
    buyer = as_persona("buyer")
    response = buyer.post("/consultations", json=fields(uids))
    assert response.status_code == 201, response.text
    path = "/consultations/" + response.json()["id"]
    response = buyer.post(f"{path}/@workflow/send", json={})
    assert response.status_code == 200, response.text
    return path


def consultation_at(portal, path):
    transaction.begin()
    return portal.unrestrictedTraverse(path.lstrip("/"))


# --- Writing: the add form, pre-ticked from the directory ------------------------


def test_the_add_form_ticks_the_cooperatives_it_is_given(
    functional_portal, directory, uids, as_persona
):
    late = create_account("tard@example.org", directory.password)
    draft = create_draft_entry(
        late, **{**directory.other_fields, "title": "Scop Tard", "city": "Cachéville"}
    )
    transaction.commit()
    given = [uids["owner"], uids["other_cooperative"], api.content.get_uuid(draft)]
    response = as_persona("buyer", api=False).get(
        f"{functional_portal.absolute_url()}/consultations/++add++Consultation",
        params={"recipients": given},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 200, response.status_code
    boxes = html.fromstring(response.text).cssselect(
        "input[name='form.widgets.recipients:list']"
    )
    ticked = {box.get("value") for box in boxes if box.get("checked")}
    assert ticked == {uids["owner"], uids["other_cooperative"]}
    assert "Scop Menuiserie du Lac (Seynod)" in response.text
    # An entry nobody published keeps its name and city to itself.
    assert f"Coopérative inconnue {given[2]}" in response.text
    assert "Scop Tard" not in response.text
    assert "Cachéville" not in response.text
    # The buyer's account e-mail is the sender's address by default.
    assert directory.emails["buyer"] in response.text
    # Nobody may pass for another sender: the form has no creators field.
    assert "form.widgets.IOwnership.creators" not in response.text


@pytest.fixture
def add_form(functional_portal, as_persona, html_page, uids):
    """Fill in and submit the add form as `persona` does in a browser; the response."""

    def add_form(persona, **overrides):
        browser = as_persona(persona, api=False)
        url = f"{functional_portal.absolute_url()}/consultations/++add++Consultation"
        document = html_page(browser, f"{url}?recipients={uids['owner']}")
        data = {
            "form.widgets.title": "Entretien des espaces verts",
            "form.widgets.closing_date": (today() + timedelta(days=10)).isoformat(),
            "form.widgets.budget": "8 000 € HT par an",
            "form.widgets.location": "Seynod",
            "form.widgets.department:list": "74",
            "form.widgets.department-empty-marker": "1",
            "form.widgets.description": "<p>Tonte et taille, 3 hectares.</p>",
            "form.widgets.recipients:list": [uids["owner"]],
            "recipients:list": [uids["owner"]],
            "form.widgets.recipients-empty-marker": "1",
            "form.widgets.sender_email": "achats@mairie.example",
            "form.buttons.save": "Enregistrer",
            "_authenticator": document.cssselect("input[name='_authenticator']")[0].get(
                "value"
            ),
            **overrides,
        }
        files = {"form.widgets.attachment": ("", b"", "application/octet-stream")}
        return browser.post(
            url, data=data, files=files, headers={"Accept": "text/html"}
        )

    return add_form


def test_the_add_form_writes_a_draft_of_the_user(
    functional_portal, directory, uids, as_persona, add_form
):
    response = add_form("buyer")
    assert response.status_code == 200, response.status_code
    transaction.begin()
    (consultation,) = functional_portal["consultations"].objectValues()
    assert response.url.startswith(consultation.absolute_url())
    assert api.content.get_state(consultation) == "draft"
    assert consultation.recipients == [uids["owner"]]
    assert consultation.listCreators()[0] == directory.people["buyer"].getId()


@pytest.mark.parametrize(
    "overrides,message",
    [
        (
            {"form.widgets.closing_date": "2001-01-01"},
            "Date de clôture : elle doit être postérieure à aujourd'hui.",
        ),
        (
            {"form.widgets.recipients:list": []},
            "Destinataires : choisissez au moins une coopérative",
        ),
        (
            {
                "form.widgets.recipients:list": ["33ad4a88e15442c5bf795993bc7fd367"],
                "recipients:list": ["33ad4a88e15442c5bf795993bc7fd367"],
            },
            "Destinataires : chaque destinataire doit être une coopérative publiée",
        ),
    ],
)
def test_the_add_form_refuses_bad_input_in_french(
    functional_portal, uids, as_persona, overrides, message, add_form
):
    response = add_form("buyer", **overrides)
    assert response.status_code == 200, response.status_code
    assert message in response.text
    transaction.begin()
    assert functional_portal["consultations"].objectIds() == []


def test_nobody_sends_in_the_name_of_another(
    functional_portal, directory, uids, as_persona
):
    owner_id = directory.people["owner"].getId()
    response = as_persona("buyer").post(
        "/consultations", json=fields(uids, creators=[owner_id])
    )
    assert response.status_code == 201, response.text
    consultation = consultation_at(
        functional_portal, "/consultations/" + response.json()["id"]
    )
    assert consultation.listCreators() == (directory.people["buyer"].getId(),)


@pytest.mark.parametrize("persona", ["anonymous", "moderator"])
def test_only_buyers_and_cooperatives_get_the_add_form(
    functional_portal, as_persona, persona
):
    response = as_persona(persona, api=False).get(
        f"{functional_portal.absolute_url()}/consultations/++add++Consultation",
        headers={"Accept": "text/html"},
        allow_redirects=False,
    )
    assert response.status_code in (302, 401, 403), response.status_code
    assert "form.widgets.recipients" not in response.text


@pytest.mark.parametrize(
    "persona,shown",
    [
        ("anonymous", False),
        ("owner", False),
        ("moderator", False),
        ("buyer", True),
        ("other_cooperative", True),
    ],
)
def test_a_cooperatives_entry_links_to_a_consultation_to_it(
    directory, uids, as_persona, persona, shown, html_page
):
    document = html_page(
        as_persona(persona, api=False), directory.cooperative.absolute_url()
    )
    links = document.cssselect("#coop-send-consultation a")
    if not shown:
        assert links == []
        return
    (link,) = links
    assert link.text_content().strip() == "Envoyer une consultation"
    assert link.get("href").endswith(
        f"/consultations/++add++Consultation?recipients={uids['owner']}"
    )


# --- Creating and sending over REST ----------------------------------------------


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"closing_date": "2001-01-01"}, "closing_date"),
        ({"recipients": []}, "recipients"),
        ({"recipients": ["pas-un-uid"]}, "recipients"),
        (
            {"attachment": {"data": "TVqQAAMAAAAEAAAA", "encoding": "base64"}},
            "attachment",
        ),
        (
            {
                "attachment": {
                    "data": base64.b64encode(PDF + b"0" * (10 * 1024 * 1024)).decode(),
                    "encoding": "base64",
                    "filename": "cahier.pdf",
                }
            },
            "attachment",
        ),
    ],
)
def test_a_bad_consultation_is_refused_in_french(
    functional_portal, uids, as_persona, overrides, field
):
    response = as_persona("buyer").post(
        "/consultations", json=fields(uids, **overrides)
    )
    assert response.status_code == 400, response.text
    assert field in response.text
    transaction.begin()
    assert functional_portal["consultations"].objectIds() == []


def test_at_most_500_recipients(functional_portal, uids, as_persona):
    response = as_persona("buyer").post(
        "/consultations", json=fields(uids, recipients=[uids["owner"]] * 501)
    )
    assert response.status_code == 400, response.text
    assert (
        "une consultation va à 500 coopératives au plus." in response.json()["message"]
    )
    transaction.begin()
    assert functional_portal["consultations"].objectIds() == []


def test_a_recipient_unpublished_since_is_refused_when_sending(
    functional_portal, directory, uids, as_persona
):
    buyer = as_persona("buyer")
    response = buyer.post("/consultations", json=fields(uids))
    path = "/consultations/" + response.json()["id"]
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=directory.cooperative, transition="suspend")
    transaction.commit()
    response = buyer.post(f"{path}/@workflow/send", json={})
    assert response.status_code == 400, response.text
    assert response.json()["message"] == (
        "recipients : Destinataires : chaque destinataire doit être une "
        "coopérative publiée dans l'annuaire."
    )
    assert api.content.get_state(consultation_at(functional_portal, path)) == "draft"


@pytest.mark.parametrize(
    "spoil,message",
    [
        ("closing_date", "Date de clôture : elle doit être postérieure à aujourd'hui."),
        ("recipient", "chaque destinataire doit être une coopérative publiée"),
    ],
)
def test_the_toolbar_refuses_to_send_in_french(
    functional_portal, directory, uids, as_persona, spoil, message, html_page
):
    path = (
        "/consultations/"
        + as_persona("buyer").post("/consultations", json=fields(uids)).json()["id"]
    )
    consultation = consultation_at(functional_portal, path)
    if spoil == "closing_date":
        consultation.closing_date = today() - timedelta(days=1)
    else:
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=directory.cooperative, transition="suspend")
    transaction.commit()
    browser = as_persona("buyer", api=False)
    url = functional_portal.absolute_url() + path
    text = browser.get(url, headers={"Accept": "text/html"}).text
    assert f"{url}/content_status_modify?workflow_action=send" in text
    token = re.search(r'name="_authenticator" value="([^"]+)"', text).group(1)
    response = browser.get(
        f"{url}/content_status_modify",
        params={"workflow_action": "send", "_authenticator": token},
        headers={"Accept": "text/html"},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.status_code
    assert response.headers["Location"] == url
    assert message in html_page(browser, url).text_content()
    consultation = consultation_at(functional_portal, path)
    assert api.content.get_state(consultation) == "draft"
    assert consultation.effective_date is None


@pytest.mark.parametrize("persona", ["anonymous", "moderator"])
def test_others_cannot_create_a_consultation(uids, as_persona, persona):
    response = as_persona(persona).post("/consultations", json=fields(uids))
    assert response.status_code in (401, 403), response.text


def test_markup_is_escaped_on_the_page(functional_portal, uids, as_persona):
    buyer = as_persona("buyer")
    response = buyer.post(
        "/consultations",
        json=fields(
            uids,
            title='<script>alert("titre")</script>',
            budget="<b>20 000</b>",
        ),
    )
    assert response.status_code == 201, response.text
    url = response.json()["@id"].replace("/++api++", "")
    text = as_persona("buyer", api=False).get(url, headers={"Accept": "text/html"}).text
    assert '<script>alert("titre")' not in text
    assert "&lt;b&gt;20 000&lt;/b&gt;" in text


# --- Who sees what ----------------------------------------------------------------


@pytest.mark.parametrize(
    "persona,visible",
    [
        ("buyer", True),
        ("owner", True),
        ("other_cooperative", False),
        ("moderator", False),
        ("anonymous", False),
    ],
)
def test_the_page_and_its_rest_view(sent, as_persona, persona, visible):
    response = as_persona(persona).get(sent)
    assert response.status_code == (200 if visible else 401), response.status_code
    if visible:
        assert response.json()["title"] == "Rénovation de la salle des fêtes"


def test_recipients_do_not_see_each_other(
    functional_portal, directory, uids, as_persona, html_page
):
    buyer = as_persona("buyer")
    both = [uids["owner"], uids["other_cooperative"]]
    response = buyer.post("/consultations", json=fields(uids, recipients=both))
    path = "/consultations/" + response.json()["id"]
    assert buyer.post(f"{path}/@workflow/send", json={}).status_code == 200
    assert sorted(buyer.get(path).json()["recipients"]) == sorted(both)
    recipient_view = as_persona("owner").get(path).json()
    assert recipient_view["title"] == "Rénovation de la salle des fêtes"
    assert "recipients" not in recipient_view
    url = functional_portal.absolute_url() + path
    buyer_page = html_page(as_persona("buyer", api=False), url)
    assert len(buyer_page.cssselect("#coop-consultation-recipients li")) == 2
    owner_page = html_page(as_persona("owner", api=False), url)
    assert owner_page.cssselect("#coop-consultation-recipients") == []
    assert "Énergies du Léman" not in owner_page.text_content()


def test_the_recipient_never_sees_the_other_answers(
    functional_portal, directory, uids, as_persona, html_page
):
    buyer = as_persona("buyer")
    response = buyer.post(
        "/consultations",
        json=fields(uids, recipients=[uids["owner"], uids["other_cooperative"]]),
    )
    path = "/consultations/" + response.json()["id"]
    assert buyer.post(f"{path}/@workflow/send", json={}).status_code == 200
    for persona, message in (
        ("owner", "Disponibles en mars."),
        ("other_cooperative", "Pas avant l'été."),
    ):
        response = as_persona(persona).post(
            f"{path}/@answer", json={"answer": "interested", "message": message}
        )
        assert response.status_code == 200, response.text
    url = functional_portal.absolute_url() + path
    owner_page = html_page(as_persona("owner", api=False), url)
    assert "Disponibles en mars." in owner_page.text_content()
    assert "Pas avant l'été." not in owner_page.text_content()
    buyer_page = html_page(as_persona("buyer", api=False), url)
    answers = buyer_page.cssselect("#coop-consultation-answers .coop-answer")
    assert len(answers) == 2


# --- Lists: @consultations and "Mes consultations" -------------------------------


def test_the_lists_of_each_persona(sent, as_persona):
    def titles(persona, box):
        response = as_persona(persona).get("/@consultations", params={"box": box})
        assert response.status_code == 200, response.text
        return [item["title"] for item in response.json()["items"]]

    title = "Rénovation de la salle des fêtes"
    assert titles("buyer", "sent") == [title]
    assert titles("buyer", "received") == []
    assert titles("owner", "received") == [title]
    assert titles("owner", "sent") == []
    assert titles("other_cooperative", "received") == []
    assert titles("moderator", "received") == []
    (item,) = as_persona("owner").get("/@consultations?box=received").json()["items"]
    assert set(item) == {
        "@id",
        "title",
        "review_state",
        "sent",
        "closing_date",
        "sender",
        "budget",
        "answers",
    }
    assert (item["review_state"], item["budget"], item["answers"]) == (
        "sent",
        "20 000 € HT",
        0,
    )


def test_the_list_service_refuses_anonymous_and_a_bad_box(as_persona):
    assert as_persona("anonymous").get("/@consultations").status_code == 401
    response = as_persona("buyer").get("/@consultations", params={"box": "<b>"})
    assert response.status_code == 400
    assert "box" in response.json()["message"]


def test_my_consultations_page(functional_portal, sent, as_persona, html_page):
    url = f"{functional_portal.absolute_url()}/@@mes-consultations"
    document = html_page(as_persona("owner", api=False), url + "?box=received")
    tabs = [a.text_content().strip() for a in document.cssselect(".nav-tabs a")]
    assert tabs == ["Émises", "Reçues"]
    (row,) = document.cssselect("#coop-consultations tbody tr")
    cells = [cell.text_content().strip() for cell in row.cssselect("td")]
    assert cells[0] == "Rénovation de la salle des fêtes"
    assert cells[4:] == ["20 000 € HT", "Envoyée", "0"]
    response = as_persona("anonymous", api=False).get(
        url, headers={"Accept": "text/html"}, allow_redirects=False
    )
    assert response.status_code in (302, 401)


# --- Answers over REST ------------------------------------------------------------


@pytest.mark.parametrize(
    "persona,status",
    [
        ("owner", 200),
        ("other_cooperative", 401),
        ("buyer", 403),
        ("moderator", 401),
        ("anonymous", 401),
    ],
)
def test_who_answers(functional_portal, sent, as_persona, persona, status):
    response = as_persona(persona).post(
        f"{sent}/@answer",
        json={
            "answer": "interested",
            "message": "Disponibles en mars.",
            "quote": {
                "data": base64.b64encode(PDF).decode(),
                "encoding": "base64",
                "filename": "devis.pdf",
            },
        },
    )
    assert response.status_code == status, response.text
    expected = 1 if status == 200 else 0
    transaction.begin()
    response = as_persona("buyer").get("/@consultations?box=sent")
    assert response.json()["items"][0]["answers"] == expected


@pytest.mark.parametrize(
    "body,field",
    [
        ({"answer": "peut-être"}, "answer"),
        ({"answer": "interested", "message": "x" * 5001}, "message"),
        (
            {"answer": "interested", "quote": {"data": "TVqQ", "encoding": "base64"}},
            "quote",
        ),
        ({"answer": "interested", "quote": "devis.pdf"}, "quote"),
    ],
)
def test_a_bad_answer_is_refused(sent, as_persona, body, field):
    response = as_persona("owner").post(f"{sent}/@answer", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["message"].startswith(f"{field} : ")


@pytest.mark.parametrize(
    "body, message",
    [
        ('["interested"]', "Le corps de la requête doit être un objet JSON."),
        ("{pas du json", "Le corps de la requête n'est pas du JSON valide."),
    ],
)
def test_an_answer_that_is_no_object_is_refused(sent, as_persona, body, message):
    response = as_persona("owner").post(
        f"{sent}/@answer", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.json()["message"] == message
    transaction.begin()
    response = as_persona("buyer").get("/@consultations?box=sent")
    assert response.json()["items"][0]["answers"] == 0


@pytest.mark.parametrize(
    "quote,message",
    [
        (
            {"data": "%PDF-1.4", "encoding": "latin-1"},
            "quote : Le devis s'envoie encodé en base64, ou sans encodage.",
        ),
        (
            {"data": "QlpoOTFBWSZTWQ==", "encoding": "bz2_codec"},
            "quote : Le devis s'envoie encodé en base64, ou sans encodage.",
        ),
        (
            {"data": "eJwLyc8rUQAAAP//", "encoding": "zlib_codec"},
            "quote : Le devis s'envoie encodé en base64, ou sans encodage.",
        ),
        (
            {"data": "JVBER i0x", "encoding": "base64"},
            "quote : Devis : il doit s'agir d'un fichier, par exemple un PDF.",
        ),
        (
            {
                "data": base64.b64encode(PDF + b"0" * (10 * 1024 * 1024)).decode(),
                "encoding": "base64",
                "filename": "devis.pdf",
            },
            "quote : Le fichier ne doit pas dépasser 10 Mo.",
        ),
    ],
)
def test_a_quote_in_another_encoding_is_refused_in_french(
    functional_portal, sent, uids, as_persona, quote, message
):
    response = as_persona("owner").post(
        f"{sent}/@answer", json={"answer": "interested", "quote": quote}
    )
    assert response.status_code == 400, response.text
    assert response.json()["message"] == message
    assert answer_of(consultation_at(functional_portal, sent), uids["owner"]) is None


def test_answering_after_closing_is_refused_in_french(
    functional_portal, sent, as_persona, expire
):
    expire(consultation_at(functional_portal, sent))
    transaction.commit()
    response = as_persona("owner").post(f"{sent}/@answer", json={"answer": "declined"})
    assert response.status_code == 400, response.text
    assert response.json()["message"] == (
        "answer : Cette consultation est clôturée : elle n'accepte plus de réponses."
    )


# --- Automatic closing on access ------------------------------------------------


def test_an_expired_consultation_closes_when_opened(
    functional_portal, sent, as_persona, html_page, expire
):
    consultation = expire(consultation_at(functional_portal, sent))
    transaction.commit()
    document = html_page(as_persona("owner", api=False), consultation.absolute_url())
    assert "Cette consultation est clôturée" in document.text_content()
    assert document.cssselect("#coop-consultation-answer") == []
    assert api.content.get_state(consultation_at(functional_portal, sent)) == "closed"


# --- Mail ---------------------------------------------------------------------------


def test_sending_mails_each_recipient_and_answers_mail_the_sender(
    functional_portal, directory, uids, as_persona, smtp_server, mail_parts
):
    directory.other_entry.consultation_email = "devis@energies-du-leman.example"
    transaction.commit()
    buyer = as_persona("buyer")
    body = fields(uids, recipients=[uids["owner"], uids["other_cooperative"]])
    path = "/consultations/" + buyer.post("/consultations", json=body).json()["id"]
    assert buyer.post(f"{path}/@workflow/send", json={}).status_code == 200
    messages = smtp_server.wait_for(2)
    assert sorted(m["To"] for m in messages) == [
        "devis@energies-du-leman.example",
        directory.emails["owner"],
    ]
    assert (
        smtp_server.subjects()
        == ["Consultation : Rénovation de la salle des fêtes"] * 2
    )
    message = messages[0]
    assert message["Reply-To"] == directory.emails["buyer"]
    url = functional_portal.absolute_url() + path
    body = mail_parts(message)
    assert "Date de clôture : " in body["text/plain"]
    assert url in body["text/plain"]
    assert f'<a href="{url}">' in body["text/html"]
    response = as_persona("owner").post(
        f"{path}/@answer", json={"answer": "interested", "message": "Avec plaisir."}
    )
    assert response.status_code == 200, response.text
    answer = smtp_server.wait_for(3)[2]
    assert answer["To"] == directory.emails["buyer"]
    assert answer["Reply-To"] == directory.emails["owner"]
    assert "Avec plaisir." in mail_parts(answer)["text/plain"]


def test_a_stopped_smtp_server_delays_the_mail_and_loses_none(
    functional_portal, directory, uids, as_persona, smtp_server
):
    smtp_server.stop()
    buyer = as_persona("buyer")
    body = fields(uids, recipients=[uids["owner"], uids["other_cooperative"]])
    path = "/consultations/" + buyer.post("/consultations", json=body).json()["id"]
    # The sender is served at once, whatever the mail server does.
    response = buyer.post(f"{path}/@workflow/send", json={})
    assert response.status_code == 200, response.text
    response = as_persona("owner").post(f"{path}/@answer", json={"answer": "declined"})
    assert response.status_code == 200, response.text
    # The queue thread tries and fails while the server is away.
    time.sleep(4)
    assert smtp_server.messages == []
    assert functional_portal.MailHost.queueLength() == 3
    smtp_server.start()
    smtp_server.wait_for(3)
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(
        [
            directory.emails["owner"],
            directory.emails["other_cooperative"],
            directory.emails["buyer"],
        ]
    )
    assert queue_drained(functional_portal.MailHost) == 0


def test_a_draft_mails_nobody(functional_portal, uids, as_persona, smtp_server):
    response = as_persona("buyer").post("/consultations", json=fields(uids))
    assert response.status_code == 201, response.text
    assert smtp_server.wait_for(1, timeout=2) == []


@pytest.mark.parametrize(
    "persona,shown",
    [("buyer", True), ("owner", True), ("moderator", False), ("anonymous", False)],
)
def test_the_user_menu_leads_to_my_consultations(
    functional_portal, as_persona, persona, shown, html_page
):
    document = html_page(
        as_persona(persona, api=False), functional_portal.absolute_url()
    )
    links = [
        a
        for a in document.cssselect("a[href]")
        if a.get("href").endswith("/@@mes-consultations")
    ]
    assert bool(links) is shown
    if shown:
        assert "Mes consultations" in links[0].text_content()


@pytest.mark.parametrize(
    "persona,status",
    [
        ("buyer", 200),
        ("owner", 200),
        ("other_cooperative", 401),
        ("anonymous", 401),
    ],
)
def test_who_downloads_a_quote(
    functional_portal, sent, uids, as_persona, persona, status
):
    quote = {
        "data": base64.b64encode(PDF).decode(),
        "encoding": "base64",
        "filename": "devis.pdf",
    }
    response = as_persona("owner").post(
        f"{sent}/@answer", json={"answer": "interested", "quote": quote}
    )
    assert response.status_code == 200, response.text
    url = (
        f"{functional_portal.absolute_url()}{sent}/@@answer-quote"
        f"?cooperative={uids['owner']}"
    )
    response = as_persona(persona, api=False).get(url, allow_redirects=False)
    if status == 401:
        assert response.status_code in (302, 401), response.status_code
        assert response.content != PDF
    else:
        assert response.status_code == 200, response.status_code
        assert response.content == PDF


@pytest.fixture
def answer_on_the_page(functional_portal, as_persona, html_page):
    """Answer the consultation at `path` on its page, with `quote` attached."""

    def answer_on_the_page(path, quote):
        browser = as_persona("owner", api=False)
        url = functional_portal.absolute_url() + path
        document = html_page(browser, url)
        (form,) = document.cssselect("form#coop-consultation-answer")
        token = form.cssselect("input[name='_authenticator']")[0].get("value")
        return browser.post(
            url,
            data={
                "answer": "interested",
                "message": "Disponibles en mars.",
                "_authenticator": token,
                "form.answer": "1",
            },
            files={"quote": quote},
            headers={"Accept": "text/html"},
        )

    return answer_on_the_page


def test_a_recipient_answers_on_the_page(
    functional_portal, sent, as_persona, html_page, answer_on_the_page
):
    response = answer_on_the_page(sent, ("devis.pdf", PDF, "application/pdf"))
    assert response.status_code == 200, response.status_code
    assert "Votre réponse est transmise" in response.text
    url = functional_portal.absolute_url() + sent
    (card,) = html_page(as_persona("buyer", api=False), url).cssselect(".coop-answer")
    assert "Disponibles en mars." in card.text_content()
    assert "Intéressé" in card.text_content()
    assert card.cssselect("a[href*='@@answer-quote']")


def test_a_disguised_quote_is_refused_on_the_page(
    functional_portal, sent, as_persona, answer_on_the_page
):
    response = answer_on_the_page(
        sent,
        ("devis.pdf", b"MZ\x90\x00 un programme", "application/pdf"),
    )
    assert response.status_code == 200, response.status_code
    assert (
        "Le fichier doit être un PDF, un document bureautique ou une image."
        in response.text
    )
    transaction.begin()
    response = as_persona("buyer").get("/@consultations?box=sent")
    assert response.json()["items"][0]["answers"] == 0


@pytest.mark.parametrize(
    "address,queued",
    [
        # The domain goes in IDNA; a local part out of ASCII is left out.
        ("devis@énergies-du-léman.example", 2),
        ("dévis@energies-du-leman.example", 1),
    ],
)
def test_addresses_out_of_ascii(
    functional_portal, directory, uids, as_persona, smtp_server, address, queued
):
    smtp_server.stop()
    directory.other_entry.consultation_email = address
    transaction.commit()
    buyer = as_persona("buyer")
    body = fields(uids, recipients=[uids["owner"], uids["other_cooperative"]])
    path = "/consultations/" + buyer.post("/consultations", json=body).json()["id"]
    response = buyer.post(f"{path}/@workflow/send", json={})
    assert response.status_code == 200, response.text
    assert functional_portal.MailHost.queueLength() == queued
