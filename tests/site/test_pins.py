"""Buildout and pip install the same pinned set."""

from pathlib import Path

import configparser
import importlib.util


ROOT = Path(__file__).parent.parent.parent


def load_script():
    path = ROOT / "scripts" / "versions_to_constraints.py"
    spec = importlib.util.spec_from_file_location("versions_to_constraints", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pins():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "profiles" / "versions.cfg")
    return dict(parser["versions"])


def test_constraints_are_derived_from_versions_cfg():
    script = load_script()
    expected = script.constraints("profiles/versions.cfg")
    assert (ROOT / "constraints.txt").read_text() == expected


def test_plone_and_its_layout_are_pinned_to_the_6_series():
    versions = pins()
    assert versions["Plone"] == "6.2.2"
    assert versions["Products.CMFPlone"] == "6.2.2"
    assert versions["plone.app.layout"].startswith("6.")


def test_bootstrap_tools_are_pinned():
    versions = pins()
    for tool in ("pip", "setuptools", "wheel", "zc.buildout"):
        assert versions.get(tool), tool


def test_buildout_refuses_unpinned_distributions():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "profiles" / "base.cfg")
    assert parser["buildout"]["allow-picked-versions"] == "false"
