"""What every `claimdesk` command module shares: ids as arguments and the one JSON document on stdout."""
from __future__ import annotations

import argparse
import json
import sys


def emit_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def parse_id(value: str) -> int:
    """An argparse type: a whole number, or a usage error that says so."""
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an id (a whole number)") from None
