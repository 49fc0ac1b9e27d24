"""Runs Home Assistant like `python -m homeassistant`, and stops it once the process that started
it is gone: a test run that is killed (a CI timeout, Ctrl+C on vitest) must not leave a server
behind that keeps its port and a share of the two cores."""
import os
import signal
import sys
import threading
import time

from homeassistant.__main__ import main

# Home Assistant's own shutdown stages may take this long before we give up on them.
SHUTDOWN_GRACE_SECONDS = 60


def stop_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(SHUTDOWN_GRACE_SECONDS)
    os._exit(1)


threading.Thread(target=stop_when_orphaned, args=(os.getppid(),), daemon=True).start()
sys.exit(main())
