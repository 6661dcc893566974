"""Build step: the claim detector's rules compiled to C with mypyc (all else about the package is in
pyproject.toml).

Suggesting claims runs on every article the analyst opens, and most of its time is Python between the
regular-expression calls; compiled, the rules take about 30% less time (benchmarks/bench_suggest.py).
The sources stay the reference: the tests run whichever is installed, and desktop_app/core/detect/freshness.py
runs the sources when the compiled build is older than they are. For the compiler's sake the rules' module
constants are declared Final (compiled code then reads them directly, not by name from the module's dict), and
their classes write out their __init__ (a dataclass's generated one would run as Python).

Left as source: __init__ and freshness (they choose what the package imports), suggestion (a Suggestion is
made without calling its __init__, which a compiled class forbids) and evaluation (not used in suggesting).
"""
from mypyc.build import mypycify
from setuptools import setup

COMPILED = ("anchors", "attributions", "casualties", "document", "language", "lexicon", "numbers", "pipeline",
            "quotes", "reporting", "speakers", "statistics")

setup(ext_modules=mypycify([f"desktop_app/core/detect/{name}.py" for name in COMPILED], opt_level="3",
                           group_name="desktop_app.core.detect.rules"))
