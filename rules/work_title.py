from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Any

from rapidfuzz.distance import OSA

from checker import verdicts
from checker.kinds.title import title_key
from checker.models import Claim, Finding, Verdict
from checker.rule import Rule
from checker.verdicts import Item
from checker.wording import one_word_apart

_BRACKETED = re.compile(r"\s*\([^()]*\)")


class WorkTitle(Rule):
    """Two titles for one entry's work in reports of one edition ("Nothing But Snow" / "Nothing But Rain").

    Bad: "Ana Ruiz's Nothing But Snow" against "her ballad Nothing But Rain" about the same contest (a
    conflict, even between a semi-final's report and the final's: a work keeps its title from
    one stage to the next); "Luz de Inverno" against "Luz de Invreno" (a letter swapped in one
    word: a variant, a warning).
    Good: "Nothing but rain" and "Nothing But Rain" (case, accents and punctuation aside, one
    title); Ana Ruiz's song of 2023 and her song of 2024 (two entries); Peru's song and Chile's.
    """

    code = "FL503"
    name = "work-title"
    slot = "work-title"
    severity = "error"

    def value(self, claim: Claim) -> str:
        """The folded title, a bracketed part left out: a report may add a translation in title
        case ("Fuego (Fire)") or leave a subtitle out ("Dance" for "Dance (Our Own Party)")."""
        return title_key(_BRACKETED.sub("", str(claim.value))) or title_key(str(claim.value))

    def label(self, claim: Claim) -> str:
        return str(claim.value)

    def compatible(self, a: Any, b: Any) -> bool:
        """One title, its words run together or spaced ("Rock Star", "Rockstar"), or misspelt."""
        return a.replace(" ", "") == b.replace(" ", "") or misspelt(a, b)

    def subject(self, claim: Claim) -> str:
        """Every entry of a series at once: a title said of a country joins its act's."""
        return self.slot

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        """Compared within one edition, whatever stage each report is of, entry by entry; a
        misspelt title is a variant besides."""
        findings: list[Finding] = []
        for key, entry in sorted(_entries([_any_stage(i) for i in items]).items()):
            slot, group = f"{self.slot}:{key}", self._single_works(entry)
            findings += [_edition_worded(f) for f in verdicts.judge_per_occurrence(self, series, slot, group)]
            spellings = verdicts.judge_spellings(
                self, series, slot, group, lambda i: [self.value(i.claim)], misspelt
            )
            findings += [replace(f, explanation=_spelled(f)) for f in spellings]
        return findings

    def _single_works(self, items: list[Item]) -> list[Item]:
        """The claims of editions where no report gives one entry two titles: a report that does
        speaks of several works of one act (an album and a single, an encore), so which is
        the entry it cannot say."""
        values: dict[tuple[int | None, str], set[str]] = defaultdict(set)
        for item in items:
            values[(item.year, item.claim.article)].add(self.value(item.claim))
        several = {
            year
            for (year, _), seen in values.items()
            if any(not self.compatible(a, b) for a in seen for b in seen)
        }
        return [i for i in items if i.year not in several]


def _edition_worded(finding: Finding) -> Finding:
    """A conflict of one edition says so: its reports may be of different stages."""
    if finding.verdict is not Verdict.CONFLICT or not finding.occurrence[:1].isdigit():
        return finding
    return replace(
        finding,
        explanation=f"Reports of one edition ({finding.occurrence}) give this entry's work different "
        "titles (a work keeps its title from one stage to the next).",
    )


def _spelled(finding: Finding) -> str:
    """A variant's words: a title, not a name, spelled two ways."""
    titles = " / ".join(side.value for side in finding.sides)
    return f"One title spelled two ways in reports of {finding.occurrence}: {titles}."


def _entries(items: list[Item]) -> dict[str, list[Item]]:
    """Claims by the entry they are about: their owner's key; a country's title joins the one
    act the reports of that edition tie to that country ("Italy's song" and "Måneskin's song"),
    never one of two, nor where a report ties two acts to it (a festival may show two films of
    one country)."""
    acts: dict[tuple[int, str], set[str]] = defaultdict(set)
    for item in items:
        key, country = _owner(item.claim), item.claim.detail("country")
        if item.year is not None and country and key != country:
            acts[(item.year, country)].add(key)
            if item.claim.detail("shared_country"):  # a report names two of its acts
                acts[(item.year, country)].add("")
    entries: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        key = _owner(item.claim)
        tied = (
            acts.get((item.year, key), set())
            if item.year is not None and key == item.claim.detail("country")
            else set()
        )
        entries[next(iter(tied)) if len(tied) == 1 else key].append(item)
    return entries


def _owner(claim: Claim) -> str:
    return claim.slot.partition(":")[2]


def _any_stage(item: Item) -> Item:
    """A placed claim as one of its edition's, its meeting set aside."""
    return replace(item, meeting=None, meeting_known=True) if item.year is not None else item


def misspelt(a: str, b: str) -> bool:
    """Two folded titles one word apart by a letter changed, added, dropped or swapped ("dois" /
    "dios": a swap counts one edit)."""
    return one_word_apart(a, b, OSA.distance)
