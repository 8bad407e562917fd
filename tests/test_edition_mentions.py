"""Edition labels and "the Nth <event>" ordinals, read end to end.

Every mention of an edition label attached to the edition a report is about ("WCF14 president",
"at WCF14 in Dunmere", "WCF14 closed") is a count of that edition, so one mention changed among
several makes the report disagree with its copies and with the other reports of its year;
mentions of another edition (an earlier one cited as history, "next year's", "ahead of",
"Pre-") are not. The events, places and people here are invented.
"""

from __future__ import annotations

from pathlib import Path

from checker.models import Corpus, Finding, Verdict
from checker.pipeline import check
from checker.selection import select_rules

LEAD = "Delegates at the WCF14 summit in Dunmere agreed a coastal pact on Saturday night."
BODY = (
    "WCF14 president Ada Brun said the deal was fair after two weeks of talks.\n\n"
    "The WCF14 talks closed a day late, organisers said.\n\n"
    "The forum built on the work done at WCF11 in Lisport, and next year's WCF15 will be held in Varn."
)


def _write(folder: Path, name: str, published: str, text: str) -> None:
    head = f"---\ntitle: Coast forum agrees pact\npublished: {published}\n---\n"
    (folder / name).write_text(head + text, encoding="utf-8")


def _ordinal_findings(folder: Path) -> tuple[Corpus, list[Finding]]:
    corpus = check([str(folder)], select_rules(["FL101"]))
    return corpus, [f for f in corpus.findings if f.rule == "FL101"]


def _labels(corpus: Corpus, name: str) -> list[int]:
    return sorted(c.value for c in corpus.claims if Path(c.article).name == name and c.slot == "ordinal")


def test_consistent_reports_give_no_finding(tmp_path: Path) -> None:
    _write(tmp_path, "herald.md", "2026-11-22", f"{LEAD}\n\n{BODY}\n")
    _write(tmp_path, "courier.md", "2026-11-22", f"{LEAD}\n\n{BODY}\n\nFishing groups welcomed the pact.\n")
    corpus, findings = _ordinal_findings(tmp_path)
    assert findings == []
    # the report's own edition three times; the earlier and the next editions are not counts
    assert _labels(corpus, "herald.md") == [14, 14, 14]


def test_one_mention_changed_conflicts_with_the_report_and_its_year(tmp_path: Path) -> None:
    changed = BODY.replace("WCF14 president", "WCF15 president")
    _write(tmp_path, "herald.md", "2026-11-22", f"{LEAD}\n\n{BODY}\n")
    _write(tmp_path, "courier.md", "2026-11-22", f"{LEAD}\n\n{changed}\n")
    corpus, findings = _ordinal_findings(tmp_path)
    assert _labels(corpus, "courier.md") == [14, 14, 15]
    conflicts = [f for f in findings if f.verdict is Verdict.CONFLICT]
    assert conflicts, findings
    sides = [{Path(a).name for a in side.articles} for side in conflicts[0].sides]
    assert {"courier.md"} in sides  # the changed mention stands alone
    assert any("herald.md" in side for side in sides)
    quotes = {c.quote for c in corpus.claims if c.id in {i for s in conflicts[0].sides for i in s.claims}}
    assert any("WCF15 president Ada Brun" in q for q in quotes)


def test_mentions_of_other_editions_are_not_counts(tmp_path: Path) -> None:
    text = (
        "Ministers met in Dunmere on Thursday ahead of WCF15, the coast forum's next summit.\n\n"
        "A Pre-WCF15 meeting drew 40 ministers. Last year's WCF14 in Lisport ended without a deal.\n\n"
        "Links: WCF 15 Official website; more about the forum\n"
    )
    _write(tmp_path, "preview.md", "2027-10-10", text)
    corpus, _ = _ordinal_findings(tmp_path)
    assert _labels(corpus, "preview.md") == []


def test_the_nth_event_counts_editions_not_wins(tmp_path: Path) -> None:
    text = (
        "Norway won the Brightvale song contest in Varn on Saturday night.\n\n"
        "Kari Lund took the 40th Brightvale with 512 points. It was the third Brightvale win for Norway.\n"
    )
    _write(tmp_path, "contest.md", "2026-05-17", text)
    corpus, _ = _ordinal_findings(tmp_path)
    assert _labels(corpus, "contest.md") == [40]
