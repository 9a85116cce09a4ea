"""Run the development site: mail sink, site creation with demo content, instance.

    bin/coop-dev-server

Mail sent by the site is delivered to the loopback sink and kept as a Maildir
in var/mail; nothing leaves the machine.
"""

from pathlib import Path

import os
import subprocess
import sys


def main():
    bin_dir = Path(os.environ["COOP_BIN"])
    subprocess.run([bin_dir / "coop-site", "--demo"], check=True)
    sink = subprocess.Popen([bin_dir / "mailsink"])
    try:
        return subprocess.call([bin_dir / "instance", "fg"])
    except KeyboardInterrupt:
        return 0
    finally:
        sink.terminate()
        sink.wait()


if __name__ == "__main__":
    sys.exit(main())
