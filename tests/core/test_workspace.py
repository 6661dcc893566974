"""The Workspace service: each user action is one committed transaction, with history."""
from __future__ import annotations

from datetime import timezone

import pytest

from desktop_app.core.errors import (
    ClaimdeskError,
    DuplicateArticle,
    InvalidInput,
    NotFound,
    StaleVersion,
)
from desktop_app.core.workspace import Workspace

from ..conftest import SAMPLE


def snapshot(ws: Workspace) -> dict:
    """Everything an analyst could see in the workspace, to prove a refused action changed nothing."""
    arts = ws.articles()
    return {
        "articles": [a.to_json() for a in arts],
        "texts": [ws.article(a.id).text for a in arts],
        "claims": [c.to_json() for c in ws.claims()],
        "history": {c.id: [e.to_json() for e in ws.history(c.id)] for c in ws.claims()},
        "sources": [s.to_json() for s in ws.sources()],
        "changes": ws.change_count(),
    }


def test_import_keeps_the_text_and_its_bytes(workspace, sample_article):
    raw = SAMPLE.read_bytes()
    record = workspace.article(sample_article.id)
    assert record.title == "USA attacks pro-Iranian militias in Iraq"
    assert record.text == raw.decode("utf-8")
    assert record.summary.sha256 == __import__("hashlib").sha256(raw).hexdigest()
    data, media_type = workspace.original(sample_article.id)
    assert data == raw and media_type == "text/plain"
    assert record.summary.imported_at.tzinfo is not None


def test_importing_the_same_bytes_again_names_the_existing_article(workspace, sample_article):
    before = snapshot(workspace)
    with pytest.raises(DuplicateArticle) as err:
        workspace.import_file(SAMPLE)
    assert err.value.article_id == sample_article.id
    assert f"article {sample_article.id}" in str(err.value)
    assert snapshot(workspace) == before


def test_pasted_text_becomes_an_article_with_normalised_text(workspace):
    summary = workspace.import_text("  # Headline here\r\n\r\nCafe\u0301 body text.\r\n")
    record = workspace.article(summary.id)
    assert summary.title == "Headline here"
    assert record.text == "# Headline here\n\nCaf\u00e9 body text."


def test_claim_by_quote_lands_on_the_reference_offsets(workspace, sample_article):
    claim = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured")
    assert (claim.start, claim.end) == (301, 326)
    assert claim.text == "three US soldiers injured"
    assert claim.status == "unverified" and claim.version == 1 and claim.anchor == "exact"
    assert claim.prefix.endswith("a base in Iraq that left ") and len(claim.prefix) == 32
    assert claim.suffix.startswith(", the USA attacked")
    assert claim.analyst == "test-analyst"


def test_occurrence_picks_among_repeated_quotes(workspace, sample_article):
    text = workspace.article(sample_article.id).text
    first = text.find("Hashed al-Shaabi")
    second = text.find("Hashed al-Shaabi", first + 1)
    claim = workspace.add_claim(sample_article.id, "other", quote="Hashed al-Shaabi", occurrence=2)
    assert claim.start == second != first
    with pytest.raises(InvalidInput, match="occurs 2 times"):
        workspace.add_claim(sample_article.id, "other", quote="Hashed al-Shaabi", occurrence=3)


def test_span_is_trimmed_of_surrounding_white_space(workspace, sample_article):
    claim = workspace.add_claim(sample_article.id, "event", start=300, end=326)
    assert (claim.start, claim.end) == (301, 326)


@pytest.mark.parametrize("kwargs, message", [
    ({"quote": "four US soldiers"}, "is not in article"),
    ({"start": 10, "end": 5}, "end must come after its start"),
    ({"start": 0, "end": 10_000}, "outside article"),
    ({"start": 0, "end": 5, "quote": "USA"}, "either a quote or a span"),
    ({}, "a quote, or a span"),
    ({"quote": "USA", "occurrence": 0}, "counts from 1"),
])
def test_bad_claim_positions_are_refused_and_change_nothing(workspace, sample_article, kwargs, message):
    before = snapshot(workspace)
    with pytest.raises(InvalidInput, match=message):
        workspace.add_claim(sample_article.id, "event", **kwargs)
    assert snapshot(workspace) == before


