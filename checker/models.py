"""Frozen records that flow through the pipeline: articles, claims, occurrences, findings."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# Files (and stdin) above this many bytes are skipped with a warning; None means no limit.
# Reading is linear in the input; 20 MB is some thousand news reports in one file.
DEFAULT_MAX_BYTES = 20_000_000


class SlotClass(StrEnum):
    """How a slot may be compared (CLAIM-MODEL: per occurrence, derived count, fixed fact)."""

    PER_OCCURRENCE = "per-occurrence"
    DERIVED = "derived-count"
    FIXED = "fixed-fact"


class Verdict(StrEnum):
    CONFLICT = "conflict"
    VARIANT = "variant"
    UNRESOLVED = "unresolved"
    TIME_SHIFT = "time-shift"


SEVERITY = {
    Verdict.CONFLICT: "error",
    Verdict.VARIANT: "warning",
    Verdict.UNRESOLVED: "warning",
    Verdict.TIME_SHIFT: "info",
}
# Order used by --fail-on: a finding fails the run when its verdict ranks at or above the level.
VERDICT_RANK = {Verdict.CONFLICT: 4, Verdict.VARIANT: 3, Verdict.UNRESOLVED: 2, Verdict.TIME_SHIFT: 1}


@dataclass(frozen=True, slots=True)
class Article:
    """One report: its text as read, the text with export junk blanked out, and metadata."""

    path: str
    raw: str
    text: str  # same length as raw: junk replaced by spaces, so spans map back 1:1
    body_start: int  # offset of the body after any front matter
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    series: str | None = None  # front matter may name the series outright
    ignore: tuple[str, ...] = ()  # rule codes suppressed for this report
    line_offset: int = 0  # for .jsonl records: line of the record in its file, minus one
    record: bool = False  # one record of a .jsonl file: every claim is on the record's line
    warnings: tuple[str, ...] = ()

    def line_of(self, offset: int) -> int:
        """Return the 1-based line of the file that holds a character offset."""
        if self.record:
            return self.line_offset + 1
        return self.raw.count("\n", 0, offset) + 1


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement found in one report, with the exact place it was read from."""

    id: str
    article: str
    line: int
    start: int  # span of the whole sentence in the article text
    end: int
    value_start: int  # span of the value phrase, for highlighting
    value_end: int
    quote: str
    matched: str  # the exact words of the value within the quote, for highlighting
    family: str  # recurrence, series-start, count, outcome, participation, lead, date, person
    slot: str  # what the claim is about within a series, e.g. "sponsor:Chile"
    value: Any  # normalised, hashable
    display: str  # the value as a reader would write it
    qualifier: str = "exact"  # exact, at-least, at-most, about
    polarity: bool = True
    counted: str = ""  # for recurrences: what recurs ("" = the series' own occurrences)
    year_offsets: tuple[int, ...] = (0,)  # years spoken for, relative to the report's year
    attributed: bool = False  # inside a quotation: the speaker's claim, not the report's
    extra: tuple[tuple[str, Any], ...] = ()  # family-specific details, e.g. a person's role
    column: int = 1  # of the value on its line, in characters from 1 (1 in a .jsonl record)
    kind: str = ""  # the claim kind (checker/kinds); "" for the one its slot's family declares

    @property
    def is_event_day(self) -> bool:
        """A day of the report's own event: when it came about (event-date) or, for an event of
        several days, when it opened (event-date:opening)."""
        return self.slot == "event-date" or self.slot.startswith("event-date:")

    def detail(self, key: str, default: Any = None) -> Any:
        return next((value for name, value in self.extra if name == key), default)


@dataclass(frozen=True, slots=True)
class Digest:
    """What is kept of a report once read: enough to place and judge it without its text."""

    article: Article  # metadata; its raw text is dropped once digested
    claims: tuple[Claim, ...]
    signature: tuple[tuple[str, float], ...]  # weighted terms of the lead, for telling series
    anchors: tuple[str, ...]  # the countries the report is mostly about
    dateline: dt.date | None = None  # a date standing alone at the top of the body
    stage: str | None = None  # the meeting the report's event sentence names
    edition_label: tuple[int, str] | None = None  # "Eurovision 2019" in its title or lead: (2019, label)
    latest_year: int | None = None  # the latest year its text names: the report is not older
    prints: tuple[str, ...] = ()  # hashed long sentences: copies of one story share most of them
    lead_names: tuple[str, ...] = ()  # proper names inside its title and lead, lower-cased
    lead_actors: tuple[str, ...] = ()  # those of them that name a country or body: they recur
    dateline_place: str | None = None  # the place its dateline names ("MADRID -"), lower-cased


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a report was placed in a year or meeting: the source and the quote behind it."""

    source: str  # published, dateline, explicit-date, weekday, arithmetic, series-start, ...
    detail: str
    claim: str | None = None


@dataclass(frozen=True, slots=True)
class Occurrence:
    """The instance of a series a report is about: series + year + meeting."""

    series: str
    year: int | None
    meeting: str | None  # None where the series has one meeting a year or it is unknown
    meeting_known: bool
    date: dt.date | None = None
    year_from_ordinal: bool = False  # the year was inferred from the report's own count
    evidence: tuple[Evidence, ...] = ()
    copies: str | None = None  # unplaced reports sharing most of their text: one occurrence, year unknown

    @property
    def label(self) -> str:
        year = str(self.year) if self.year else "year unknown"
        meeting = f" {self.meeting}" if self.meeting else ""
        return f"{self.series} {year}{meeting}"


@dataclass(frozen=True, slots=True)
class Side:
    """Claims that agree on one value, on one side of a finding."""

    value: str
    claims: tuple[str, ...]
    articles: tuple[str, ...]
    years: tuple[int | None, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One slot, one verdict: the sides that disagree and why."""

    id: str
    rule: str
    name: str
    series: str
    slot: str
    verdict: Verdict
    sides: tuple[Side, ...]
    explanation: str
    occurrence: str = ""
    confidence: str = "high"
    suppressed: bool = False
    severity_override: str | None = None
    series_key: str = ""  # the series' identity (checker.series.identity), "" = its label

    @property
    def series_identity(self) -> str:
        return self.series_key or self.series

    @property
    def severity(self) -> str:
        return self.severity_override or SEVERITY[self.verdict]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({a for side in self.sides for a in side.articles}))


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything the pipeline learned from a set of reports, ready to render."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    occurrences: dict[str, Occurrence] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    skipped: tuple[Skipped, ...] = ()


def finding_id(
    rule: str, series: str, slot: str, verdict: str, occurrence: str, sides: Iterable[Side]
) -> str:
    """A finding's id: its rule, series identity, slot, verdict, occurrence and the claims on
    each side, hashed (the same finding gets the same id in every run)."""
    key = "|".join([rule, series, slot, verdict, occurrence, *(",".join(s.claims) for s in sides)])
    return "F" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
