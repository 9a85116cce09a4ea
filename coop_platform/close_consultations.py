"""Close the consultations whose closing date has passed, for cron.

    bin/coop-close-consultations [--site-id coop]

A consultation also closes by itself when someone opens or lists it; this
script closes the others, so that the lists and the catalog stay right for
consultations nobody looks at. It prints how many it closed.

The script opens the instance's database itself: with ZEO or RelStorage it
runs beside the instances; with the default FileStorage, run it while the
instance is stopped (or rely on the closing on access).
"""

from coop.content.consultations.rules import close_expired
from coop_platform.site import SITE_ID
from coop_platform.zope_app import zope_app
from zope.component.hooks import setSite

import argparse
import sys


def close_in(site):
    """Close the expired consultations of `site`; how many."""
    setSite(site)
    return close_expired()


def report(closed):
    return f"Consultations clôturées : {closed}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-id", default=SITE_ID)
    args = parser.parse_args(argv)
    with zope_app() as app:
        site = app.get(args.site_id)
        if site is None:
            parser.exit(1, f"No site /{args.site_id} in this database.\n")
        print(report(close_in(site)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
