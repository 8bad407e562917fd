"""New reports against an indexed corpus (issue 6: one new report against an index of 100,000
in under half a second): the index keeps the corpus's series, a new report joins its series,
and only that series' reports are read and judged, with the findings a whole check gives."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import generate_corpus

from checker.index import update_index
from checker.pipeline import check, check_new_indexed
from rules import all_rules

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def _about_new(corpus, new_name: str) -> list[tuple]:
    """The findings with the new report on a side, as comparable values."""
    return sorted(
        (f.rule, f.verdict.value, f.slot, f.occurrence, tuple(s.value for s in f.sides))
        for f in corpus.findings
        if any(a.endswith(new_name) for s in f.sides for a in s.articles)
    )


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> tuple[Path, Path, dict]:
    root = tmp_path_factory.mktemp("indexed")
    corpus = root / "corpus"
    expected = generate_corpus(240, corpus, seed=3)
    db = root / "index.sqlite"
    update_index(str(db), [str(corpus)], jobs=1)
    return corpus, db, expected


def test_a_new_report_gets_the_findings_a_whole_check_gives(indexed, tmp_path: Path) -> None:
    corpus, db, expected = indexed
    rules = all_rules()
    for planted in expected["planted"][:4]:
        new = tmp_path / f"new-{planted['file']}"
        shutil.copyfile(corpus / planted["file"], new)
        fast = check_new_indexed([str(new)], [str(corpus)], rules, str(db))
        whole = check([str(corpus), str(new)], rules)
        assert _about_new(fast, new.name) == _about_new(whole, new.name)
        assert any(
            f.rule == planted["rule"] and f.verdict.value == "conflict"
            for f in fast.findings
            if any(a.endswith(new.name) for s in f.sides for a in s.articles)
        )


def test_only_the_new_reports_series_is_read(indexed, tmp_path: Path) -> None:
    corpus, db, expected = indexed
    planted = expected["planted"][0]
    new = tmp_path / "new.md"
    shutil.copyfile(corpus / planted["file"], new)
    fast = check_new_indexed([str(new)], [str(corpus)], all_rules(), str(db))
    whole = check([str(corpus), str(new)], all_rules())
    series = whole.occurrences[str(new)].series
    same_series = sorted(a.path for a in whole.articles if whole.occurrences[a.path].series == series)
    assert sorted(a.path for a in fast.articles) == same_series
    assert len(fast.articles) < len(whole.articles) / 3


def test_a_report_of_no_indexed_series_begins_its_own(indexed, tmp_path: Path) -> None:
    corpus, db, _ = indexed
    seed = sorted(SEEDS.glob("*.txt"))[0]
    new = tmp_path / seed.name
    shutil.copyfile(seed, new)
    fast = check_new_indexed([str(new)], [str(corpus)], all_rules(), str(db))
    assert [a.path for a in fast.articles] == [str(new)]
    assert not fast.findings
    with sqlite3.connect(db) as conn:
        labels = {label for (label,) in conn.execute("SELECT label FROM series")}
    assert fast.occurrences[str(new)].series not in labels


def test_the_index_keeps_every_reports_series_as_a_whole_check_gathers_them(indexed) -> None:
    corpus, db, _ = indexed
    whole = check([str(corpus)], all_rules())
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("SELECT m.path, s.label FROM members m JOIN series s ON s.id = m.series"))
    assert stored == {path: occ.series for path, occ in whole.occurrences.items()}


def test_index_built_first_when_it_does_not_hold_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    new = tmp_path / "new.md"
    new.write_text(
        "---\npublished: 2020-12-17\n---\nThe UN General Assembly adopted a resolution"
        " on North Korean human rights for the 15th consecutive year.\n",
        encoding="utf-8",
    )
    db = tmp_path / "index.sqlite"
    fast = check_new_indexed([str(new)], [str(corpus)], all_rules(), str(db))
    assert db.is_file()
    assert len(fast.articles) == 6
    assert [f.rule for f in fast.findings if f.verdict.value == "conflict"] == ["FL101"]


NEW_REPORT = """---
published: 2020-12-17
---
The UN General Assembly adopted the North Korea human rights resolution for the 16th consecutive year.
"""


@pytest.mark.parametrize("cwd_elsewhere", [False, True])
def test_an_edited_or_deleted_report_is_read_again_not_quoted_from_the_index(
    tmp_path: Path, monkeypatch, cwd_elsewhere: bool
) -> None:
    """After 'factlint index', a report is edited and another deleted: a new report against
    the index is judged with the files as they are now, wherever the check runs from."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "corpus")
    update_index("index.sqlite", ["corpus"], jobs=1)
    edited = tmp_path / "corpus" / "000_cae03861725b6189.txt"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(
        text.replace("for 16 consecutive years", "for 13 consecutive years").replace(
            "marks the 16th year", "marks the 13th year"
        ),
        encoding="utf-8",
    )
    (tmp_path / "corpus" / "001_620c1b8c98279eaf.txt").unlink()
    (tmp_path / "new.md").write_text(NEW_REPORT, encoding="utf-8")
    if cwd_elsewhere:
        (tmp_path / "elsewhere").mkdir()
        monkeypatch.chdir(tmp_path / "elsewhere")
    base = ".." if cwd_elsewhere else "."
    found = check_new_indexed([f"{base}/new.md"], [f"{base}/corpus"], all_rules(), f"{base}/index.sqlite")
    quotes = {c.quote for c in found.claims if c.article.endswith("000_cae03861725b6189.txt")}
    assert any("13 consecutive years" in q for q in quotes)
    assert not any("16 consecutive years" in q for q in quotes)
    assert not any(a.path.endswith("001_620c1b8c98279eaf.txt") for a in found.articles)
    counts = {s.value for f in found.findings if f.rule == "FL101" for s in f.sides}
    assert "13th" in counts, counts  # the edited count is judged


BUDGET = (
    '{{"id": "b{n}", "published": "2020-12-16", "text": "The city council of Lakeside adopted '
    'its budget by a recorded vote of {votes} on Tuesday, councillors said."}}\n'
)


@pytest.mark.parametrize("folder", ["feed", "a#b"])
def test_an_edited_feed_gives_back_only_the_records_the_series_held(tmp_path: Path, folder: str) -> None:
    """A feed holds two events; after it is edited, a new report against the index is judged
    with its own series only, as a check without the index judges it, and with the new text."""
    seeds = sorted(SEEDS.glob("*.txt"))[:4]
    records = [
        json.dumps({"id": f"s{i}", "published": "2020-12-17", "text": p.read_text(encoding="utf-8")})
        for i, p in enumerate(seeds)
    ]
    feed = tmp_path / folder / "feed.jsonl"
    feed.parent.mkdir()
    feed.write_text("\n".join(records) + "\n" + BUDGET.format(n=1, votes="9-2"), encoding="utf-8")
    db = tmp_path / "index.sqlite"
    update_index(str(db), [str(feed.parent)], jobs=1)
    edited = feed.read_text(encoding="utf-8").replace("58 member states", "63 member states")
    feed.write_text(edited + BUDGET.format(n=2, votes="9-3"), encoding="utf-8")
    new = tmp_path / "new.txt"
    shutil.copyfile(seeds[0], new)
    fast = check_new_indexed([str(new)], [str(feed.parent)], all_rules(), str(db))
    whole = check([str(feed.parent), str(new)], all_rules())
    assert _about_new(fast, new.name) == _about_new(whole, new.name)
    assert not [a for a in fast.articles if "#b" in a.path[-3:]]  # no budget record came along
    assert any("63 member states" in c.quote for c in fast.claims)
