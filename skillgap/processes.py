"""Whether a process is still there: how a temporary file tells a killed run's from a running one's."""

from __future__ import annotations

import os


def is_running(pid: str) -> bool:
    """Whether the process PID (as written in a file's name) is running; a process of another user counts
    as running (it cannot be signalled, but it is there); a PID that is no number is no process."""
    try:
        os.kill(int(pid), 0)
    except (ValueError, OverflowError, ProcessLookupError):
        return False
    except OSError:
        return True
    return True
