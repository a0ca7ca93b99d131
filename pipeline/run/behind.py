"""Calls made in order on a thread of their own while the caller goes on.
A run that processes its documents in its own process writes each one
meanwhile: creating a file costs ~0.5 ms, in the kernel, where the GIL is
released, and a second core is idle. Never where worker processes are forked:
a thread that holds a lock at a fork leaves it held in the child."""

import queue
import threading
from contextlib import contextmanager

DEPTH = 16  # calls waiting at most: memory stays bounded when writing is the slower
_STOP = object()


@contextmanager
def behind(fn, threaded: bool = True):
    """A callable that queues `fn(*args)`. On leaving, every queued call has
    been made; the first error a call raised is raised by the next call or on
    leaving (and the calls after it are dropped, as the run stops there)."""
    if not threaded:
        yield fn
        return
    calls, failed = queue.Queue(DEPTH), []
    thread = threading.Thread(target=_work, args=(fn, calls, failed), name="pipeline-behind", daemon=True)
    thread.start()

    def call(*args):
        if failed:
            raise failed[0]
        calls.put(args)
    try:
        yield call
    finally:
        calls.put(_STOP)
        thread.join()
    if failed:
        raise failed[0]


def _work(fn, calls: queue.Queue, failed: list) -> None:
    while (args := calls.get()) is not _STOP:
        if not failed:
            try:
                fn(*args)
            except BaseException as exc:  # handed to the caller's thread
                failed.append(exc)
