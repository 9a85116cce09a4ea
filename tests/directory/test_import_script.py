"""The console script coop-import-cooperatives: its pieces here, then end to end.

The end-to-end tests run the buildout's bin/coop-site and
bin/coop-import-cooperatives on a FileStorage of their own (see `make test`).
"""

from coop.content.directory.entries import find_by_siret
from coop.content.testing import LoopbackSMTPServer
from coop.content.testing import plain_text
from coop_platform.import_cooperatives import deliver_mail
from coop_platform.import_cooperatives import import_into
from coop_platform.import_cooperatives import progress_bar
from coop_platform.import_cooperatives import report_lines
from coop_platform.import_cooperatives import serve_at
from pathlib import Path
from plone import api

import io
import pytest
import re
import transaction


SAMPLE = Path(__file__).parent / "data" / "cooperatives.csv"
BAD_ROW = b"x@y.example;Scop X;scop_sa;44306184100048;T;C;45;;;;;;74000;Annecy;;;\n"
SIRET_MESSAGE = (
    "Ligne 5 : siret : Le numéro SIRET comporte 14 chiffres et une clé de "
    "contrôle valide."
)


@pytest.mark.parametrize(
    "done,total,line",
    [
        (0, 100, "\r[----------] 0/100"),
        (42, 100, "\r[####------] 42/100"),
        (100, 100, "\r[##########] 100/100"),
    ],
)
def test_progress_bar(done, total, line):
    assert progress_bar(done, total, width=10) == line


class CommitCounter:
    """A transaction synchronizer that counts the commits."""

    def __init__(self):
        self.commits = 0

    def newTransaction(self, txn):
        pass

    def beforeCompletion(self, txn):
        pass

    def afterCompletion(self, txn):
        self.commits += txn.status == "Committed"


@pytest.fixture
def commits():
    counter = CommitCounter()
    transaction.manager.registerSynch(counter)
    yield counter
    transaction.manager.unregisterSynch(counter)


def test_rows_are_committed_in_batches(functional_portal, commits):
    stream = io.StringIO()
    report = import_into(functional_portal, SAMPLE.read_bytes(), stream, batch_size=2)
    assert report.created == 3
    # after rows 2 and 3: a batch, and what is left
    assert commits.commits == 2
    assert stream.getvalue().endswith(f"{progress_bar(3, 3)}\n")
    assert progress_bar(1, 3) in stream.getvalue()
    transaction.abort()
    assert find_by_siret("82345678900010") is not None


def test_the_report_lists_each_refused_row(functional_portal):
    report = import_into(
        functional_portal, SAMPLE.read_bytes() + BAD_ROW, io.StringIO()
    )
    assert report_lines(report) == [*report.summary(), SIRET_MESSAGE]


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://annuaire.example.org", "https://annuaire.example.org/annuaire"),
        ("http://localhost:8080/coop", "http://localhost:8080/coop/annuaire"),
    ],
)
def test_the_site_is_served_at_its_public_address(functional_portal, url, expected):
    serve_at(functional_portal.REQUEST, functional_portal, url)
    assert functional_portal["annuaire"].absolute_url() == expected
    assert api.portal.get().absolute_url() == url


def test_invitations_link_to_the_public_address(functional_portal, smtp_server):
    serve_at(
        functional_portal.REQUEST, functional_portal, "https://annuaire.example.org"
    )
    import_into(functional_portal, SAMPLE.read_bytes(), io.StringIO())
    assert deliver_mail(functional_portal.MailHost, timeout=20) == 0
    messages = smtp_server.wait_for(3)
    links = [
        re.search(r"\S+/passwordreset/\S+", plain_text(message)).group()
        for message in messages
    ]
    assert len(links) == 3
    assert all(
        link.startswith("https://annuaire.example.org/passwordreset/") for link in links
    )


@pytest.fixture(scope="module")
def mail_server():
    server = LoopbackSMTPServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site_home(instance_home, run_script, mail_server):
    """A new site, whose MailHost sends to the loopback server."""
    home, _port = instance_home
    # The instance's zope.conf sets the SMTP server, over the environment.
    zope_conf = home / "zope.conf"
    text, found = re.subn(
        r"COOP_SMTP_PORT\s+\S+",
        f"COOP_SMTP_PORT {mail_server.port}",
        zope_conf.read_text(),
    )
    assert found == 1
    zope_conf.write_text(
        re.sub(r"COOP_SMTP_HOST\s+\S+", "COOP_SMTP_HOST 127.0.0.1", text)
    )
    created = run_script(home, "coop-site")
    assert created.returncode == 0, created.stderr[-3000:]
    return home


def test_the_script_imports_invites_then_updates(site_home, run_script, mail_server):
    url = "https://annuaire.example.org"
    first = run_script(site_home, "coop-import-cooperatives", str(SAMPLE), "--url", url)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "Fiches créées : 3" in first.stdout
    # text mode reads the bar's carriage returns as line ends
    assert progress_bar(3, 3).lstrip("\r") in first.stderr
    messages = mail_server.wait_for(3)
    assert len(messages) == 3
    assert all(f"{url}/passwordreset/" in plain_text(m) for m in messages)

    second = run_script(site_home, "coop-import-cooperatives", str(SAMPLE))
    assert second.returncode == 0, second.stderr[-3000:]
    assert "Fiches créées : 0" in second.stdout
    assert "Fiches mises à jour : 3" in second.stdout
    assert len(mail_server.wait_for(4, timeout=3)) == 3


def test_the_script_reports_a_bad_row_and_fails(site_home, run_script, tmp_path):
    data = tmp_path / "cooperatives.csv"
    data.write_bytes(SAMPLE.read_bytes() + BAD_ROW)
    result = run_script(site_home, "coop-import-cooperatives", str(data))
    assert result.returncode == 1
    assert SIRET_MESSAGE in result.stdout
