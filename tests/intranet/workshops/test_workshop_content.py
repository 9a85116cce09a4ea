"""Coaches create sessions in /intranet/ateliers; bad fields are refused in
French; markup in a text field is shown as text, never run."""

from coop.content.testing import plain_text
from datetime import datetime
from datetime import timedelta
from lxml import html

import pytest
import transaction


SCRIPT = "<script>alert(1)</script>"
START = datetime(2030, 3, 5, 9, 30)


@pytest.fixture
def folder(functional_portal):
    return functional_portal["intranet"]["ateliers"]


@pytest.fixture
def body(userid_of):
    """A valid new session, as REST takes it."""
    return {
        "@type": "Workshop",
        "title": "Trouver ses premiers clients",
        "theme": "commercial",
        "capacity": 10,
        "trainer": userid_of("trainer"),
        "start": START.isoformat(),
        "end": (START + timedelta(hours=3)).isoformat(),
    }


def sessions_in(folder):
    transaction.begin()
    return list(folder.objectIds())


@pytest.mark.parametrize("persona", ["trainer", "other_coach", "site_administrator"])
def test_staff_create_sessions(persona, folder, body, intranet_session):
    response = intranet_session(persona).post(folder.absolute_url(), json=body)
    assert response.status_code == 201, response.text
    assert sessions_in(folder) == ["trouver-ses-premiers-clients"]


@pytest.mark.parametrize("persona", ["holder", "other_holder", "anonymous", "buyer"])
def test_others_create_no_session(persona, folder, body, intranet_session):
    response = intranet_session(persona).post(folder.absolute_url(), json=body)
    assert response.status_code in (401, 403)
    assert sessions_in(folder) == []


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"capacity": 0}, "Le champ « capacity » : La valeur doit être au moins 1."),
        ({"capacity": -5}, "Le champ « capacity » : La valeur doit être au moins 1."),
        (
            {"capacity": 1001},
            "Le champ « capacity » : La valeur doit être au plus 1000.",
        ),
        (
            {"capacity": "douze"},
            "Le champ « capacity » : Ce champ n'accepte pas cette valeur.",
        ),
        (
            {"capacity": [12]},
            "Le champ « capacity » : Ce champ n'accepte pas cette valeur.",
        ),
        (
            {"end": (START - timedelta(hours=1)).isoformat()},
            "La date de fin doit être après la date de début",
        ),
        ({"start": "demain"}, "Le champ « start » : Ce champ n'accepte pas"),
        ({"title": 42}, "Le champ « title » : Ce champ n'accepte pas"),
        ({"theme": "inconnu"}, "Le champ « theme » ne désigne aucun thème d'atelier."),
        ({"theme": SCRIPT}, "Le champ « theme » ne désigne aucun thème d'atelier."),
        ({"theme": ["commercial"]}, "Le champ « theme » : Ce champ n'accepte pas"),
        (
            {"trainer": "inconnu"},
            "Le champ « trainer » ne désigne aucun accompagnateur.",
        ),
    ],
)
def test_bad_fields_are_refused_in_french(
    changes, message, folder, body, intranet_session
):
    response = intranet_session("trainer").post(
        folder.absolute_url(), json={**body, **changes}
    )
    assert response.status_code == 400, response.text
    assert message in response.json()["message"]
    assert sessions_in(folder) == []


def test_the_trainer_is_a_coach(folder, body, intranet_session, userid_of):
    body = {**body, "trainer": userid_of("holder")}
    response = intranet_session("trainer").post(folder.absolute_url(), json=body)
    assert response.status_code == 400
    message = "Le champ « trainer » ne désigne aucun accompagnateur."
    assert message in response.json()["message"]
    assert sessions_in(folder) == []


def test_markup_in_the_text_fields_is_shown_as_text(
    make_workshop, intranet_browser, intranet_session, smtp_server, mail_parts
):
    workshop = make_workshop(
        title=f"Atelier {SCRIPT}",
        description=f"Résumé {SCRIPT}",
        location=f"Salle {SCRIPT}",
    )
    response = intranet_session("holder").post(
        f"{workshop.absolute_url()}/@registrations", json={}
    )
    assert response.status_code == 201
    for url in (workshop.absolute_url(), workshop.aq_parent.absolute_url()):
        page = intranet_browser("trainer").get(url).text
        assert SCRIPT not in page
        assert "Atelier &lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert not any(
            "alert(1)" in (script.text or "")
            for script in html.fromstring(page).iter("script")
        )
    (message,) = smtp_server.wait_for(1)
    assert f"Salle {SCRIPT}" in plain_text(message)
    assert SCRIPT not in mail_parts(message)["text/html"]
    assert "Salle &lt;script&gt;" in mail_parts(message)["text/html"]
