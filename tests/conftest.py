"""Fixtures of the cross-package tests (test modules import no other module here)."""

from AccessControl.SpecialUsers import nobody
from coop.content.directory.entries import create_account
from coop.content.directory.entries import create_draft_entry
from dataclasses import dataclass
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from lxml import html
from pathlib import Path
from plone import api

import os
import pytest
import pytz
import re
import socket
import subprocess
import transaction


PASSWORD = "un-mot-de-passe-solide"
FIELDS = {
    "title": "Scop Menuiserie du Lac",
    "legal_form": "scop_sarl",
    "siret": "73282932000074",
    "description": "Menuiserie et agencement sur mesure.",
    "sector": "F",
    "goods_services": ["45"],
    "postal_code": "74600",
    "city": "Seynod",
}
OTHER_FIELDS = {
    **FIELDS,
    "title": "Scic Énergies du Léman",
    "siret": "44306184100047",
    "sector": "D",
    "postal_code": "74200",
    "city": "Thonon-les-Bains",
}
EMAILS = {
    "owner": "gerance@menuiserie-du-lac.example",
    "other_cooperative": "contact@energies-du-leman.example",
    "buyer": "achats@mairie.example",
    "moderator": "moderation@urscop.example",
    "site_administrator": "admin@urscop.example",
}
PATH_TO = {"draft": (), "pending": ("submit",), "published": ("submit", "publish")}


@dataclass
class Directory:
    """One account per persona, and two cooperatives' draft entries."""

    people: dict
    cooperative: object
    other_entry: object
    password = PASSWORD
    emails = EMAILS
    fields = FIELDS
    other_fields = OTHER_FIELDS

    @classmethod
    def create(cls):
        # The other entry comes first: an order of submission that the tests
        # check is then never the order of creation too.
        other = create_account(EMAILS["other_cooperative"], PASSWORD, "Léa Favre")
        other_entry = create_draft_entry(other, **OTHER_FIELDS)
        owner = create_account(EMAILS["owner"], PASSWORD, "Claire Martin")
        with api.env.adopt_roles(["Manager"]):
            buyer = api.user.create(email=EMAILS["buyer"], password=PASSWORD)
            api.group.add_user(groupname="buyers", user=buyer)
            moderator = api.user.create(email=EMAILS["moderator"], password=PASSWORD)
            api.group.add_user(groupname="moderators", user=moderator)
            admin = api.user.create(
                email=EMAILS["site_administrator"], password=PASSWORD
            )
            api.user.grant_roles(user=admin, roles=["Site Administrator"])
        people = {
            "anonymous": nobody,
            "buyer": buyer,
            "other_cooperative": other,
            "owner": owner,
            "moderator": moderator,
            "site_administrator": admin,
        }
        return cls(people, create_draft_entry(owner, **FIELDS), other_entry)

    @staticmethod
    def bring_to(cooperative, state):
        """Take a draft entry to `state` the way it goes in real life."""
        with api.env.adopt_roles(["Manager"]):
            for transition in PATH_TO[state]:
                api.content.transition(obj=cooperative, transition=transition)
        assert api.content.get_state(cooperative) == state

    @staticmethod
    def backdate_submission(cooperative, hours):
        """Pretend the last submission was `hours` ago.

        The catalog keeps dates to the minute: submissions made by one test
        would otherwise all be equal.
        """
        workflow_id = "coop_directory_workflow"
        *earlier, last = cooperative.workflow_history[workflow_id]
        assert last["action"] == "submit"
        cooperative.workflow_history[workflow_id] = (
            *earlier,
            {**last, "time": last["time"] - hours / 24},
        )
        cooperative.reindexObject(idxs=["submitted"])


@pytest.fixture
def password():
    """The password of every account the tests create."""
    return PASSWORD


@pytest.fixture
def cooperative_fields():
    """The fields of a valid cooperative's entry."""
    return dict(FIELDS)


@pytest.fixture
def add_entry(cooperative_fields):
    """Add an entry to /annuaire as a Manager, taken to `state` by its workflow.

    `fields` change those of a valid entry; a published entry's publication
    date is `published_on` (a datetime), if given.
    """

    def add(state="published", published_on=None, **fields):
        with api.env.adopt_roles(["Manager"]):
            entry = api.content.create(
                container=api.portal.get()["annuaire"],
                type="Cooperative",
                **{**cooperative_fields, **fields},
            )
            for transition in PATH_TO[state]:
                api.content.transition(obj=entry, transition=transition)
        if published_on is not None:
            entry.setEffectiveDate(DateTime(published_on))
            entry.reindexObject()
        return entry

    return add


