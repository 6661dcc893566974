"""Whatever an analyst (or a script) types, the CLI answers with a result or one sentence, never a crash."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app import cli
from desktop_app.core.workspace import Workspace

from .conftest import SAMPLE

COMMANDS = [
    ["articles"], ["show"], ["claim", "add"], ["claim", "set"], ["claim", "delete"], ["claim", "list"],
    ["source", "add"], ["history"], ["export"], ["import"],
]
OPTIONS = ["--json", "--quote", "--span", "--occurrence", "--type", "--status", "--note", "--rationale",
           "--field", "--if-version", "--url", "--citation", "--reliability", "--credibility", "--relation",
           "--format", "-o", "--title", "--search", "--mine", "--kind", "--accessed"]
VALUES = st.one_of(
    st.sampled_from(["1", "2", "0", "-1", "999999999999999999999", "casualty", "quote", "disputed", "maybe",
                     "B", "Z", "7", "3:1", "301:326", "0:99999", "three US soldiers injured", "count=3",
                     "count=x", "speaker=", "http://example.org/a", "javascript:alert(1)", "", " ", "\u0000",
                     "json", "docx", "csv", "/nonexistent/dir/out.json", "--", "-", "\u201cquoted\u201d"]),
    st.text(max_size=12),
)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("fuzz") / "w.db")
    with Workspace.open(db) as ws:
        article = ws.import_file(SAMPLE)
        claim = ws.add_claim(article.id, "casualty", quote="three US soldiers injured")
        ws.add_source(claim.id, url="https://example.org/statement", reliability="B", credibility=2)
    return db


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), tail=st.lists(st.one_of(st.sampled_from(OPTIONS), VALUES), max_size=8))
def test_random_arguments_get_an_answer_or_one_sentence(fuzz_db, tmp_path, capsys, command, tail):
    argv = ["--db", fuzz_db, *command, *tail]
    # Exports go to a scratch folder, never over the workspace itself.
    argv = [str(tmp_path / "out.bin") if a.endswith((".db", ".json")) and a != fuzz_db else a for a in argv]
    with Workspace.open(fuzz_db) as ws:
        before = ws.change_count()
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 2), f"{argv!r} crashed: {err}"
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("claimdesk: ") and err.count("\n") == 1, err
        with Workspace.open(fuzz_db) as ws:
            assert ws.change_count() == before  # a refusal changes nothing
