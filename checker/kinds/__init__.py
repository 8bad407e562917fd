"""Claim kinds: the typed units every claim family is built from.

A kind knows one shape of value: how it is read from plain data, written as JSON, shown in a
table cell ("compact"), on a chart ("chart"), named on a side of a finding ("label"), and when
two different values of it can both be true of one occurrence ("compatible"). A kind may also
carry a reader: the generic extractor that reads every family declared with that kind in the
data files (checker/data/<language>/families/).

One module a kind; a module declares its kind as a module-level ``KIND``. Modules are found by
name, so adding a kind adds one module and touches nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from checker.extract.base import Context, Draft
    from checker.families import Family
    from checker.models import Claim
    from checker.text import Sentence

__all__ = ["Kind", "all_kinds", "kind_named", "kind_of"]


class Kind:
    """The default kind: a value shown as its words, equal only to itself."""

    name: ClassVar[str] = "text"
    summary: ClassVar[str] = "a value compared as written"

    def json(self, claim: Claim) -> Any:
        """The value as plain JSON data (the JSON report, baselines and their fingerprints)."""
        value = claim.value
        return list(value) if isinstance(value, tuple) else value

    def compact(self, claim: Claim) -> str:
        """The value in a few characters, for tables."""
        return str(claim.value)

    def chart(self, claim: Claim, year: int | None = None) -> str | None:
        """The value as a short chart label, or None to show the words as written."""
        return None

    def label(self, claim: Claim) -> str:
        """How a side of a finding names the value."""
        return claim.display

    def compatible(self, a: Any, b: Any) -> bool:
        """Whether two different values can both be true of one occurrence."""
        return a == b

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        """A cheap first look at a sentence for all the kind's families at once: False where
        none of them can read anything (no number for a count, none of their words)."""
        return True

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        """Claims of one family of this kind in one sentence (kinds read by a module of their
        own yield nothing here)."""
        return iter(())


@cache
def all_kinds() -> dict[str, Kind]:
    """Every kind, by name, from the modules of this package."""
    found: dict[str, Kind] = {"text": Kind()}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        kind = importlib.import_module(f"{__name__}.{module}").KIND
        found[kind.name] = kind
    return found


def kind_named(name: str) -> Kind:
    kinds = all_kinds()
    return kinds.get(name) or kinds["text"]


def kind_of(claim: Claim) -> Kind:
    """The claim's kind: its own, else the one its slot's family declares."""
    if claim.kind:
        return kind_named(claim.kind)
    from checker.families import family_of_slot

    return kind_named(family_of_slot(claim.slot).kind)
