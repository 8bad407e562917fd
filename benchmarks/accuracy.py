"""Accuracy of factlint on a development set of real reports with gold (issue 8).

Usage:
    python benchmarks/accuracy.py [DATA_DIR] [--show] [--json]

DATA_DIR holds corpus/*.md and *_gold.yaml (default: ../shared/devset beside the repository).
The corpus is copied to a temporary folder keeping only title, outlet, url and published in
the front matter (what a newsroom's files would have; the annotator's event_year is not
leaked), factlint is run on it (`python -m checker check <tmp> --format json`) and three things
are measured against the gold:

- extraction, per claim family: precision (correct distinct values / distinct values factlint
  claimed for the report's own occurrence) and recall (gold values found / gold values);
- findings: recall of the findable gold contradictions and the false alarms, with the same
  pair logic as ../shared/devset/score.py;
- event resolution: the year (and meeting) factlint placed each report in.

Every figure is given pooled and per series (a report's series is its file name's prefix;
nk_ is called dprk, as in score.py). Every *_gold.yaml is read; a null, missing or empty slot
means the report does not say. Gold slots that no claim family maps onto (durations,
participation, streaks, ...), and the items of counts, audience, money and vote_split that no
family reads, are listed per series as "not measured".

`--show` lists every miss, spurious claim, finding and misplaced report; `--json` prints the
whole result as JSON instead of tables. `measure(data_dir)` returns the same dict;
`score(report, golds, bodies)` scores a factlint JSON report without running factlint.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "devset"
KEEP = ("title", "outlet", "url", "published")
FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.S)


# ---------------------------------------------------------------- running factlint


def copy_corpus(data_dir: Path, dest: Path) -> dict[str, str]:
    """Copy corpus/*.md to dest keeping only KEEP in the front matter (as score.py does).

    Returns {file name: body text} of the originals, for locating gold values in the text."""
    dest.mkdir(parents=True, exist_ok=True)
    bodies: dict[str, str] = {}
    for f in sorted((data_dir / "corpus").glob("*.md")):
        text = f.read_text(encoding="utf-8")
        m = FRONT_MATTER.match(text)
        meta, body = (yaml.safe_load(m.group(1)) or {}, text[m.end() :]) if m else ({}, text)
        meta = meta if isinstance(meta, dict) else {}
        kept = {k: str(meta[k]) for k in KEEP if meta.get(k) not in (None, "")}
        head = "".join(
            f"{k}: {v if k == 'published' else json.dumps(v, ensure_ascii=False)}\n" for k, v in kept.items()
        )
        (dest / f.name).write_text(f"---\n{head}---\n{body}" if head else body, encoding="utf-8")
        bodies[f.name] = body
    return bodies


def run_factlint(corpus: Path) -> dict[str, Any]:
    """`factlint check corpus --format json`, run with this interpreter."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", corpus.name, "--format", "json"],
        capture_output=True,
        text=True,
        cwd=corpus.parent,
        env=env,
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"factlint exited {proc.returncode}: {proc.stderr[-800:]}")
    return json.loads(proc.stdout)


def name(path: str) -> str:
    return Path(path).name


# ---------------------------------------------------------------- normalisation


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, no one-letter initials: for matching names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(t for t in re.split(r"[^0-9a-z]+", text) if len(t) > 1)


class Countries:
    """Country names through the alias table of checker/data/entities.yaml."""

    def __init__(self, path: Path = REPO / "checker" / "data" / "entities.yaml") -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        self.alias: dict[str, str] = {}
        for canonical, spec in (data.get("entities") or {}).items():
            for form in [canonical, *((spec or {}).get("aliases") or [])]:
                self.alias.setdefault(form, canonical)
                self.alias.setdefault(form.lower(), canonical)

    def canonical(self, surface: str) -> str:
        surface = " ".join(str(surface).split())
        return self.alias.get(surface) or self.alias.get(surface.lower()) or surface

    def known(self, surface: str) -> bool:
        """Is this a name of the table (a country, a body), not any other words?"""
        surface = " ".join(str(surface).split())
        return surface in self.alias or surface.lower() in self.alias

    def surfaces(self, canonical: str) -> list[str]:
        return sorted(
            {f for f, c in self.alias.items() if c == canonical and not f.islower()} | {canonical},
            key=len,
            reverse=True,
        )


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
NUMBER_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}


MONTH_NAME = r"(" + "|".join(MONTHS) + r")[a-z]*\.?"


def parse_gold_date(text: Any) -> set[tuple[str, Any]]:
    """Units a gold date states: weekday, month+day, or a bare day of the month.

    Reads "Dec. 18", "12 December", "(13.05.17)" (day.month.year) and "the 18th". An
    annotator's note "(dateline Dec. 18)" is not part of the stated date. Anything that is not
    text (a null, a number) states nothing."""
    if not isinstance(text, str):
        return set()
    text = re.sub(r"\(\s*dateline[^)]*\)", " ", text, flags=re.I)
    units: set[tuple[str, Any]] = set()
    for i, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", text, re.I):
            units.add(("weekday", i))
    month_day = None
    m = re.search(rf"\b{MONTH_NAME}\s+(\d{{1,2}})\b(?!:)", text, re.I)
    if m:
        month_day = (MONTHS.index(m.group(1).lower()[:3]) + 1, int(m.group(2)))
    elif m := re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}", text, re.I):
        month_day = (MONTHS.index(m.group(2).lower()[:3]) + 1, int(m.group(1)))
    elif m := re.search(r"\b(\d{1,2})\.(\d{1,2})\.(?:\d{2}|\d{4})\b", text):
        month_day = (int(m.group(2)), int(m.group(1)))
    if month_day and 1 <= month_day[0] <= 12 and 1 <= month_day[1] <= 31:
        units.add(("month-day", month_day))
    elif m := re.search(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b", text):
        units.add(("day", int(m.group(1))))
    return units


def parse_gold_count(text: Any) -> tuple[int, str] | None:
    """ "62" -> (62, ""); "over 70 countries" -> (70, "over"); None when no number is written."""
    if text is None or isinstance(text, bool):
        return None
    m = re.search(
        r"(?:\b(over|more than|above|at least|some|about|around|nearly|almost)\s+)?"
        r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\b",
        str(text),
        re.I,
    )
    if not m:
        return None
    n = int(m.group(2)) if m.group(2).isdigit() else NUMBER_WORDS[m.group(2).lower()]
    return (n, (m.group(1) or "").lower())


def count_admits(claim: tuple[Any, Any], gold: tuple[int, str]) -> bool:
    """Does a claimed range {min, max} say what the gold count says?

    "over 70" must be read as more than 70 (71 and up); "about 70" or "nearly 70" as a range
    that holds 70; an exact 62 as a finite range that holds 62. A range without a number
    says nothing."""
    low, high = claim
    n, qual = gold
    if not isinstance(low, int | float) or not isinstance(high, int | float):
        return False
    if qual in ("over", "more than", "above"):
        return (low, high) == (n + 1, math.inf)
    if qual == "at least":
        return (low, high) == (n, math.inf)
    if qual:
        return low <= n <= high
    return low <= n <= high < math.inf


# ---------------------------------------------------------------- reading the gold


def as_list(x: Any) -> list[Any]:
    """A gold list slot as a list: null or missing -> [], a lone value -> [value]."""
    if x is None:
        return []
    return list(x) if isinstance(x, list | tuple) else [x]


def as_dict(x: Any) -> dict[str, Any]:
    """A gold mapping slot as a dict (keys as text; YAML reads true/false keys as booleans)."""
    return {str(k).lower(): v for k, v in x.items()} if isinstance(x, dict) else {}


def has_value(x: Any) -> bool:
    """Does a gold slot state anything (not null, not empty, not a mapping of nulls)?"""
    if isinstance(x, dict):
        return any(has_value(v) for v in x.values())
    if isinstance(x, list | tuple):
        return any(has_value(v) for v in x)
    return x is not None and x != ""


def as_int(x: Any) -> int | None:
    return x if isinstance(x, int) and not isinstance(x, bool) else None


def text_of(x: Any) -> str:
    """A gold value as text: null -> "", a mapping -> its as_written, name or value."""
    if x is None:
        return ""
    if isinstance(x, dict):
        for key in ("as_written", "name", "value", "method"):
            if x.get(key) is not None:
                return str(x[key])
        return ""
    return str(x)


# Date slots of the report's own event (recall). Every other date slot the gold records for a
# report (date_of_opening, date_of_deal_lead, date_of_political_agreement, caption_date, ...)
# makes a claim that agrees with it correct, but is not required.
MAIN_DATES = ("date_of_vote", "date_of_deal", "date_of_close", "date_of_event")


def date_slots(g: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v for k, v in g.items() if isinstance(k, str) and (k.startswith("date_of_") or k.endswith("_date"))
    }


def adoption_method(x: Any) -> str | None:
    """The gold adoption as factlint's methods: a string (nk, cuba) or {method, as_written}
    (cop). A method factlint has no name for (gavel, approved, finalized) is not compared."""
    method = as_dict(x).get("method") if isinstance(x, dict) else x
    if not isinstance(method, str):
        return None
    parts = {p.strip().lower() for p in re.split(r"[,;/]| and ", method)}
    if "consensus" in parts:
        return "consensus"
    if parts & {"recorded-vote", "recorded vote"}:
        return "recorded-vote"
    return None


def gold_names(g: dict[str, Any]) -> list[str]:
    """Names of people the gold lists for a report: people[].name and the president's name."""
    out = [p.get("name") for p in as_list(g.get("people")) if isinstance(p, dict)]
    out.append(as_dict(g.get("president")).get("name"))
    return [n for n in out if isinstance(n, str) and n.strip()]


# Article keys a family or the event measures read; every other key with a value is listed
# per series as "not measured" (host, winner, results, vote_split, counts, money, ...).
READ_KEYS = {
    "file",
    "event_year",
    "event_stage",
    "occurrence",
    "stage",
    "ordinal_year",
    "ordinal_phrase",
    "start_year",
    "start_phrase",
    "tally",
    "voted_against",
    "abstained",
    "adoption",
    "adoption_as_written",
    "people",
    "president",
    "winner",
    "results",
    "host",
    "host_alt",
    "host_caption",
}


def _item_read(key: str, item: Any) -> bool:
    """Is this item of a list slot read by a measure? counts and audience: when a count
    family's noun fits what is counted; money: the goal adopted; vote_split: a jury or
    televote part with points or a place."""
    item = as_dict(item)
    if key in ("counts", "audience"):
        return bool(count_families(item.get("counted"))) and as_int(item.get("value")) is not None
    if key == "money":
        return any(
            goal and what == str(item.get("what") or "") for goal, _, what in gold_money({"money": [item]})
        )
    if key == "vote_split":
        has = as_int(item.get("points")) is not None or as_int(item.get("place")) is not None
        return gold_part(item.get("part")) is not None and has
    return False


PARTLY_READ = ("counts", "audience", "money", "vote_split")


def not_measured(gold_articles: dict[str, dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per series: gold slots no measure reads -> how many reports give them a value."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article, g in gold_articles.items():
        for key, value in g.items():
            key = str(key)
            if key in READ_KEYS or key in date_slots(g) or not has_value(value):
                continue
            if key in PARTLY_READ:  # only the items no family reads
                if all(_item_read(key, item) for item in as_list(value) if has_value(item)):
                    continue
                key = f"{key} (other items)"
            if key == "other_numbers" and all(  # only co-sponsor counts are read
                re.search(r"sponsor", text_of(as_dict(o).get("claim")), re.I) for o in as_list(value)
            ):
                continue
            out[series_of(article)][key] += 1
    return {s: dict(sorted(k.items())) for s, k in sorted(out.items())}


# ---------------------------------------------------------------- extraction families


@dataclass
class Family:
    """How one claim family is scored against the per-report gold."""

    key: str
    label: str
    takes: Callable[[dict[str, Any]], bool]  # the claims of this family
    gold: Callable[[dict[str, Any], Scope], set | None]  # gold units, None = not covered
    value: Callable[[dict[str, Any], Scope], Any]  # a claim's comparable value (hashable)
    correct: Callable[[Any, set, Scope], bool]  # is a claimed value right? (set may be empty)
    found: Callable[[Any, Iterable[Any], Scope], bool]  # is a gold unit among the values?
    hint: Callable[[Any, dict[str, Any], Scope], str] = lambda unit, g, s: str(unit)
    own_series_only: bool = False  # counts and first years of a sub-series are not scored
    near: Callable[[Any, Scope], str | None] = lambda value, scope: None  # why a claim is wrong


@dataclass
class Scope:
    """What a family may need about the report: its body, the country table, its gold."""

    body: str
    countries: Countries
    gold: dict[str, Any] = field(default_factory=dict)
    # the names a person goes by, by their own name, as the reports state them ("Susana
    # Jamaladinova, who performs as Jamala"): factlint keys results by the own name
    aliases: dict[str, set[str]] = field(default_factory=dict)


def _int_gold(key: str) -> Callable[[dict[str, Any], Scope], set | None]:
    def gold(g: dict[str, Any], scope: Scope) -> set | None:
        v = as_int(g.get(key))
        return None if v is None else {v}

    return gold


def _same(value: Any, gold: set, scope: Scope) -> bool:
    return value in gold


def _among(unit: Any, values: Iterable[Any], scope: Scope) -> bool:
    return unit in set(values)


ROLES = (("true", "for"), ("false", "against"), ("abstain", "abstain"))


def _tally_gold(g: dict[str, Any], scope: Scope) -> set | None:
    """Components of the gold tally; YAML reads the keys true/false as booleans."""
    t = as_dict(g.get("tally"))
    units = {(role, as_int(t.get(key))) for key, role in ROLES if as_int(t.get(key)) is not None}
    return units or None


def _tally_value(c: dict[str, Any], scope: Scope) -> tuple:
    v = as_dict(c.get("value"))
    return tuple((role, v.get(role)) for _, role in ROLES if v.get(role) is not None)


def _tally_correct(value: tuple, gold: set, scope: Scope) -> bool:
    return bool(value) and all(unit in gold for unit in value)


def _tally_found(unit: Any, values: Iterable[tuple], scope: Scope) -> bool:
    return any(unit in v for v in values)


def _sponsor_gold(g: dict[str, Any], scope: Scope) -> set | None:
    units = set()
    for other in as_list(g.get("other_numbers")):
        other = as_dict(other)
        if re.search(r"sponsor", text_of(other.get("claim")), re.I):
            count = parse_gold_count(other.get("value"))
            if count:
                units.add(count)
    return units or None


def _sponsor_value(c: dict[str, Any], scope: Scope) -> tuple:
    v = as_dict(c.get("value"))
    return (v.get("min"), math.inf if v.get("max") is None else v.get("max"))


def _sponsor_correct(value: tuple, gold: set, scope: Scope) -> bool:
    return any(count_admits(value, g) for g in gold)


def _sponsor_found(unit: tuple, values: Iterable[tuple], scope: Scope) -> bool:
    return any(count_admits(v, unit) for v in values)


def _sponsor_hint(unit: tuple, g: dict[str, Any], scope: Scope) -> str:
    n, qual = unit
    return f"{qual} {n}".strip()


def _adoption_gold(g: dict[str, Any], scope: Scope) -> set | None:
    method = adoption_method(g.get("adoption"))
    return None if method is None else {method}


def _adoption_hint(unit: Any, g: dict[str, Any], scope: Scope) -> str:
    return text_of(g.get("adoption_as_written")) or text_of(g.get("adoption")) or str(unit)


def _vote_gold(g: dict[str, Any], scope: Scope) -> set | None:
    against, abstained = as_list(g.get("voted_against")), as_list(g.get("abstained"))
    units = {(scope.countries.canonical(c), "against") for c in against if c} | {
        (scope.countries.canonical(c), "abstain") for c in abstained if c
    }
    return units or None


def _vote_value(c: dict[str, Any], scope: Scope) -> tuple:
    return (scope.countries.canonical(str(c.get("slot", "")).split(":", 1)[-1]), c.get("value"))


def _vote_hint(unit: tuple, g: dict[str, Any], scope: Scope) -> str:
    country, position = unit
    return f"{country} {'voted against' if position == 'against' else 'abstained'}"


def _date_gold(g: dict[str, Any], scope: Scope) -> set | None:
    units = set().union(*(parse_gold_date(g.get(k)) for k in MAIN_DATES))
    return units or None


def _date_value(c: dict[str, Any], scope: Scope) -> tuple:
    v = as_dict(c.get("value"))
    return (v.get("year"), v.get("month"), v.get("day"), v.get("weekday"))


def _date_field(value: tuple, kind: str) -> Any:
    _, month, day, weekday = value
    if kind == "weekday":
        return weekday
    if kind == "month-day":
        return (month, day) if month and day else None
    return day


def _date_agrees(value: tuple, units: set) -> bool:
    compared = [(unit, _date_field(value, unit[0])) for unit in units]
    compared = [(unit, got) for unit, got in compared if got is not None]
    return bool(compared) and all(got == unit[1] for unit, got in compared)


def _date_correct(value: tuple, gold: set, scope: Scope) -> bool:
    """Every part one of the report's gold dates states, and the claim has, agrees."""
    dated = [parse_gold_date(v) for v in date_slots(scope.gold).values()]
    return any(_date_agrees(value, units) for units in dated if units)


def _date_found(unit: tuple, values: Iterable[tuple], scope: Scope) -> bool:
    return any(_date_field(v, unit[0]) == unit[1] for v in values)


def _date_hint(unit: tuple, g: dict[str, Any], scope: Scope) -> str:
    kind, v = unit
    if kind == "weekday":
        return WEEKDAYS[v].title()
    if kind == "month-day":
        return f"{MONTHS[v[0] - 1].title()} {v[1]}"
    return f"the {v}th"


def _people_gold(g: dict[str, Any], scope: Scope) -> set | None:
    """Gold names the body writes (a byline kept only in front matter is not expected)."""
    body = f" {fold(scope.body)} "
    units = {fold(n) for n in gold_names(g)}
    units = {u for u in units if u and f" {u} " in body}
    return units or None


def _people_value(c: dict[str, Any], scope: Scope) -> str:
    return fold(str(c.get("value") or ""))


def _tail(short: str, full: str) -> bool:
    s, f = short.split(), full.split()
    return 0 < len(s) < len(f) and f[-len(s) :] == s


def _people_correct(value: str, gold: set, scope: Scope) -> bool:
    """The gold name; a fuller form of a one-word gold name ("Barack Obama" for "Obama");
    or a short form of a gold name that the text writes on its own ("Perez Roque")."""
    body = f" {fold(scope.body)} "
    for full in gold:
        if value == full or _tail(full, value):
            return True
        if _tail(value, full) and body.count(f" {value} ") > body.count(f" {full} "):
            return True
    return False


def _people_found(unit: str, values: Iterable[str], scope: Scope) -> bool:
    return any(v == unit or _tail(unit, v) for v in values)


def _people_hint(unit: str, g: dict[str, Any], scope: Scope) -> str:
    return next((n for n in gold_names(g) if fold(n) == unit), unit)


def _phrase_hint(key: str) -> Callable[[Any, dict[str, Any], Scope], str]:
    return lambda unit, g, scope: text_of(g.get(key)) or str(unit)


def _tally_hint(unit: tuple, g: dict[str, Any], scope: Scope) -> str:
    return text_of(as_dict(g.get("tally")).get("as_written")) or str(unit)


def _slot(c: dict[str, Any]) -> str:
    return str(c.get("slot") or "")


# ---------------------------------------------------------------- results, roles, counts, amounts
#
# The families of a contest or a conference (points, places, winner, host, counts of a named
# group, a finance goal, people's ages) are scored through the subjects the gold names: a
# report's entries (winner, results, vote_split rows) are grouped by country, so that a claim
# keyed by the country, the act, the artist or the song finds the same entry.

PARTS = ("jury", "televote")


def _strip(text: Any) -> str:
    """A gold name without an annotator's parenthesis or a leading "the"."""
    text = re.sub(r"\s*\([^)]*\)", "", str(text or "")).strip()
    return re.sub(r"^the\s+", "", text, flags=re.I)


def name_keys(countries: Countries, *names: Any) -> frozenset[str]:
    """Folded forms of names, a country also as its canonical name ("UK", "Britain")."""
    keys = set()
    for n in names:
        if not isinstance(n, str) or not _strip(n):
            continue
        keys |= {fold(_strip(n)), fold(countries.canonical(_strip(n)))}
    return frozenset(k for k in keys if k)


def keys_match(claimed: frozenset[str], gold: Iterable[str]) -> bool:
    """Same folded name, or one name's words all in the other's ("Netta" in "Netta Barzilai",
    "Maneskin" in "Rockers Maneskin")."""
    for a in claimed:
        for b in gold:
            if a == b:
                return True
            wa, wb = set(a.split()), set(b.split())
            if min(len(a), len(b)) >= 4 and (wa <= wb or wb <= wa):
                return True
    return False


def gold_part(part: Any) -> str | None:
    """The part of a score a vote_split row gives (jury or televote), None for others
    (standings at half-way, "jury and televote")."""
    p = str(part or "").strip().lower()
    for name_ in PARTS:
        if p == name_ or p.startswith(f"{name_} ("):
            return name_
    return None


def entries(g: dict[str, Any], countries: Countries) -> list[dict[str, Any]]:
    """The report's entries (winner, results, vote_split rows): keys of its subject (country,
    act, artist, song; the names of one country's rows pooled), part, place, points, text."""
    rows = []
    w = as_dict(g.get("winner"))
    if has_value(w):
        rows.append({**w, "place": 1 if w.get("place") is None else w.get("place"), "_src": "winner"})
    rows += [{**as_dict(r), "_src": "results"} for r in as_list(g.get("results")) if isinstance(r, dict)]
    rows += [
        {**as_dict(r), "_src": "vote_split"} for r in as_list(g.get("vote_split")) if isinstance(r, dict)
    ]
    pooled: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        country = _strip(r.get("country"))
        own = name_keys(countries, r.get("act"), r.get("artist"), r.get("song"))
        if country and countries.known(country):
            pooled[countries.canonical(country)] |= own | name_keys(countries, country)
    out = []
    for r in rows:
        country = _strip(r.get("country"))
        known = bool(country) and countries.known(country)
        keys = set(name_keys(countries, r.get("act"), r.get("artist"), r.get("song")))
        if known:
            keys |= pooled[countries.canonical(country)]
        if not keys:  # "All four", "The UK and Germany": no one subject
            continue
        part = None if r["_src"] != "vote_split" else gold_part(r.get("part"))
        if r["_src"] == "vote_split" and part is None:
            continue
        label = (countries.canonical(country) if known else None) or r.get("act") or r.get("artist")
        out.append(
            {
                "keys": tuple(sorted(keys)),
                "part": part,
                "place": as_int(r.get("place")),
                "points": as_int(r.get("points")),
                "label": str(label),
                "src": r["_src"],
                "written": str(r.get("as_written") or ""),
            }
        )
    return out


def _subject(c: dict[str, Any], scope: Scope, kind: str) -> tuple[frozenset[str], str | None]:
    """The subject and part of a claim keyed "points:Italy:televote", "place:ana ruiz:women"."""
    fields = _slot(c).split(":")[1:]
    part = fields.pop() if fields and fields[-1] in PARTS else None
    return name_keys(scope.countries, ":".join(fields)), part


def _entry_units(key: str) -> Callable[[dict[str, Any], Scope], set | None]:
    def gold(g: dict[str, Any], scope: Scope) -> set | None:
        units = {
            (e["keys"], e["part"], e[key], e["label"])
            for e in entries(g, scope.countries)
            if e[key] is not None and (key == "points" or e["src"] != "winner" or e["part"] is None)
        }
        return units or None

    return gold


def _entry_value(kind: str) -> Callable[[dict[str, Any], Scope], tuple]:
    def value(c: dict[str, Any], scope: Scope) -> tuple:
        keys, part = _subject(c, scope, kind)
        v = c.get("value")
        return (tuple(sorted(keys)), part, v if isinstance(v, int | str) else str(v), _slot(c))

    return value


def _entry_agrees(value: tuple, unit: tuple) -> bool:
    keys, part, v, _ = value
    return part == unit[1] and v == unit[2] and keys_match(frozenset(keys), unit[0])


def written_parts(g: dict[str, Any], countries: Countries) -> set[tuple]:
    """Jury and televote points a results row writes without a vote_split item of its own
    ("Spain, 459 – 228 televotes and 231 jury votes"): they make a claim correct, and are not
    required (the gold does not list them as items)."""
    units = set()
    for e in entries(g, countries):
        if e["src"] != "results":
            continue
        for n, part in re.findall(r"\b(\d+)\s+(televotes?|jury votes?)", e["written"], re.I):
            units.add(
                (e["keys"], "televote" if part.lower().startswith("tele") else "jury", int(n), e["label"])
            )
    return units


def _entry_correct(value: tuple, gold: set, scope: Scope) -> bool:
    extra = written_parts(scope.gold, scope.countries) if value[1] else set()
    return any(_entry_agrees(value, u) for u in gold | extra)


def _entry_found(unit: tuple, values: Iterable[tuple], scope: Scope) -> bool:
    return any(_entry_agrees(v, unit) for v in values)


def _entry_hint(what: str) -> Callable[[Any, dict[str, Any], Scope], str]:
    def hint(unit: tuple, g: dict[str, Any], scope: Scope) -> str:
        _, part, v, label = unit
        return f"{label}{f' ({part})' if part else ''} {what} {v}"

    return hint


def _entry_near(value: tuple, scope: Scope) -> str | None:
    """Why a points or place claim is wrong: another subject's value, or another part."""
    keys, part, v, _ = value
    rows = entries(scope.gold, scope.countries)
    for e in rows:
        if keys_match(frozenset(keys), e["keys"]) and v in (e["points"], e["place"]) and e["part"] != part:
            return f"{e['label']} has {v} as {e['part'] or 'total'}"
    holders = [e["label"] for e in rows if v in (e["points"], e["place"])]
    return f"{v} is {', '.join(sorted(set(holders)))}'s" if holders else None


def _winner_gold(g: dict[str, Any], scope: Scope) -> set | None:
    w = as_dict(g.get("winner"))
    keys = [e["keys"] for e in entries(g, scope.countries) if e["src"] == "winner"]
    label = _strip(w.get("country")) or w.get("artist")
    return {(keys[0], None, 1, str(label))} if keys else None


def _winner_value(c: dict[str, Any], scope: Scope) -> tuple:
    fields = _slot(c).split(":")[1:]
    part = fields[-1] if fields and fields[-1] in PARTS else None
    said = str(c.get("value") or "")
    also = scope.aliases.get(fold(said), set())
    return (tuple(sorted(name_keys(scope.countries, said, *also))), part, 1, _slot(c))


def _winner_correct(value: tuple, gold: set, scope: Scope) -> bool:
    """The occurrence's winner, or (winner:jury / winner:televote) the entry placed first in
    that part of the vote."""
    units = gold if value[1] is None else _entry_units("place")(scope.gold, scope) or set()
    return any(_entry_agrees(value, u) for u in units)


def _winner_found(unit: tuple, values: Iterable[tuple], scope: Scope) -> bool:
    return any(v[1] is None and _entry_agrees(v, unit) for v in values)


def _host_units(g: dict[str, Any], scope: Scope, keys: tuple[str, ...]) -> list[tuple]:
    out = []
    for key in keys:
        h = as_dict(g.get(key))
        names = name_keys(scope.countries, h.get("city"), h.get("country"), h.get("venue"))
        if names:
            label = ", ".join(str(h[k]) for k in ("city", "country") if h.get(k)) or str(h.get("venue"))
            out.append((tuple(sorted(names)), None, "host", label))
    return out


def _host_gold(g: dict[str, Any], scope: Scope) -> set | None:
    return set(_host_units(g, scope, ("host",))) or None


def _host_value(c: dict[str, Any], scope: Scope) -> tuple:
    return (tuple(sorted(name_keys(scope.countries, str(c.get("value") or "")))), None, "host", _slot(c))


def _host_correct(value: tuple, gold: set, scope: Scope) -> bool:
    """The host city, country or venue the gold gives (a caption's or an alternative one too)."""
    units = _host_units(scope.gold, scope, ("host", "host_alt", "host_caption"))
    return any(keys_match(frozenset(value[0]), u[0]) for u in units)


def _host_found(unit: tuple, values: Iterable[tuple], scope: Scope) -> bool:
    return any(keys_match(frozenset(v[0]), unit[0]) for v in values)


def _age_gold(g: dict[str, Any], scope: Scope) -> set | None:
    units = {
        (tuple(sorted(name_keys(scope.countries, p["name"]))), None, p["age"], str(p["name"]))
        for p in (as_dict(x) for x in as_list(g.get("people")))
        if isinstance(p.get("name"), str) and as_int(p.get("age")) is not None
    }
    return units or None


def _age_value(c: dict[str, Any], scope: Scope) -> tuple:
    who = _slot(c).split(":", 1)[-1]
    return (tuple(sorted(name_keys(scope.countries, who))), None, c.get("value"), _slot(c))


# Counts of a named group: the gold's `counted` (and eurovision's `audience`) mapped onto the
# count family whose noun fits. Only what maps is measured: voting countries, juries, world
# leaders, journalists, semi-final qualifiers, EU members, television audiences and counts of
# other occurrences ("nations that agreed the Paris pact in 2015") have no family.
COUNT_NOUNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"^entries in this semi-final$", ("entrants",)),
    (r"\barena\b|\bcrowd\b|^people in attendance$", ("attendance",)),
    (r"^delegates$", ("delegates",)),
    (r"\bother\b", ()),  # "beat 25 other performers": the field less the winner
    # a final's field is one number, its finalists: measured once, in the family the claim
    # model gives it (a semi-final's field is its entrants), not twice
    (r"\bin the final\b|qualified for the final|^finalists$", ("finalists",)),
    (
        r"^(?:participating |competing |signatory )?(?:countries|nations|states|parties)"
        r"(?: represented| attending| taking part| participating| \(delegates expected\))?$",
        ("participating-countries",),
    ),
)
HEDGES = {"almost": "nearly", "nearly": "nearly", "around": "about", "about": "about", "some": "some"}


def count_families(counted: Any) -> tuple[str, ...]:
    text = " ".join(str(counted or "").lower().split())
    return next((fams for pattern, fams in COUNT_NOUNS if re.search(pattern, text)), ())


def gold_counts(g: dict[str, Any]) -> list[tuple[tuple[str, ...], tuple[int, str], str]]:
    """(families, (number, qualifier), as written) for each gold count a family reads."""
    out = []
    for item in [*as_list(g.get("counts")), *as_list(g.get("audience"))]:
        item = as_dict(item)
        fams, n = count_families(item.get("counted")), as_int(item.get("value"))
        if not fams or n is None:
            continue
        qual = str(item.get("qualifier") or "").lower()
        hedge = next((v for k, v in HEDGES.items() if re.search(rf"\b{k}\b", qual)), "")
        if re.search(r"\b(more than|over|above)\b", qual):
            hedge = "more than"
        out.append((fams, (n, hedge), text_of(item) or str(n)))
    return out


def _count_gold(family: str) -> Callable[[dict[str, Any], Scope], set | None]:
    def gold(g: dict[str, Any], scope: Scope) -> set | None:
        return {unit for fams, unit, _ in gold_counts(g) if family in fams} or None

    return gold


def _count_hint(unit: tuple, g: dict[str, Any], scope: Scope) -> str:
    return next((text for _, u, text in gold_counts(g) if u == unit), _sponsor_hint(unit, g, scope))


def _count_near(value: tuple, scope: Scope) -> str | None:
    other = [
        f"{text} ({'/'.join(fams)})"
        for fams, unit, text in gold_counts(scope.gold)
        if count_admits(value, unit)
    ]
    return f"fits {'; '.join(other)}" if other else None


# Amounts of money: cop's `money` items that are the goal adopted ("new goal", "adaptation
# finance goal"); needs, demands, offers and the existing goal make a finance-goal claim wrong.
CURRENCY = (("US$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"))
SCALE = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6}


def parse_amount(text: Any) -> tuple[float, str | None] | None:
    """ "$300 billion" -> (3e11, "USD"); "US$120bn" -> (1.2e11, "USD")."""
    m = re.search(
        r"(US\$|\$|€|£)?\s*(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|bn|million|m)?\b", str(text or "")
    )
    if not m:
        return None
    unit = dict(CURRENCY).get(m.group(1) or "")
    return (float(m.group(2).replace(",", "")) * SCALE.get(m.group(3) or "", 1), unit)


def gold_money(g: dict[str, Any]) -> list[tuple[bool, tuple[float, str | None], str]]:
    """(is the goal adopted, amount, what) for each gold money item with an amount."""
    out = []
    for item in as_list(g.get("money")):
        item = as_dict(item)
        amount = parse_amount(item.get("amount"))
        if amount:
            what = str(item.get("what") or "")
            goal = bool(re.search(r"\bgoal\b|\btarget\b", what, re.I)) and not re.search(
                r"existing|old|previous|initial|need|demand|offer", what, re.I
            )
            out.append((goal, amount, what))
    return out


def _money_gold(g: dict[str, Any], scope: Scope) -> set | None:
    return {amount for goal, amount, _ in gold_money(g) if goal} or None


def _money_value(c: dict[str, Any], scope: Scope) -> tuple:
    v = as_dict(c.get("value"))
    return (v.get("amount"), v.get("unit"))


def _money_agrees(value: tuple, unit: tuple) -> bool:
    amount, currency = value
    if not isinstance(amount, int | float):
        return False
    return abs(amount - unit[0]) <= 0.005 * unit[0] and unit[1] in (None, currency)


def _money_correct(value: tuple, gold: set, scope: Scope) -> bool:
    return any(_money_agrees(value, u) for u in gold)


def _money_found(unit: tuple, values: Iterable[tuple], scope: Scope) -> bool:
    return any(_money_agrees(v, unit) for v in values)


def _money_hint(unit: tuple, g: dict[str, Any], scope: Scope) -> str:
    return next(
        (f"{what}: {a[0]:,.0f} {a[1] or ''}".strip() for _, a, what in gold_money(g) if a == unit), ""
    )


def _money_near(value: tuple, scope: Scope) -> str | None:
    other = [
        what for goal, amount, what in gold_money(scope.gold) if not goal and _money_agrees(value, amount)
    ]
    return f"fits {'; '.join(other)} (not the goal adopted)" if other else None


def _family_is(*names: str) -> Callable[[dict[str, Any]], bool]:
    return lambda c: str(c.get("family") or _slot(c).split(":")[0]) in names


FAMILIES: tuple[Family, ...] = (
    Family(
        "ordinal",
        "ordinal year",
        lambda c: _slot(c) == "ordinal",
        _int_gold("ordinal_year"),
        lambda c, s: c.get("value"),
        _same,
        _among,
        _phrase_hint("ordinal_phrase"),
        True,
    ),
    Family(
        "start",
        "series start",
        lambda c: _slot(c) == "start-year",
        _int_gold("start_year"),
        lambda c, s: c.get("value"),
        _same,
        _among,
        _phrase_hint("start_phrase"),
        True,
    ),
    Family(
        "tally",
        "tally",
        lambda c: _slot(c) == "tally",
        _tally_gold,
        _tally_value,
        _tally_correct,
        _tally_found,
        _tally_hint,
    ),
    Family(
        "sponsors",
        "co-sponsor count",
        lambda c: _slot(c) == "sponsor-count",
        _sponsor_gold,
        _sponsor_value,
        _sponsor_correct,
        _sponsor_found,
        _sponsor_hint,
    ),
    Family(
        "adoption",
        "adoption method",
        lambda c: _slot(c) == "adoption",
        _adoption_gold,
        lambda c, s: c.get("value"),
        _same,
        _among,
        _adoption_hint,
    ),
    Family(
        "votes",
        "voted against / abstained",
        lambda c: _slot(c).startswith("vote:"),
        _vote_gold,
        _vote_value,
        _same,
        _among,
        _vote_hint,
    ),
    Family(
        "date",
        "weekday / date",
        lambda c: _slot(c) == "event-date",
        _date_gold,
        _date_value,
        _date_correct,
        _date_found,
        _date_hint,
    ),
    Family(
        "people",
        "people",
        lambda c: _slot(c).startswith("person:"),
        _people_gold,
        _people_value,
        _people_correct,
        _people_found,
        _people_hint,
    ),
    Family(
        "points",
        "points",
        _family_is("points"),
        _entry_units("points"),
        _entry_value("points"),
        _entry_correct,
        _entry_found,
        _entry_hint("points"),
        near=_entry_near,
    ),
    Family(
        "place",
        "place",
        _family_is("place"),
        _entry_units("place"),
        _entry_value("place"),
        _entry_correct,
        _entry_found,
        _entry_hint("place"),
        near=_entry_near,
    ),
    Family(
        "winner",
        "winner",
        _family_is("winner"),
        _winner_gold,
        _winner_value,
        _winner_correct,
        _winner_found,
        lambda unit, g, scope: f"winner {unit[3]}",
    ),
    Family(
        "host",
        "host",
        _family_is("host"),
        _host_gold,
        _host_value,
        _host_correct,
        _host_found,
        lambda unit, g, scope: f"host {unit[3]}",
    ),
    Family(
        "age",
        "age",
        _family_is("age"),
        _age_gold,
        _age_value,
        _entry_correct,
        _entry_found,
        _entry_hint("age"),
    ),
    *(
        Family(
            key,
            label,
            _family_is(key),
            _count_gold(key),
            _sponsor_value,
            lambda value, gold, scope: any(count_admits(value, g) for g in gold),
            _sponsor_found,
            _count_hint,
            near=_count_near,
        )
        for key, label in (
            ("participating-countries", "countries taking part"),
            ("delegates", "delegates"),
            ("entrants", "entrants"),
            ("finalists", "finalists"),
            ("attendance", "attendance"),
        )
    ),
    Family(
        "finance-goal",
        "finance goal",
        _family_is("finance-goal"),
        _money_gold,
        _money_value,
        _money_correct,
        _money_found,
        _money_hint,
        near=_money_near,
    ),
)


def own_occurrence(claim: dict[str, Any], meeting: str | None = None, year: int | None = None) -> bool:
    """A claim about the report's own occurrence (not "last year's vote", not "since 1992, when
    59 countries voted", not the committee's method in a report of the plenary). A claim that
    names a year ("the 1988 winner") is about the report's own occurrence only when that year
    is the report's (gold) year ("Eurovision 2016 winner Jamala" in a report of 2016)."""
    years = claim.get("years")
    if years and 0 not in years or claim.get("year") not in (None, year):
        return False
    return not claim.get("meeting") or claim["meeting"] in (meeting or "")


def sentences(body: str) -> list[str]:
    text = " ".join(body.split())
    # not after an initial ("Ronald D."), "U.S." or "H.E.", or a short title ("Dr.")
    ends = (
        r"(?<=[.!?\"'\]])(?<!\s[A-Z]\.)(?<![A-Z]\.[A-Z]\.)(?<!\b(?:Dr|Mr|Ms|St)\.)"
        r"\s+(?=[\"'\[(]?[A-Z])"
    )
    return [s.strip() for s in re.split(ends, text) if s.strip()]


def find_sentence(body: str, needle: str, countries: Countries | None = None) -> str | None:
    """The first sentence of the body that holds the gold value as written."""
    if not needle:
        return None
    needle = re.sub(r"\s*[\[(][^\])]*[\])]", "", needle).strip() or needle
    found = sentences(body)
    for i, s in enumerate(found):
        if needle.lower() in s.lower():
            return s if len(s) > 30 or i == 0 else f"{found[i - 1]} {s}"
    words = [w for w in re.findall(r"[\w'-]+", needle) if len(w) > 2]
    if countries is not None and words:  # "Israel voted against": the country and the verb
        country = needle.rsplit(" voted ", 1)[0].rsplit(" abstained", 1)[0]
        forms = countries.surfaces(country)
        verb = r"\bagainst\b|\bno\b|\bopposed\b" if "against" in needle else r"abstain"
        for s in sentences(body):
            if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", s) for f in forms) and re.search(verb, s, re.I):
                return s
    return None


def _tally_counts(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """claimed, correct, gold, found and the two ratios, summed over rows."""
    rows = list(rows)
    t = {k: sum(r[k] for r in rows) for k in ("claimed", "correct", "gold", "found")}
    return {**t, "precision": _ratio(t["correct"], t["claimed"]), "recall": _ratio(t["found"], t["gold"])}


def score_extraction(
    report: dict[str, Any],
    gold_articles: dict[str, dict[str, Any]],
    bodies: dict[str, str],
    countries: Countries,
) -> dict[str, Any]:
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in report.get("claims") or []:
        if isinstance(c, dict) and c.get("article"):
            by_article[name(c["article"])].append(c)
    aliases: dict[str, set[str]] = defaultdict(set)
    for c in report.get("claims") or []:
        if isinstance(c, dict) and str(c.get("slot", "")).startswith("real-name:"):
            aliases[fold(str(c.get("value")))].add(str(c["slot"]).split(":", 1)[1])
    meetings = {
        name(a["path"]): a.get("event_meeting")
        for a in report.get("articles") or []
        if isinstance(a, dict) and a.get("path")
    }
    out: dict[str, Any] = {}
    for fam in FAMILIES:
        per_series: dict[str, dict[str, int]] = defaultdict(
            lambda: {"claimed": 0, "correct": 0, "gold": 0, "found": 0}
        )
        misses, spurious, set_aside = [], [], []
        for article in sorted(set(gold_articles) | set(by_article)):
            g = gold_articles.get(article, {})
            n = per_series[series_of(article)]
            scope = Scope(bodies.get(article, ""), countries, g, aliases)
            gold = fam.gold(g, scope) if g else None
            values: dict[Any, dict[str, Any]] = {}
            meeting = meetings.get(article)
            for c in by_article.get(article, []):
                if not fam.takes(c):
                    continue
                own = own_occurrence(c, meeting, as_int(g.get("event_year")))
                if not own or (fam.own_series_only and c.get("counted")):
                    why = "other occurrence" if not own else f"counts {c['counted']}"
                    set_aside.append(_claim_row(article, c, why))
                    continue
                values.setdefault(fam.value(c, scope), c)
            sampled = sampled_rows(scope.body, g)
            for value, c in values.items():
                if str(c.get("quote") or "").strip() in sampled and not fam.correct(
                    value, gold or set(), scope
                ):
                    set_aside.append(_claim_row(article, c, SAMPLED))
                    continue
                n["claimed"] += 1
                if fam.correct(value, gold or set(), scope):
                    n["correct"] += 1
                else:
                    why = (
                        f"gold: {_gold_text(fam, gold, g, scope)}"
                        if gold
                        else "gold has no value for this family"
                    )
                    near = fam.near(value, scope) if g else None
                    why = f"{why}; {near}" if near else why
                    spurious.append(_claim_row(article, c, why))
            for unit in sorted(gold or (), key=repr):
                n["gold"] += 1
                if fam.found(unit, values, scope):
                    n["found"] += 1
                    continue
                hint = fam.hint(unit, g, scope)
                misses.append(
                    {
                        "article": article,
                        "gold": hint,
                        "sentence": find_sentence(
                            scope.body, hint, countries if fam.key == "votes" else None
                        ),
                        "factlint": [str(c.get("display")) for c in values.values()],
                    }
                )
        out[fam.key] = {
            "label": fam.label,
            **_tally_counts(per_series.values()),
            "by_series": {k: _tally_counts([v]) for k, v in sorted(per_series.items())},
            "misses": misses,
            "spurious": spurious,
            "set_aside": set_aside,
        }
    return out


SAMPLED = "a row of a table the gold quotes a sample of"
TABLE_ROW_CHARS = 60  # a line of a table: short, with lines like it above or below
TABLE_ROWS = 3


def sampled_rows(body: str, g: dict[str, Any]) -> frozenset[str]:
    """The rows of a table in the body that the gold leaves out while quoting other rows of
    the same table ("Ukraine – 631" quoted, "Italy – 268" not): the gold samples the table, so
    a claim read from such a row is neither right nor wrong by it, and is not scored."""
    quoted = {q.strip() for q in _as_written(g)}
    sampled: set[str] = set()
    block: list[str] = []
    for line in [*body.splitlines(), ""]:
        line = line.strip()
        if line and len(line) <= TABLE_ROW_CHARS:
            block.append(line)
            continue
        if len(block) >= TABLE_ROWS and quoted & set(block):
            sampled |= set(block) - quoted
        block = []
    return frozenset(sampled)


def _as_written(x: Any) -> Iterator[str]:
    if isinstance(x, dict):
        for key, value in x.items():
            if key == "as_written" and isinstance(value, str):
                yield value
            else:
                yield from _as_written(value)
    elif isinstance(x, list):
        for item in x:
            yield from _as_written(item)


def _gold_text(fam: Family, gold: set, g: dict[str, Any], scope: Scope) -> str:
    return ", ".join(fam.hint(u, g, scope) for u in sorted(gold, key=repr))


def _claim_row(article: str, c: dict[str, Any], why: str) -> dict[str, Any]:
    return {
        "article": article,
        "line": c.get("line"),
        "slot": c.get("slot"),
        "value": c.get("value"),
        "display": c.get("display"),
        "quote": c.get("quote"),
        "years": c.get("years"),
        "counted": c.get("counted"),
        "attributed": c.get("attributed"),
        "why": why,
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


# ---------------------------------------------------------------- findings (as score.py)


def files(x: Any) -> list[str]:
    """A gold side as file names: a path, {file: ...}, {files: [...]}, or a list of those."""
    if not x:
        return []
    if isinstance(x, str):
        return [name(x)]
    if isinstance(x, dict):
        return files(x.get("file")) + [f for y in as_list(x.get("files")) for f in files(y)]
    return [f for y in x for f in files(y)] if isinstance(x, list | tuple) else []


SERIES_ALIAS = {"nk": "dprk"}  # score.py's name for the nk_ series
# The kinds of score.py: a gold slot (left) is fitted by a finding whose rule, name or slot
# matches the right pattern. Kept equal to score.py's table.
KIND = [
    (r"^ordinal", r"ordinal|recurr|consecutive|series|streak|running"),
    (r"^start", r"start|since|series|first|ordinal|recurr|arith"),
    (r"^date", r"date|day|when|time"),
    (
        r"^(tally|abstain|voted)",
        r"tally|vote|outcome|result|favou?r|abstain|against|particip|"
        r"position|stance",
    ),
    (r"^cosponsor", r"sponsor|count|number"),
    (
        r"^people",
        r"person|people|name|role|title|speaker|spell|variant|ambassador|official|"
        r"who",
    ),
    (r"^adoption", r"adopt|method|outcome|consensus|vote|tally|particip|position"),
    (r"^body", r"body|meeting|stage|event|organ|committee|venue"),
    (r"^result\.points", r"result|points?|score|place|rank|winner|won|finish|tally"),
    (r"^vote_split", r"jury|televote|public|vote|points?|split|rank|score"),
    (r"^entry", r"song|title|entry|name|variant"),
    (r"^result\.(time|margin)", r"time|result|finish|margin|winner|clock|duration|record"),
    (r"^result\.place", r"place|rank|position|result|finish|winner"),
    (r"^record", r"record|time|result|best|career|streak|count"),
    (
        r"^count",
        r"count|number|entrant|runner|participant|field|attend|crowd|spectator|"
        r"finisher|people|countr|nation|part(y|ies)|delegat|finalist|entries|juries",
    ),
    (r"^(distance|length)", r"distance|length|course|km|mile|amount|quantity|measure"),
    (r"^organi[sz]er", r"organi[sz]|host|lead|body|name|variant"),
    (r"^participation", r"particip|allowed|barred|eligib|took part|entry|result|stance|role"),
    (r"^(amount|money|pledge)", r"amount|money|pledge|fund|finance|dollar|currency|quantity"),
    (r"^(winner|host)", r"winner|won|host|result|person|name|role|country|place|venue|city"),
    (r"^outcome", r"outcome|adopt|method|result|decision|text|wording|language|deal"),
    (r"^duration", r"duration|length|days|weeks|period|time|schedul"),
    (r"", r"."),
]
MEETING_SLOT = (
    r"tally|vote|date|day|adopt|method|outcome|consensus|sponsor|abstain|against|"
    r"favou?r|result"
)


def series_of(article: str) -> str:
    """The series of a report: its file name's prefix ("cop_01_ap_2015.md" -> "cop")."""
    prefix = Path(name(str(article))).stem.split("_")[0]
    return SERIES_ALIAS.get(prefix, prefix)


def fits(gold_slot: str, label: str) -> tuple[bool, bool]:
    """(the finding's words fit the gold slot's kind, only through the catch-all kind)."""
    index, pattern = next((i, p) for i, (g, p) in enumerate(KIND) if re.search(g, str(gold_slot or "")))
    return re.search(pattern, label.lower()) is not None, index == len(KIND) - 1


def split_pairs(report: dict[str, Any], verdicts: set[str]) -> dict[frozenset, list[str]]:
    """Report pairs on different sides of a finding with one of these verdicts -> labels."""
    out: dict[frozenset, list[str]] = {}
    for c in report.get("conflicts") or []:
        if not isinstance(c, dict) or c.get("verdict") not in verdicts:
            continue
        sides = [
            {name(a) for a in as_list(s.get("articles")) if a}
            for s in as_list(c.get("sides"))
            if isinstance(s, dict)
        ]
        for s1, s2 in itertools.combinations(sides, 2):
            for a, b in itertools.product(s1, s2):
                if a != b:
                    out.setdefault(frozenset((a, b)), []).append(
                        f"{c.get('rule')}:{c.get('name')}:{c.get('slot')}"
                    )
    return out


def _pair(a: Any, b: Any) -> frozenset | None:
    fa, fb = files(a), files(b)
    return frozenset((fa[0], fb[0])) if fa and fb else None


def read_pairs(golds: list[dict[str, Any]]) -> dict[str, Any]:
    """The pair lists of the gold files, as score.py reads them; an entry without its files
    is left out."""
    gold, invariant, unfindable = [], [], []
    shifts, traps, stages = set(), set(), set()
    for d in golds:
        for t in _entries(d, "true_conflicts"):
            if t.get("findable") is False:
                unfindable.append(t.get("id"))
                continue
            a = files(t.get("a"))
            if a:
                gold.append(
                    (t.get("id"), str(t.get("slot") or ""), a[0], files(t.get("b")) + files(t.get("also_b")))
                )
        for t in _entries(d, "cross_year_factual_conflicts"):
            invariant.append(
                (
                    t.get("id"),
                    str(t.get("slot") or ""),
                    files(t.get("a")),
                    files(t.get("b")) + files(t.get("also_b")),
                )
            )
        for t in _entries(d, "time_shift_pairs"):
            shifts.add(_pair(t.get("a"), t.get("b")))
        for t in _entries(d, "stage_pairs"):
            stages.update(
                frozenset((c, p)) for c in files(t.get("committee")) for p in files(t.get("plenary"))
            )
        for t in _entries(d, "stage_mismatches"):
            stages.add(_pair(t.get("a"), t.get("b")))
        for t in _entries(d, "near_misses"):
            traps.add(_pair(t.get("a"), t.get("b")))
    return {
        "gold": gold,
        "invariant": invariant,
        "unfindable": unfindable,
        "shifts": shifts - {None},
        "traps": traps - {None},
        "stages": stages - {None},
    }


def _entries(d: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [t for t in as_list(d.get(key)) if isinstance(t, dict)]


def score_findings(report: dict[str, Any], golds: list[dict[str, Any]]) -> dict[str, Any]:
    flagged = split_pairs(report, {"conflict"})
    variants = split_pairs(report, {"variant"})
    p = read_pairs(golds)
    gold, invariant, shifts, traps, stages = (p["gold"], p["invariant"], p["shifts"], p["traps"], p["stages"])

    def labels(g: tuple, b: str) -> list[str]:
        pair = frozenset((g[2], b))
        return flagged.get(pair, []) + (variants.get(pair, []) if g[1].startswith("people") else [])

    rows = []
    for g in gold:
        labs = [lab for b in g[3] for lab in labels(g, b)]
        fitting = [lab for lab in labs if fits(g[1], lab)[0]]
        status = "found" if fitting else "wrong kind" if labs else "missed"
        rows.append(
            {
                "id": g[0],
                "slot": g[1],
                "a": g[2],
                "b": g[3],
                "status": status,
                "series": series_of(g[2]),
                "by": fitting or labs,
                "catch_all": bool(fitting) and fits(g[1], "")[1],
            }
        )
    gold_pairs = {frozenset((g[2], b)) for g in gold for b in g[3]}
    inv_found = [g for g in invariant if any(frozenset((a, b)) in flagged for a in g[2] for b in g[3])]
    inv_pairs = {frozenset((a, b)) for g in invariant for a in g[2] for b in g[3]}

    def trap(p: frozenset) -> bool:
        if p in stages and any(re.search(MEETING_SLOT, lab.lower()) for lab in flagged[p]):
            return True
        return p in traps | stages and p not in gold_pairs

    def pair_row(p: frozenset) -> dict[str, Any]:
        return {"pair": sorted(p), "by": flagged[p], "series": sorted({series_of(n) for n in p})}

    flagged = dict(sorted(flagged.items(), key=lambda kv: sorted(kv[0])))  # stable listing
    cross = [p for p in flagged if len({series_of(n) for n in p}) > 1]
    shift_hits = [p for p in flagged if p in shifts and p not in gold_pairs]
    trap_hits = [p for p in flagged if trap(p)]
    other = [
        p for p in flagged if p not in gold_pairs | inv_pairs | shifts | traps | stages and p not in cross
    ]
    within = [p for p in flagged if p not in cross]
    hit_pairs = [p for p in within if p in gold_pairs | inv_pairs]
    found = [r for r in rows if r["status"] == "found"]
    result = {
        "recall": _ratio(len(found), len(gold)),
        "found": len(found),
        "gold": len(gold),
        # a gold slot of no known kind ("other") is credited by a conflict on any slot of the
        # pair, as score.py does; the kind-specific recall leaves those credits out
        "found_by_catch_all": [r["id"] for r in found if r["catch_all"]],
        "recall_kind_specific": _ratio(sum(not r["catch_all"] for r in found), len(gold)),
        "split_by_any_finding": sum(r["status"] != "missed" for r in rows),
        "unfindable": p["unfindable"],
        "invariant": {"found": len(inv_found), "gold": len(invariant)},
        "conflicts": rows,
        "false_alarms": len(cross) + len(shift_hits) + len(trap_hits),
        "time_shift": [pair_row(p) for p in shift_hits],
        "stage": [pair_row(p) for p in trap_hits],
        "cross_series": [pair_row(p) for p in cross],
        "ungolded": [pair_row(p) for p in other],
        "gold_share": f"{len(hit_pairs)}/{len(within)}" if within else "n/a",
    }
    result["by_series"] = findings_by_series(result)
    return result


def findings_by_series(f: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per series: recall of its gold conflicts (a conflict belongs to the series of its first
    report, as in score.py's "by series" line) and the flagged pairs that touch it (a
    cross-series pair counts for both of its series)."""
    names = {r["series"] for r in f["conflicts"]}
    for key in ("time_shift", "stage", "cross_series", "ungolded"):
        names.update(s for row in f[key] for s in row["series"])
    out = {}
    for s in sorted(names):
        rows = [r for r in f["conflicts"] if r["series"] == s]
        found = [r for r in rows if r["status"] == "found"]
        out[s] = {
            "found": len(found),
            "gold": len(rows),
            "recall": _ratio(len(found), len(rows)),
            "recall_kind_specific": _ratio(sum(not r["catch_all"] for r in found), len(rows)),
            "missed": [r["id"] for r in rows if r["status"] != "found"],
            **{
                key: sum(s in row["series"] for row in f[key])
                for key in ("time_shift", "stage", "cross_series", "ungolded")
            },
        }
    return out


# ---------------------------------------------------------------- event resolution


def gold_meeting(g: dict[str, Any]) -> str | None:
    """The meeting a report is about, from the gold: `event_stage` (committee or plenary, nk),
    else `occurrence` (COP23 or the Bonn intersessional, cop), else `stage` (grand final or
    first semi-final, eurovision)."""
    stage = g.get("event_stage")
    if stage:
        return "committee" if "committee" in str(stage).lower() else "plenary"
    for key in ("occurrence", "stage"):
        if isinstance(g.get(key), str) and g[key].strip():
            return " ".join(g[key].lower().split())
    return None


def score_events(
    report: dict[str, Any],
    gold_articles: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    placed = {
        name(a["path"]): a for a in report.get("articles") or [] if isinstance(a, dict) and a.get("path")
    }
    rows = []
    for article, g in sorted(gold_articles.items()):
        a = placed.get(article, {})
        rows.append(
            {
                "article": article,
                "series": series_of(article),
                "gold_year": as_int(g.get("event_year")),
                "year": a.get("event_year"),
                "gold_stage": gold_meeting(g),
                "meeting": a.get("event_meeting"),
                "evidence": [str(e.get("source")) for e in as_list(a.get("evidence")) if isinstance(e, dict)],
            }
        )
    # A meeting is right when its label names the report's gold meeting; when it is a meeting
    # of the calendar ("December meeting") that, in that year, holds reports of one gold
    # meeting only; or, for a report placed in no meeting, when the series' gold has one
    # meeting that year (there is nothing to tell apart).
    names: dict[str, set[str]] = defaultdict(set)  # series -> its gold meetings
    in_year: dict[tuple[str, Any], set[str]] = defaultdict(set)  # (series, year) -> meetings
    in_group: dict[tuple[str, Any, str], set[str]] = defaultdict(set)
    for r in rows:
        if r["gold_stage"]:
            names[r["series"]].add(r["gold_stage"])
            in_year[(r["series"], r["gold_year"])].add(r["gold_stage"])
            if r["meeting"]:
                in_group[(r["series"], r["gold_year"], str(r["meeting"]))].add(r["gold_stage"])
    for r in rows:
        r["year_ok"] = r["gold_year"] is not None and r["year"] == r["gold_year"]
        meeting = str(r["meeting"] or "").lower()
        r["contested"] = len(in_year[(r["series"], r["gold_year"])]) > 1
        if r["gold_stage"] is None:
            r["meeting_ok"] = None
        elif not meeting:
            r["meeting_ok"] = not r["contested"]
        elif any(n in meeting for n in names[r["series"]]):
            r["meeting_ok"] = r["gold_stage"] in meeting
        else:
            r["meeting_ok"] = in_group[(r["series"], r["gold_year"], str(r["meeting"]))] == {r["gold_stage"]}
    out = _event_counts(rows)
    out["by_series"] = {
        s: _event_counts([r for r in rows if r["series"] == s]) for s in sorted({r["series"] for r in rows})
    }
    out["rows"] = rows
    return out


def _event_counts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    with_year = [r for r in rows if r["gold_year"] is not None]
    with_stage = [r for r in rows if r["gold_stage"] is not None]
    contested = [r for r in with_stage if r["contested"]]
    year_right = sum(r["year_ok"] for r in with_year)
    meeting_right = sum(bool(r["meeting_ok"]) for r in with_stage)
    contested_right = sum(bool(r["meeting_ok"]) for r in contested)
    return {
        "year_accuracy": _ratio(year_right, len(with_year)),
        "year_right": year_right,
        "year_total": len(with_year),
        "meeting_accuracy": _ratio(meeting_right, len(with_stage)),
        "meeting_right": meeting_right,
        "meeting_total": len(with_stage),
        # only the years in which the series' gold has two meetings or more
        "meeting_contested_accuracy": _ratio(contested_right, len(contested)),
        "meeting_contested_right": contested_right,
        "meeting_contested_total": len(contested),
    }


# ---------------------------------------------------------------- measure


def load_gold(data_dir: Path) -> list[dict[str, Any]]:
    """Every *_gold.yaml of data_dir, one dict each (a file that is not a mapping gives {})."""
    out = []
    for g in sorted(Path(data_dir).glob("*_gold.yaml")):
        d = yaml.safe_load(g.read_text(encoding="utf-8"))
        out.append(d if isinstance(d, dict) else {})
    return out


def gold_articles_of(golds: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """{file name: its gold slots} over all gold files; an entry without a file is left out."""
    out: dict[str, dict[str, Any]] = {}
    for d in golds:
        for a in as_list(d.get("articles")):
            if isinstance(a, dict) and isinstance(a.get("file"), str) and a["file"].strip():
                out[name(a["file"])] = a
    return out


def score(
    report: dict[str, Any],
    golds: list[dict[str, Any]],
    bodies: dict[str, str],
    countries: Countries | None = None,
) -> dict[str, Any]:
    """Score factlint's JSON report against the gold files (bodies: {file name: body})."""
    gold_articles = gold_articles_of(golds)
    claims = [c for c in report.get("claims") or [] if isinstance(c, dict)]
    series: dict[str, int] = defaultdict(int)
    for article in set(bodies) | set(gold_articles):
        series[series_of(article)] += 1
    return {
        "reports": len(bodies),
        "claims": len(claims),
        "series": dict(sorted(series.items())),
        "extraction": score_extraction(report, gold_articles, bodies, countries or Countries()),
        "findings": score_findings(report, golds),
        "events": score_events(report, gold_articles),
        "not_measured": not_measured(gold_articles),
    }


def measure(data_dir: Path | str = DEFAULT_DATA) -> dict[str, Any]:
    """Run factlint on data_dir's corpus and score it against its gold files."""
    data_dir = Path(data_dir)
    if not (data_dir / "corpus").is_dir():
        raise FileNotFoundError(f"{data_dir}/corpus not found")
    golds = load_gold(data_dir)
    tmp = Path(tempfile.mkdtemp(prefix="fl-acc-"))
    try:
        bodies = copy_corpus(data_dir, tmp / "corpus")
        report = run_factlint(tmp / "corpus")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"data_dir": str(data_dir), **score(report, golds, bodies)}


# ---------------------------------------------------------------- output


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def render(result: dict[str, Any], show: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    width = None if sys.stdout.isatty() else 110
    console = Console(highlight=False, markup=False, width=width)
    table = Table(title=f"extraction ({result['reports']} reports, {result['claims']} claims)")
    for col in ("family", "precision", "correct/claimed", "recall", "found/gold"):
        table.add_column(col, justify="left" if col == "family" else "right")
    for f in result["extraction"].values():
        table.add_row(
            f["label"],
            _pct(f["precision"]),
            f"{f['correct']}/{f['claimed']}",
            _pct(f["recall"]),
            f"{f['found']}/{f['gold']}",
        )
    console.print(table)
    unscored = {
        f["label"]: n
        for f in result["extraction"].values()
        if (n := sum(s["why"] == SAMPLED for s in f["set_aside"]))
    }
    if unscored:
        by_family = ", ".join(f"{label} {n}" for label, n in unscored.items())
        console.print(f"not scored, rows of a table the gold quotes a sample of: {by_family}")

    fi, ev = result["findings"], result["events"]
    table = Table(title="findings and event resolution")
    table.add_column("measure")
    table.add_column("value", justify="right")
    catch = (
        f" ({', '.join(fi['found_by_catch_all'])} via the catch-all kind)" if fi["found_by_catch_all"] else ""
    )
    rows = [
        ("recall of findable gold conflicts", f"{_pct(fi['recall'])} = {fi['found']}/{fi['gold']}{catch}"),
        ("recall, kind-specific findings only", _pct(fi["recall_kind_specific"])),
        ("false alarms: time-shift pairs", str(len(fi["time_shift"]))),
        ("false alarms: stage/look-alike pairs", str(len(fi["stage"]))),
        ("false alarms: cross-series pairs", str(len(fi["cross_series"]))),
        ("ungolded conflict pairs (to judge)", str(len(fi["ungolded"]))),
        ("gold share of flagged pairs", fi["gold_share"]),
        ("event year right", f"{_pct(ev['year_accuracy'])} = {ev['year_right']}/{ev['year_total']}"),
        (
            "meeting right (where gold gives the stage)",
            f"{_pct(ev['meeting_accuracy'])} = {ev['meeting_right']}/{ev['meeting_total']}",
        ),
        (
            "  in years with two meetings or more",
            f"{_pct(ev['meeting_contested_accuracy'])} = {ev['meeting_contested_right']}/"
            f"{ev['meeting_contested_total']}",
        ),
    ]
    for row in rows:
        table.add_row(*row)
    console.print(table)
    for table in series_tables(result):
        console.print(table)
    for series, keys in result.get("not_measured", {}).items():
        console.print(f"not measured, {series}: " + ", ".join(f"{k} ({n})" for k, n in keys.items()))
    if show:
        _show(result, print)  # plain lines: long quotes stay on one line


def _ratio_cell(right: int, total: int) -> str:
    return f"{right / total:.2f} = {right}/{total}" if total else "-"


def series_tables(result: dict[str, Any]) -> list[Any]:
    """The per-series figures: extraction per family, then findings and events."""
    from rich.table import Table

    names = list(result.get("series") or {})
    extraction = Table(title="extraction by series: precision correct/claimed, recall found/gold")
    extraction.add_column("family")
    for s in names:
        extraction.add_column(s, justify="right")
    for f in result["extraction"].values():
        cells = []
        for s in names:
            b = f["by_series"].get(s)
            cells.append(
                "-"
                if not b or not b["claimed"] and not b["gold"]
                else f"P {b['correct']}/{b['claimed']}  R {b['found']}/{b['gold']}"
            )
        extraction.add_row(f["label"], *cells)
    other = Table(title="findings and event resolution by series")
    other.add_column("measure")
    for s in names:
        other.add_column(s, justify="right")
    fb, eb = result["findings"]["by_series"], result["events"]["by_series"]
    empty: dict[str, Any] = {}
    rows = [
        (
            "recall of findable gold conflicts",
            lambda s: _ratio_cell(fb.get(s, empty).get("found", 0), fb.get(s, empty).get("gold", 0)),
        ),
        ("recall, kind-specific findings only", lambda s: _pct(fb.get(s, empty).get("recall_kind_specific"))),
    ]
    for key, label in (
        ("time_shift", "false alarms: time-shift pairs"),
        ("stage", "false alarms: stage/look-alike pairs"),
        ("cross_series", "false alarms: cross-series pairs"),
        ("ungolded", "ungolded conflict pairs"),
    ):
        rows.append((label, lambda s, key=key: str(fb.get(s, empty).get(key, 0))))
    for key, label in (
        ("year", "event year right"),
        ("meeting", "meeting right"),
        ("meeting_contested", "  in years with two meetings or more"),
    ):
        rows.append(
            (
                label,
                lambda s, key=key: _ratio_cell(
                    eb.get(s, empty).get(f"{key}_right", 0), eb.get(s, empty).get(f"{key}_total", 0)
                ),
            )
        )
    for label, cell in rows:
        other.add_row(label, *(cell(s) for s in names))
    return [extraction, other]


def _show(result: dict[str, Any], out: Callable[[str], None]) -> None:
    for f in result["extraction"].values():
        out(f"\n== {f['label']}: misses {len(f['misses'])}, spurious {len(f['spurious'])}")
        for m in f["misses"]:
            said = f"; factlint: {', '.join(m['factlint'])}" if m["factlint"] else ""
            out(f"  MISS     {m['article']}: {m['gold']}{said}")
            if m["sentence"]:
                out(f"           > {m['sentence']}")
        for s in f["spurious"]:
            quoted = "; attributed" if s["attributed"] else ""
            out(f"  SPURIOUS {s['article']}:{s['line']} {s['slot']} {s['display']!r} ({s['why']}{quoted})")
            out(f"           > {s['quote']}")
        for s in f["set_aside"]:
            out(f"  not scored {s['article']}:{s['line']} {s['display']!r} ({s['why']})")
    fi = result["findings"]
    out("\n== findings")
    for r in fi["conflicts"]:
        out(
            f"  {r['status'].upper():10} {r['id']} {r['slot']} {r['a']} vs {', '.join(r['b'])} "
            f"{r['by'][:3]}{' (catch-all kind)' if r['catch_all'] else ''}"
        )
    for key, label in (
        ("time_shift", "TIME-SHIFT-AS-CONFLICT"),
        ("stage", "STAGE-AS-CONFLICT"),
        ("cross_series", "CROSS-SERIES"),
        ("ungolded", "UNGOLDED"),
    ):
        for p in fi[key]:
            out(f"  {label} {p['pair']} {p['by']}")
    out("\n== event resolution")
    for r in result["events"]["rows"]:
        bad = not r["year_ok"] or r["meeting_ok"] is False
        mark = "WRONG" if bad else "ok   "
        stage = f" stage {r['gold_stage']} / meeting {r['meeting']}" if r["gold_stage"] else ""
        out(
            f"  {mark} {r['article']}: year {r['year']} (gold {r['gold_year']}){stage} "
            f"[{', '.join(r['evidence'])}]"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument(
        "--show", action="store_true", help="list misses, spurious claims, findings and misplaced reports"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    try:
        result = measure(args.data_dir)
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"accuracy: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False, default=_json_default))
    else:
        render(result, show=args.show)
    return 0


def _json_default(x: Any) -> Any:
    if isinstance(x, float) and math.isinf(x):
        return None
    if isinstance(x, set | frozenset | tuple):
        return list(x)
    return str(x)


if __name__ == "__main__":
    sys.exit(main())
