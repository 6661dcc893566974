"""Revising an article: a new text, every claim re-anchored, none lost, each move in its history."""
from __future__ import annotations

import dataclasses
import json

import pytest

from desktop_app.core.errors import DuplicateArticle, InvalidInput, NotFound, StaleVersion
from desktop_app.core.exporters import ExportOptions, render
from desktop_app.core.importers import ImportedArticle, import_path

from ..conftest import SAMPLE, SAMPLE_GOLD
from .test_workspace import snapshot

TITLE_LINE = "USA attacks pro-Iranian militias in Iraq\n\n"
EDITOR_NOTE = ("Editor's note: this article was updated on Tuesday with figures from the Pentagon "
               "and a statement by the Iraqi government.\n\n")
FUZZY_OLD = "three US soldiers were injured, one of them seriously"
FUZZY_NEW = "three US soldiers were wounded, one of them seriously"
DELETED_SENTENCE = "Another 24 were injured. "
ORPHAN = "Another 24 were injured"


def revised_text(original: str, *, note=True, word=False, delete=False) -> str:
    """The sample as the outlet updated it: (a) a paragraph at the top, (b) one word changed, (c) a sentence gone."""
    text = original
    if word:
        assert text.count(FUZZY_OLD) == 1
        text = text.replace(FUZZY_OLD, FUZZY_NEW)
    if delete:
        assert text.count(DELETED_SENTENCE) == 1
        text = text.replace(DELETED_SENTENCE, "")
    if note:
        assert text.startswith(TITLE_LINE)
        text = TITLE_LINE + EDITOR_NOTE + text[len(TITLE_LINE):]
    return text


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def gold_claims(workspace, sample_article):
    """The reference annotation of the sample, as claims."""
    ids = []
    for item in json.loads(SAMPLE_GOLD.read_text("utf-8"))["claims"]:
        claim = workspace.add_claim(sample_article.id, item["type"], quote=item["text"],
                                    occurrence=item.get("occurrence"))
        ids.append(claim.id)
    return ids


def test_a_paragraph_added_at_the_top_finds_every_claim_exactly_at_its_shifted_offsets(
        workspace, sample_article, gold_claims, tmp_path):
    before = {c.id: c for c in workspace.claims(sample_article.id)}
    old_text = workspace.article(sample_article.id).text
    new_text = revised_text(old_text)
    report = workspace.revise_file(sample_article.id, write(tmp_path, "v2.txt", new_text))

    assert report.revision == 2
    assert report.counts == {"exact": 0, "moved": len(gold_claims), "fuzzy": 0, "orphaned": 0}
    article = workspace.article(sample_article.id)
    assert article.text == new_text and article.summary.revision == 2
    assert article.title == "USA attacks pro-Iranian militias in Iraq"
    shift = len(EDITOR_NOTE)
    for claim in article.claims:
        old = before[claim.id]
        assert (claim.start, claim.end) == (old.start + shift, old.end + shift)
        assert claim.text == old.text == new_text[claim.start:claim.end]
        assert claim.anchor == "exact"
        event = workspace.history(claim.id)[-1]
        assert event.action == "reanchored" and event.analyst == "test-analyst"
        assert event.old == {"start": old.start, "end": old.end, "text": old.text, "anchor": "exact"}
        assert event.new == {"start": claim.start, "end": claim.end, "text": claim.text, "anchor": "exact"}
    assert {c.id for c in article.claims} == set(gold_claims)

    # The earlier text stays readable.
    (first,) = workspace.revisions(sample_article.id)
    assert first.number == 1 and first.text == old_text
    assert workspace.revision_text(sample_article.id, 1).text == old_text
    assert workspace.revision_text(sample_article.id, 2).text == new_text


