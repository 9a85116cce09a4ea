"""Fixtures of the upgrade steps' tests: a site whose profiles are older.

The site is the functional layer's (upgrade steps commit, as on a real site),
built from today's profiles: each test arranges what a site of the earlier
version holds that the steps change.
"""

from coop.content.agenda.registrations.store import get_store
from coop.content.agenda.registrations.store import RegistrationStore

import pytest
import transaction


COOP_PROFILES = ("coop.content:default", "coop.policy:default", "coop.theme:default")

# Where the registration store's class was before the feature layout.
PREVIOUS_STORE_MODULE = "coop.content.registrations.store"
PEOPLE = (
    ("Inès", "Morel", "ines.morel@example.org"),
    ("Paul", "Girard", "paul.girard@example.org"),
)


@pytest.fixture
def coop_profiles():
    """The profiles of the coop platform."""
    return COOP_PROFILES


@pytest.fixture(params=COOP_PROFILES)
def coop_profile(request):
    """Each profile of the coop platform in turn."""
    return request.param


@pytest.fixture
def portal_setup(functional_portal):
    return functional_portal.portal_setup


@pytest.fixture
def upgrade_from(portal_setup):
    """Run the upgrade steps of a profile recorded at an earlier version.

    `upgrade_from(profile, version)` returns the version the profile ends at.
    """

    def upgrade(profile, version):
        portal_setup.setLastVersionForProfile(profile, version)
        transaction.commit()
        assert portal_setup.listUpgrades(profile), f"no upgrade from {version}"
        portal_setup.upgradeProfile(profile)
        transaction.commit()
        return ".".join(portal_setup.getLastVersionForProfile(profile))

    return upgrade


@pytest.fixture
def stored_record(functional_portal):
    """The committed record of an object, as bytes."""
    storage = functional_portal._p_jar.db().storage

    def of(obj):
        return storage.load(obj._p_oid)[0]

    return of


@pytest.fixture
def load_afresh(functional_portal):
    """An object as a new connection to the site's database loads it.

    The connections are closed after the test.
    """
    db = functional_portal._p_jar.db()
    connections = []

    def load(obj):
        connections.append(db.open())
        return connections[-1].get(obj._p_oid)

    yield load
    for connection in connections:
        connection.close()


@pytest.fixture
def event_with_previous_store(make_event):
    """An event whose registrations were committed before the store's class moved.

    While committing, the class names its module of then, as the records of
    those sites do.
    """
    event = make_event()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RegistrationStore, "__module__", PREVIOUS_STORE_MODULE)
        store = get_store(event, create=True)
        for first_name, last_name, email in PEOPLE:
            store.add(
                {
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": email,
                    "phone": "",
                    "town": "Annecy",
                    "prescriber": None,
                }
            )
        transaction.commit()
    return event
