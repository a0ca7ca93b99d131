"""A progress bar on a terminal (documents, documents/s, failures so far);
nothing in CI or when stderr is a file or a pipe."""

import os
import shutil
import sys


def wanted() -> bool:
    return sys.stderr.isatty() and os.environ.get("CI", "").lower() not in ("1", "true", "yes")


class Progress:
    def __init__(self, total: int, enabled: bool = None):
        self.bar = None
        if wanted() if enabled is None else enabled:
            from tqdm import tqdm
            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked after this
            width = shutil.get_terminal_size((100, 20)).columns
            self.bar = tqdm(total=total, unit="doc", file=sys.stderr, ncols=width if width > 0 else 100)
        self.failed = 0

    def update(self, entry: dict) -> None:
        """One input done; a failure is reported in one short line."""
        if entry["status"] != "ok":
            self.failed += entry["status"] == "failed"
            self.say(f"{entry['status']}: {entry['path']}: {entry['reason']}")
        if self.bar is not None:
            self.bar.set_postfix(failed=self.failed, refresh=False)
            self.bar.update(1)

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