def test_a_word_changed_and_a_sentence_deleted_give_one_fuzzy_claim_and_one_orphan_and_lose_none(
        workspace, sample_article, gold_claims, tmp_path):
    old_text = workspace.article(sample_article.id).text
    before = {c.id: c for c in workspace.claims(sample_article.id)}
    new_text = revised_text(old_text, word=True, delete=True)
    report = workspace.revise_file(sample_article.id, write(tmp_path, "v2.txt", new_text))

    assert report.counts == {"exact": 0, "moved": len(gold_claims) - 2, "fuzzy": 1, "orphaned": 1}
    by_how = {r.how: r for r in report.results}
    claims = {c.id: c for c in workspace.claims(sample_article.id)}
    assert set(claims) == set(gold_claims)  # none lost

    # (b) the fuzzy claim takes the new wording, at its new place; the history keeps the old one.
    fuzzy = claims[by_how["fuzzy"].claim_id]
    start = new_text.index(FUZZY_NEW)
    assert (fuzzy.start, fuzzy.end, fuzzy.text, fuzzy.anchor) == (start, start + len(FUZZY_NEW), FUZZY_NEW, "fuzzy")
    assert fuzzy.prefix == new_text[start - 32:start] and fuzzy.suffix == new_text[fuzzy.end:fuzzy.end + 32]
    old = before[fuzzy.id]
    (event,) = [e for e in workspace.history(fuzzy.id) if e.action == "reanchored"]
    assert event.old == {"start": old.start, "end": old.end, "text": FUZZY_OLD, "anchor": "exact"}
    assert event.new == {"start": fuzzy.start, "end": fuzzy.end, "text": FUZZY_NEW, "anchor": "fuzzy"}
    assert 0.7 <= by_how["fuzzy"].score < 1.0

    # (c) the orphan keeps its old text, context and offsets, and is listed everywhere claims are.
    orphan = claims[by_how["orphaned"].claim_id]
    old = before[orphan.id]
    assert (orphan.text, orphan.prefix, orphan.suffix, orphan.start, orphan.end) == \
        (ORPHAN, old.prefix, old.suffix, old.start, old.end)
    assert orphan.anchor == "orphaned" and ORPHAN not in new_text
    assert [c.id for c in workspace.orphaned_claims(sample_article.id)] == [orphan.id]
    assert orphan.id in {c.id for c in workspace.article(sample_article.id).claims}
    (event,) = [e for e in workspace.history(orphan.id) if e.action == "reanchored"]
    assert event.new == {**event.old, "anchor": "orphaned"}

    # Every other claim is exact where its text now is.
    for claim in claims.values():
        if claim.id not in (fuzzy.id, orphan.id):
            assert claim.anchor == "exact" and new_text[claim.start:claim.end] == claim.text == before[claim.id].text


def test_the_same_bytes_again_are_refused_naming_the_revision(workspace, sample_article, gold_claims, tmp_path):
    before = snapshot(workspace)
    with pytest.raises(DuplicateArticle, match=rf"^This is already revision 1 of article {sample_article.id}; "):
        workspace.revise_file(sample_article.id, SAMPLE)
    assert snapshot(workspace) == before

    v2 = write(tmp_path, "v2.txt", revised_text(SAMPLE.read_text("utf-8")))
    workspace.revise_file(sample_article.id, v2)
    after = snapshot(workspace)
    with pytest.raises(DuplicateArticle, match=rf"already revision 2 of article {sample_article.id};"):
        workspace.revise_file(sample_article.id, v2)
    with pytest.raises(DuplicateArticle, match=rf"already revision 1 of article {sample_article.id};"):
        workspace.revise_file(sample_article.id, SAMPLE)
    assert snapshot(workspace) == after


def test_the_bytes_of_another_article_are_no_revision_of_this_one(workspace, sample_article, tmp_path):
    other = workspace.import_text("A different article about the weather.\n\nIt rained.")
    before = snapshot(workspace)
    with pytest.raises(DuplicateArticle, match=rf"already revision 1 of article {other.id} .*not a new version"):
        workspace.revise_article(sample_article.id, import_path(write(tmp_path, "x.txt",
                                 "A different article about the weather.\n\nIt rained.")))
    assert snapshot(workspace) == before


def test_bad_revisions_are_refused_and_change_nothing(workspace, sample_article, tmp_path):
    before = snapshot(workspace)
    with pytest.raises(NotFound, match="no article 999"):
        workspace.revise_file(999, write(tmp_path, "v2.txt", "New text."))
    with pytest.raises(InvalidInput, match="no text"):
        workspace.revise_article(sample_article.id, ImportedArticle(text=" \n ", title="", original=b" \n "))
    with pytest.raises(NotFound, match=rf"^Article {sample_article.id} has no revision 2; it has only revision 1\.$"):
        workspace.revision_text(sample_article.id, 2)
    assert snapshot(workspace) == before


