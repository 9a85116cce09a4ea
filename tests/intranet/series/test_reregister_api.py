"""@reregister: a coach registers a past session's absentees to the next
session of its theme, over REST; the holders get their mails."""

from coop.content.common.dates import long_date
from coop.content.testing import plain_text
from plone.event.interfaces import IEventAccessor

import pytest


STAFF = ("trainer", "other_coach", "site_administrator")


def url(workshop):
    return f"{workshop.absolute_url()}/@reregister"


def test_a_coach_reregisters_the_absentees_end_to_end(
    missed, following, intranet_session, smtp_server, statuses, userid_of
):
    response = intranet_session("trainer").post(url(missed), json={})
    assert response.status_code == 200, response.text
    assert response.json() == {
        "target": following.absolute_url(),
        "items": [{"userid": userid_of("holder"), "status": "registered"}],
    }
    assert statuses(following) == {userid_of("holder"): "registered"}
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == "ines.morel@porteurs.example"
    assert smtp_server.subjects() == [
        "Inscription confirmée : Construire son prévisionnel (2)"
    ]
    text = " ".join(plain_text(message).split())
    missed_on = long_date(IEventAccessor(missed).start)
    assert (
        f"Vous étiez absent·e à « Construire son prévisionnel » ({missed_on}) : "
        "Nadia Benali vous a inscrit·e à la prochaine session du thème, "
        "« Construire son prévisionnel (2) », et votre place est confirmée."
    ) in text
    assert following.absolute_url() in text


def test_a_full_next_session_puts_them_on_its_waiting_list(
    missed,
    full_following,
    intranet_session,
    smtp_server,
    statuses,
    userid_of,
):
    response = intranet_session("other_coach").post(url(missed), json={})
    assert response.status_code == 200, response.text
    assert response.json()["items"] == [
        {"userid": userid_of("holder"), "status": "waitlisted"}
    ]
    assert statuses(full_following)[userid_of("holder")] == "waitlisted"
    (message,) = smtp_server.wait_for(1)
    assert smtp_server.subjects() == ["Liste d'attente : Construire son prévisionnel"]
    text = " ".join(plain_text(message).split())
    assert "Vous étiez absent·e à « Construire son prévisionnel » (" in text
    assert "qui est complète : vous êtes sur la liste d'attente." in text


def test_who_attended_a_later_session_is_not_reregistered(
    make_workshop, attendance, following, intranet_session, statuses, userid_of
):
    missed = attendance(
        make_workshop("gestion-passee", days=-7), holder="absent", other_holder="absent"
    )
    attendance(make_workshop("rattrapage", days=-2), other_holder="attended")
    response = intranet_session("site_administrator").post(url(missed), json={})
    assert [item["userid"] for item in response.json()["items"]] == [
        userid_of("holder")
    ]
    assert statuses(following) == {userid_of("holder"): "registered"}


def test_no_open_later_session_is_a_french_400(
    missed, make_workshop, intranet_session, statuses
):
    closed = make_workshop("fermee", days=7, registration_open=False)
    response = intranet_session("trainer").post(url(missed), json={})
    assert response.status_code == 400
    assert response.json()["type"] == "BadRequest"
    assert response.json()["message"] == (
        "Aucune session à venir du thème « Gestion » n'est encore ouverte aux "
        "inscriptions."
    )
    assert statuses(closed) == {}


@pytest.mark.parametrize(
    "persona", ["anonymous", "buyer", "cooperative", "holder", "other_holder"]
)
def test_only_coaches_and_administrators_reregister(
    missed, following, intranet_session, persona, statuses
):
    response = intranet_session(persona).post(url(missed), json={})
    assert response.status_code in (401, 403)
    assert "Ines" not in response.text
    assert statuses(following) == {}


@pytest.mark.parametrize("persona", STAFF)
def test_every_coach_and_the_administrator_reregister(
    missed, following, intranet_session, persona, statuses, userid_of
):
    response = intranet_session(persona).post(url(missed), json={})
    assert response.status_code == 200
    assert statuses(following) == {userid_of("holder"): "registered"}


@pytest.mark.parametrize(
    "body, message",
    [
        ("[]", "Le corps de la requête doit être un objet JSON."),
        ('"tous"', "Le corps de la requête doit être un objet JSON."),
        ("{tous", "Le corps de la requête n'est pas du JSON valide."),
        (
            '{"userid": "<script>alert(1)</script>"}',
            "Le corps de la requête doit être un objet JSON vide : {}.",
        ),
    ],
)
def test_a_bad_body_is_refused_in_french_and_changes_nothing(
    missed, following, intranet_session, body, message, statuses
):
    response = intranet_session("trainer").post(
        url(missed), data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["message"] == message
    assert "<script>" not in response.text
    assert statuses(following) == {}


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_reregister_takes_only_post(
    missed, following, intranet_session, method, statuses
):
    response = getattr(intranet_session("trainer"), method)(url(missed))
    assert response.status_code in (404, 405)
    assert statuses(following) == {}
