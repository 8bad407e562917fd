"""What a rule is: metadata plus how to read, compare and describe the values of one slot.

A rule never walks articles or claims itself: the engine hands it the claims of its slot that
may be compared (one series; one occurrence for per-occurrence slots) and the verdicts module
decides conflict, time-shift, unresolved or variant from the rule's answers.
"""

from __future__ import annotations

import inspect
from collections.abc import Hashable
from typing import Any, ClassVar

from checker.models import Claim, SlotClass


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    slot: ClassVar[str]  # claims whose slot is this, or starts with this and ':'
    slot_class: ClassVar[SlotClass]
    report_time_shifts: ClassVar[bool] = False  # show value changes between years as info
    severity: ClassVar[str] = "error"  # of its worst finding: a conflict (variants: warning)
    aliases: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def summary(cls) -> str:
        return (inspect.getdoc(cls) or "").splitlines()[0]

    @classmethod
    def example(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.split("\n", 1)[1].strip() if "\n" in doc else ""

    def applies(self, claim: Claim) -> bool:
        return claim.slot == self.slot or claim.slot.startswith(self.slot + ":")

    def subject(self, claim: Claim) -> str:
        """Claims are compared only with claims of the same subject (e.g. the same country)."""
        return claim.slot

    def value(self, claim: Claim) -> Hashable:
        return claim.value

    def compatible(self, a: Any, b: Any) -> bool:
        return a == b

    def label(self, claim: Claim) -> str:
        return claim.display