def test_an_orphan_comes_back_when_a_later_revision_restores_its_text(workspace, sample_article, gold_claims, tmp_path):
    original = workspace.article(sample_article.id).text
    workspace.revise_file(sample_article.id, write(tmp_path, "v2.txt", revised_text(original, delete=True)))
    (orphan,) = workspace.orphaned_claims(sample_article.id)

    # Still missing in revision 3: it stays orphaned, without a second history entry.
    v3 = revised_text(original, delete=True).replace("Wassit.", "Wasit.")
    report = workspace.revise_file(sample_article.id, write(tmp_path, "v3.txt", v3))
    assert report.revision == 3 and report.counts["orphaned"] == 1
    assert [e.action for e in workspace.history(orphan.id)].count("reanchored") == 1

    # Revision 4 has the sentence again: the claim is found there, exactly.
    v4 = revised_text(original).replace("Wassit.", "Wasit.")
    report = workspace.revise_file(sample_article.id, write(tmp_path, "v4.txt", v4))
    assert report.counts["orphaned"] == 0
    back = workspace.claim(orphan.id)
    assert back.anchor == "exact" and v4[back.start:back.end] == ORPHAN
    assert workspace.history(orphan.id)[-1].new == {"start": back.start, "end": back.end, "text": ORPHAN,
                                                    "anchor": "exact"}
    assert [r.number for r in workspace.revisions(sample_article.id)] == [1, 2, 3]


def test_the_analyst_reattaches_an_orphan_by_selecting_text(workspace, sample_article, gold_claims, tmp_path):
    new_text = revised_text(workspace.article(sample_article.id).text, delete=True)
    workspace.revise_file(sample_article.id, write(tmp_path, "v2.txt", new_text))
    (orphan,) = workspace.orphaned_claims(sample_article.id)
    heard = []
    workspace.subscribe(heard.append)

    target = "Another attack took place in the southern province of Wassit"
    start = new_text.index(target)
    claim = workspace.reattach_claim(orphan.id, start - 1, start + len(target) + 0, "the figure moved to this sentence",
                                     if_version=orphan.version)
    assert (claim.start, claim.end, claim.text, claim.anchor) == (start, start + len(target), target, "exact")
    assert claim.prefix == new_text[start - 32:start] and claim.version == orphan.version + 1
    assert workspace.orphaned_claims(sample_article.id) == []
    event = workspace.history(orphan.id)[-1]
    assert event.action == "reattached" and event.rationale == "the figure moved to this sentence"
    assert event.old == {"start": orphan.start, "end": orphan.end, "text": ORPHAN, "anchor": "orphaned"}
    assert event.new == {"start": start, "end": start + len(target), "text": target, "anchor": "exact"}
    assert [(c.action, c.claim_ids) for c in heard] == [("reattach_claim", frozenset({orphan.id}))]

    before = snapshot(workspace)
    with pytest.raises(StaleVersion):
        workspace.reattach_claim(orphan.id, 0, 3, if_version=orphan.version)
    with pytest.raises(InvalidInput, match="outside article"):
        workspace.reattach_claim(orphan.id, 0, len(new_text) + 5)
    other = next(c for c in workspace.claims(sample_article.id) if c.id != orphan.id and c.type == claim.type)
    with pytest.raises(InvalidInput, match=f"Claim {other.id} already marks exactly this text"):
        workspace.reattach_claim(orphan.id, other.start, other.end)
    with pytest.raises(NotFound):
        workspace.reattach_claim(12345, 0, 3)
    assert snapshot(workspace) == before


def test_a_revision_is_one_change_for_listeners_naming_the_moved_claims(workspace, sample_article, gold_claims, tmp_path):
    heard = []
    workspace.subscribe(heard.append)
    start = workspace.change_count()
    text = workspace.article(sample_article.id).text
    # Only the last paragraph changes: claims before it keep their place and are not touched.
    new_text = text.replace("Read also:", "Read also: our live blog.")
    report = workspace.revise_file(sample_article.id, write(tmp_path, "v2.txt", new_text))
    assert report.counts == {"exact": len(gold_claims), "moved": 0, "fuzzy": 0, "orphaned": 0}
    assert workspace.change_count() == start + 1
    (change,) = heard
    assert change.action == "revise_article" and change.article_ids == {sample_article.id}
    assert change.claim_ids == set()  # nothing about any claim changed
    assert all(c.version == 1 for c in workspace.claims(sample_article.id))


