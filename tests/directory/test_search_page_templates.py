"""The search page's content, cards, facet options and batch navigation come
from page templates, which a theme overrides with z3c.jbot."""

from coop.content.interfaces import ICoopContentLayer
from lxml import html
from plone import api
from z3c.jbot.interfaces import ITemplateManager
from z3c.jbot.metaconfigure import handler
from zope.component import getGlobalSiteManager
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
from zope.interface import Interface

import pytest


class IThemeLayer(Interface):
    """A theme's browser layer."""


THEME_PARTS = """\
<tal:macros xmlns:metal="http://xml.zope.org/namespaces/metal"
            xmlns:tal="http://xml.zope.org/namespaces/tal">
  <metal:options define-macro="options"><option
      tal:repeat="option python:facet['options']"
      value="${python:option['value']}">*${python:option['label']}</option></metal:options>
  <metal:cards define-macro="cards"><li class="theme-card"
      tal:repeat="item cards">${python:item['title']}</li></metal:cards>
</tal:macros>
"""
THEME_BODY = """\
<tal:body xmlns:metal="http://xml.zope.org/namespaces/metal"
          xmlns:tal="http://xml.zope.org/namespaces/tal"
          define="parts view/parts/macros; cards view/cards">
  <h1 class="theme-heading">${view/total}</h1>
  <select id="coop-search-${facet/name}" tal:repeat="facet view/facets">
    <option value="">*</option>
    <metal:options use-macro="parts/options" />
  </select>
  <ul><metal:cards use-macro="parts/cards" /></ul>
  <tal:pager replace="structure view/pager" />
</tal:body>
"""
THEME_PAGER = """\
<p class="theme-pager" tal:define="batch options/batch">${batch/pagenumber}</p>
"""


@pytest.fixture
def entries(portal, cooperative_fields):
    with api.env.adopt_roles(["Manager"]):
        for number in range(3):
            entry = api.content.create(
                container=portal["annuaire"],
                type="Cooperative",
                **{**cooperative_fields, "title": f"Scop numéro {number}"},
            )
            api.content.transition(obj=entry, transition="submit")
            api.content.transition(obj=entry, transition="publish")


@pytest.fixture
def theme(tmp_path):
    """A theme's overrides of the page's parts, for requests of IThemeLayer."""
    templates = "coop.content.directory.browser.templates"
    (tmp_path / f"{templates}.search_body.pt").write_text(THEME_BODY)
    (tmp_path / f"{templates}.search_parts.pt").write_text(THEME_PARTS)
    (tmp_path / f"{templates}.search_pager.pt").write_text(THEME_PAGER)
    handler(str(tmp_path), IThemeLayer)
    yield IThemeLayer
    getGlobalSiteManager().unregisterAdapter(
        required=(IThemeLayer,), provided=ITemplateManager, name=str(tmp_path)
    )


def render(portal, *layers):
    request = portal.REQUEST
    request.form.update({"b_size": "2", "sector": "F"})
    alsoProvides(request, ICoopContentLayer, *layers)
    page = getMultiAdapter((portal["annuaire"], request), name="directory-search")
    return html.fromstring(page())


def test_the_parts_are_the_packages_templates(portal, entries):
    document = render(portal)
    assert [
        card.cssselect("h2 a")[0].text_content()
        for card in document.cssselect(".coop-card")
    ] == ["Scop numéro 0", "Scop numéro 1"]
    options = document.cssselect("#coop-search-sector option")
    assert [option.text_content() for option in options[1:]] == ["F – Construction (3)"]
    assert document.cssselect("nav .pagination .page-item.active")


def test_a_theme_overrides_the_parts(portal, entries, theme):
    document = render(portal, theme)
    assert [card.text_content() for card in document.cssselect(".theme-card")] == [
        "Scop numéro 0",
        "Scop numéro 1",
    ]
    assert not document.cssselect(".coop-card")
    assert document.cssselect(".theme-heading")[0].text_content() == "3"
    assert not document.cssselect(".coop-search-form")
    options = document.cssselect("#coop-search-sector option")
    assert [option.text_content() for option in options[1:]] == [
        "*F – Construction (3)"
    ]
    assert document.cssselect(".theme-pager")[0].text_content() == "1"
    assert not document.cssselect(".pagination")


def test_the_parts_speak_french(portal, entries):
    """The parts run on Chameleon's own expressions; their i18n still
    translates (the batch links, in Plone's domain)."""
    document = render(portal)
    assert [
        link.text_content().split()
        for link in document.cssselect(".pagination .next .label")
    ] == [["1", "éléments", "suivants"]]
