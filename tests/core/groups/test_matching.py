"""Suggesting groups: which reports, across articles, are the same claim -- and which must never be."""
from __future__ import annotations

from dataclasses import replace

from desktop_app.core.groups.matching import compare, suggest

from .factory import casualty, quote, statistic


def test_the_same_casualty_figure_in_other_words_matches_across_articles():
    a = casualty(3, who="US soldiers", article_id=1)
    b = casualty(4, who="American service members", article_id=2)
    v = compare(a, b)
    assert v.match and not v.conflict
    assert "injured soldier" in v.reason and "shared names" in v.reason


def test_hard_rules_rule_pairs_out():
    a = casualty(3, who="US soldiers", article_id=1)
    assert compare(a, casualty(3, who="Iraqi soldiers", article_id=2)).conflict          # other people
    assert compare(a, casualty(3, category="killed", article_id=2)).conflict              # other category
    assert compare(a, statistic(3, "3 US soldiers", article_id=2)).conflict               # other type
    assert compare(a, casualty(3, published="2024-01-10", article_id=2)).conflict         # weeks apart
    assert compare(a, casualty(None, article_id=2)).conflict                              # no figure
    assert compare(a, casualty(4, article_id=1)).conflict  # two contradicting numbers in one article: two events
    assert not compare(a, casualty(3, "at least", article_id=1)).conflict                 # ... compatible ones may repeat


def test_a_different_event_is_unlike_but_not_ruled_out():
    a = casualty(3, article_id=1)
    b = casualty(3, article_id=2, context=frozenset({"kharkiv", "ukraine"}))
    v = compare(a, b)
    assert not v.match and not v.conflict


def test_statistics_match_on_what_they_count_and_magnitude():
    a = statistic(100, "more than 100 attacks since mid-October", "more than", article_id=1)
    assert compare(a, statistic(100, "over 100 of these attacks", "more than", article_id=2)).match
    assert compare(a, statistic(150, "150 attacks", article_id=2)).match
    assert compare(a, statistic(3, "3 attacks", article_id=2)).conflict                   # factor > 3
    assert compare(a, statistic(100, "100 drones", article_id=2)).conflict                # other thing counted
    with_category = replace(a, category="attacks on US forces")
    assert compare(with_category, replace(statistic(100, "100 strikes", article_id=2),
                                          category="attacks on US forces")).match         # analyst's category wins


def test_quotes_match_by_speaker_and_closeness_of_words():
    a = quote("necessary and appropriate", article_id=1)
    assert compare(a, quote("necessary and proportionate", article_id=2)).match
    assert compare(a, quote("necessary and appropriate", speaker="Austin", article_id=2)).match
    assert compare(a, quote("necessary and appropriate", speaker="John Kirby", article_id=2)).conflict
    assert not compare(a, quote("These precision strikes are in response", article_id=2)).match
    long = quote("We do not want to escalate the conflict in the region, but we are determined", article_id=1)
    excerpt = quote("we are determined", article_id=2)
    v = compare(long, excerpt)
    assert v.match and "part of the other" in v.reason
    assert compare(long, replace(excerpt, article_id=1)).match                     # an excerpt in the same article
    assert compare(a, replace(quote("These precision strikes"), article_id=1)).conflict  # two quotes, one article


def test_suggest_groups_the_reports_of_one_figure():
    reports = [casualty(3, article_id=1), casualty(4, who="US troops", article_id=2),
               casualty(24, who="militia fighters", article_id=2), casualty(18, who="members of pro-Iranian groups",
                                                                        article_id=1)]
    out = suggest(reports)
    assert [set(s.member_ids) for s in out] == [{reports[0].claim_id, reports[1].claim_id},
                                                {reports[2].claim_id, reports[3].claim_id}]
    assert all(s.group_id is None and s.claim_ids == s.member_ids for s in out)
    assert out[0].label == "US soldiers injured" and out[0].reasons


def test_a_vague_who_does_not_chain_two_different_groups_of_people():
    us = casualty(3, who="US soldiers", article_id=1)
    bare = casualty(3, who="soldiers", article_id=2)
    iraqi = casualty(3, who="Iraqi soldiers", article_id=3)
    out = suggest([us, bare, iraqi])
    assert len(out) == 1
    members = set(out[0].member_ids)
    assert bare.claim_id in members and not {us.claim_id, iraqi.claim_id} <= members


