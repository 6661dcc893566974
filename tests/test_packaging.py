"""The distribution ships every package and the resources the app reads at run time."""
from __future__ import annotations

import tomllib

from desktop_app.core import taxonomy
from desktop_app.core.models import ClaimStatus, ClaimType

from .conftest import REPO


def test_every_package_in_the_tree_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    in_tree = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "desktop_app").rglob("*.py")}
    assert in_tree - listed == set()
    assert "claimdesk_resources" in listed


def test_the_taxonomy_resource_names_every_type_and_status_with_a_colour():
    assert set(taxonomy.types()) == {t.value for t in ClaimType}
    assert set(taxonomy.statuses()) == {s.value for s in ClaimStatus}
    for term in [*taxonomy.types().values(), *taxonomy.statuses().values()]:
        assert term.colour.startswith("#") and len(term.colour) == 7
        assert term.label and term.shortcut
    assert taxonomy.resource_path("taxonomy.json").is_file()
