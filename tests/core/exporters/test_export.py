"""`export()`: what the GUI's export dialog relies on (formats, progress, cancel) and its failures."""
from __future__ import annotations

import os

import pytest

from desktop_app.core.errors import ExportFailed, InvalidInput, NotFound
from desktop_app.core.exporters import CANCELLED, ExportOptions, export, formats

FORMATS = {"docx": ".docx", "md": ".md", "claimreview": ".json", "json": ".json", "csv": ".csv"}


def test_formats_lists_every_format_with_a_label_and_a_suffix():
    listed = formats()
    assert {f.name: f.suffix for f in listed} == FORMATS
    assert listed[0].name == "docx"  # the briefing is what the dialog offers first
    for f in listed:
        assert f.label and f.label != f.name


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_progress_counts_up_to_its_total(desk, tmp_path, fmt):
    calls: list[tuple[int, int]] = []
    path = export(desk.ws, [desk.article_id], fmt, tmp_path / f"out{FORMATS[fmt]}",
                  progress=lambda done, total: calls.append((done, total)))
    assert path.is_file() and path.stat().st_size > 0
    totals = {t for _, t in calls}
    assert totals == {3}  # one article: read, render, write
    assert [d for d, _ in calls] == sorted(d for d, _ in calls) and calls[-1] == (3, 3)


def test_progress_follows_articles_when_there_are_several(desk, tmp_path):
    calls: list[tuple[int, int]] = []
    other = desk.ws.import_text("Another report\n\nFive people were injured on Monday.")
    export(desk.ws, [desk.article_id, other.id], "docx", tmp_path / "two.docx",
           progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


@pytest.mark.parametrize("after", [0, 1, 2, 3])
def test_cancel_stops_with_one_message_and_writes_nothing(desk, tmp_path, after):
    """Cancelled before reading, after reading, halfway through rendering, or just before writing."""
    checks = {"n": 0}

    def cancelled() -> bool:
        checks["n"] += 1
        return checks["n"] > after

    other = desk.ws.import_text(f"Report {after}\n\nTwo people were injured.") if after == 3 else None
    ids = [desk.article_id] + ([other.id] if other else [])
    with pytest.raises(ExportFailed) as err:
        export(desk.ws, ids, "docx", tmp_path / "briefing.docx", cancelled=cancelled)
    assert str(err.value) == CANCELLED == "Export cancelled; nothing was written."
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_one_clear_error(desk, tmp_path):
    with pytest.raises(ExportFailed, match=r"^Cannot write briefing.docx: the folder .*nowhere does not exist\.$"):
        export(desk.ws, [desk.article_id], "docx", tmp_path / "nowhere" / "briefing.docx")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_target_is_one_clear_error(desk, tmp_path):
    with pytest.raises(ExportFailed, match="is a folder; give a file name"):
        export(desk.ws, [desk.article_id], "docx", tmp_path)


def unwritable_folder(tmp_path):
    """A folder this process cannot write in: a read-only one, or for root (whom modes do not stop) /sys."""
    if os.geteuid() == 0:
        return "/sys"
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


def test_an_unwritable_folder_is_one_clear_error_and_leaves_nothing(desk, tmp_path):
    folder = unwritable_folder(tmp_path)
    before = set(os.listdir(folder))
    with pytest.raises(ExportFailed, match=r"^Cannot write to .*: permission denied\.$"):
        export(desk.ws, [desk.article_id], "docx", os.path.join(folder, "briefing.docx"))
    assert set(os.listdir(folder)) == before


def test_a_locked_target_is_one_clear_error_and_keeps_the_old_file(desk, tmp_path, monkeypatch):
    """Word on Windows holds an open document locked: the rename over it fails with a permission error."""
    target = tmp_path / "briefing.docx"
    target.write_bytes(b"the editor's copy")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportFailed, match=r"permission denied \(is it open in another program\?\)"):
        export(desk.ws, [desk.article_id], "docx", target)
    assert target.read_bytes() == b"the editor's copy"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.docx"]


def test_an_existing_file_is_replaced_whole(desk, tmp_path):
    target = tmp_path / "claims.csv"
    target.write_bytes(b"old")
    export(desk.ws, [desk.article_id], "csv", target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbfnumber,")


def test_bad_requests_are_refused_before_anything_is_written(desk, tmp_path):
    with pytest.raises(InvalidInput, match="Unknown export format 'pdf'; use one of: docx, md, claimreview"):
        export(desk.ws, [desk.article_id], "pdf", tmp_path / "x.pdf")
    with pytest.raises(InvalidInput, match="Unknown status 'bogus'"):
        export(desk.ws, [desk.article_id], "docx", tmp_path / "x.docx", ExportOptions(statuses=("bogus",)))
    with pytest.raises(ExportFailed, match="Choose at least one article"):
        export(desk.ws, [], "docx", tmp_path / "x.docx")
    with pytest.raises(NotFound, match="no article 999"):
        export(desk.ws, [999], "docx", tmp_path / "x.docx")
    assert list(tmp_path.iterdir()) == []


def test_the_options_object_given_is_not_changed(desk, tmp_path):
    options = ExportOptions()
    export(desk.ws, [desk.article_id], "md", tmp_path / "b.md", options)
    assert options.analyst is None
    assert "by maria.lopez" in (tmp_path / "b.md").read_text("utf-8")
