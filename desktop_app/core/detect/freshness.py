"""Whether the compiled build of the rules (mypyc, see setup.py) is the build of their current source.

`pip install -e .` compiles the rules into extension modules next to their sources, and Python imports an
extension module ahead of a source file of the same name: after a rule is edited, or another branch checked
out, the old compiled rule would go on running. So when a source is newer than its compiled module, every rule
is imported from its source instead (slower, but what the files say), with a warning that `pip install -e .`
compiles them again.
"""
from __future__ import annotations

import importlib.abc
import importlib.util
import os
import sys
import warnings
from importlib.machinery import EXTENSION_SUFFIXES

PACKAGE = __name__.rpartition(".")[0]
HERE = os.path.dirname(os.path.abspath(__file__))
# Installing a wheel writes a module's source and its compiled module moments apart, in either order.
TOLERANCE_SECONDS = 2.0


def compiled_modules(folder: str = HERE) -> dict[str, str]:
    """Module name -> file of each compiled module in `folder` whose source is there too."""
    out = {}
    for name in os.listdir(folder):
        stem, _, suffix = name.partition(".")
        if suffix and "." + suffix in EXTENSION_SUFFIXES and os.path.exists(os.path.join(folder, stem + ".py")):
            out[stem] = os.path.join(folder, name)
    return out


def stale_modules(folder: str = HERE) -> list[str]:
    """The compiled modules in `folder` whose source changed after they were built."""
    return sorted(stem for stem, path in compiled_modules(folder).items()
                  if os.path.getmtime(os.path.join(folder, stem + ".py")) > os.path.getmtime(path) + TOLERANCE_SECONDS)


class SourcesFirst(importlib.abc.MetaPathFinder):
    """Finds the modules of the package in `folder` as source files, ahead of their compiled modules."""

    def __init__(self, package: str = PACKAGE, folder: str = HERE):
        self.package, self.folder = package, folder

    def find_spec(self, name, path=None, target=None):
        package, _, module = name.rpartition(".")
        source = os.path.join(self.folder, module + ".py")
        if package == self.package and os.path.exists(source):
            return importlib.util.spec_from_file_location(name, source)
        return None


def use_sources_if_stale() -> list[str]:
    """Import every rule from its source if a compiled one is out of date; the out-of-date ones."""
    stale = stale_modules()
    if stale:
        sys.meta_path.insert(0, SourcesFirst())
        warnings.warn(f"The compiled claim detector is older than its source ({', '.join(stale)}): the source runs "
                      "instead, more slowly; `pip install -e .` compiles it again.", RuntimeWarning, stacklevel=2)
    return stale


def is_compiled() -> bool:
    """Whether the rules run compiled (the benchmark says which it timed)."""
    from . import anchors

    return not (anchors.__file__ or "").endswith(".py")
