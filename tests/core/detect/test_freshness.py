"""The compiled build of the rules runs only while it is the build of their current source."""
from __future__ import annotations

import importlib
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES

import pytest

from desktop_app.core.detect import freshness

SUFFIX = EXTENSION_SUFFIXES[0]


def _module(folder, name: str, source: str, compiled_mtime: float, source_mtime: float) -> None:
    (folder / f"{name}.py").write_text(source)
    (folder / f"{name}{SUFFIX}").write_bytes(b"not a real extension module")
    os.utime(folder / f"{name}{SUFFIX}", (compiled_mtime, compiled_mtime))
    os.utime(folder / f"{name}.py", (source_mtime, source_mtime))


def test_a_source_edited_after_the_build_makes_its_module_stale(tmp_path):
    _module(tmp_path, "edited", "X = 1\n", compiled_mtime=1_000_000, source_mtime=1_000_600)
    _module(tmp_path, "built", "X = 1\n", compiled_mtime=1_000_600, source_mtime=1_000_000)
    # A wheel's files are written a moment apart in either order: not an edit.
    _module(tmp_path, "installed", "X = 1\n", compiled_mtime=1_000_000, source_mtime=1_000_001)
    (tmp_path / f"shared{SUFFIX}").write_bytes(b"")  # no source of its own (mypyc's shared library)
    assert sorted(freshness.compiled_modules(tmp_path)) == ["built", "edited", "installed"]
    assert freshness.stale_modules(tmp_path) == ["edited"]


def test_sources_first_imports_the_source_past_the_compiled_module(tmp_path, monkeypatch):
    package = tmp_path / "freshness_probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    _module(package, "rule", "WHERE = 'source'\n", compiled_mtime=1_000_000, source_mtime=1_000_600)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ImportError):  # the compiled module comes first, and this one is no module at all
        importlib.import_module("freshness_probe.rule")
    finder = freshness.SourcesFirst("freshness_probe", str(package))
    monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])
    assert importlib.import_module("freshness_probe.rule").WHERE == "source"
    assert finder.find_spec("freshness_probe_other.rule") is None


def test_the_installed_detector_is_compiled_from_its_current_source():
    # What the speed benchmark times: `pip install -e .` compiles the rules (setup.py), and again after an edit.
    rebuild = "the detector is not compiled from its current source: run `pip install -e .`"
    assert freshness.is_compiled(), rebuild
    assert freshness.stale_modules() == [], rebuild
