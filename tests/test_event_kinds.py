"""Reports of four other kinds of recurring event (tests/data/events/*.yaml): a marathon, a song
contest, a city-council budget vote and an election. Each corpus is checked with every rule:
its same-occurrence contradictions are found, exactly those; values of different years are
time-shifts; reports of another stage of the same year (a semi-final, a first reading, a
run-off) are kept apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.models import Finding, Verdict
from checker.pipeline import check
from rules import all_rules

CORPORA = Path(__file__).resolve().parent / "data" / "events"

Key = tuple[str, tuple[tuple[str, ...], ...]]


def _key(rule: str, sides: Any) -> Key:
    return rule, tuple(sorted(tuple(sorted(Path(a).name for a in side)) for side in sides))


def _found(findings: tuple[Finding, ...], verdict: Verdict) -> set[Key]:
    return {_key(f.name, [s.articles for s in f.sides]) for f in findings if f.verdict is verdict}


def _corpus(name: str, folder: Path) -> tuple[dict[str, Any], tuple[Finding, ...]]:
    data = yaml.safe_load((CORPORA / f"{name}.yaml").read_text(encoding="utf-8"))
    for article in data["articles"]:
        meta = {k: v for k, v in article.items() if k not in ("path", "text")}
        head = f"---\n{yaml.safe_dump(meta)}---\n" if meta else ""
        (folder / article["path"]).write_text(head + article["text"], encoding="utf-8")
    return data, check([str(folder)], all_rules()).findings


def test_four_kinds_of_event() -> None:
    assert sorted(p.stem for p in CORPORA.glob("*.yaml")) == [
        "council_budget",
        "election",
        "marathon",
        "song_contest",
    ]


@pytest.mark.parametrize("name", sorted(p.stem for p in CORPORA.glob("*.yaml")))
def test_contradictions_found_and_stages_and_years_kept_apart(name: str, tmp_path: Path) -> None:
    data, findings = _corpus(name, tmp_path)
    expected = {_key(c["rule"], c["sides"]) for c in data["conflicts"]}
    assert expected, "a corpus holds at least one contradiction"
    got = _found(findings, Verdict.CONFLICT)
    assert got == expected, f"missing: {sorted(expected - got)}\nunexpected: {sorted(got - expected)}"
    shifts = {_key(c["rule"], c["sides"]) for c in data["time_shifts"] or []}
    missing = shifts - _found(findings, Verdict.TIME_SHIFT)
    assert not missing, f"time-shifts not found: {sorted(missing)}"
