"""The desk's words: claim types, verdicts, source kinds, grading scales, the fields of each type.

Plain enums and tables, without SQLAlchemy, so what only needs the words (the window
being drawn, the taxonomy's colours, the records) does not load the database layer;
models.py builds its columns from them and exports them as before.
"""
from __future__ import annotations

import enum


class ClaimType(enum.StrEnum):
    casualty = "casualty"
    attribution = "attribution"
    quote = "quote"
    statistic = "statistic"
    event = "event"
    other = "other"


class ClaimStatus(enum.StrEnum):
    unverified = "unverified"
    verified = "verified"
    disputed = "disputed"
    false = "false"
    unverifiable = "unverifiable"


class Relation(enum.StrEnum):
    supports = "supports"
    contradicts = "contradicts"
    context = "context"


class SourceKind(enum.StrEnum):
    official_statement = "official statement"
    wire = "wire"
    news_outlet = "news outlet"
    eyewitness = "eyewitness"
    social_media = "social media"
    document = "document"
    other = "other"


class Anchoring(enum.StrEnum):
    """How a claim was last placed in its article's text."""

    exact = "exact"
    fuzzy = "fuzzy"
    orphaned = "orphaned"


#: Admiralty (NATO) source reliability, A completely reliable .. F cannot be judged.
RELIABILITY_GRADES = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
#: Admiralty information credibility, 1 confirmed .. 6 cannot be judged.
CREDIBILITY_GRADES = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}
CASUALTY_CATEGORIES = ("killed", "injured", "missing", "abducted", "displaced")

#: The structured fields each claim type carries (also the keys of `fields` in JSON).
FIELDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    ClaimType.casualty: ("count", "qualifier", "category", "who"),
    ClaimType.statistic: ("count", "qualifier", "category"),
    ClaimType.quote: ("speaker",),
    ClaimType.attribution: ("attributed_to",),
    ClaimType.event: (),
    ClaimType.other: (),
}
ALL_FIELDS = ("count", "qualifier", "category", "who", "speaker", "attributed_to")
