"""ClaimReview and W3C Web Annotation exports, checked against the field lists of their specifications.

The lists below are written from the specifications, not from our code:
- ClaimReview: schema.org/ClaimReview with Google's fact-check markup requirements
  (required: claimReviewed, reviewRating, url; recommended: author, datePublished,
  itemReviewed; Claim: appearance, author, datePublished; Rating: alternateName
  required, name/ratingValue/bestRating/worstRating recommended).
- W3C Web Annotation Data Model (Recommendation, 2017-02-23): MUST and SHOULD of
  Annotation, AnnotationCollection, AnnotationPage, TextualBody, SpecificResource,
  TextQuoteSelector and TextPositionSelector.
"""
from __future__ import annotations

import json
import re

import pytest

from desktop_app.core import taxonomy
from desktop_app.core.errors import ExportFailed
from desktop_app.core.exporters import ExportOptions, export, render
from desktop_app.core.exporters.claimreview import RATING_VALUE

from ...conftest import SAMPLE

# --- schema.org ClaimReview ---------------------------------------------------------------------
CLAIMREVIEW_REQUIRED = {"@type", "claimReviewed", "reviewRating", "url"}
CLAIMREVIEW_RECOMMENDED = {"author", "datePublished", "itemReviewed"}
CLAIM_RECOMMENDED = {"@type", "appearance", "author"}  # + datePublished when the article has a date
RATING_REQUIRED = {"@type", "alternateName"}
RATING_RECOMMENDED = {"name", "ratingValue", "bestRating", "worstRating"}
AUTHOR_TYPES = {"Organization", "Person"}

# --- W3C Web Annotation ---------------------------------------------------------------------
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
COLLECTION_MUST = {"@context", "id", "type"}
COLLECTION_SHOULD = {"label", "total", "first", "last"}
PAGE_MUST = {"id", "type", "items"}
PAGE_SHOULD = {"partOf", "startIndex"}
ANNOTATION_MUST = {"id", "type", "target"}
ANNOTATION_SHOULD = {"motivation", "creator", "created", "body"}
TEXTUAL_BODY_MUST = {"type", "value"}
TEXTUAL_BODY_SHOULD = {"format"}
SPECIFIC_RESOURCE_MUST = {"type", "source"}
TARGET_MUST = {"source", "selector"}
QUOTE_SELECTOR_MUST = {"type", "exact"}
QUOTE_SELECTOR_SHOULD = {"prefix", "suffix"}
POSITION_SELECTOR_MUST = {"type", "start", "end"}
MOTIVATIONS = {"assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
               "identifying", "linking", "moderating", "questioning", "replying", "tagging"}
XSD_DATETIME_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def has(obj: dict, fields: set[str], what: str) -> None:
    missing = fields - set(obj)
    assert not missing, f"{what} lacks {sorted(missing)}"
    for key in fields:
        assert obj[key] not in (None, "", [], {}), f"{what}.{key} is empty"


@pytest.fixture(scope="module")
def claimreview(desk, tmp_path_factory):
    path = tmp_path_factory.mktemp("cr") / "claimreview.json"
    export(desk.ws, [desk.article_id], "claimreview", path,
           ExportOptions(organisation="Verification Desk", publish_url="https://desk.example.org/checks/erbil"))
    return json.loads(path.read_text("utf-8"))


def test_claimreview_has_one_review_per_claim_with_a_verdict(desk, claimreview):
    assert claimreview["@context"] == "https://schema.org"
    reviews = claimreview["@graph"]
    rated = [c for c in desk.claims() if c.status != "unverified"]
    assert [r["claimReviewed"] for r in reviews] == [c.text for c in rated]
    assert len(reviews) == 8


def test_claimreview_fields_follow_the_specification(desk, claimreview):
    plan = {p["text"]: p for p in desk.plan}
    numbers = {c.text: n for n, c in enumerate(desk.claims(), start=1)}
    for review in claimreview["@graph"]:
        has(review, CLAIMREVIEW_REQUIRED | CLAIMREVIEW_RECOMMENDED, "ClaimReview")
        assert review["@type"] == "ClaimReview"
        item = plan[review["claimReviewed"]]
        assert review["url"] == f"https://desk.example.org/checks/erbil#claim-{numbers[item['text']]}"
        assert XSD_DATETIME_UTC.match(review["datePublished"])
        authors = review["author"] if isinstance(review["author"], list) else [review["author"]]
        assert [(a["@type"], a["name"]) for a in authors] == [("Organization", "Verification Desk"),
                                                               ("Person", "maria.lopez")]

        rating = review["reviewRating"]
        has(rating, RATING_REQUIRED, "Rating")
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] == taxonomy.statuses()[item["status"]].label
        assert rating["ratingExplanation"] == item["rationale"]
        if item["status"] in RATING_VALUE:
            has(rating, RATING_RECOMMENDED, "Rating")
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
            assert (rating["worstRating"], rating["bestRating"]) == (1, 5)
        else:  # unverifiable: no place on the truth scale, a textual rating only
            assert item["status"] == "unverifiable" and "ratingValue" not in rating

        claim = review["itemReviewed"]
        expected = CLAIM_RECOMMENDED if item["fields"].get("speaker") or item["fields"].get("attributed_to") \
            else CLAIM_RECOMMENDED - {"author"}
        has(claim, expected, "Claim")
        assert claim["@type"] == "Claim"
        assert claim["appearance"]["url"].startswith("urn:sha256:")  # the sample has no URL
        assert claim["appearance"]["headline"] == "USA attacks pro-Iranian militias in Iraq"
        if "author" in claim:
            assert claim["author"]["@type"] in AUTHOR_TYPES
            assert claim["author"]["name"] in (item["fields"].get("speaker"), item["fields"].get("attributed_to"))


