"""The coop platform project: console scripts and cross-package tests."""

from pathlib import Path
from setuptools import setup


setup(
    name="coop-platform",
    version="1.0.0.dev0",
    description=(
        "Plone 6.2 site of a network of cooperatives: "
        "directory, CAE extranet and intranet."
    ),
    long_description=Path("README.rst").read_text(),
    long_description_content_type="text/x-rst",
    author="Coop platform developers",
    license="GPL version 2",
    # The package sits at the root; src/ holds the other distributions.
    packages=["coop_platform"],
    package_dir={"": "."},
    python_requires=">=3.11",
    install_requires=[
        "coop.policy",
        "Faker",
        "Products.CMFPlone",
        "plone.api",
        "waitress",
        "Zope",
    ],
    extras_require={
        "test": [
            "aiosmtpd",
            "coop.policy[test]",
            "playwright",
            "pytest",
            "pytest-plone",
            "requests",
        ],
    },
    entry_points={
        "console_scripts": [
            "coop-site = coop_platform.site:main",
            "coop-dev-server = coop_platform.devserver:main",
            "coop-import-cooperatives = coop_platform.import_cooperatives:main",
            "coop-bench-search = coop_platform.bench_search:main",
            "coop-close-consultations = coop_platform.close_consultations:main",
            "coop-bench-consultations = coop_platform.bench_consultations:main",
            "coop-bench-intranet = coop_platform.bench_intranet:main",
        ],
    },
)
