"""Open the Zope application of an instance from a console script."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.users import system
from contextlib import contextmanager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
from Zope2.Startup.run import make_wsgi_app

import os
import transaction
import Zope2


def zope_conf():
    """The instance's zope.conf, as buildout's scripts set it."""
    return os.environ["COOP_ZOPE_CONF"]


# The WSGI application of each configuration started in this process.
_started = {}


def start_zope(zope_conf_path=None):
    """Start Zope once per process and configuration; its WSGI application."""
    path = zope_conf_path or zope_conf()
    if path not in _started:
        _started[path] = make_wsgi_app({}, path)
    return _started[path]


@contextmanager
def zope_app(zope_conf_path=None):
    """Yield the Zope root as the system user; commit on success, abort on error."""
    start_zope(zope_conf_path)
    app = makerequest(Zope2.app())
    app.REQUEST["PARENTS"] = [app]
    setRequest(app.REQUEST)
    newSecurityManager(None, system)
    try:
        yield app
        transaction.commit()
    except BaseException:
        transaction.abort()
        raise
    finally:
        noSecurityManager()
        setSite(None)
        setRequest(None)
        app._p_jar.close()
