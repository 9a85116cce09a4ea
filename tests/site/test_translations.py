"""Every message of the site's packages has its French translation.

A message is a `_("…")` of a package's Python code (its domain is the
package's) or a text of its page templates marked `i18n:translate` (in the
template's `i18n:domain`). A message missing from the domain's French
catalog reaches the user in English, which no other test would notice: a
label of a form field, a refusal of a REST service.
"""

from lxml import etree
from zope.component import getUtility
from zope.i18n.interfaces import ITranslationDomain

import ast
import html
import importlib
import pathlib
import pytest
import re


I18N = "http://xml.zope.org/namespaces/i18n"
TAL = "http://xml.zope.org/namespaces/tal"
PACKAGES = ("coop.content", "coop.policy", "coop.theme")
ENTITY = re.compile(r"&(\w+);")
EXPRESSION = re.compile(r"\$\{[^}]*[/:.( ]")


def package_root(name):
    return pathlib.Path(importlib.import_module(name).__file__).parent


def python_messages(root):
    """The literal msgids of the `_()` calls of the package's modules."""
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                yield path, node.args[0].value


def _folded(text):
    return " ".join(text.split())


def _template_msgid(element):
    """The msgid of an element marked i18n:translate, as Chameleon makes it:
    its text with `${name}` for each child named by i18n:name; None for a
    computed text (tal:content, tal:replace) or a child without a name."""
    if element.get(f"{{{TAL}}}content") or element.get(f"{{{TAL}}}replace"):
        return None
    explicit = element.get(f"{{{I18N}}}translate")
    if explicit:
        return explicit
    parts = [element.text or ""]
    for child in element:
        name = child.get(f"{{{I18N}}}name") if isinstance(child.tag, str) else None
        if name is None:
            return None
        parts += [f"${{{name}}}", child.tail or ""]
    return _folded("".join(parts))


def template_messages(root, package_domain):
    """(path, domain, msgid) of the texts the package's templates translate."""
    for path in sorted(root.rglob("*.pt")):
        # Chameleon knows HTML's entities; an XML parser knows five.
        source = ENTITY.sub(
            lambda match: (
                html.unescape(match.group(0))
                if match.group(1) not in ("amp", "lt", "gt", "quot", "apos")
                else match.group(0)
            ),
            path.read_text(),
        )
        tree = etree.fromstring(source.encode(), etree.XMLParser(recover=True))
        yield from _marked(path, tree, package_domain)


def _marked(path, element, domain):
    if not isinstance(element.tag, str):
        return
    domain = element.get(f"{{{I18N}}}domain") or domain
    if element.get(f"{{{I18N}}}translate") is not None:
        msgid = _template_msgid(element)
        # A text holding an expression (${view/title}) is computed.
        if msgid and not EXPRESSION.search(msgid):
            yield path, domain, msgid
    for child in element:
        yield from _marked(path, child, domain)


def french_catalog(domain):
    """The French message catalogs of `domain`."""
    translations = getUtility(ITranslationDomain, domain)
    return [translations._data[name] for name in translations._catalogs["fr"]]


def untranslated(messages):
    """The `(where, domain, msgid)` of `messages` no French catalog holds."""
    catalogs = {}
    missing = set()
    for where, domain, msgid in messages:
        if domain not in catalogs:
            catalogs[domain] = french_catalog(domain)
        if all(
            catalog.queryMessage(msgid, None) is None for catalog in catalogs[domain]
        ):
            missing.add((where, domain, msgid))
    return sorted(missing)


@pytest.mark.parametrize("package", PACKAGES)
def test_every_message_of_the_python_code_is_in_french(portal, package):
    root = package_root(package)
    messages = [
        (str(path.relative_to(root)), package, msgid)
        for path, msgid in python_messages(root)
    ]
    assert untranslated(messages) == []


@pytest.mark.parametrize("package", PACKAGES)
def test_every_text_of_the_templates_is_in_french(portal, package):
    root = package_root(package)
    messages = [
        (str(path.relative_to(root)), domain, msgid)
        for path, domain, msgid in template_messages(root, package)
    ]
    assert untranslated(messages) == []


def test_the_check_finds_a_message_missing_from_the_catalog(portal):
    assert untranslated(
        [("x.py", "coop.content", "Seats"), ("y.py", "coop.content", "No such text")]
    ) == [("y.py", "coop.content", "No such text")]


def test_the_check_reads_the_messages_of_code_and_templates():
    root = package_root("coop.content")
    python = {msgid for _path, msgid in python_messages(root)}
    templates = {msgid for _path, _domain, msgid in template_messages(root, "")}
    assert {"Seats", "Workshop themes"} <= python
    # A text with a child named by i18n:name, and one in an explicit msgid.
    assert "Fields marked with ${marker} are required." in templates
    assert len(python) > 100 and len(templates) > 100
