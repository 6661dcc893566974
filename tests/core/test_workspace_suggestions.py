"""Suggested claims through the Workspace: list, accept (one action), reject (they do not come back)."""
from __future__ import annotations

import dataclasses

import pytest

from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.workspace import Workspace

from .test_workspace import snapshot


def test_suggestions_of_the_sample_article(workspace, sample_article):
    found = workspace.suggestions(sample_article.id)
    assert {s.type for s in found} == {"casualty", "statistic", "quote", "attribution"}
    split = [s for s in found if s.text == "three US soldiers were injured, one of them seriously"]
    assert split and split[0].fields == {"count": 3, "qualifier": "exact", "category": "injured", "who": "US soldiers"}
    assert [s.type for s in workspace.suggestions(sample_article.id, type="quote")] == ["quote"] * 3


def test_accepting_makes_claims_with_fields_and_history(workspace, sample_article):
    quotes = workspace.suggestions(sample_article.id, type="quote")
    claims = workspace.accept_suggestions(sample_article.id, quotes[:2])
    assert [c.type for c in claims] == ["quote", "quote"]
    assert [c.fields["speaker"] for c in claims] == ["Lloyd Austin", "Lloyd Austin"]
    assert all(c.status == "unverified" and c.anchor == "exact" for c in claims)
    (event,) = workspace.history(claims[0].id)
    assert (event.action, event.rationale, event.analyst) == ("created", "accepted suggestion", "test-analyst")
    # Accepted ones are covered by their claims now; the third quote is still offered.
    assert [s.text for s in workspace.suggestions(sample_article.id, type="quote")] == [quotes[2].text]


def test_accept_all_and_accept_all_of_a_type(workspace, sample_article):
    casualties = workspace.accept_suggestions(sample_article.id, type="casualty")
    assert len(casualties) == 5 and {c.type for c in casualties} == {"casualty"}
    assert workspace.suggestions(sample_article.id, type="casualty") == []
    rest = workspace.accept_suggestions(sample_article.id)
    assert {c.type for c in rest} == {"statistic", "quote", "attribution"}
    assert workspace.suggestions(sample_article.id) == []
    assert len(workspace.claims(sample_article.id)) == len(casualties) + len(rest)


def test_a_claim_made_by_hand_covers_the_suggestion(workspace, sample_article):
    workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers were injured")
    texts = [s.text for s in workspace.suggestions(sample_article.id, type="casualty")]
    assert "three US soldiers were injured, one of them seriously" not in texts
    # Another type over the same words is still offered.
    workspace.add_claim(sample_article.id, "event", quote="According to the US")
    assert "According to the US" in [s.text for s in workspace.suggestions(sample_article.id, type="attribution")]


def test_rejected_suggestions_do_not_come_back(workspace, sample_article):
    stats = workspace.suggestions(sample_article.id, type="statistic")
    assert workspace.reject_suggestions(sample_article.id, stats[:2]) == 2
    assert workspace.reject_suggestions(sample_article.id, stats[:2]) == 0  # already rejected
    left = workspace.suggestions(sample_article.id, type="statistic")
    assert left == stats[2:]
    # Even in a new session on the same workspace.
    again = Workspace.open(workspace.url)
    try:
        assert again.suggestions(sample_article.id, type="statistic") == stats[2:]
    finally:
        again.close()
    assert workspace.reject_suggestions(sample_article.id, type="quote") == 3
    assert workspace.suggestions(sample_article.id, type="quote") == []
    # Accepting everything now leaves the rejected ones out.
    assert {c.type for c in workspace.accept_suggestions(sample_article.id)} == {"casualty", "statistic",
                                                                                  "attribution"}


