"""Pre-register cooperatives from a CSV file, as the moderators' import page does.

    bin/coop-import-cooperatives path/to/file.csv [--site-id coop] [--url URL]

The file's format is described in ``coop.content.importer``. Each new
cooperative gets an account, a draft entry and an invitation e-mail whose link
starts with --url, the address people reach the site at (by default the
development site, http://localhost:8080/<site id>). Rows are committed in
batches, a progress bar goes to stderr and the report to stdout; the exit
status is 1 when the file or one of its rows was refused.

The script opens the instance's database itself: with a FileStorage, stop the
instance first; with ZEO or RelStorage it may run beside the instances.
"""

from coop.content.common.errors import InputError
from coop.content.directory.importer import import_cooperatives
from coop.content.directory.importer import localize
from coop_platform.site import SITE_ID
from coop_platform.zope_app import zope_app
from pathlib import Path
from urllib.parse import urlsplit
from zope.component.hooks import setSite

import argparse
import logging
import sys
import time
import transaction


logger = logging.getLogger("coop_platform.import_cooperatives")

BATCH_SIZE = 100
MAIL_TIMEOUT = 120
BAR_WIDTH = 30
DEFAULT_PORTS = {"http": 80, "https": 443}


def progress_bar(done, total, width=BAR_WIDTH):
    """One line that redraws itself: ``\\r[#####-----] 42/100``."""
    filled = width * done // total if total else width
    return f"\r[{'#' * filled}{'-' * (width - filled)}] {done}/{total}"


def serve_at(request, site, url):
    """Make the site's URLs start with `url`, as a proxy's virtual hosting does.

    A console script's request has no address of its own; the links in the
    invitations must be those people follow.
    """
    parts = urlsplit(url)
    # Without a port, the request would keep its own.
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    request.setServerURL(parts.scheme, parts.hostname, port)
    request.setVirtualRoot(parts.path)
    request["VirtualRootPhysicalPath"] = site.getPhysicalPath()


def import_into(site, data, stream, batch_size=BATCH_SIZE):
    """Import CSV `data` into `site`, committing every `batch_size` rows.

    A long import so holds no huge transaction, and what is done stays done if
    the process stops. Returns the importer's report.
    """
    setSite(site)

    def progress(done, total):
        if done % batch_size == 0 or done == total:
            transaction.commit()
        stream.write(progress_bar(done, total))
        stream.flush()

    report = import_cooperatives(data, progress=progress)
    stream.write("\n")
    return report


def report_lines(report):
    """The report as the script prints it: the counts, then each refused row."""
    return [*report.summary(), *(error.message for error in report.errors)]


def deliver_mail(mailhost, timeout=MAIL_TIMEOUT):
    """Wait for the queue to send the invitations; return how many still wait.

    The queue's thread lives in this process and dies with it, possibly in the
    middle of a message; it is stopped cleanly once the queue is empty or the
    time is up.
    """
    deadline = time.monotonic() + timeout
    while mailhost.queueLength() and time.monotonic() < deadline:
        time.sleep(0.5)
    mailhost._stopQueueProcessorThread()
    return mailhost.queueLength()


def public_url(text):
    """An --url: http or https, with a host."""
    parts = urlsplit(text)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise argparse.ArgumentTypeError(f"not an http(s) address: {text}")
    return text


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the CSV file")
    parser.add_argument("--site-id", default=SITE_ID)
    parser.add_argument(
        "--url",
        type=public_url,
        help="the site's public address, for the links in the invitations",
    )
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument(
        "--mail-timeout",
        type=float,
        default=MAIL_TIMEOUT,
        help="seconds to wait for the invitations to leave",
    )
    args = parser.parse_args(argv)
    data = args.path.read_bytes()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
    with zope_app() as app:
        site = app.get(args.site_id)
        if site is None:
            parser.exit(1, f"No site /{args.site_id} in this database.\n")
        serve_at(app.REQUEST, site, args.url or f"http://localhost:8080/{site.getId()}")
        try:
            report = import_into(site, data, sys.stderr, args.batch_size)
        except InputError as error:
            parser.exit(1, f"{localize(error.message)}\n")
        waiting = deliver_mail(site.MailHost, args.mail_timeout)
        if waiting:
            logger.warning(
                "%d messages still wait in the mail queue %s",
                waiting,
                site.MailHost.smtp_queue_directory,
            )
        # The report speaks the site's language: it needs the site.
        print("\n".join(report_lines(report)))
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
