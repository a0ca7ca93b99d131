"""Headless Chromium for looking at the review site the way a reader does:
a screenshot of a page and the messages its console printed."""

import shutil
import subprocess
import tempfile
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome")
# No network, no profile, no first-run UI: the page alone, as it opens from disk.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         "--enable-logging=stderr", "--v=0"]


def find_browser():
    return next((path for path in map(shutil.which, NAMES) if path), None)


def console_messages(log: str) -> list:
    """Lines the page's console printed (Chromium logs them as CONSOLE)."""
    return [line for line in log.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def screenshot(page: Path, png: Path, size=(1280, 1600), browser=None) -> list:
    """Save a screenshot of page to png; returns the console messages."""
    browser = browser or find_browser()
    if browser is None:
        raise FileNotFoundError("no Chromium found (install Debian's chromium)")
    Path(png).unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
                               f"--window-size={size[0]},{size[1]}", Path(page).resolve().as_uri()],
                              capture_output=True, text=True, timeout=120)
    if not Path(png).exists():
        raise RuntimeError(f"{browser} wrote no screenshot: {done.stderr[-2000:]}")
    return console_messages(done.stderr)
