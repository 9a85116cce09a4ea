"""What the instance does once it is ready to serve."""

import gc


def freeze_startup_objects(event):
    """Leave the objects of a started Zope out of the garbage collector's rounds.

    Modules, classes, functions and configuration live as long as the
    process: about 280 000 objects once Plone is loaded. A full collection
    went through all of them every few hundred requests, holding every thread
    (measured with 10 000 files: 450-550 ms, 270-310 ms once they are frozen).
    """
    gc.collect()
    gc.freeze()
