from coop.theme.testing import COOP_THEME_FUNCTIONAL_TESTING
from coop.theme.testing import COOP_THEME_INTEGRATION_TESTING
from pytest_plone import fixtures_factory


globals().update(
    fixtures_factory(
        (
            (COOP_THEME_FUNCTIONAL_TESTING, "functional"),
            (COOP_THEME_INTEGRATION_TESTING, "integration"),
        )
    )
)