def test_the_rating_scale_orders_the_verdicts():
    assert RATING_VALUE["false"] < RATING_VALUE["disputed"] < RATING_VALUE["verified"]
    assert "unverifiable" not in RATING_VALUE and "unverified" not in RATING_VALUE


def test_claimreview_names_the_article_url_and_date_when_known(workspace):
    from desktop_app.core.importers import ImportedArticle

    raw = SAMPLE.read_bytes()
    summary = workspace.import_article(ImportedArticle(
        text=raw.decode(), title="USA attacks", original=raw, media_type="text/plain",
        source_url="https://www.n-tv.de/politik/article.html", publisher="n-tv", published="2023-12-26"))
    workspace.add_claim(summary.id, "quote", quote="necessary and appropriate", status="verified",
                        fields={"speaker": "Lloyd Austin"})
    (review,) = json.loads(render("claimreview", [workspace.article(summary.id)]))["@graph"]
    claim = review["itemReviewed"]
    has(claim, CLAIM_RECOMMENDED | {"datePublished"}, "Claim")
    assert claim["appearance"] == {"@type": "CreativeWork", "url": "https://www.n-tv.de/politik/article.html",
                                   "headline": "USA attacks", "publisher": {"@type": "Organization", "name": "n-tv"},
                                   "datePublished": "2023-12-26"}
    assert claim["author"] == {"@type": "Person", "name": "Lloyd Austin"}
    assert review["url"] == f"urn:claimdesk:claim:{workspace.claims()[0].id}"  # no publishing page given


def test_claimreview_with_no_verdict_yet_is_refused(desk):
    with pytest.raises(ExportFailed, match="None of the chosen claims has a verdict"):
        render("claimreview", [desk.ws.article(desk.article_id)], ExportOptions(statuses=("unverified",)))


@pytest.fixture(scope="module")
def annotations(desk, tmp_path_factory):
    path = tmp_path_factory.mktemp("wa") / "annotations.json"
    export(desk.ws, [desk.article_id], "json", path, ExportOptions())
    return json.loads(path.read_text("utf-8"))


def test_web_annotation_collection_and_page_follow_the_specification(annotations):
    has(annotations, COLLECTION_MUST | COLLECTION_SHOULD, "AnnotationCollection")
    assert ANNO_CONTEXT in annotations["@context"]
    assert annotations["type"] == "AnnotationCollection"
    assert annotations["total"] == 10
    page = annotations["first"]
    has(page, PAGE_MUST | PAGE_SHOULD, "AnnotationPage")
    assert page["type"] == "AnnotationPage" and page["partOf"] == annotations["id"]
    assert annotations["last"] == page["id"] and page["startIndex"] == 0
    assert len({annotations["id"], page["id"]}) == 2
    assert all(i.startswith("urn:uuid:") for i in (annotations["id"], page["id"]))


def test_each_annotation_follows_the_specification_and_places_its_claim(desk, annotations):
    text = SAMPLE.read_text("utf-8")
    plan = {p["text"]: p for p in desk.plan}
    items = annotations["first"]["items"]
    assert len({a["id"] for a in items}) == len(items) == 10
    for anno in items:
        has(anno, ANNOTATION_MUST | ANNOTATION_SHOULD, "Annotation")
        assert anno["type"] == "Annotation" and anno["motivation"] in MOTIVATIONS
        assert XSD_DATETIME_UTC.match(anno["created"]) and XSD_DATETIME_UTC.match(anno["modified"])
        assert anno["creator"]["type"] == "Person" and anno["creator"]["name"] == "maria.lopez"
        target = anno["target"]
        has(target, TARGET_MUST, "target")
        selectors = {s["type"]: s for s in target["selector"]}
        quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        has(quote, QUOTE_SELECTOR_MUST | QUOTE_SELECTOR_SHOULD, "TextQuoteSelector")
        has(position, POSITION_SELECTOR_MUST, "TextPositionSelector")
        assert text[position["start"]:position["end"]] == quote["exact"]
        assert text[:position["start"]].endswith(quote["prefix"]) and text[position["end"]:].startswith(quote["suffix"])
        item = plan[quote["exact"]]
        for body in anno["body"]:
            assert body["purpose"] in MOTIVATIONS
            if body["type"] == "TextualBody":
                has(body, TEXTUAL_BODY_MUST | TEXTUAL_BODY_SHOULD, "TextualBody")
            else:
                assert body["type"] == "SpecificResource"
                has(body, SPECIFIC_RESOURCE_MUST, "SpecificResource")
        values = [b.get("value") for b in anno["body"]]
        assert f"status:{item['status']}" in values and f"type:{item['type']}" in values
        if item["rationale"]:
            assert item["rationale"] in values
        grades = [b["claimdesk:grade"] for b in anno["body"] if b["type"] == "SpecificResource"]
        assert len(grades) == len(item["links"])