def test_rejected_pairs_are_never_suggested_again():
    a, b, c = casualty(3, article_id=1), casualty(3, article_id=2), casualty(3, article_id=3)
    out = suggest([a, b, c], rejected=[(a.claim_id, c.claim_id)])
    assert len(out) == 1 and set(out[0].member_ids) in ({a.claim_id, b.claim_id}, {b.claim_id, c.claim_id})
    assert suggest([a, b], rejected=[(b.claim_id, a.claim_id)]) == []


def test_suggestions_add_to_existing_groups_and_never_merge_two():
    a = replace(casualty(3, article_id=1), group_id=7)
    b = replace(casualty(3, article_id=2), group_id=7)
    c = casualty(4, article_id=3)
    out = suggest([a, b, c])
    assert len(out) == 1
    assert (out[0].group_id, out[0].claim_ids) == (7, (c.claim_id,))
    assert set(out[0].member_ids) == {a.claim_id, b.claim_id, c.claim_id}
    d = replace(casualty(3, article_id=4), group_id=8)
    assert [s.group_id for s in suggest([a, b, d])] == []  # 7 and 8 stay apart; nothing new to add
    assert suggest([a, b]) == []


def test_claims_of_other_types_are_left_alone():
    from .factory import report

    assert suggest([report("attribution", "according to the US", attributed_to="the US"),
                    report("attribution", "according to the US", attributed_to="the US", article_id=2),
                    report("event", "the strikes"), report("event", "the strikes", article_id=2)]) == []


def _desk(events: int, outlets: int):
    """Many events of one conflict: each with its own town, all sharing "US" and "Iraq"."""
    from .factory import report

    out = []
    for e in range(events):
        names = frozenset({f"town{e}", f"commander{e}", "us", "iraq"})
        for o in range(outlets):
            article = e * outlets + o + 1
            out.append(report("casualty", "US soldiers injured", article_id=article, context=names,
                              count=3 + (o % 2), qualifier="exact", category="injured", who="US soldiers"))
            out.append(report("quote", "necessary and appropriate", article_id=article, context=names,
                              speaker=f"Commander {e}"))
    return out


def test_names_every_article_shares_do_not_make_two_events_one():
    reports = _desk(events=30, outlets=4)
    out = suggest(reports)
    assert len(out) == 60  # per event: the injured figure and the quotation
    event = {r.claim_id: (r.article_id - 1) // 4 for r in reports}
    assert all(len({event[c] for c in s.member_ids}) == 1 and len(s.member_ids) == 4 for s in out)
    # the same two events on their own, in a workspace of two: the names still tell them apart
    two = [r for r in reports if (r.article_id - 1) // 4 < 2]
    assert len(suggest(two)) == 4


def test_blocking_finds_every_matching_pair_of_a_large_desk():
    from desktop_app.core.groups import matching

    reports = _desk(events=70, outlets=4)  # 280 injured-figure reports: more than one block holds
    assert sum(r.type == "casualty" for r in reports) > matching.BLOCK_LIMIT
    weights = matching.name_weights(reports)
    blocked = set(matching._blocks(reports, weights))
    for i, a in enumerate(reports):
        for j in range(i + 1, len(reports)):
            if compare(a, reports[j], weights).match:
                assert (i, j) in blocked
    assert len(blocked) < len(reports) * (len(reports) - 1) // 20


def test_names_only_one_article_has_do_not_dilute_the_overlap():
    """Bylines, an outlet's own name, its reporters: never shared, so they must not hide what is."""
    shared = {"erbil", "kataeb", "hezbollah"}
    a = casualty(3, article_id=1, context=frozenset(shared | {f"wire{i}" for i in range(14)}))
    b = casualty(4, article_id=2, context=frozenset(shared | {f"radio{i}" for i in range(14)}))
    (s,) = suggest([a, b])
    assert set(s.member_ids) == {a.claim_id, b.claim_id}
    assert not compare(a, b).match  # unweighted, the 28 lonely names drown the 3 shared ones
