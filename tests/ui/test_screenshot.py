"""`claimdesk gui --screenshot`: the window rendered to a PNG, at 1x and 2x, light and dark."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from tests.conftest import SAMPLE
from tests.ui.conftest import gold_claims


def claimdesk(db, *args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMDESK_DB", "QT_SCALE_FACTOR", "CLAIMDESK_THEME")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "CLAIMDESK_ANALYST": "maria", **(env_extra or {})})
    return subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    """A workspace with the sample article and a few graded claims, made through the CLI."""
    db = tmp_path_factory.mktemp("shot") / "w.db"
    assert claimdesk(db, "import", SAMPLE).returncode == 0
    for g, status in zip(gold_claims()[:6], ["disputed", "verified", "unverified", "false", "verified", "unverifiable"]):
        added = claimdesk(db, "claim", "add", 1, "--quote", g["text"], "--type", g["type"], "--status", status, "--json")
        assert added.returncode == 0, added.stderr
    return db


def test_screenshot_imports_the_file_and_writes_a_1280x800_png(tmp_path):
    db, out = tmp_path / "w.db", tmp_path / "shot.png"
    result = claimdesk(db, "gui", "--screenshot", out, SAMPLE)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    listed = json.loads(claimdesk(db, "articles", "--json").stdout)["articles"]
    assert [a["title"] for a in listed] == ["USA attacks pro-Iranian militias in Iraq"]


def test_gui_with_a_file_already_imported_just_opens_it(annotated, tmp_path):
    out = tmp_path / "again.png"
    result = claimdesk(annotated, "gui", "--screenshot", out, SAMPLE)
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 1280
    assert len(json.loads(claimdesk(annotated, "articles", "--json").stdout)["articles"]) == 1


def test_screenshot_at_twice_the_scale_is_sharp_not_stretched(annotated, tmp_path):
    out = tmp_path / "hidpi.png"
    result = claimdesk(annotated, "gui", "--screenshot", out, env_extra={"QT_SCALE_FACTOR": "2"})
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2560, 1600)


def test_screenshot_with_a_dark_palette(annotated, tmp_path):
    light, dark = tmp_path / "light.png", tmp_path / "dark.png"
    assert claimdesk(annotated, "gui", "--screenshot", light, env_extra={"CLAIMDESK_THEME": "light"}).returncode == 0
    assert claimdesk(annotated, "gui", "--screenshot", dark, env_extra={"CLAIMDESK_THEME": "dark"}).returncode == 0
    # a point in the article list's empty area: light stays light, dark is dark
    lp, dp = QImage(str(light)).pixelColor(60, 700), QImage(str(dark)).pixelColor(60, 700)
    assert lp.lightnessF() > 0.8 and dp.lightnessF() < 0.3


def test_screenshot_of_an_unreachable_workspace_is_one_line_and_exit_2(tmp_path):
    result = claimdesk(tmp_path / "missing" / "w.db", "gui", "--screenshot", tmp_path / "x.png")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()
