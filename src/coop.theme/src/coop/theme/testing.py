"""Test layers of coop.theme: a Plone site with coop.theme installed."""

from coop.content.testing import REFUSED_SMTP_FIXTURE
from coop.content.testing import send_mail_to_the_refused_port
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE


class CoopThemeLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE, REFUSED_SMTP_FIXTURE)

    def setUpZope(self, app, configurationContext):
        import coop.theme

        self.loadZCML(package=coop.theme)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "coop.theme:default")
        send_mail_to_the_refused_port(portal)


COOP_THEME_FIXTURE = CoopThemeLayer()

COOP_THEME_INTEGRATION_TESTING = IntegrationTesting(
    bases=(COOP_THEME_FIXTURE,),
    name="CoopThemeLayer:IntegrationTesting",
)

COOP_THEME_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(COOP_THEME_FIXTURE, WSGI_SERVER_FIXTURE),
    name="CoopThemeLayer:FunctionalTesting",
)
