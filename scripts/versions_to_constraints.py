"""Derive pip constraints from buildout's pins, so both routes install the same set.

Usage: python scripts/versions_to_constraints.py profiles/versions.cfg > constraints.txt
"""

import configparser
import sys


def constraints(versions_cfg):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(versions_cfg)
    pins = parser["versions"]
    lines = [f"# Derived from {versions_cfg}: do not edit, run `make constraints`."]
    lines += [f"{name}=={pins[name]}" for name in sorted(pins, key=str.lower)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(constraints(sys.argv[1]))
