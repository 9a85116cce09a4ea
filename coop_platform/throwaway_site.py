"""The throwaway site the benchmarks build and serve.

An instance in a temporary directory (its own zope.conf and FileStorage: the
instance's var/ is never touched), published cooperatives stored directly
rather than through the wizard, and waitress serving the site on a loopback
port, as `bin/coop-bench-search` and `bin/coop-bench-consultations` use them.
"""

from contextlib import contextmanager
from coop.content.common.cachekeys import bump
from coop.content.common.cachekeys import CONTENT
from coop.content.common.cachekeys import ENTRIES
from coop.content.common.config import COOPERATIVE_TYPE
from coop.content.directory.subscribers import derive_geography
from pathlib import Path
from plone import api
from plone.dexterity.utils import createContent
from waitress import create_server

import logging
import os
import tempfile
import threading


# The French translations, as the instance's environment has them.
ENVIRONMENT = {"zope_i18n_compile_mo_files": "true"}
# As many as the instance has.
SERVER_THREADS = 4

ZOPE_CONF = """\
%define INSTANCEHOME {home}
instancehome $INSTANCEHOME
%define CLIENTHOME {home}
clienthome $CLIENTHOME
debug-mode off
security-policy-implementation C
verbose-security off
default-zpublisher-encoding utf-8
<zodb_db main>
    cache-size 50000
    <filestorage>
        path {home}/Data.fs
        blob-dir {home}/blobs
    </filestorage>
    mount-point /
</zodb_db>
"""
# The site.zcml of a plone.recipe.zope2instance instance.
SITE_ZCML = """\
<configure
    xmlns="http://namespaces.zope.org/zope"
    xmlns:meta="http://namespaces.zope.org/meta"
    xmlns:five="http://namespaces.zope.org/five">
  <include package="Zope2.App" />
  <include package="Products.Five" />
  <meta:redefinePermission from="zope2.Public" to="zope.Public" />
  <five:loadProducts file="meta.zcml" />
  <five:loadProducts />
  <five:loadProductsOverrides />
  <securityPolicy component="AccessControl.security.SecurityPolicy" />
</configure>
"""


@contextmanager
def throwaway_instance():
    """Yield the path of a temporary instance's zope.conf; remove it all after.

    Zope is not started: a benchmark may set more of the environment first.
    """
    for name, value in ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    with tempfile.TemporaryDirectory(prefix="coop-bench-") as home:
        home = Path(home)
        (home / "etc").mkdir()
        (home / "etc" / "site.zcml").write_text(SITE_ZCML)
        zope_conf = home / "zope.conf"
        zope_conf.write_text(ZOPE_CONF.format(home=home))
        # The messages the site sends stay in the temporary directory too.
        os.environ["COOP_MAIL_QUEUE"] = str(home / "mailqueue")
        yield str(zope_conf)


def add_published_entries(directory, entries):
    """Create, publish and catalog `entries` in `directory`, without the wizard.

    `entries` are (id, fields, effective date) tuples; with no effective date
    (None), an entry has none and is published when it is created. Fast: the
    objects are made and stored directly, with the state, the permissions and
    the derived fields that submitting and publishing give, and the cached
    answers about entries and content are computed again, as their events would
    have them. The cooperatives made, in order.
    """
    workflow_tool = api.portal.get_tool("portal_workflow")
    (workflow,) = workflow_tool.getWorkflowsFor(COOPERATIVE_TYPE)
    cooperatives = []
    for entry_id, fields, effective in entries:
        cooperative = createContent(COOPERATIVE_TYPE, **fields)
        cooperative.id = entry_id
        directory._setObject(entry_id, cooperative, suppress_events=True)
        cooperative = directory[entry_id]
        derive_geography(cooperative)
        if effective is None:
            published = cooperative.created()
        else:
            cooperative.setEffectiveDate(effective)
            published = effective
        workflow_tool.setStatusOf(
            workflow.getId(),
            cooperative,
            {
                "action": "publish",
                "review_state": "published",
                "actor": "admin",
                "comments": "",
                "time": published,
            },
        )
        workflow.updateRoleMappingsFor(cooperative)
        cooperative.indexObject()
        cooperatives.append(cooperative)
    bump(ENTRIES, CONTENT)
    return cooperatives


class Server:
    """The site's WSGI application served by waitress on a free loopback port."""

    def __init__(self, application):
        # With poll(), closing the server from this thread ends its loop.
        self.server = create_server(
            application,
            host="127.0.0.1",
            port=0,
            threads=SERVER_THREADS,
            asyncore_use_poll=True,
        )
        self.port = self.server.effective_port
        # More clients than threads is what the benchmarks measure, not news.
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        # The threads finish their last requests before the loop stops.
        self.server.task_dispatcher.shutdown()
        self.server.close()
        self.thread.join(timeout=10)
