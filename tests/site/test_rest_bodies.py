"""A body that is no JSON object is refused in French by the services.

collective.honeypot reads every POST before the service does; it must not turn
such a body into a server error.
"""

from coop.content.agenda.registrations.store import get_store

import pytest
import transaction


@pytest.fixture
def buyer_session(functional_portal, create_directory, session_of):
    directory = create_directory(commit=True)
    session = session_of(directory.emails["buyer"])
    session.headers.update(
        {"Accept": "application/json", "Content-Type": "application/json"}
    )
    return session


NOT_JSON = "Le corps de la requête n'est pas du JSON valide."
NO_OBJECT = "Le corps de la requête doit être un objet JSON."


@pytest.mark.parametrize("service", ["/@favorites", "/@saved-searches"])
@pytest.mark.parametrize(
    "body, message",
    [
        ("[1, 2]", NO_OBJECT),
        ('["password"]', NO_OBJECT),
        ("42", NO_OBJECT),
        ('"texte"', NO_OBJECT),
        ("{pas du json", NOT_JSON),
    ],
)
def test_a_body_that_is_no_object(buyer_session, service, body, message):
    response = buyer_session.post(service, data=body)
    assert response.status_code == 400, response.text
    error = response.json()
    assert (error["type"], error["message"]) == ("BadRequest", message)
    assert buyer_session.get(service).json() == {"items": []}


@pytest.mark.parametrize(
    "body, message",
    [("[1, 2]", NO_OBJECT), ("42", NO_OBJECT), ("{pas du json", NOT_JSON)],
)
def test_a_registration_that_is_no_object(make_event, request_factory, body, message):
    event = make_event()
    transaction.commit()
    session = request_factory()
    session.headers.update(
        {"Accept": "application/json", "Content-Type": "application/json"}
    )
    response = session.post("/agenda/reunion/@registrations", data=body)
    assert response.status_code == 400, response.text
    error = response.json()
    assert (error["type"], error["message"]) == ("BadRequest", message)
    transaction.begin()  # see what the server committed
    assert get_store(event) is None
