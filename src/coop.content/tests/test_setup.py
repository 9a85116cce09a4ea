from coop.content.interfaces import ICoopContentLayer

import pytest
import socket


PACKAGE = "coop.content"
TYPES = [
    "Cooperative",
    "Consultation",
    "Workshop",
    "Resource",
    "ProjectHolder",
    "Appointment",
    "Question",
    "PersonalFile",
    "ActivityReport",
]


def test_the_test_site_sends_to_a_port_that_refuses_mail(portal):
    mailhost = portal.MailHost
    # Never the port of the mail sink of `make start` (profiles/development.cfg).
    assert mailhost.smtp_port != 8025
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((mailhost.smtp_host, mailhost.smtp_port), 5).close()


class TestInstall:
    def test_product_installed(self, installer):
        assert installer.is_product_installed(PACKAGE)

    def test_browserlayer(self, browser_layers):
        assert ICoopContentLayer in browser_layers

    def test_events_have_the_agenda_fields(self, get_fti):
        assert "coop.content.public_event" in get_fti("Event").behaviors

    def test_profile_version(self, setup_tool, profile_last_version):
        assert profile_last_version(f"{PACKAGE}:default") == "20261207002"
        assert setup_tool.getVersionForProfile(f"{PACKAGE}:default") == "20261207002"


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        installer.uninstall_product(PACKAGE)

    def test_product_uninstalled(self, installer):
        assert not installer.is_product_installed(PACKAGE)

    def test_events_lose_the_agenda_fields(self, get_fti):
        assert "coop.content.public_event" not in get_fti("Event").behaviors

    def test_browserlayer_removed(self, browser_layers):
        assert ICoopContentLayer not in browser_layers

    @pytest.mark.parametrize("portal_type", TYPES)
    def test_fti_removed(self, portal, get_fti, portal_type):
        assert portal_type not in portal.portal_types.objectIds()
        assert get_fti(portal_type) is None
