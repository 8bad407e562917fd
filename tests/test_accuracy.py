"""Accuracy on the development set of real reports (issue 8): a ratchet on what is reached.

Runs benchmarks/accuracy.py on ../shared/devset and fails when a figure drops below the one
reached so far or a false alarm appears. Raise the floors as the figures climb; never set one
that is not met yet. Figures and their causes: ACCURACY.md."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"

pytestmark = pytest.mark.skipif(
    not (DEVSET / "corpus").is_dir() or not list(DEVSET.glob("*_gold.yaml")),
    reason=f"development set not found at {DEVSET} (it lives beside the repository)")

# Floors: the figures measured on 2026-11-23 (ACCURACY.md), rounded down to 2 decimals.
# C4 (Ebola doctor counts) was credited by accident while agreeing dates stood on two sides;
# merging them into one side took that false credit away: 7/8 is the honest figure.
CONFLICT_RECALL = 0.87  # 7/8 findable gold conflicts, as score.py counts them
CONFLICT_RECALL_KIND_SPECIFIC = 0.75  # 6/8 without the credits of the catch-all kind
EXTRACTION = {  # family: (precision, recall)
    "ordinal": (1.00, 1.00),
    "start": (1.00, 1.00),
    "tally": (1.00, 1.00),
    "sponsors": (1.00, 1.00),
    "adoption": (1.00, 1.00),
    "votes": (0.98, 0.98),
    "date": (1.00, 1.00),
    "people": (0.97, 0.88),
}
EVENT_YEAR = 1.00  # 22/22
MEETING = 0.90  # 9/10


def _load_harness():
    spec = importlib.util.spec_from_file_location("fl_accuracy", REPO / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict:
    return _load_harness().measure(DEVSET)


def test_gold_conflicts_are_found(result):
    findings = result["findings"]
    missed = [r["id"] for r in findings["conflicts"] if r["status"] != "found"]
    assert findings["recall"] >= CONFLICT_RECALL, f"missed gold conflicts: {missed}"
    assert findings["recall_kind_specific"] >= CONFLICT_RECALL_KIND_SPECIFIC, missed


def test_no_time_shift_stage_or_cross_series_false_alarm(result):
    findings = result["findings"]
    assert findings["time_shift"] == [], "time-shift pairs called conflict"
    assert findings["stage"] == [], "committee/plenary pairs called conflict"
    assert findings["cross_series"] == [], "reports of different series called conflict"


@pytest.mark.parametrize("family", sorted(EXTRACTION))
def test_extraction_does_not_regress(result, family):
    got = result["extraction"][family]
    precision, recall = EXTRACTION[family]
    spurious = [(s["article"], s["display"]) for s in got["spurious"]]
    misses = [(m["article"], m["gold"]) for m in got["misses"]]
    assert (got["precision"] or 0) >= precision, f"{family} precision; spurious: {spurious}"
    assert (got["recall"] or 0) >= recall, f"{family} recall; misses: {misses}"


def test_event_resolution_does_not_regress(result):
    events = result["events"]
    wrong = [(r["article"], r["year"], r["gold_year"]) for r in events["rows"] if not r["year_ok"]]
    assert events["year_accuracy"] >= EVENT_YEAR, f"event year wrong: {wrong}"
    assert events["meeting_accuracy"] >= MEETING


def test_agrees_with_the_devset_scorer(result):
    """score.py, the independent scorer, counts the same recall and false alarms."""
    scorer = DEVSET / "score.py"
    if not scorer.is_file():
        pytest.skip(f"{scorer} not found")
    proc = subprocess.run([sys.executable, str(scorer), f"{sys.executable} -m checker"],
                          capture_output=True, text=True, cwd=REPO, timeout=300)
    line = proc.stdout.strip().splitlines()[-1]
    m = re.search(r"recall (\d+)/(\d+).*?false alarms (\d+) \(cross-series (\d+), time-shift (\d+),"
                  r" stage/look-alike (\d+)\); gold share of flagged pairs (\S+); ungolded (\d+)",
                  line)
    assert m, line
    f = result["findings"]
    mine = (f["found"], f["gold"], f["false_alarms"], len(f["cross_series"]), len(f["time_shift"]),
            len(f["stage"]), f["gold_share"], len(f["ungolded"]))
    theirs = tuple(int(x) if x.isdigit() else x for x in m.groups())
    assert mine == theirs, f"harness {mine} vs score.py {theirs}: {line}"
