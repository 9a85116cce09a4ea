"""Plone's add form of an appointment: coaches only, their own name
proposed as the coach, another coach refused in French."""

from lxml import html
from tests.intranet.conftest import at

import pytest
import transaction


@pytest.fixture
def add_url(functional_portal):
    folder = functional_portal["intranet"]["rendez-vous"]
    return f"{folder.absolute_url()}/++add++Appointment"


@pytest.fixture
def add_form(add_url, intranet_session):
    def get(persona):
        browser = intranet_session(persona, api=False)
        response = browser.get(
            add_url, headers={"Accept": "text/html"}, allow_redirects=False
        )
        return browser, response

    return get


def test_a_coach_is_proposed_as_the_coach(add_form, userid_of):
    _browser, response = add_form("trainer")
    assert response.status_code == 200
    root = html.fromstring(response.text)
    selected = root.xpath("//select[@name='form.widgets.coach:list']/option[@selected]")
    assert [option.get("value") for option in selected] == [userid_of("trainer")]


@pytest.mark.parametrize(
    "persona", ["holder", "other_holder", "buyer", "cooperative", "anonymous"]
)
def test_nobody_else_opens_it(add_form, persona):
    _browser, response = add_form(persona)
    assert response.status_code in (302, 401, 403)
    assert "form.widgets.coach:list" not in response.text


def submit(browser, response, add_url, **fields):
    root = html.fromstring(response.text)
    start = at(5, 10, 0)
    data = {
        "form.widgets.subject": "Bilan",
        "form.widgets.mode:list": "in_person",
        "form.widgets.mode-empty-marker": "1",
        "form.widgets.status:list": "planned",
        "form.widgets.status-empty-marker": "1",
        "form.widgets.IEventBasic.start": start.strftime("%Y-%m-%dT%H:%M"),
        "form.widgets.IEventBasic.end": start.replace(hour=11).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "form.widgets.IEventLocation.location": "Bureau 2",
        "form.buttons.save": "Enregistrer",
        "_authenticator": root.xpath("//input[@name='_authenticator']/@value")[0],
        **fields,
    }
    return browser.post(
        add_url, data=data, headers={"Accept": "text/html"}, allow_redirects=False
    )


def test_a_coach_plans_for_themself_only(
    add_form, add_url, userid_of, functional_portal
):
    browser, response = add_form("trainer")
    people = {
        "form.widgets.entrepreneur:list": userid_of("holder"),
        "form.widgets.coach:list": userid_of("other_coach"),
    }
    refused = submit(browser, response, add_url, **people)
    assert refused.status_code == 200
    assert "un accompagnateur ne planifie que ses propres rendez-vous" in refused.text
    transaction.begin()
    assert functional_portal["intranet"]["rendez-vous"].objectIds() == []

    people["form.widgets.coach:list"] = userid_of("trainer")
    planned = submit(browser, response, add_url, **people)
    assert planned.status_code == 302
    transaction.begin()
    (appointment,) = functional_portal["intranet"]["rendez-vous"].objectValues()
    assert (appointment.subject, appointment.coach) == ("Bilan", userid_of("trainer"))
    assert appointment.__ac_local_roles_block__ is True


def test_another_coach_may_not_edit_it(appointment, intranet_session):
    response = intranet_session("other_coach", api=False).get(
        f"{appointment.absolute_url()}/edit",
        headers={"Accept": "text/html"},
        allow_redirects=False,
    )
    assert response.status_code in (302, 401, 403)
    assert "form.widgets.subject" not in response.text
