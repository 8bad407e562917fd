"""What a rule is: metadata plus how to read, compare and describe the values of one slot.

A rule never walks articles or claims itself: the engine hands it the claims of its slot that
may be compared (one series; one occurrence for per-occurrence slots) and the verdicts module
decides conflict, time-shift, unresolved or variant from the rule's answers.

The contract, in the order the engine asks:
    applies(claim)      does the rule judge this claim at all (by its slot)?
    subject(claim)      claims are compared only within one subject (one country, one person)
    value(claim)        the normalised, hashable value claims are grouped by
    compatible(a, b)    can two different values both be true of one occurrence?
    label(claim)        how a side's value is named in a finding
    judge(...)          the findings for one series and subject: by slot class, unless the
                        rule compares in its own way (spellings of a name, arithmetic)
"""

from __future__ import annotations

import inspect
from collections.abc import Hashable
from typing import Any, ClassVar

from checker import verdicts
from checker.families import family_of_slot
from checker.kinds import Kind, kind_named, kind_of
from checker.models import Claim, Finding, SlotClass
from checker.verdicts import Item


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    slot: ClassVar[str]  # claims whose slot is this, or starts with this and ':'
    slot_class: ClassVar[SlotClass]  # how its slot compares: as the slot's family declares it
    report_time_shifts: ClassVar[bool] = False  # show value changes between years as info
    severity: ClassVar[str] = "error"  # of its worst finding: a conflict (variants: warning)
    aliases: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "slot_class" not in cls.__dict__ and "slot" in cls.__dict__:
            cls.slot_class = family_of_slot(cls.slot).slot_class

    @classmethod
    def summary(cls) -> str:
        return (inspect.getdoc(cls) or "").splitlines()[0]

    @classmethod
    def example(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.split("\n", 1)[1].strip() if "\n" in doc else ""

    def applies(self, claim: Claim) -> bool:
        """Whether the rule judges this claim: its slot is the rule's, or under it."""
        return claim.slot == self.slot or claim.slot.startswith(self.slot + ":")

    def subject(self, claim: Claim) -> str:
        """Claims are compared only with claims of the same subject (e.g. the same country)."""
        return claim.slot

    def value(self, claim: Claim) -> Hashable:
        """The normalised value claims are grouped by: equal values are one side."""
        return claim.value

    @property
    def kind(self) -> Kind:
        """The claim kind of the rule's slot, as its family declares it."""
        return kind_named(family_of_slot(self.slot).kind)

    def compatible(self, a: Any, b: Any) -> bool:
        """Whether two values can both be true of one occurrence: as their kind says (a
        range holds a number, a tally that leaves a part out agrees)."""
        return self.kind.compatible(a, b)

    def label(self, claim: Claim) -> str:
        """How a side's value is named in a finding: as its kind names it."""
        return kind_of(claim).label(claim)

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        """The findings for one series and subject, from claims placed in time: by default
        as the slot class says they may be compared (CLAIM-MODEL: per occurrence, derived
        counts, fixed facts)."""
        return verdicts.judge_by_class(self, series, subject, items)


class KindRule(Rule):
    """A rule for every family of one claim kind that is read by the kind's generic reader
    and has no rule of its own: adding such a family (data) needs no new code."""

    kind_name: ClassVar[str]
    slot = ""  # its slots are the families'
    slot_class = SlotClass.PER_OCCURRENCE  # as each family declares; this is the common case

    @property
    def kind(self) -> Kind:
        return kind_named(self.kind_name)

    def applies(self, claim: Claim) -> bool:
        family = family_of_slot(claim.slot)
        return family.kind == self.kind_name and family.reader is None and family.name not in _own_slots()

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        """Compared as the subject's family declares (per occurrence, derived or fixed)."""
        compares = family_of_slot(subject).slot_class
        if compares is SlotClass.DERIVED:
            return verdicts.judge_derived(self, series, subject, items)
        if compares is SlotClass.FIXED:
            return verdicts.judge_fixed(self, series, subject, items)
        return verdicts.judge_per_occurrence(self, series, subject, items)


def _own_slots() -> frozenset[str]:
    """Slots that a rule of their own judges (every rule class loaded so far)."""
    found: set[str] = set()
    stack = list(Rule.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__dict__.get("slot"):
            found.add(cls.__dict__["slot"])
    return frozenset(found)
