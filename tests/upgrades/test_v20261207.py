"""20261207001, the first release: the upgrade of each profile from 1000."""

from coop.content.agenda.registrations.store import ANNOTATION_KEY
from coop.content.agenda.registrations.store import get_store
from coop.content.agenda.registrations.store import RegistrationStore
from ZODB.utils import get_pickle_metadata
from zope.annotation.interfaces import IAnnotations


PREVIOUS_MODULE = "coop.content.registrations.store"
STORE_MODULE = "coop.content.agenda.registrations.store"


def test_each_profile_upgrades_from_1000_to_the_version_of_its_metadata(
    portal_setup, upgrade_from, coop_profile
):
    metadata_version = portal_setup.getVersionForProfile(coop_profile)
    assert upgrade_from(coop_profile, "1000") == metadata_version
    assert portal_setup.listUpgrades(coop_profile) == []


def test_a_store_of_1000_loads_through_the_alias(
    event_with_previous_store, stored_record, load_afresh
):
    store = get_store(event_with_previous_store)
    assert get_pickle_metadata(stored_record(store)) == (
        PREVIOUS_MODULE,
        "RegistrationStore",
    )
    event = load_afresh(event_with_previous_store)
    loaded = IAnnotations(event)[ANNOTATION_KEY]
    assert type(loaded) is RegistrationStore
    assert [r["email"] for r in loaded.records()] == [
        "ines.morel@example.org",
        "paul.girard@example.org",
    ]


def test_the_upgrade_writes_the_stores_under_the_agenda_module(
    event_with_previous_store, stored_record, load_afresh, upgrade_from
):
    annotations = event_with_previous_store.__annotations__
    store = get_store(event_with_previous_store)
    records = load_afresh(store).records()
    # The annotations refer to the store by its class too.
    assert PREVIOUS_MODULE.encode() in stored_record(annotations)

    upgrade_from("coop.content:default", "1000")

    assert get_pickle_metadata(stored_record(store)) == (
        STORE_MODULE,
        "RegistrationStore",
    )
    assert PREVIOUS_MODULE.encode() not in stored_record(annotations)
    event = load_afresh(event_with_previous_store)
    assert IAnnotations(event)[ANNOTATION_KEY].records() == records


def test_the_upgrade_gives_the_setup_content_to_the_site(
    functional_portal, upgrade_from
):
    # On a site of 1000, the first member who read setup content became its creator.
    sections = [
        functional_portal,
        functional_portal["agenda"],
        functional_portal["contact"],
    ]
    for obj in sections:
        obj.setCreators(("a-member",))
    upgrade_from("coop.policy:default", "1000")
    assert [tuple(obj.creators) for obj in sections] == [("admin",)] * 3
    catalog = functional_portal.portal_catalog
    assert not catalog.unrestrictedSearchResults(Creator="a-member")
