"""Nobody hands a cooperative's entry to another account by editing its creators.

The entry's creator is the account that answers for the cooperative: the one
that reads the consultations the entry receives.
"""

import pytest
import transaction


@pytest.mark.parametrize("persona", ["owner", "moderator"])
def test_the_edit_form_has_no_creators(as_persona, directory, persona):
    browser = as_persona(persona, api=False)
    response = browser.get(f"{directory.cooperative.absolute_url()}/@@edit")
    assert response.status_code == 200, response.status_code
    assert "form.widgets.siret" in response.text
    assert "creators" not in response.text


@pytest.mark.parametrize("persona", ["owner", "moderator"])
def test_rest_cannot_change_the_creators(as_persona, directory, persona):
    other_id = directory.people["other_cooperative"].getId()
    path = "/annuaire/" + directory.cooperative.getId()
    response = as_persona(persona).patch(
        path, json={"creators": [other_id], "description": "Menuiserie et agencement"}
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert directory.cooperative.description == "Menuiserie et agencement"
    assert directory.cooperative.listCreators() == (directory.people["owner"].getId(),)
