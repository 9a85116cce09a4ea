"""A mail queue that delivers as soon as the SMTP server is back.

zope.sendmail marks a message being sent with a '.sending-' hard link. When
delivery fails for a temporary reason (server stopped, 4xx answer) the link
stays, and the message is not tried again before MAX_SEND_TIME: three hours.
This thread removes the mark after such a failure, so the next pass (every
few seconds) tries again; permanent failures are left to zope.sendmail.
"""

from zope.sendmail.queue import QueueProcessorThread

import contextlib
import os
import smtplib


class _AttemptRecorder:
    """Wraps the mailer and remembers whether the last attempt may be retried."""

    def __init__(self, mailer):
        self._mailer = mailer
        self.temporary_failure = False

    def send(self, fromaddr, toaddrs, message):
        try:
            return self._mailer.send(fromaddr, toaddrs, message)
        except smtplib.SMTPResponseException as error:
            self.temporary_failure = not 500 <= error.smtp_code <= 599
            raise
        except smtplib.SMTPRecipientsRefused:
            raise
        except Exception:
            self.temporary_failure = True
            raise


class RetryingQueueProcessorThread(QueueProcessorThread):
    def _process_one_file(self, filename):
        mailer = self.mailer
        self.mailer = attempt = _AttemptRecorder(mailer)
        try:
            super()._process_one_file(filename)
        finally:
            self.mailer = mailer
        if attempt.temporary_failure:
            head, tail = os.path.split(filename)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(os.path.join(head, ".sending-" + tail))