@pytest.fixture
def people(directory):
    """The accounts of `directory`, the fixture each test module defines."""
    return directory.people


@pytest.fixture
def cooperative(directory):
    """The owner's entry of `directory`."""
    return directory.cooperative


@pytest.fixture
def session_of(request_factory):
    """A REST session (`api=True`) or a browser's (`api=False`) of an account.

    The account is that of `email`, with the tests' password; anonymous
    without one.
    """

    def session(email=None, api=True):
        if email is None:
            return request_factory(api=api)
        return request_factory(api=api, basic_auth=(email, PASSWORD))

    return session


@pytest.fixture
def sessions_of(session_of):
    """The sessions of the personas of `emails`, {persona: e-mail}.

    Each is a REST session (`api=True`) or a browser's (`api=False`); the
    persona "anonymous" has no account.
    """

    def sessions(emails):
        def session(persona, api=True):
            email = None if persona == "anonymous" else emails[persona]
            return session_of(email, api=api)

        return session

    return sessions


@pytest.fixture
def browsers_of(sessions_of):
    """The browsers of the personas of `emails`, that ask for HTML pages."""

    def browsers(emails):
        session = sessions_of(emails)

        def browser(persona):
            browser = session(persona, api=False)
            browser.headers["Accept"] = "text/html"
            return browser

        return browser

    return browsers


@pytest.fixture
def as_persona(sessions_of, directory):
    """A REST session (`api=True`) or a browser's (`api=False`) of a persona.

    The personas are those of `directory`, the fixture each test module defines.
    """
    return sessions_of(directory.emails)


@pytest.fixture
def browse(browsers_of, directory):
    """A browser's session of a persona of `directory`, that asks for HTML pages."""
    return browsers_of(directory.emails)


@pytest.fixture
def browser(browsers_of):
    """An anonymous visitor's browser session, that asks for HTML pages."""
    return browsers_of({})("anonymous")


@pytest.fixture
def html_page():
    """The page at `url` of a browser's `session`, parsed; it must be there."""

    def get(session, url, **params):
        response = session.get(url, params=params, headers={"Accept": "text/html"})
        assert response.status_code == 200, (url, response.status_code)
        return html.fromstring(response.text)

    return get


@pytest.fixture
def authenticator():
    """The CSRF token of the forms of a page (a response)."""

    def token(response):
        page = html.fromstring(response.text)
        return page.xpath("//input[@name='_authenticator']/@value")[0]

    return token


@pytest.fixture
def advanced(authenticator):
    """Take `transition` from the content_status_history form ("Avancé…")."""

    def post(browser, path, transition, comment):
        token = authenticator(browser.get(f"{path}/content_status_history"))
        return browser.post(
            f"{path}/content_status_history",
            data={
                "workflow_action": transition,
                "comment": comment,
                "paths:list": path,
                "orig_paths:list": path,
                "form.submitted": "1",
                "form.button.Publish": "Enregistrer",
                "_authenticator": token,
            },
            allow_redirects=False,
        )

    return post


@pytest.fixture
def login_challenge():
    """Whether a response sends to the login form.

    Plone's classic UI sends whoever lacks the permission there, which tells a
    signed-in user that they may not see the page.
    """

    def challenged(response):
        return (
            response.status_code == 302
            and "/require_login?" in response.headers["Location"]
        )

    return challenged


@pytest.fixture
def mail_parts():
    """The parts of a received message, {content type: decoded text}."""

    def parts(message):
        return {
            part.get_content_type(): part.get_payload(decode=True).decode(
                part.get_content_charset()
            )
            for part in message.walk()
            if not part.is_multipart()
        }

    return parts


@pytest.fixture
def state_of():
    """The workflow state of `obj`, as the server committed it."""

    def state(obj):
        transaction.begin()
        return api.content.get_state(obj)

    return state


@pytest.fixture
def writes(monkeypatch):
    """The persistent objects that requests change while the test runs."""
    from ZODB.Connection import Connection

    changed = []
    register = Connection.register

    def recorded(connection, obj):
        changed.append(obj)
        register(connection, obj)

    monkeypatch.setattr(Connection, "register", recorded)
    return changed


