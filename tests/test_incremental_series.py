"""A changed, added or deleted report gathers again only the series it leaves and joins: the
other series' stored rows stay as they were, the counts the weights come from stay exact, and
once enough reports changed every series is gathered afresh, as a new index gathers them."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from conftest import generate_corpus

from checker import index as index_module
from checker.index import update_index
from checker.pipeline import check, check_new_indexed
from rules import all_rules

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SETTLED = 1_700_000_000  # an old modification time: no run takes the files for just written


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "corpus"
    generate_corpus(160, folder, seed=5)
    (folder / "expected.json").unlink()
    return folder


@pytest.fixture
def corpus(generated: Path, tmp_path: Path) -> Path:
    """A corpus of its own for each test to change, indexed."""
    shutil.copytree(generated, tmp_path / "corpus")
    _settle(tmp_path / "corpus")
    _update(tmp_path)
    return tmp_path


def _settle(folder: Path) -> None:
    for path in folder.rglob("*"):
        os.utime(path, (SETTLED, SETTLED))


def _update(root: Path):
    return update_index(str(root / "index.sqlite"), [str(root / "corpus")], jobs=1)


def _table(root: Path, query: str) -> list[tuple]:
    with sqlite3.connect(root / "index.sqlite") as conn:
        return conn.execute(query).fetchall()


def _series_rows(root: Path) -> dict[int, tuple]:
    return {row[0]: row for row in _table(root, "SELECT * FROM series")}


def _members(root: Path) -> dict[str, int]:
    return dict(_table(root, "SELECT path, series FROM members"))


def _assert_counts_exact(root: Path) -> None:
    """The term counts and the report count are those of the stored profiles, as after a
    whole gathering; every member is a stored report, every series has members."""
    profiles = [p for (text,) in _table(root, "SELECT profiles FROM files") for p in json.loads(text)]
    counted = Counter(t for p in profiles for t, _ in p[2])
    assert dict(_table(root, "SELECT term, reports FROM terms")) == dict(counted)
    meta = dict(_table(root, "SELECT key, value FROM meta"))
    assert int(meta["reports"]) == len(profiles)
    assert sorted(_members(root)) == sorted(p[0] for p in profiles)
    assert set(_members(root).values()) == set(_series_rows(root))
    postings = {(t, s) for t, s in _table(root, "SELECT term, series FROM postings")}
    stored = {(t, i) for i, row in _series_rows(root).items() for t in json.loads(row[4])}
    assert postings == stored


def _edit(path: Path) -> None:
    path.write_text(
        path.read_text(encoding="utf-8") + "\nThe organisers thanked volunteers.\n", encoding="utf-8"
    )
    os.utime(path, (SETTLED + 10, SETTLED + 10))


def test_an_edited_report_rewrites_only_its_own_series(corpus: Path) -> None:
    before_rows, before_members = _series_rows(corpus), _members(corpus)
    edited = sorted((corpus / "corpus").glob("*.md"))[7]
    _edit(edited)
    stats = _update(corpus)
    assert (stats.read, stats.removed) == (1, 0)
    after_rows, after_members = _series_rows(corpus), _members(corpus)
    assert after_members == before_members  # a few words more: it stays in its series
    own = before_members[str(edited)]
    assert {i for i in after_rows if after_rows[i] != before_rows[i]} <= {own}
    assert set(after_rows) == set(before_rows)
    _assert_counts_exact(corpus)


def test_a_deleted_report_leaves_its_series_and_the_others_stay(corpus: Path) -> None:
    before_rows, before_members = _series_rows(corpus), _members(corpus)
    gone = sorted((corpus / "corpus").glob("*.md"))[11]
    gone.unlink()
    stats = _update(corpus)
    assert stats.removed == 1
    after_members = _members(corpus)
    assert str(gone) not in after_members
    assert after_members == {p: s for p, s in before_members.items() if p != str(gone)}
    after_rows = _series_rows(corpus)
    assert {i for i in after_rows if after_rows[i] != before_rows[i]} == {before_members[str(gone)]}
    _assert_counts_exact(corpus)


def test_a_report_of_a_new_event_begins_its_own_series(corpus: Path) -> None:
    before_rows = _series_rows(corpus)
    seed = sorted(SEEDS.glob("*.txt"))[0]
    added = corpus / "corpus" / seed.name
    shutil.copyfile(seed, added)
    os.utime(added, (SETTLED, SETTLED))
    assert _update(corpus).read == 1
    after_rows, members = _series_rows(corpus), _members(corpus)
    assert members[str(added)] not in before_rows
    assert {i: r for i, r in after_rows.items() if i in before_rows} == before_rows
    labels = [row[1] for row in after_rows.values()]
    assert len(labels) == len(set(labels))
    _assert_counts_exact(corpus)


def test_a_new_report_after_an_incremental_update_gets_a_whole_checks_findings(
    corpus: Path, tmp_path: Path
) -> None:
    files = sorted((corpus / "corpus").glob("*.md"))
    _edit(files[3])
    files[5].unlink()
    _update(corpus)
    new = tmp_path / "new.md"
    shutil.copyfile(files[20], new)
    rules = all_rules()
    fast = check_new_indexed([str(new)], [str(corpus / "corpus")], rules, str(corpus / "index.sqlite"))
    whole = check([str(corpus / "corpus"), str(new)], rules)

    def about_new(found) -> list[tuple]:
        return sorted(
            (f.rule, f.verdict.value, f.slot, f.occurrence, tuple(s.value for s in f.sides))
            for f in found.findings
            if any(a == str(new) for s in f.sides for a in s.articles)
        )

    assert about_new(fast) == about_new(whole)


def test_enough_changes_gather_every_series_as_a_new_index_does(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted((corpus / "corpus").glob("*.md"))
    _edit(files[0])
    _update(corpus)
    assert dict(_table(corpus, "SELECT key, value FROM meta"))["changed"] == "1"
    monkeypatch.setattr(index_module, "REGATHER_SHARE", 0.0)  # the next change is one too many
    _edit(files[1])
    _update(corpus)
    assert dict(_table(corpus, "SELECT key, value FROM meta"))["changed"] == "0"
    fresh = tmp_path / "fresh.sqlite"
    update_index(str(fresh), [str(corpus / "corpus")], jobs=1)
    for query in ("SELECT * FROM series", "SELECT * FROM members", "SELECT * FROM terms"):
        with sqlite3.connect(fresh) as conn:
            expected = sorted(conn.execute(query).fetchall())
        assert sorted(_table(corpus, query)) == expected
