"""Choose rules by code or name (--select / --ignore)."""

from __future__ import annotations

from collections.abc import Iterable

from checker.errors import UsageError
from checker.rule import Rule
from rules import all_rules


def split_names(values: Iterable[str] | None) -> list[str]:
    return [p.strip() for v in values or () for p in v.split(",") if p.strip()]


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Rule]:
    """All rules, narrowed to --select and without --ignore; unknown names are an error."""
    rules = all_rules()
    known = {k.lower(): r.code for r in rules for k in (r.code, r.name, *r.aliases)}
    chosen = _codes(split_names(select), known) or {r.code for r in rules}
    dropped = _codes(split_names(ignore), known)
    selected = [r for r in rules if r.code in chosen and r.code not in dropped]
    if not selected:
        raise UsageError("no rule left to run: --select and --ignore leave nothing")
    return selected


def _codes(names: list[str], known: dict[str, str]) -> set[str]:
    codes = set()
    for name in names:
        key = name.lower()
        prefixed = {code for k, code in known.items() if k.startswith(key) and key[:2] == "fl"}
        if key in known:
            codes.add(known[key])
        elif prefixed:  # "FL1" selects the family of counts and ordinals
            codes |= prefixed
        else:
            raise UsageError(f"unknown rule: {name} (see 'factlint rules')")
    return codes