def test_the_web_annotation_export_gives_orphans_their_quote_only(workspace, sample_article, gold_claims, tmp_path):
    new_text = revised_text(workspace.article(sample_article.id).text, delete=True)
    workspace.revise_file(sample_article.id, write(tmp_path, "v2.txt", new_text))
    data = json.loads(render("json", [workspace.article(sample_article.id)], ExportOptions()))
    items = {item["id"]: item["target"]["selector"] for item in data["first"]["items"]}
    assert len(items) == len(gold_claims)
    (orphan,) = workspace.orphaned_claims(sample_article.id)
    assert items[f"urn:claimdesk:claim:{orphan.id}"] == [
        {"type": "TextQuoteSelector", "exact": ORPHAN, "prefix": orphan.prefix, "suffix": orphan.suffix}]
    for claim in workspace.claims(sample_article.id):
        if claim.id != orphan.id:
            quote, position = items[f"urn:claimdesk:claim:{claim.id}"]
            assert new_text[position["start"]:position["end"]] == quote["exact"] == claim.text
            assert quote["prefix"] == new_text[max(0, claim.start - 32):claim.start]


def test_a_fuzzy_claim_stays_fuzzy_until_the_analyst_confirms_it(workspace, sample_article, gold_claims, tmp_path):
    original = workspace.article(sample_article.id).text
    report = workspace.revise_file(sample_article.id, write(tmp_path, "v2.txt", revised_text(original, word=True)))
    (fuzzy_id,) = [r.claim_id for r in report.results if r.how == "fuzzy"]

    # Revision 3 changes something else only: the claim is found exactly, but keeps its doubt.
    v3 = revised_text(original, word=True).replace("Wassit.", "Wasit.")
    report = workspace.revise_file(sample_article.id, write(tmp_path, "v3.txt", v3))
    assert {r.claim_id: (r.how, r.anchor) for r in report.results}[fuzzy_id] == ("exact", "fuzzy")
    claim = workspace.claim(fuzzy_id)
    assert claim.anchor == "fuzzy" and claim.text == FUZZY_NEW

    confirmed = workspace.reattach_claim(fuzzy_id, claim.start, claim.end, "wording checked against the Pentagon")
    assert (confirmed.anchor, confirmed.start, confirmed.end, confirmed.text) == ("exact", claim.start, claim.end,
                                                                                 FUZZY_NEW)
    event = workspace.history(fuzzy_id)[-1]
    assert (event.action, event.old["anchor"], event.new["anchor"]) == ("reattached", "fuzzy", "exact")
    # Confirming again changes nothing and writes nothing.
    count = workspace.change_count()
    assert workspace.reattach_claim(fuzzy_id, claim.start, claim.end) == confirmed
    assert workspace.change_count() == count


def test_restore_place_puts_a_reattached_orphan_back_and_records_it(workspace, sample_article, gold_claims, tmp_path):
    new_text = revised_text(workspace.article(sample_article.id).text, delete=True, word=True)
    workspace.revise_file(sample_article.id, write(tmp_path, "v2.txt", new_text))
    (orphan,) = workspace.orphaned_claims(sample_article.id)
    target = "Another attack took place in the southern province of Wassit"
    start = new_text.index(target)
    moved = workspace.reattach_claim(orphan.id, start, start + len(target))

    back = workspace.restore_place(orphan.id, orphan, "undo", if_version=moved.version)
    assert (back.start, back.end, back.text, back.prefix, back.suffix, back.anchor) == \
        (orphan.start, orphan.end, orphan.text, orphan.prefix, orphan.suffix, "orphaned")
    assert [c.id for c in workspace.orphaned_claims(sample_article.id)] == [orphan.id]
    event = workspace.history(orphan.id)[-1]
    assert (event.action, event.rationale) == ("reattached", "undo")
    assert event.old == {"start": start, "end": start + len(target), "text": target, "anchor": "exact"}
    assert event.new == {"start": orphan.start, "end": orphan.end, "text": ORPHAN, "anchor": "orphaned"}

    # A fuzzy claim goes back to its doubtful place too; a place whose words are gone is refused.
    fuzzy = next(c for c in workspace.claims(sample_article.id) if c.anchor == "fuzzy")
    confirmed = workspace.reattach_claim(fuzzy.id, fuzzy.start, fuzzy.end)
    assert confirmed.anchor == "exact"
    assert workspace.restore_place(fuzzy.id, fuzzy).anchor == "fuzzy"
    before = snapshot(workspace)
    with pytest.raises(StaleVersion):
        workspace.restore_place(orphan.id, moved, if_version=moved.version)
    gone = dataclasses.replace(fuzzy, text="not these words", anchor="exact")
    with pytest.raises(InvalidInput, match="no longer holds"):
        workspace.restore_place(fuzzy.id, gone)
    assert snapshot(workspace) == before
