"""A desk's work on the sample article, for the export tests.

`desk` builds it once per test module on SQLite (the exporters read records, the
storage engine does not change them); tests that check what the export reads from
the workspace use `desk_on_each_engine`, built per test on SQLite and PostgreSQL.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from desktop_app.core.records import ClaimRecord
from desktop_app.core.workspace import Workspace

from ...conftest import SAMPLE, SEEDS

VERDICTS = SEEDS / "usa-attacks-pro-iranian-militias-in-iraq.verdicts.json"
ANALYST = "maria.lopez"


@dataclass
class Desk:
    ws: Workspace
    article_id: int
    plan: list[dict]  # the seed's claims, as planned

    def claims(self) -> list[ClaimRecord]:
        return list(self.ws.article(self.article_id).claims)

    def by_text(self) -> dict[str, ClaimRecord]:
        return {c.text: c for c in self.claims()}


def build_desk(ws: Workspace) -> Desk:
    """The sample with the ten claims, verdicts, rationales and two graded sources of the verdicts seed."""
    seed = json.loads(VERDICTS.read_text("utf-8"))
    article = ws.import_file(SAMPLE)
    source_ids: dict[str, int] = {}
    for item in seed["claims"]:
        claim = ws.add_claim(article.id, item["type"], quote=item["text"], fields=item["fields"], note=item["note"])
        if item["status"] != "unverified":
            ws.update_claim(claim.id, status=item["status"], rationale=item["rationale"])
        for key, credibility, relation in item["links"]:
            if key in source_ids:
                ws.link_source(claim.id, source_ids[key], credibility=credibility, relation=relation)
            else:
                link = ws.add_source(claim.id, credibility=credibility, relation=relation, **seed["sources"][key])
                source_ids[key] = link.source.id
    return Desk(ws, article.id, seed["claims"])


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    ws = Workspace.open(tmp_path_factory.mktemp("desk") / "desk.db", analyst=ANALYST)
    try:
        yield build_desk(ws)
    finally:
        ws.close()


@pytest.fixture
def desk_on_each_engine(workspace_url):
    ws = Workspace.open(workspace_url, analyst=ANALYST)
    try:
        yield build_desk(ws)
    finally:
        ws.close()
