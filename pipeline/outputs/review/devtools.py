"""Headless Chromium driven over the Chrome DevTools protocol through a pipe
(--remote-debugging-pipe: JSON messages on file descriptors 3 and 4, each
ended by a NUL byte), so the browser tests need nothing but Debian's
chromium: no driver binary, no websocket library, no network port."""

import base64
import json
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.outputs.review.browser import FLAGS, find_browser

TIMEOUT = 60.0


class DevToolsError(RuntimeError):
    pass


# Run in a small Python process of its own, which then becomes the browser.
# Copies first, since the pipe ends may sit on 3 or 4; a copy may land on its
# target, where dup2 changes nothing, so 3 and 4 are made inheritable after.
TRAMPOLINE = ("import os, sys; r, w = os.dup(int(sys.argv[1])), os.dup(int(sys.argv[2])); "
              "os.dup2(r, 3); os.dup2(w, 4); os.set_inheritable(3, True); os.set_inheritable(4, True); "
              "os.execv(sys.argv[3], sys.argv[3:])")


def _on_fds_3_and_4(command: list, read_end: int, write_end: int) -> list:
    """The command started so that it finds the browser's ends of the pipes
    on 3 (commands in) and 4 (answers out), without a preexec_fn (unsafe in
    a process with threads) and whatever numbers the ends have here."""
    return [sys.executable, "-c", TRAMPOLINE, str(read_end), str(write_end), *command]


class Chromium:
    """One headless browser with one page (a flat session on one target)."""

    def __init__(self, browser=None, size=(1280, 900)):
        browser = browser or find_browser()
        if browser is None:
            raise FileNotFoundError("no Chromium found (install Debian's chromium)")
        self.profile = tempfile.TemporaryDirectory()
        to_browser, from_browser = os.pipe(), os.pipe()
        self.log = open(Path(self.profile.name) / "stderr.log", "w")  # the browser's own log, for a failure's message
        command = [browser, *FLAGS, "--remote-debugging-pipe", "--lang=ru-RU", f"--user-data-dir={self.profile.name}",
                   f"--window-size={size[0]},{size[1]}", "about:blank"]
        self.process = subprocess.Popen(_on_fds_3_and_4(command, to_browser[0], from_browser[1]),
                                        stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
                                        pass_fds=(to_browser[0], from_browser[1]))
        os.close(to_browser[0])
        os.close(from_browser[1])
        self.writer, self.reader = to_browser[1], from_browser[0]
        self.next_id, self.pending, self.events, self.session = 0, b"", [], None
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.size = size

    # -- the protocol
    def _send(self, method: str, params: dict) -> int:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self.writer, json.dumps(message).encode() + b"\0")
        return self.next_id

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self.pending:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.reader], [], [], left)[0]:
                raise DevToolsError("Chromium did not answer in time")
            chunk = os.read(self.reader, 1 << 20)
            if not chunk:
                raise DevToolsError("Chromium closed the pipe")
            self.pending += chunk
        message, self.pending = self.pending.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, **params) -> dict:
        wanted, deadline = self._send(method, params), time.monotonic() + TIMEOUT
        while True:
            message = self._read(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise DevToolsError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str, timeout=TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        for i, message in enumerate(self.events):
            if message["method"] == event:
                return self.events.pop(i)
        while True:
            message = self._read(deadline)
            if message.get("method") == event:
                return message
            if "method" in message:
                self.events.append(message)

    # -- what a test does with a page
    def open(self, page: Path, width=None, height=None, fragment="") -> None:
        width, height = width or self.size[0], height or self.size[1]
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=width < 600)
        if fragment:  # a change of fragment alone is no load: leave the page first
            self.call("Page.navigate", url="about:blank")
            self.wait_for("Page.loadEventFired")
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        self.call("Page.navigate", url=Path(page).resolve().as_uri() + (f"#{fragment}" if fragment else ""))
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        """The value of a JavaScript expression on the page (awaited when a promise)."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise DevToolsError(result["exceptionDetails"].get("exception", {}).get("description")
                                or result["exceptionDetails"].get("text"))
        return result["result"].get("value")

    def type_into(self, selector: str, text: str) -> None:
        """Focus a field and type text key by key, as a reader does (input events fire)."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        for char in text:
            self.call("Input.insertText", text=char)

    def settle(self, seconds=0.4) -> None:
        """Let timers (the tables' debounce) and rendering run."""
        self.evaluate(f"new Promise(r => setTimeout(r, {int(seconds * 1000)}))")

    def errors(self) -> list:
        """Console errors, uncaught exceptions and failed loads seen so far."""
        self.settle(0.05)
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                details = p["exceptionDetails"]
                out.append(details.get("exception", {}).get("description") or details["text"])
            elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description"))) for a in p.get("args", [])))
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append(p["entry"]["text"] + " " + p["entry"].get("url", ""))
        return out

    def screenshot(self, png: Path, full_page=True) -> None:
        if full_page:
            height = self.evaluate("Math.ceil(document.documentElement.scrollHeight)")
            width = self.evaluate("window.innerWidth")
            self.call("Emulation.setDeviceMetricsOverride", width=width, height=min(int(height), 6000),
                      deviceScaleFactor=1, mobile=width < 600)
            self.settle(0.2)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        Path(png).write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except DevToolsError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.writer)
        os.close(self.reader)
        self.log.close()
        self.profile.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
