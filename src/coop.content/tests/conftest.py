from coop.content.testing import COOP_CONTENT_FUNCTIONAL_TESTING
from coop.content.testing import COOP_CONTENT_INTEGRATION_TESTING
from pytest_plone import fixtures_factory


globals().update(
    fixtures_factory(
        (
            (COOP_CONTENT_FUNCTIONAL_TESTING, "functional"),
            (COOP_CONTENT_INTEGRATION_TESTING, "integration"),
        )
    )
)