def test_unknown_article_type_and_status_are_refused(workspace, sample_article):
    before = snapshot(workspace)
    with pytest.raises(NotFound, match="no article 999"):
        workspace.add_claim(999, "event", quote="USA")
    with pytest.raises(InvalidInput, match="Unknown claim type 'rumour'"):
        workspace.add_claim(sample_article.id, "rumour", quote="USA")
    with pytest.raises(InvalidInput, match="Unknown status 'maybe'"):
        workspace.add_claim(sample_article.id, "event", quote="USA", status="maybe")
    assert snapshot(workspace) == before


def test_the_same_claim_twice_is_refused(workspace, sample_article):
    first = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured")
    with pytest.raises(InvalidInput, match=f"Claim {first.id} already"):
        workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured")
    # The same words as another type is a different claim.
    workspace.add_claim(sample_article.id, "statistic", quote="three US soldiers injured")


def test_structured_fields_are_validated_by_type(workspace, sample_article):
    claim = workspace.add_claim(sample_article.id, "casualty", quote="Another 24 were injured",
                                fields={"count": "24", "category": "wounded", "qualifier": "exact"})
    assert claim.fields == {"count": 24, "qualifier": "exact", "category": "injured", "who": None}
    with pytest.raises(InvalidInput, match="speaker"):
        workspace.update_claim(claim.id, fields={"speaker": "Austin"})
    with pytest.raises(InvalidInput, match="whole number"):
        workspace.update_claim(claim.id, fields={"count": "many"})
    with pytest.raises(InvalidInput, match="casualty category"):
        workspace.update_claim(claim.id, fields={"category": "bored"})
    quote = workspace.add_claim(sample_article.id, "quote", quote="necessary and appropriate",
                                fields={"speaker": "Lloyd Austin"})
    assert quote.fields == {"speaker": "Lloyd Austin"}


def test_status_change_is_recorded_with_rationale_analyst_and_utc_time(workspace, sample_article):
    claim = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured")
    updated = workspace.update_claim(claim.id, status="disputed", note="Pentagon count differs",
                                     rationale="Pentagon briefing says four", if_version=1)
    assert updated.status == "disputed" and updated.version == 2
    events = workspace.history(claim.id)
    assert [(e.action, e.field) for e in events] == [("created", None), ("updated", "status"), ("updated", "note")]
    status = events[1]
    assert (status.old, status.new, status.rationale) == ("unverified", "disputed", "Pentagon briefing says four")
    assert status.analyst == "test-analyst"
    assert status.at.tzinfo is not None and status.at.utcoffset() == timezone.utc.utcoffset(None)


def test_an_update_that_changes_nothing_writes_nothing(workspace, sample_article):
    claim = workspace.add_claim(sample_article.id, "event", quote="USA")
    before = snapshot(workspace)
    same = workspace.update_claim(claim.id, status="unverified", type="event", note="")
    assert same.version == 1
    assert snapshot(workspace) == before


def test_a_stale_version_is_refused_with_who_changed_it(workspace, workspace_url, sample_article):
    claim = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured")
    other = Workspace.open(workspace_url, analyst="colleague")
    try:
        other.update_claim(claim.id, status="verified", if_version=1)
    finally:
        other.close()
    before = snapshot(workspace)
    with pytest.raises(StaleVersion) as err:
        workspace.update_claim(claim.id, status="false", if_version=1)
    assert "colleague" in str(err.value) and err.value.current_version == 2
    assert err.value.current["status"] == "verified"
    assert snapshot(workspace) == before


def test_type_change_hides_but_keeps_the_other_types_fields(workspace, sample_article):
    claim = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured",
                                fields={"count": 3, "category": "injured"})
    as_event = workspace.update_claim(claim.id, type="event", rationale="it is the attack itself")
    assert as_event.fields == {}
    back = workspace.update_claim(as_event.id, type="casualty")
    assert back.fields["count"] == 3 and back.fields["category"] == "injured"


