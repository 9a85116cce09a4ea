from coop.content.agenda.registrations.store import ANNOTATION_KEY
from coop.content.behaviors.event import IPublicEvent
from coop.content.common.config import APPOINTMENT_TYPE
from coop.content.common.config import WORKSHOP_TYPE
from coop.content.intranet.appointments.access import share
from Products.CMFCore.utils import getToolByName
from zope.annotation.interfaces import IAnnotations

import logging


logger = logging.getLogger("coop.content.upgrades")


def rewrite_registration_stores(setup_tool):
    """Write every registration store again, under the module of its class.

    A persistent object's record names the module of its class, and so does
    every reference to it: the store's own record and the annotations that
    hold it. Both are written again, so that they load without the aliases of
    `coop.content.MOVED_MODULES`. Stores live on the objects that take
    registrations, those of the public event behavior.
    """
    catalog = getToolByName(setup_tool, "portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        object_provides=IPublicEvent.__identifier__
    )
    rewritten = 0
    for brain in brains:
        annotations = IAnnotations(brain._unrestrictedGetObject())
        store = annotations.get(ANNOTATION_KEY)
        if store is None:
            continue
        store._p_changed = True
        # Setting it again writes the bucket that holds the reference.
        annotations[ANNOTATION_KEY] = store
        rewritten += 1
    logger.info("Wrote %d registration stores again", rewritten)


INTRANET_INDEXES = ("theme", "participants", "attendance_unmarked")


def index_workshops_and_appointments(setup_tool):
    """Index the workshops and appointments in the intranet's new indexes.

    Importing an index creates it empty; the objects that existed before must
    be indexed in it. Appointments of before also get the local roles of
    their two people, which they inherit from no folder.
    """
    catalog = getToolByName(setup_tool, "portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=[WORKSHOP_TYPE, APPOINTMENT_TYPE]
    )
    for brain in brains:
        obj = brain._unrestrictedGetObject()
        if brain.portal_type == APPOINTMENT_TYPE:
            # Seen by its two people only, found by its subject and place.
            share(obj)
            obj.reindexObject(idxs=[*INTRANET_INDEXES, "SearchableText"])
        else:
            obj.reindexObject(idxs=list(INTRANET_INDEXES))
    logger.info("Indexed %d workshops and appointments", len(brains))
