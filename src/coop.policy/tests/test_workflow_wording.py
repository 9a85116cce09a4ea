"""The site's workflows speak French wherever Plone names their steps.

Plone translates state and transition titles in its own domain ("plone") in
the history of an item, among others; the workflows themselves say them in
the domain coop.policy (the state menu).
"""

from plone import api
from zope.i18n import translate

import pytest


def coop_workflows():
    tool = api.portal.get_tool("portal_workflow")
    return [tool[name] for name in tool.objectIds() if name.startswith("coop_")]


def steps(workflow):
    """The titles of a workflow's states and transitions."""
    return [
        item.title
        for item in (
            *workflow.states.objectValues(),
            *workflow.transitions.objectValues(),
        )
        if item.title
    ]


@pytest.mark.parametrize("domain", ["plone", "coop.policy"])
def test_every_state_and_transition_has_a_french_title(portal, domain):
    titles = {title for workflow in coop_workflows() for title in steps(workflow)}
    assert len(titles) > 10
    untranslated = [
        title
        for title in sorted(titles)
        if translate(title, domain=domain, target_language="fr") == title
    ]
    assert untranslated == []


def test_the_footer_credit_is_in_french(portal):
    text = translate("label_powered_by_plone", domain="plone", target_language="fr")
    assert text == "Propulsé par Plone"
