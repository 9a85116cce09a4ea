"""What the instance does once it is ready to serve."""

import gc


# Objects allocated (and not yet freed) between two collections of the young
# generation: several requests' worth, where Python's 700 collects about once
# per request.
YOUNG_GENERATION_THRESHOLD = 10_000


def freeze_startup_objects(event):
    """Leave the objects of a started Zope out of the garbage collector's rounds.

    Modules, classes, functions and configuration live as long as the
    process, hundreds of thousands of objects once Plone is loaded: a full
    collection, which holds every thread, need not go through them.
    """
    gc.collect()
    gc.freeze()


def collect_young_objects_less_often(event):
    """Let a few requests' objects die before the young generation is collected.

    Collected once per request, the objects of the requests under way (one
    per thread) would survive each collection, be promoted, and set off full
    collections, which hold every thread.
    """
    _young, *older = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *older)
