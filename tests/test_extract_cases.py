"""Extraction cases as data: tests/extract/<family>.yaml holds sentences and the claims of that
claim family factlint reads from them, one test a row; a family read by its kind's generic
reader carries its rows in its own declaration (``examples:`` in checker/data/<language>/
families/), so adding such a family touches its data, its rule and its fixture only.

A row is `text:` (one or two sentences, optionally `published:` as front matter would give it)
and `expect:`, the claims of the file's family as `{slot, value, display}`, the value as the JSON
output shows it (checker/values.py json_value); `expect: []` says the text yields no claim of
that family. A claim read inside quotation marks is expected with `attributed: true` (on the
claim, or on the row for all its claims); every other claim is expected not attributed. Claims
of other families are left to their own files.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.articles import make_article
from checker.extract import FAMILIES, extract_claims
from checker.families import generic_families
from checker.lexicon import default_lexicon
from checker.models import Claim
from checker.values import json_value

CASES = Path(__file__).resolve().parent / "extract"
ROW_KEYS = {"text", "published", "attributed", "expect"}
CLAIM_KEYS = {"slot", "value", "display", "attributed"}

Key = tuple[str, str, str, bool]  # slot, value as canonical JSON, display, attributed


def _load(path: Path) -> list[dict[str, Any]]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(rows, list) and rows, f"{path.name}: a list of rows expected"
    return rows


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        for number, row in enumerate(_load(path), 1):
            params.append(pytest.param(path.stem, row, id=f"{path.stem}-{number}"))
    for family in generic_families():
        for number, row in enumerate(family.examples, 1):
            params.append(pytest.param(family.name, row, id=f"{family.name}-{number}"))
    return params


def _families() -> set[str]:
    """The claim families the extractor has: the names its family modules write their drafts with."""
    names: set[str] = set()
    for module in FAMILIES:
        found = re.findall(r'\bfamily="([\w-]+)"', inspect.getsource(module))
        assert found, f"{module.__name__}: no family name found in its drafts"
        names.update(found)
    return names


# the parts of a JSON value in the order the JSON output gives them, whatever order a row writes
_ORDER = ("for", "against", "abstain", "min", "max", "year", "month", "day", "weekday")


def _canonical(value: Any) -> str:
    def ordered(v: Any) -> Any:
        if isinstance(v, dict):
            keys = sorted(v, key=lambda k: (_ORDER.index(k) if k in _ORDER else len(_ORDER), str(k)))
            return {k: ordered(v[k]) for k in keys}
        if isinstance(v, list | tuple):
            return [ordered(x) for x in v]
        return v

    return json.dumps(ordered(value), ensure_ascii=False)


def _expected(row: dict[str, Any], where: str) -> set[Key]:
    expect = row.get("expect")
    assert isinstance(expect, list), f"{where}: 'expect' must be a list (use [] for no claim)"
    keys: set[Key] = set()
    for claim in expect:
        assert isinstance(claim, dict), f"{where}: each expected claim is a mapping"
        assert {"slot", "value", "display"} <= set(claim) <= CLAIM_KEYS, f"{where}: bad claim keys {claim}"
        attributed = bool(claim.get("attributed", row.get("attributed", False)))
        keys.add((claim["slot"], _canonical(claim["value"]), str(claim["display"]), attributed))
    return keys


def _got(claims: list[Claim]) -> set[Key]:
    return {(c.slot, _canonical(json_value(c)), c.display, c.attributed) for c in claims}


def _read(text: str, published: Any) -> list[Claim]:
    raw = text
    if published is not None:
        day = published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published))
        raw = f"---\npublished: {day.isoformat()}\n---\n{text}\n"
    lex = default_lexicon()
    return extract_claims(make_article("case.md", raw, lex), lex)


def _show(keys: set[Key]) -> str:
    if not keys:
        return "    (none)"
    return "\n".join(
        f"    {slot} = {value}  display={display!r}" + ("  attributed" if attributed else "")
        for slot, value, display, attributed in sorted(keys)
    )


def test_every_family_has_its_cases() -> None:
    """One file a claim family, each with at least 12 rows, 3 of them yielding no claim."""
    files = {path.stem: _load(path) for path in CASES.glob("*.yaml")}
    families = _families()
    assert set(files) == families, (
        f"missing: {sorted(families - set(files))}; not a family: {sorted(set(files) - families)}"
    )
    for family, rows in files.items():
        negative = sum(1 for row in rows if row.get("expect") == [])
        assert len(rows) >= 12 and negative >= 3, f"{family}: {len(rows)} rows, {negative} negative"


def test_every_generic_family_has_its_examples() -> None:
    """A family read by its kind's reader declares at least 4 examples, 2 of them with no claim."""
    assert generic_families()
    for family in generic_families():
        rows = family.examples
        negative = sum(1 for row in rows if row.get("expect") == [])
        assert len(rows) >= 4 and negative >= 2, f"{family.name} ({family.source}): {len(rows)} rows"


@pytest.mark.parametrize("family, row", _cases())
def test_extract_case(family: str, row: dict[str, Any]) -> None:
    text = row.get("text")
    where = f"{family}: {text!r}"
    assert isinstance(text, str) and text.strip(), f"{family}: a row without text: {row}"
    assert set(row) <= ROW_KEYS, f"{where}: unknown keys {sorted(set(row) - ROW_KEYS)}"
    expected = _expected(row, where)
    got = _got([c for c in _read(text, row.get("published")) if c.family == family])
    if got != expected:
        pytest.fail(
            f"{family} claims differ\n  text: {text}"
            + (f"\n  published: {row['published']}" if row.get("published") else "")
            + f"\n  expected:\n{_show(expected)}\n  got:\n{_show(got)}"
            + f"\n  missing:\n{_show(expected - got)}\n  unexpected:\n{_show(got - expected)}",
            pytrace=False,
        )
