"""The groups package hands out each name from its module when first asked (the window names a few at start)."""
from __future__ import annotations

import importlib

import pytest

import desktop_app.core.groups as groups


@pytest.mark.parametrize("name", sorted(groups.__all__))
def test_every_exported_name_comes_from_its_module(name):
    value = getattr(groups, name)
    home = importlib.import_module(f"desktop_app.core.groups.{groups._MODULE_OF[name]}")
    assert value is getattr(home, name) and name in dir(groups)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError):
        groups.no_such_thing  # noqa: B018
