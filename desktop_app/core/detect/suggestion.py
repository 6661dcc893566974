"""A candidate claim the detector proposes and the analyst accepts or rejects."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import FIELDS_BY_TYPE


@dataclass(frozen=True)
class Suggestion:
    """One proposed claim: where it is, how sure the rules are (0..1), and the structured fields of its type.

    The detector makes its suggestions without this __init__ (pipeline._suggestion), their fields already complete.
    """

    type: str
    start: int
    end: int
    text: str
    confidence: float
    fields: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self):
        # Always every field of the type (None where unknown), never one of another type.
        keys = FIELDS_BY_TYPE[self.type]
        if tuple(self.fields) != keys:
            object.__setattr__(self, "fields", {k: self.fields.get(k) for k in keys})

    @property
    def key(self) -> tuple[str, int, int]:
        """What identifies a candidate in its article (also how a rejection is remembered)."""
        return self.type, self.start, self.end

    def to_json(self) -> dict:
        return {"type": self.type, "start": self.start, "end": self.end, "text": self.text,
                "confidence": round(self.confidence, 2), "fields": dict(self.fields)}
