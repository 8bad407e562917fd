"""Baselines: record today's findings, then report only the ones that are new.

A finding is recognised by what it says, not where it stands: rule, series, slot, occurrence,
verdict and, for each side, the sorted normalised values of its claims. Line numbers, claim
ids and the wording of a side are left out, so an edit elsewhere in a file, or one more
report repeating a recorded value in other words, does not bring a finding back.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checker.errors import UsageError
from checker.models import Claim, Corpus, Finding
from checker.values import json_value

BASELINE_VERSION = 1


def finding_key(finding: Finding, claims: dict[str, Claim]) -> dict[str, Any]:
    """What identifies a finding across runs (the baseline entry, also the SARIF fingerprint)."""
    return {
        "rule": finding.rule,
        "series": finding.series_identity,
        "slot": finding.slot,
        "occurrence": finding.occurrence or None,
        "verdict": finding.verdict.value,
        "sides": sorted((_side_values(side.claims, claims) for side in finding.sides), key=_canonical),
    }


def _side_values(claim_ids: Iterable[str], claims: dict[str, Claim]) -> list[Any]:
    values = {_canonical(_value(claims[c])): _value(claims[c]) for c in claim_ids if c in claims}
    return [values[k] for k in sorted(values)]


def _value(claim: Claim) -> Any:
    value = json_value(claim)
    return value if claim.polarity else {"not": value}


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def key_text(finding: Finding, claims: dict[str, Claim]) -> str:
    """The finding key as one canonical string."""
    return _canonical(finding_key(finding, claims))


def to_baseline(corpus: Corpus, findings: Iterable[Finding]) -> str:
    """The baseline file: version and the sorted, de-duplicated entries."""
    claims = {c.id: c for c in corpus.claims}
    entries = {key_text(f, claims): finding_key(f, claims) for f in findings}
    data = {"version": BASELINE_VERSION, "tool": "factlint", "entries": [entries[k] for k in sorted(entries)]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def read_baseline(path: str) -> set[str]:
    """The canonical keys recorded in a baseline file; a bad file is a one-line error."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"baseline not found: {path}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read baseline {path}: {err}") from None
    except json.JSONDecodeError as err:
        raise UsageError(f"baseline {path} is not JSON: {err.msg} (line {err.lineno})") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise UsageError(f"baseline {path}: not a factlint baseline (version {BASELINE_VERSION})")
    entries = data.get("entries")
    if not isinstance(entries, list) or not all(_entry_ok(e) for e in entries):
        raise UsageError(f"baseline {path}: 'entries' must be a list of recorded findings")
    return {_canonical(e) for e in entries}


def _entry_ok(entry: Any) -> bool:
    keys = {"rule", "series", "slot", "occurrence", "verdict", "sides"}
    return isinstance(entry, dict) and set(entry) == keys and isinstance(entry["sides"], list)


def new_findings(
    corpus: Corpus, findings: Iterable[Finding], recorded: set[str]
) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many were left out because they are.

    Entries are keyed on a series' identity (what half its reports name it), not on its
    display name; an entry whose series no finding of today has (a baseline keyed on a
    display name, or a series whose identity moved) still matches a finding that agrees with
    it on everything else (rule, slot, occurrence, verdict, values), once."""
    claims = {c.id: c for c in corpus.claims}
    findings = list(findings)
    renamed = _entries_of_renamed_series(recorded, {f.series_identity for f in findings})
    kept: list[Finding] = []
    for finding in findings:
        key = finding_key(finding, claims)
        if _canonical(key) in recorded:
            continue
        loose = _canonical({**key, "series": None})
        if renamed[loose] > 0:
            renamed[loose] -= 1
            continue
        kept.append(finding)
    return kept, len(findings) - len(kept)


def _entries_of_renamed_series(recorded: set[str], series: set[str]) -> Counter[str]:
    """The recorded entries whose series no run of today names, keyed without it."""
    loose: Counter[str] = Counter()
    for text in sorted(recorded):
        entry = json.loads(text)
        if entry["series"] not in series:
            loose[_canonical({**entry, "series": None})] += 1
    return loose