def test_sources_are_linked_graded_and_reused_by_url(workspace, sample_article):
    a = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured")
    b = workspace.add_claim(sample_article.id, "attribution", quote="According to the US")
    link = workspace.add_source(a.id, url="https://www.defense.gov/News/x", title="DoD statement",
                                publisher="US DoD", kind="official statement", reliability="b", credibility=2)
    assert link.grade == "B2" and link.source.reliability == "B" and link.relation == "supports"
    again = workspace.add_source(b.id, url="https://www.defense.gov/News/x", credibility=3, relation="context")
    assert again.source.id == link.source.id and again.grade == "B3"
    assert len(workspace.sources()) == 1
    with pytest.raises(InvalidInput, match="already linked"):
        workspace.link_source(a.id, link.source.id)
    shown = workspace.claim(a.id).to_json()["sources"]
    assert shown == [{**shown[0], "id": link.source.id, "url": "https://www.defense.gov/News/x",
                      "title": "DoD statement", "reliability": "B", "credibility": 2, "relation": "supports"}]
    assert workspace.claims_citing(link.source.id) == [a.id, b.id]


@pytest.mark.parametrize("kwargs, message", [
    ({}, "URL or a citation"),
    ({"url": "www.example.org"}, "not a web address"),
    ({"url": "https://e.org", "reliability": "G"}, "letter A to F"),
    ({"url": "https://e.org", "credibility": 7}, "number 1 to 6"),
    ({"url": "https://e.org", "relation": "likes"}, "Unknown relation"),
])
def test_bad_sources_are_refused_and_change_nothing(workspace, sample_article, kwargs, message):
    claim = workspace.add_claim(sample_article.id, "event", quote="USA")
    before = snapshot(workspace)
    with pytest.raises(InvalidInput, match=message):
        workspace.add_source(claim.id, **kwargs)
    assert snapshot(workspace) == before


def test_link_edit_unlink_and_source_edit_are_in_history(workspace, sample_article):
    claim = workspace.add_claim(sample_article.id, "event", quote="USA")
    link = workspace.add_source(claim.id, citation="Interior Ministry press release, 4 Jan", reliability="C")
    edited = workspace.update_link(link.evidence_id, relation="contradicts", credibility=4)
    assert edited.grade == "C4" and edited.relation == "contradicts"
    source = workspace.update_source(link.source.id, reliability="B", if_version=1)
    assert source.version == 2 and workspace.claim(claim.id).sources[0].grade == "B4"
    with pytest.raises(StaleVersion):
        workspace.update_source(link.source.id, reliability="A", if_version=1)
    workspace.unlink_source(link.evidence_id)
    assert workspace.claim(claim.id).sources == ()
    assert len(workspace.sources()) == 1  # the source stays for other claims
    actions = [e.action for e in workspace.history(claim.id)]
    assert actions == ["created", "source_linked", "source_updated", "source_edited", "source_unlinked"]


def test_delete_keeps_history_and_restore_brings_the_claim_back(workspace, sample_article):
    claim = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured",
                                fields={"count": 3, "category": "injured"})
    workspace.update_claim(claim.id, status="verified", rationale="confirmed by CENTCOM")
    workspace.add_source(claim.id, url="https://www.centcom.mil/x", reliability="A", credibility=1)
    deleted = workspace.delete_claim(claim.id, rationale="duplicate")
    assert workspace.claims(sample_article.id) == []
    with pytest.raises(NotFound):
        workspace.claim(claim.id)
    assert [e.action for e in workspace.history(claim.id)][-1] == "deleted"
    restored = workspace.restore_claim(deleted)
    assert restored.id != claim.id  # ids are never reused
    assert (restored.start, restored.end, restored.status, restored.fields["count"]) == (301, 326, "verified", 3)
    assert [s.grade for s in restored.sources] == ["A1"]
    assert workspace.history(restored.id)[0].action == "restored"