@pytest.fixture
def create_people():
    """Create the accounts of `personas`, {persona: (e-mail, groups, roles)}.

    Each account has the tests' password. Returns {persona: e-mail}.
    """

    def create(personas):
        with api.env.adopt_roles(["Manager"]):
            for email, groups, roles in personas.values():
                user = api.user.create(email=email, password=PASSWORD)
                for group in groups:
                    api.group.add_user(groupname=group, user=user)
                if roles:
                    api.user.grant_roles(user=user, roles=roles)
        return {persona: email for persona, (email, *_) in personas.items()}

    return create


@pytest.fixture
def create_directory():
    """`Directory.create`, for the site of the test's own layer fixture.

    The entries named in `published` ("cooperative", "other_entry") are
    published; `commit` shows it all to HTTP requests (functional layers).
    """

    def create(published=(), commit=False):
        directory = Directory.create()
        for name in published:
            directory.bring_to(getattr(directory, name), "published")
        if commit:
            transaction.commit()
        return directory

    return create


# The buildout's scripts and instance, for the end-to-end tests of `make test`.
ROOT = Path(__file__).parent.parent
INSTANCE_ETC = ROOT / "parts" / "instance" / "etc"
VAR = str(ROOT / "var")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def refused_smtp_port():
    """A loopback port that refuses connections while the module's tests run.

    The socket bound to it never listens: no server, the mail sink of
    `make start` included, can take the port meanwhile.
    """
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        yield holder.getsockname()[1]


@pytest.fixture(scope="module")
def instance_home(tmp_path_factory, refused_smtp_port):
    """The instance's configuration, with its data in a directory of its own.

    Returns the directory, with its zope.conf and wsgi.ini, and the port the
    WSGI server would listen on. Its mail goes to a port that refuses it.
    """
    home = tmp_path_factory.mktemp("instance")
    port = free_port()
    zope_conf = (INSTANCE_ETC / "zope.conf").read_text().replace(VAR, str(home))
    zope_conf = re.sub(r"COOP_SMTP_HOST\s+\S+", "COOP_SMTP_HOST 127.0.0.1", zope_conf)
    zope_conf = re.sub(
        r"COOP_SMTP_PORT\s+\S+", f"COOP_SMTP_PORT {refused_smtp_port}", zope_conf
    )
    (home / "zope.conf").write_text(zope_conf)
    wsgi_ini = (
        (INSTANCE_ETC / "wsgi.ini")
        .read_text()
        .replace(str(INSTANCE_ETC / "zope.conf"), str(home / "zope.conf"))
        .replace("0.0.0.0:8080", f"127.0.0.1:{port}")
        .replace(VAR, str(home))
    )
    (home / "wsgi.ini").write_text(wsgi_ini)
    for folder in ("filestorage", "blobstorage", "log", "instance", "cache"):
        (home / folder).mkdir(exist_ok=True)
    return home, port


@pytest.fixture(scope="module")
def run_script():
    """Run a script of bin/ on the database of an instance home."""

    def run(home, script, *args):
        environment = dict(
            os.environ,
            COOP_ZOPE_CONF=str(home / "zope.conf"),
            COOP_MAIL_QUEUE=str(home / "mailqueue"),
        )
        return subprocess.run(
            [ROOT / "bin" / script, *args],
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    return run


# --- Events, for the agenda's tests and the REST bodies' -----------------------


@pytest.fixture
def make_event(functional_portal):
    """Create an event in /agenda, `days` from now, published; not committed."""

    def make(id="reunion", days=10, hours=2, published=True, **fields):
        start = datetime.now(pytz.timezone("Europe/Paris")).replace(
            hour=10, minute=30, second=0, microsecond=0
        ) + timedelta(days=days)
        values = {
            "title": "Réunion d'information collective",
            "location": "12 avenue de Genève, 74000 Annecy",
            "event_kind": "information_collective",
            "registration_open": True,
            "start": start,
            "end": start + timedelta(hours=hours),
            **fields,
        }
        with api.env.adopt_roles(["Manager"]):
            event = api.content.create(
                container=functional_portal["agenda"], type="Event", id=id, **values
            )
            if published:
                api.content.transition(obj=event, transition="publish")
        return event

    return make
