from coop.policy.testing import COOP_POLICY_FUNCTIONAL_TESTING
from coop.policy.testing import COOP_POLICY_INTEGRATION_TESTING
from pytest_plone import fixtures_factory


globals().update(
    fixtures_factory(
        (
            (COOP_POLICY_FUNCTIONAL_TESTING, "functional"),
            (COOP_POLICY_INTEGRATION_TESTING, "integration"),
        )
    )
)