def test_claims_can_be_filtered(workspace, sample_article):
    a = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured", status="disputed")
    workspace.add_claim(sample_article.id, "quote", quote="necessary and appropriate")
    other = Workspace.open(workspace.url, analyst="someone-else")
    try:
        other.add_claim(sample_article.id, "statistic", quote="More than 100 attacks recorded")
    finally:
        other.close()
    assert [c.id for c in workspace.claims(status="disputed")] == [a.id]
    assert [c.type for c in workspace.claims(sample_article.id, type="quote")] == ["quote"]
    assert [c.text for c in workspace.claims(search="APPROPRIATE")] == ["necessary and appropriate"]
    assert {c.analyst for c in workspace.claims(analyst="test-analyst")} == {"test-analyst"}
    assert len(workspace.claims(analyst="test-analyst")) == 2
    counts = workspace.articles()[0].status_counts
    assert counts == {"disputed": 1, "unverified": 2}


def test_listeners_hear_committed_actions_only(workspace, sample_article):
    heard = []
    unsubscribe = workspace.subscribe(heard.append)
    claim = workspace.add_claim(sample_article.id, "event", quote="USA")
    with pytest.raises(ClaimdeskError):
        workspace.update_claim(claim.id, status="nonsense")
    assert [(c.action, set(c.claim_ids)) for c in heard] == [("add_claim", {claim.id})]
    unsubscribe()
    workspace.update_claim(claim.id, status="verified")
    assert len(heard) == 1


def test_an_action_that_fails_midway_leaves_no_trace(workspace, sample_article, monkeypatch):
    before = snapshot(workspace)

    def broken_event(*args, **kwargs):
        raise InvalidInput("simulated failure after the claim was written")

    monkeypatch.setattr(workspace, "_event", broken_event)
    with pytest.raises(InvalidInput, match="simulated"):
        workspace.add_claim(sample_article.id, "event", quote="USA")
    monkeypatch.undo()
    assert snapshot(workspace) == before


def test_every_write_moves_the_change_counter(workspace, sample_article):
    start = workspace.change_count()
    claim = workspace.add_claim(sample_article.id, "event", quote="USA")
    workspace.update_claim(claim.id, status="verified")
    assert workspace.change_count() == start + 2


def test_current_analyst_prefers_the_environment_then_the_chosen_name(monkeypatch):
    from desktop_app.core.workspace import current_analyst

    monkeypatch.setenv("CLAIMDESK_ANALYST", "maria")
    assert current_analyst("Jo  Smith") == "maria"
    monkeypatch.delenv("CLAIMDESK_ANALYST")
    assert current_analyst("  Jo  Smith ") == "Jo Smith"
    assert current_analyst("") == current_analyst(None) != ""


def test_dropping_an_unused_source_keeps_one_another_claim_still_cites(workspace, sample_article):
    a = workspace.add_claim(sample_article.id, "casualty", quote="Another 24 were injured")
    b = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured")
    first = workspace.add_source(a.id, url="https://dod.gov/r")
    second = workspace.add_source(b.id, url="https://dod.gov/r")
    assert first.new_source and not second.new_source
    workspace.unlink_source(first.evidence_id, drop_unused_source=True)
    assert [s.url for s in workspace.sources()] == ["https://dod.gov/r"]  # b still cites it
    workspace.unlink_source(second.evidence_id, drop_unused_source=True)
    assert workspace.sources() == []
    assert [e.action for e in workspace.history(b.id)][-1] == "source_unlinked"


def test_a_hand_tagged_claim_gets_the_fields_the_detector_reads_unless_fields_are_given(workspace, sample_article):
    read = workspace.add_claim(sample_article.id, "casualty", quote="Another 24 were injured")
    assert read.fields == {"count": 24, "qualifier": "exact", "category": "injured",
                           "who": "member of a pro-Iranian group"}
    assert workspace.history(read.id)[0].new["fields"] == read.fields  # the creation records them
    given = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured",
                                fields={"who": "troops"})
    assert given.fields == {"count": None, "qualifier": None, "category": None, "who": "troops"}
    none = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers were injured", fields={})
    assert set(none.fields.values()) == {None}
    event = workspace.add_claim(sample_article.id, "event", quote="Another attack took place")
    assert event.fields == {}