def test_accept_is_one_transaction(workspace, sample_article, monkeypatch):
    before = snapshot(workspace)
    heard = []
    workspace.subscribe(heard.append)
    calls = []
    real_event = Workspace._event

    def failing_event(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real_event(self, *args, **kwargs)

    monkeypatch.setattr(Workspace, "_event", failing_event)
    with pytest.raises(Exception):
        workspace.accept_suggestions(sample_article.id)
    monkeypatch.setattr(Workspace, "_event", real_event)
    assert snapshot(workspace) == before and heard == []
    claims = workspace.accept_suggestions(sample_article.id, type="casualty")
    assert len(heard) == 1 and heard[0].action == "accept_suggestions"
    assert heard[0].claim_ids == frozenset(c.id for c in claims)
    assert workspace.change_count() == before["changes"] + 1


def test_a_stale_suggestion_refuses_the_whole_batch(workspace, sample_article):
    found = workspace.suggestions(sample_article.id)
    moved = dataclasses.replace(found[-1], start=found[-1].start + 1, end=found[-1].end + 1)
    before = snapshot(workspace)
    with pytest.raises(InvalidInput, match="no longer matches"):
        workspace.accept_suggestions(sample_article.id, [found[0], moved])
    with pytest.raises(InvalidInput, match="no longer matches"):
        workspace.reject_suggestions(sample_article.id, [found[0], moved])
    assert snapshot(workspace) == before


def test_unknown_article_is_refused(workspace):
    before = snapshot(workspace)
    for call in (workspace.suggestions, workspace.accept_suggestions, workspace.reject_suggestions):
        with pytest.raises(NotFound, match="no article 42"):
            call(42)
    assert snapshot(workspace) == before


def test_german_article_language_is_used(workspace):
    text = ("Mali: Angriff auf Armeeposten\n\nDabei sind nach Angaben der Armee mindestens 30 Menschen getötet worden. "
            "Weitere 14 Menschen wurden verletzt.")
    art = workspace.import_text(text)
    found = workspace.suggestions(art.id, type="casualty")
    assert [(s.fields["count"], s.fields["category"]) for s in found] == [(30, "killed"), (14, "injured")]


def test_rejections_follow_the_text_into_a_new_revision(workspace, sample_article):
    from desktop_app.core.importers import import_bytes

    quotes = workspace.suggestions(sample_article.id, type="quote")
    workspace.reject_suggestions(sample_article.id, quotes[:2])
    old = workspace.article(sample_article.id).text
    # The outlet adds a paragraph at the top and drops the sentence of the second rejected quote.
    dropped = old[old.rindex("\n\n", 0, quotes[1].start) + 2:old.index("\n\n", quotes[1].end)]
    new = "Update: the Pentagon gave new details.\n\n" + old.replace(dropped, "The statement followed.")
    workspace.revise_article(sample_article.id, import_bytes(new.encode("utf-8"), filename="v2.txt"))

    offered = workspace.suggestions(sample_article.id, type="quote")
    assert quotes[0].text not in [q.text for q in offered]  # still rejected, at its shifted place
    assert quotes[2].text in [q.text for q in offered]
    assert len(offered) == 1


def test_unreject_offers_the_suggestions_again_in_one_action(workspace, sample_article):
    stats = workspace.suggestions(sample_article.id, type="statistic")
    workspace.reject_suggestions(sample_article.id, stats[:2])
    heard = []
    workspace.subscribe(heard.append)
    assert workspace.unreject_suggestions(sample_article.id, stats[:1]) == 1
    assert workspace.suggestions(sample_article.id, type="statistic") == [stats[0], *stats[2:]]
    assert [(c.action, c.article_ids) for c in heard] == [("unreject_suggestions", frozenset({sample_article.id}))]
    # One that is not (or no longer) rejected is passed over, and nothing is announced.
    before = snapshot(workspace)
    assert workspace.unreject_suggestions(sample_article.id, stats[:1]) == 0
    assert snapshot(workspace) == before and len(heard) == 1
    assert workspace.unreject_suggestions(sample_article.id, stats) == 1
    assert workspace.suggestions(sample_article.id, type="statistic") == stats
    with pytest.raises(NotFound, match="no article 42"):
        workspace.unreject_suggestions(42, stats)
