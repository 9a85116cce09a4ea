"""The route of `make start`, end to end: the buildout's scripts on a real ZODB.

`bin/coop-site --demo` creates the site in a FileStorage of its own (twice:
the second run must keep everything), then the instance's WSGI application
serves it on a free port and answers over HTTP like the development site.
"""

from pathlib import Path

import os
import pytest
import re
import requests
import subprocess
import time


ROOT = Path(__file__).parent.parent.parent


@pytest.fixture(scope="module")
def served_site(instance_home, run_script):
    home, port = instance_home
    first = run_script(home, "coop-site", "--demo")
    assert first.returncode == 0, first.stderr[-3000:]
    second = run_script(home, "coop-site", "--demo")
    assert second.returncode == 0, second.stderr[-3000:]
    interpreter = ROOT / "parts" / "instance" / "bin" / "interpreter"
    server = subprocess.Popen(
        [
            interpreter,
            "-c",
            "import sys; from Zope2.Startup.serve import main; "
            "main(['runwsgi', sys.argv[-1]])",
            str(home / "wsgi.ini"),
        ],
        env=dict(os.environ, COOP_MAIL_QUEUE=str(home / "mailqueue")),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/coop"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=60)
            break
        except requests.ConnectionError:
            if server.poll() is not None:
                pytest.fail(server.stderr.read().decode()[-3000:])
            time.sleep(0.5)
    yield url, first.stderr + second.stderr
    server.terminate()
    server.wait(timeout=30)


def test_site_is_created_once(served_site):
    _url, log = served_site
    assert log.count("Creating the Plone site coop") == 1


def test_home_page_is_french_with_the_sections(served_site):
    url, _log = served_site
    page = requests.get(url, timeout=30)
    assert page.status_code == 200
    assert re.search(r'<html[^>]*\slang="fr"', page.text)
    for section in ("annuaire", "la-cooperative", "agenda", "porteurs-de-projet"):
        assert f"{url}/{section}" in page.text


def test_presentation_pages_are_public(served_site):
    url, _log = served_site
    listing = requests.get(f"{url}/++api++/la-cooperative", timeout=30).json()
    titles = [item["title"] for item in listing["items"]]
    assert len(titles) >= 7


def test_intranet_is_closed_to_anonymous(served_site):
    url, _log = served_site
    response = requests.get(f"{url}/++api++/intranet", timeout=30)
    assert response.status_code == 401


def test_demo_accounts_log_in_by_email(served_site):
    url, _log = served_site
    response = requests.post(
        f"{url}/++api++/@login",
        json={"login": "porteur@coop.example", "password": "coop-demo-2026"},
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    token = response.json()["token"]
    intranet = requests.get(
        f"{url}/++api++/intranet",
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
        timeout=30,
    )
    assert intranet.status_code == 200
