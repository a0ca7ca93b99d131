"""One run at a time on an output folder: OUT/.pipeline.lock, held with a
POSIX record lock for the whole run. The kernel drops it when the process
ends, however it ends, so a killed run never leaves the folder locked; and
it is not inherited by the worker processes."""

import fcntl
import os
from pathlib import Path

LOCK = ".pipeline.lock"


class Busy(Exception):
    """Another run holds the output folder."""


def acquire(out_dir: Path):
    """The open lock file (keep it open for the run), or Busy saying who holds it."""
    path = Path(out_dir) / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "another process"
        os.close(fd)
        raise Busy(f"{out_dir} is in use by another run (process {holder}); wait for it to end, "
                   f"or choose another --out") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd


def release(fd) -> None:
    os.close(fd)
