"""Test layers of coop.content: a Plone site with coop.content installed."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE


class CoopContentLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import coop.content

        self.loadZCML(package=coop.content)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "coop.content:default")


COOP_CONTENT_FIXTURE = CoopContentLayer()

COOP_CONTENT_INTEGRATION_TESTING = IntegrationTesting(
    bases=(COOP_CONTENT_FIXTURE,),
    name="CoopContentLayer:IntegrationTesting",
)

COOP_CONTENT_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(COOP_CONTENT_FIXTURE, WSGI_SERVER_FIXTURE),
    name="CoopContentLayer:FunctionalTesting",
)
