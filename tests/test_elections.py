"""Reports of an election: each candidate's or party's share of the vote is compared only with
the same candidate's share of the same election; polls, a count under way, another round,
another year, a part of the country are kept apart or not read (invented reports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.families import _family, family_of_slot
from checker.models import Verdict
from checker.pipeline import check
from rules import all_rules

WIRE = """---
published: 2031-05-12
---
# Ruiz re-elected mayor of Arden

Incumbent mayor Ana Ruiz won a third term on Sunday, taking 54.2 percent of the vote
against 41.8 percent for challenger Tom Baker.
Turnout was 61 percent, down from 66 percent in 2027.
Polls last week had given Tom Baker 47 percent of the vote.
In the northern district, Tom Baker won 52 percent of the vote.
"""

DAILY = """---
published: 2031-05-12
---
# Arden keeps its mayor

Ana Ruiz was re-elected mayor of Arden on Sunday with {share} percent of the vote,
defeating Tom Baker, who won 42 percent.
The Liberal Party took 31 percent of the vote for the council.
"""

COUNT = """---
published: 2031-05-13
---
# Ruiz wins in Arden

Mayor Ana Ruiz cruised to victory in Arden on Sunday.
With 90 percent of ballots counted, she had 55 percent of the vote.
Tom Baker had won 38 percent of the vote in the first round two weeks earlier.
"""

EARLIER = """---
published: 2027-05-10
---
# Ruiz re-elected mayor of Arden

Ana Ruiz won a second term as mayor of Arden on Sunday. She took 49.3 percent of the vote.
"""


def _findings(folder: Path, share: str) -> list[tuple[str, str, tuple[tuple[str, ...], ...]]]:
    texts = {"wire.md": WIRE, "daily.md": DAILY.format(share=share), "count.md": COUNT, "earlier.md": EARLIER}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = check([str(folder)], all_rules())
    return [
        (
            f.verdict.value,
            f.slot,
            tuple(sorted(tuple(sorted(Path(a).name for a in s.articles)) for s in f.sides)),
        )
        for f in report.findings
        if f.slot.startswith("vote-share")
    ]


def test_shares_that_agree_raise_no_conflict(tmp_path: Path) -> None:
    found = _findings(tmp_path, "54")
    assert [f for f in found if f[0] == Verdict.CONFLICT.value] == []
    # the 2027 share is another election's
    assert ("time-shift", "vote-share:ana ruiz:%") in {(v, s) for v, s, _ in found}


def test_one_candidates_shares_that_differ_conflict(tmp_path: Path) -> None:
    conflicts = [f for f in _findings(tmp_path, "51.7") if f[0] == Verdict.CONFLICT.value]
    assert conflicts == [("conflict", "vote-share:ana ruiz:%", (("daily.md",), ("wire.md",)))]


def test_the_family_is_keyed_by_subject() -> None:
    family = family_of_slot("vote-share:ana ruiz:%")
    assert (family.kind, family.keyed_by, family.units) == ("amount", "subject", ("%",))


def test_keyed_by_takes_only_subject() -> None:
    with pytest.raises(ValueError, match="keyed_by"):
        _family("share", {"kind": "amount", "keyed_by": "source"}, "en/families/test.yaml")
