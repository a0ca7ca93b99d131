"""Keeping worker processes in bounds: each dies with the main process, and
one whose resident memory passes the run's limit is killed (the pool then
breaks, and the backend replaces it and fails only the document it held)."""

import ctypes
import os
import signal
import threading

PR_SET_PDEATHSIG = 1
POLL = 0.2  # seconds between looks at the workers' memory


def die_with_parent(parent: int) -> None:
    """In a worker: be killed when the main process ends, even by SIGKILL.
    Linux does it in the kernel (PR_SET_PDEATHSIG); elsewhere, and as a
    second guard, a thread notices that the parent changed."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def orphaned():
        while os.getppid() == parent:
            threading.Event().wait(1.0)
        os._exit(1)
    threading.Thread(target=orphaned, daemon=True, name="die-with-parent").start()


def resident_bytes(pid: int):
    """The process's resident set size, or None where /proc is not available."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def workers_of(pool) -> list:
    try:
        return list(getattr(pool, "_processes", None) or {})
    except RuntimeError:  # the pool changed it meanwhile: look again next time
        return []


def kill_workers(pool) -> None:
    for pid in workers_of(pool):
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


class Watch:
    """A thread that kills any worker of `pool` over `limit` bytes resident;
    `killed` then says so, for the failed document's reason."""

    def __init__(self, pool, limit: int = None):
        self.pool, self.limit, self.killed = pool, limit, ""
        self.stopped = threading.Event()
        if limit:
            threading.Thread(target=self._run, daemon=True, name="memory-watch").start()

    def _run(self) -> None:
        while not self.stopped.wait(POLL):
            for pid in workers_of(self.pool):
                size = resident_bytes(pid)
                if size is not None and size > self.limit:
                    self.killed = (f"out of memory: the worker passed --max-memory "
                                   f"({size / 2**20:,.0f} MB > {self.limit / 2**20:,.0f} MB) and was replaced")
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass

    def stop(self) -> None:
        self.stopped.set()
