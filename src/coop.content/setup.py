from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


long_description = "\n\n".join(
    (Path(__file__).parent / name).read_text() for name in ("README.rst", "CHANGES.rst")
)

setup(
    name="coop.content",
    version="1.0.0.dev0",
    description=(
        "Content types, behaviors, vocabularies, indexers, views "
        "and REST services of the coop platform."
    ),
    long_description=long_description,
    long_description_content_type="text/x-rst",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python :: 3.11",
        "Natural Language :: French",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    author="Coop platform developers",
    license="GPL version 2",
    packages=find_namespace_packages("src", include=["coop.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "Products.CMFPlone",
        "plone.api",
        "plone.restapi",
        "plone.app.dexterity",
        "plone.app.event",
        "collective.z3cform.datagridfield",
        "icalendar",
        "openpyxl",
        "reportlab",
        "setuptools",
    ],
    extras_require={
        "test": [
            "aiosmtpd",
            "plone.app.testing",
            "pypdf",
            "requests",
            "pytest",
            "pytest-plone",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
    },
)
