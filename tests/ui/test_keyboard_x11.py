"""A new analyst's first session, on a real X server with only the keyboard.

The app runs as its own process (`claimdesk --db w.db gui`) on Xvfb with Qt's xcb platform,
as on a desktop; every step is a key press sent through the X server by xdotool, and every
check is made from outside, with the command line on the same workspace, as a colleague
would see it. Xvfb has no window manager, so after a dialog closes the test gives the main
window the keyboard focus back, as a window manager would.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

STEP_TIMEOUT = 30.0
RATIONALE = "Other outlets report 23 injured"


class Desktop:
    """An Xvfb display, the app on it, and xdotool to type into it."""

    def __init__(self, folder: Path):
        for tool in ("Xvfb", "xdotool"):
            assert shutil.which(tool), f"{tool} is missing: scripts/setup.sh installs it (apt packages xvfb, xdotool)"
        self.folder = folder
        self.db = str(folder / "w.db")
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24",
                                      "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()
        self.env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb",
                    "XDG_CONFIG_HOME": str(folder / "config"), "XDG_DATA_HOME": str(folder / "data"),
                    "CLAIMDESK_ANALYST": "kim"}
        self.app: subprocess.Popen | None = None
        self.window = ""

    def start_app(self) -> None:
        self.app = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", self.db, "gui"], env=self.env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.window = self.until(lambda: self.xdotool("search", "--name", "Claimdesk").split()[:1], "the window")[0]
        self.focus_window()

    def xdotool(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True,
                              timeout=STEP_TIMEOUT).stdout

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "40", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "10", text)

    def focused_title(self) -> str:
        return self.xdotool("getwindowfocus", "getwindowname").strip()

    def focus_window(self) -> None:
        self.xdotool("windowfocus", "--sync", self.window)

    def cli(self, *args: str) -> dict:
        out = subprocess.run([sys.executable, "-m", "desktop_app", "--db", self.db, *args, "--json"],
                             capture_output=True, text=True, env=self.env, timeout=STEP_TIMEOUT)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    def until(self, probe, what: str):
        """`probe()` once it is true; a failure names the step and keeps a picture of the screen."""
        end = time.monotonic() + STEP_TIMEOUT
        while time.monotonic() < end:
            value = probe()
            if value:
                return value
            if self.app is not None and self.app.poll() is not None:
                break
            time.sleep(0.2)
        picture = self.folder / "screen.png"
        try:
            from PIL import ImageGrab  # comes with matplotlib; only for the picture of a failure

            ImageGrab.grab(xdisplay=self.display).save(picture)
        except Exception as exc:  # the picture is a help, the failure below is the point
            picture = f"no picture ({exc})"
        pytest.fail(f"waited {STEP_TIMEOUT:.0f} s for {what}; screen: {picture}")

    def close(self) -> None:
        if self.app is not None and self.app.poll() is None:
            self.app.kill()
            self.app.wait()
        self.xvfb.terminate()
        self.xvfb.wait()


@pytest.fixture
def desktop(tmp_path):
    d = Desktop(tmp_path)
    yield d
    d.close()


def test_a_new_analyst_works_through_the_sample_with_the_keyboard_alone(desktop):
    desktop.start_app()

    # Ctrl+O: the file dialog takes the path typed into it.
    desktop.key("ctrl+o")
    desktop.until(lambda: desktop.focused_title() == "Import articles", "the import dialog")
    desktop.type(str(SAMPLE))
    desktop.key("Return")
    article = desktop.until(lambda: desktop.cli("articles")["articles"], "the import")[0]
    assert article["title"] == "USA attacks pro-Iranian militias in Iraq"
    desktop.until(lambda: desktop.focused_title() != "Import articles", "the import dialog to close")
    desktop.focus_window()

    def claims() -> list[dict]:
        return desktop.cli("claim", "list", str(article["id"]))["claims"]

    # Ctrl+F finds the words, Enter selects them, Ctrl+1 tags them as a casualty figure.
    desktop.key("ctrl+f")
    desktop.type("Another 24 were injured")
    desktop.key("Return", "ctrl+1")
    claim = desktop.until(claims, "the tagged claim")[0]
    assert (claim["text"], claim["type"], claim["status"]) == ("Another 24 were injured", "casualty", "unverified")
    assert (claim["fields"]["count"], claim["fields"]["category"]) == (24, "injured")  # read from the words
    assert SAMPLE.read_text(encoding="utf-8")[claim["start"]:claim["end"]] == claim["text"]

    # Ctrl+Alt+D: disputed, with the reason typed into the box that asks for it.
    desktop.key("ctrl+alt+d")
    desktop.until(lambda: desktop.focused_title() == "Mark disputed", "the rationale box")
    desktop.type(RATIONALE)
    desktop.key("Return")
    desktop.until(lambda: claims()[0]["status"] == "disputed", "the verdict")
    desktop.focus_window()

    # Ctrl+Z undoes the verdict, Ctrl+Shift+Z brings it back.
    desktop.key("ctrl+z")
    desktop.until(lambda: claims()[0]["status"] == "unverified", "the undo")
    desktop.key("ctrl+shift+z")
    desktop.until(lambda: claims()[0]["status"] == "disputed", "the redo")

    # Ctrl+Shift+A: a source; the URL has the focus, five Tabs reach Reliability, C picks "C - Fairly reliable".
    desktop.key("ctrl+shift+a")
    desktop.until(lambda: desktop.focused_title() == "Add source", "the source dialog")
    desktop.type("https://example.org/sitrep")
    desktop.key(*["Tab"] * 5, "C", "Return")
    desktop.until(lambda: claims()[0]["sources"], "the source")
    desktop.focus_window()

    desktop.key("ctrl+q")
    assert desktop.app.wait(timeout=STEP_TIMEOUT) == 0, desktop.app.stderr.read()

    # After quitting, the command line sees everything the analyst did.
    shown = desktop.cli("show", str(article["id"]))
    [saved] = shown["claims"]
    assert (saved["text"], saved["type"], saved["status"]) == ("Another 24 were injured", "casualty", "disputed")
    [source] = saved["sources"]
    assert (source["url"], source["reliability"]) == ("https://example.org/sitrep", "C")
    history = desktop.cli("history", str(saved["id"]))["history"]
    assert [(e["action"], e["field"], e["new"] if e["field"] == "status" else None) for e in history] == [
        ("created", None, None), ("updated", "status", "disputed"), ("updated", "status", "unverified"),
        ("updated", "status", "disputed"), ("source_linked", "sources", None)]
    assert {e["analyst"] for e in history} == {"kim"}
    assert history[1]["rationale"] == RATIONALE
