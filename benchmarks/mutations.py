"""Mutation check: does factlint catch one value changed in a real report?

Usage:
    python benchmarks/mutations.py [DATA_DIR] [--json] [--show] [--kinds KIND ...]
                                   [--processes N] [--batch]

DATA_DIR holds corpus/*.md and *_gold.yaml (default: ../shared/devset beside the repository),
as for benchmarks/accuracy.py. For every report the gold describes, the values its gold
`articles` entry records are looked up in the report's text as printed, and for each kind found
one copy of the report is made with that ONE value changed:

    ordinal   the count of the series, +1 ("16th" -> "17th", "for 11 years" -> 12, "COP24" -> 25)
    start     the series' first year, -1 ("since 2005" -> 2004)
    tally     one number of the tally, +1 ("183 in favor" -> 184); a hedged number is left alone
    sponsors  an exact co-sponsor count, +1
    vote      a country of the "against" list and one of the abstentions trade places
    weekday   the weekday of the event, the next day ("Thursday" -> "Friday")
    name      one letter of a person's name, wherever the body writes that part of the name
    points    the winner's (else a listed entry's) points, +1
    count     an exact count of a named group (countries, participants), +1

plus, as a control, an UNCHANGED copy of every report. A number is changed at the one place the
gold's phrase locates; hedged numbers ("some 185", "over 70", "nearly 200") are not changed,
since no other value contradicts them.

Each copy is checked by running factlint (`python -m checker check corpus --format json
--no-config --no-index --jobs 1`, this interpreter) on a temporary folder holding all the
original reports, front matter reduced to title/outlet/url/published as accuracy.py does, plus
that one copy. A changed copy is CAUGHT when a finding with verdict `conflict` (`variant` too
for a name) has the copy on a side the original is not on and the original on another side, and
its rule, name or slot fits the kind (score.py's kinds, as in accuracy.py). An unchanged copy
must give no finding of any verdict that separates it from its original; one that does is a
control hit (a false alarm). Each miss gets its likely cause: separated with another verdict
or kind, the change read by no claim, the copy placed in another (or no) year, read as
another slot, or read but not compared.

`--batch` puts one copy of each series (file prefix) in a run instead of one copy a run.
factlint judges each of its series on its own (rules and occurrences are per series), so copies
can meet only through the gathering of series; a batched run is kept only when every copy sits
in a series holding reports of its own prefix alone and every original is grouped, dated and
placed as in a run of the originals alone, and is otherwise re-run one copy at a time.

`--json` prints the whole result; `--show` lists every miss and every control hit with the
finding; `--kinds` limits the kinds (e.g. `--kinds ordinal control`). `measure(data_dir)`
returns the same dict as `--json`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any


def _load_accuracy() -> Any:
    """benchmarks/accuracy.py, for its gold reading, corpus copy and kinds (score.py's)."""
    name = "fl_accuracy_for_mutations"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


acc = _load_accuracy()
REPO = acc.REPO
DEFAULT_DATA = acc.DEFAULT_DATA

# kind -> (label, the gold slot whose score.py kind a catching finding must fit)
KINDS: dict[str, tuple[str, str]] = {
    "ordinal": ("ordinal year", "ordinal_year"),
    "start": ("first year", "start_year"),
    "tally": ("tally part", "tally"),
    "sponsors": ("co-sponsor count", "cosponsor_count"),
    "vote": ("vote position", "voted_against"),
    "weekday": ("weekday", "date_of_vote"),
    "name": ("name spelling", "people"),
    "points": ("points", "result.points"),
    "count": ("count of a group", "count"),
    "control": ("control (unchanged)", ""),
}
# kinds compared within one occurrence only (a count, a first year or a name spans the series)
PER_OCCURRENCE = {"tally", "sponsors", "vote", "weekday", "points", "count"}

# ---------------------------------------------------------------- numbers as printed

UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORD_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
ORD_TENS = "_ _ twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()


def cardinal_word(n: int) -> str | None:
    if 0 <= n < 20:
        return UNITS[n]
    if 20 <= n < 100:
        return TENS[n // 10] + (f"-{UNITS[n % 10]}" if n % 10 else "")
    return None


def ordinal_word(n: int) -> str | None:
    if 0 <= n < 20:
        return ORD_UNITS[n]
    if 20 <= n < 100:
        return ORD_TENS[n // 10] if n % 10 == 0 else f"{TENS[n // 10]}-{ORD_UNITS[n % 10]}"
    return None


def suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _like(word: str, model: str) -> str:
    """word in the capitalisation of model ("Ten" -> "Eleven", "TEN" -> "ELEVEN")."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


@dataclass(frozen=True)
class Number:
    """A number as printed at [start, end) of a text."""

    start: int
    end: int
    value: int
    printed: str
    form: str  # digits | ordinal-digits | word | ordinal-word

    def written(self, n: int) -> str:
        """n written the way this number is."""
        if self.form in ("digits", "ordinal-digits"):
            digits = f"{n:,}" if "," in self.printed else str(n)
            if self.form == "ordinal-digits":
                suf = suffix(n)
                digits += suf.upper() if self.printed[-2:].isupper() else suf
            return digits
        word = ordinal_word(n) if self.form == "ordinal-word" else cardinal_word(n)
        return _like(word, self.printed) if word else str(n)


DIGITS = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th|ST|ND|RD|TH)?(?![\d])")
WORDS = re.compile(
    r"\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|[a-z]+)\b", re.IGNORECASE
)


def numbers(text: str, lo: int = 0, hi: int | None = None, ordinal_only: bool = False) -> list[Number]:
    """Numbers in text[lo:hi], in digits or words, in the order of the text."""
    hi = len(text) if hi is None else hi
    out = []
    for m in DIGITS.finditer(text, lo, hi):
        form = "ordinal-digits" if m.group(2) else "digits"
        if ordinal_only and form == "digits":
            continue
        out.append(Number(m.start(), m.end(), int(m.group(1).replace(",", "")), m.group(0), form))
    for m in WORDS.finditer(text, lo, hi):
        w = m.group(1).lower()
        for n in range(100):
            if w == ordinal_word(n):
                out.append(Number(m.start(), m.end(), n, m.group(1), "ordinal-word"))
            elif w == cardinal_word(n) and not ordinal_only:
                out.append(Number(m.start(), m.end(), n, m.group(1), "word"))
    return sorted(out, key=lambda x: x.start)


HEDGE = re.compile(
    r"\b(?:some|about|around|nearly|almost|roughly|approximately|over|more than|at least|fewer than|"
    r"less than|under|up to|close to|upwards of)\s+$",
    re.IGNORECASE,
)


def hedged(text: str, number: Number) -> bool:
    """Is the number printed as an approximation or a bound ("some 185", "over 70")?"""
    return bool(HEDGE.search(text[max(0, number.start - 20) : number.start]))


# ---------------------------------------------------------------- finding gold values in the text


def fragments(phrase: Any) -> list[str]:
    """A gold phrase and the parts of it a body may print: without bracketed notes, split at
    " ... " and at brackets; longest first after the phrase itself."""
    if not isinstance(phrase, str) or not phrase.strip():
        return []
    text = phrase.strip()
    plain = re.sub(r"\s*[\[(][^\])]*[\])]", "", text).strip()
    parts = [p.strip(" ,;:") for p in re.split(r"\s*\.\.\.\s*|\s*[\[\]()]\s*", text)]
    seen: list[str] = []
    for p in [text, plain, *sorted(parts, key=len, reverse=True)]:
        if len(p) >= 3 and p not in seen:
            seen.append(p)
    return seen


def locate(body: str, phrase: Any) -> list[tuple[int, int]]:
    """Where the body prints the phrase (or its parts), as spans, case-insensitive; the whole
    phrase first, then its parts."""
    low = body.lower()
    spans = []
    for frag in fragments(phrase):
        i = low.find(frag.lower())
        if i >= 0:
            spans.append((i, i + len(frag)))
    return spans


def number_in(body: str, spans: Iterable[tuple[int, int]], n: int) -> Number | None:
    """The first printing of n inside one of the spans."""
    for lo, hi in spans:
        for num in numbers(body, lo, hi):
            if num.value == n:
                return num
    return None


SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z])|\n+")


def sentence_at(body: str, pos: int) -> tuple[int, int]:
    """The span of the sentence (or line) holding position pos."""
    start = 0
    for m in SENTENCE_END.finditer(body):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            return start, m.start()
    return start, len(body)


def sentences_with(body: str, cue: re.Pattern[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in [*SENTENCE_END.finditer(body), None]:
        end = m.start() if m else len(body)
        if cue.search(body, start, end):
            spans.append((start, end))
        start = m.end() if m else len(body)
    return spans


# ---------------------------------------------------------------- mutations


@dataclass
class Mutation:
    """One copy of a report: ONE value changed (or none, for a control)."""

    article: str
    kind: str
    series: str
    edits: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, new text) in the body
    before: str = ""
    after: str = ""
    context: str = ""

    @property
    def copy_name(self) -> str:
        return f"{Path(self.article).stem}__{self.kind}.md"

    def apply(self, body: str) -> str:
        for start, end, new in sorted(self.edits, reverse=True):
            body = body[:start] + new + body[end:]
        return body


def _context(body: str, start: int, end: int, new: str) -> str:
    lo, hi = sentence_at(body, start)
    lo, hi = max(lo, start - 160), min(hi, end + 160)
    return " ".join((body[lo:start] + "[" + body[start:end] + " -> " + new + "]" + body[end:hi]).split())


def _number_change(article: str, kind: str, body: str, num: Number, delta: int) -> Mutation:
    new = num.written(num.value + delta)
    return Mutation(
        article,
        kind,
        acc.series_of(article),
        [(num.start, num.end, new)],
        num.printed,
        new,
        _context(body, num.start, num.end, new),
    )


def _exact(body: str, num: Number | None) -> Number | None:
    return num if num is not None and not hedged(body, num) else None


def mutate_ordinal(article: str, g: dict[str, Any], body: str) -> Mutation | str | None:
    n = acc.as_int(g.get("ordinal_year"))
    if n is None:
        return None
    num = number_in(body, locate(body, g.get("ordinal_phrase")), n)
    if num is None:  # the count as an ordinal anywhere in the body
        num = next((x for x in numbers(body, ordinal_only=True) if x.value == n), None)
    return _number_change(article, "ordinal", body, num, +1) if num else f"ordinal {n} not found in the text"


START_CUE = re.compile(
    r"\bsince\s*$|\b(?:first|began|begun|started|inaugurated|launched|founded|beginning)\b[^.;]{0,60}$",
    re.IGNORECASE,
)


RECURRENCE = re.compile(
    r"\b(?:every|each)\s+year\b|\bannual(?:ly)?\b|\byearly\b|\bconsecutive\b|\bin a row\b|\bstraight\b",
    re.IGNORECASE,
)


def mutate_start(article: str, g: dict[str, Any], body: str) -> Mutation | str | None:
    year = acc.as_int(g.get("start_year"))
    if year is None:
        return None
    num = number_in(body, locate(body, g.get("start_phrase")), year)
    if num is None:  # "since 1992", "first passed in 1992", "began in 2005"; one that speaks of
        cues = []  # the recurrence ("every year since 2003") before one that does not
        for cand in numbers(body):
            if cand.value == year and cand.form == "digits":
                lo, _ = sentence_at(body, cand.start)
                if START_CUE.search(body[max(lo, cand.start - 80) : cand.start]):
                    near = RECURRENCE.search(body, max(lo, cand.start - 40), cand.start)
                    cues.append((not near, cand.start, cand))
        num = min(cues, key=lambda c: c[:2])[2] if cues else None
    if num is None:
        return f"first year {year} not found after 'since' or 'first'"
    return _number_change(article, "start", body, num, -1)


TALLY_PARTS = (("true", "for"), ("false", "against"), ("abstain", "abstain"))


def mutate_tally(article: str, g: dict[str, Any], body: str) -> Mutation | str | None:
    t = acc.as_dict(g.get("tally"))
    parts = [
        (role, acc.as_int(t.get(key))) for key, role in TALLY_PARTS if acc.as_int(t.get(key)) is not None
    ]
    if not parts:
        return None
    spans = locate(body, t.get("as_written"))
    for _, n in parts:
        num = _exact(body, number_in(body, spans, n))
        if num:
            return _number_change(article, "tally", body, num, +1)
    return "no exact tally number found in the tally as written"


def mutate_sponsors(article: str, g: dict[str, Any], body: str) -> Mutation | str | None:
    counts = []
    for other in acc.as_list(g.get("other_numbers")):
        other = acc.as_dict(other)
        if re.search(r"sponsor", acc.text_of(other.get("claim")), re.I):
            count = acc.parse_gold_count(other.get("value"))
            if count:
                counts.append(count)
    if not counts:
        return None
    for n, qualifier in counts:
        if qualifier:
            continue
        for lo, hi in sentences_with(body, re.compile(r"sponsor", re.I)):
            num = _exact(body, number_in(body, [(lo, hi)], n))
            if num:
                return _number_change(article, "sponsors", body, num, +1)
    return "no exact co-sponsor count found in a sentence on sponsors"


AGAINST_CUE = re.compile(r"\bagainst\b|\bopposed\b|\bopposing\b|\bno\b|\bnegative\b|\breject", re.I)
ABSTAIN_CUE = re.compile(r"abstain|abstention", re.I)


def _country_at(
    body: str, canonical: str, cue: re.Pattern[str], countries: Any, taken: set[int]
) -> tuple[int, int] | None:
    """The first printing of a country (any of its names) in a sentence with the cue."""
    best = None
    for lo, hi in sentences_with(body, cue):
        for form in countries.surfaces(canonical):
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", body[lo:hi]):
                span = (lo + m.start(), lo + m.end())
                if span[0] not in taken and (best is None or span[0] < best[0]):
                    best = span
        if best:
            return best
    return None


def mutate_vote(article: str, g: dict[str, Any], body: str, countries: Any) -> Mutation | str | None:
    against = [countries.canonical(c) for c in acc.as_list(g.get("voted_against")) if c]
    abstained = [countries.canonical(c) for c in acc.as_list(g.get("abstained")) if c]
    if not against or not abstained:
        return None if not against and not abstained else "only one list (against or abstained) to move from"
    b = next(
        ((c, s) for c in abstained if (s := _country_at(body, c, ABSTAIN_CUE, countries, set()))),
        None,
    )
    if b is None:
        return "no abstaining country found in a sentence on abstentions"
    a = next(
        (
            (c, s)
            for c in reversed(against)
            if c != b[0] and (s := _country_at(body, c, AGAINST_CUE, countries, {b[1][0]}))
        ),
        None,
    )
    if a is None or a[1][0] < b[1][1] and b[1][0] < a[1][1]:
        return "no country voting against found in a sentence on the 'no' votes"
    (a_start, a_end), (b_start, b_end) = a[1], b[1]
    a_text, b_text = body[a_start:a_end], body[b_start:b_end]
    return Mutation(
        article,
        "vote",
        acc.series_of(article),
        [(a_start, a_end, b_text), (b_start, b_end, a_text)],
        f"{a_text} against, {b_text} abstained",
        f"{b_text} against, {a_text} abstained",
        _context(body, a_start, a_end, b_text) + " / " + _context(body, b_start, b_end, a_text),
    )


def mutate_weekday(article: str, g: dict[str, Any], body: str) -> Mutation | str | None:
    for key in acc.MAIN_DATES:
        value = g.get(key)
        if not isinstance(value, str):
            continue
        day = next((d for d in acc.WEEKDAYS if re.search(rf"\b{d}\b", value, re.I)), None)
        if day is None:
            continue
        spans = locate(body, value) + [(0, len(body))]
        for lo, hi in spans:
            m = re.compile(rf"\b{day}\b", re.I).search(body, lo, hi)
            if m:
                nxt = acc.WEEKDAYS[(acc.WEEKDAYS.index(day) + 1) % 7]
                new = _like(nxt, m.group(0))
                return Mutation(
                    article,
                    "weekday",
                    acc.series_of(article),
                    [(m.start(), m.end(), new)],
                    m.group(0),
                    new,
                    _context(body, m.start(), m.end(), new),
                )
        return f"weekday {day} not found in the text"
    return None


VOWEL_SWAP = {"a": "e", "e": "i", "i": "e", "o": "a", "u": "o", "y": "i"}


def misspelt(token: str) -> str | None:
    """token with its first vowel after the first letter changed ("Felipe" -> "Filipe")."""
    for i, ch in enumerate(token):
        if i and ch.lower() in VOWEL_SWAP:
            new = VOWEL_SWAP[ch.lower()]
            return token[:i] + (new.upper() if ch.isupper() else new) + token[i + 1 :]
    return None


BYLINE = re.compile(r"^\s*by\s", re.IGNORECASE)


def _written_outside_byline(body: str, name: str) -> bool:
    """Does the body write the name other than in a byline ("By Laura Paddison, CNN")?
    A byline is not a claim of the report."""
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", body):
        line = body[body.rfind("\n", 0, m.start()) + 1 : m.start()]
        if not BYLINE.match(line):
            return True
    return False


def mutate_name(article: str, g: dict[str, Any], body: str) -> Mutation | str | None:
    names = acc.gold_names(g)
    if not names:
        return None
    written = [n for n in names if _written_outside_byline(body, n)]
    full = [n for n in written if len(re.findall(r"\w+", n)) > 1]  # a full name, not "Obama"
    for name in full or written:
        tokens = [t for t in re.findall(r"[^\W\d_]+", name) if len(t) >= 3]
        for token in sorted(tokens, key=len, reverse=True):
            new = misspelt(token)
            if not new:
                continue
            spots = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(token)}(?!\w)", body)]
            first = spots[0]
            return Mutation(
                article,
                "name",
                acc.series_of(article),
                [(s, e, new) for s, e in spots],
                token,
                new,
                _context(body, first[0], first[1], new)
                + (f" (and {len(spots) - 1} more)" if len(spots) > 1 else ""),
            )
    return "no name of the gold written in the body"


def mutate_points(article: str, g: dict[str, Any], body: str) -> Mutation | str | None:
    entries = [acc.as_dict(g.get("winner"))] + [acc.as_dict(r) for r in acc.as_list(g.get("results"))]
    entries = [e for e in entries if acc.as_int(e.get("points")) is not None]
    if not entries:
        return None
    for e in entries:
        num = _exact(body, number_in(body, locate(body, e.get("as_written")), e["points"]))
        if num:
            return _number_change(article, "points", body, num, +1)
    return "no points found in the entries as written"


def mutate_count(article: str, g: dict[str, Any], body: str) -> Mutation | str | None:
    entries = [acc.as_dict(c) for c in acc.as_list(g.get("counts"))]
    entries = [e for e in entries if acc.as_int(e.get("value")) is not None]
    if not entries:
        return None
    for e in entries:
        if HEDGE.search(f"{e.get('qualifier') or ''} "):
            continue
        num = _exact(body, number_in(body, locate(body, e.get("as_written")), e["value"]))
        if num:
            return _number_change(article, "count", body, num, +1)
    return "no exact count found in the counts as written"


MUTATORS: dict[str, Callable[..., Mutation | str | None]] = {
    "ordinal": mutate_ordinal,
    "start": mutate_start,
    "tally": mutate_tally,
    "sponsors": mutate_sponsors,
    "weekday": mutate_weekday,
    "name": mutate_name,
    "points": mutate_points,
    "count": mutate_count,
}


def make_mutations(
    gold_articles: dict[str, dict[str, Any]],
    bodies: dict[str, str],
    kinds: Iterable[str] = tuple(KINDS),
    countries: Any = None,
) -> tuple[list[Mutation], list[dict[str, str]]]:
    """The copies to check, and the gold values of a wanted kind that could not be changed
    (not found as printed, hedged, or nothing to move), with the reason."""
    kinds = list(kinds)
    countries = countries or acc.Countries()
    out: list[Mutation] = []
    left: list[dict[str, str]] = []
    for article in sorted(gold_articles):
        if article not in bodies:
            continue
        g, body = gold_articles[article], bodies[article]
        for kind in kinds:
            if kind == "control":
                out.append(Mutation(article, "control", acc.series_of(article)))
                continue
            got = (
                mutate_vote(article, g, body, countries)
                if kind == "vote"
                else MUTATORS[kind](article, g, body)
            )
            if isinstance(got, Mutation):
                out.append(got)
            elif got:
                left.append({"article": article, "kind": kind, "why": got})
    return out, left


# ---------------------------------------------------------------- running factlint


def reduced_corpus(data_dir: Path, dest: Path) -> tuple[dict[str, str], dict[str, str]]:
    """corpus/*.md copied to dest with front matter reduced as accuracy.py does.
    Returns ({name: front matter as written}, {name: body})."""
    bodies = acc.copy_corpus(data_dir, dest)
    heads = {}
    for n, body in bodies.items():
        text = (dest / n).read_text(encoding="utf-8")
        heads[n] = text[: len(text) - len(body)]
    return heads, bodies


def run_factlint(folder: Path) -> dict[str, Any]:
    """factlint on folder/corpus (JSON), run with this interpreter on the repository's checker."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    # --jobs 1: one process a run (the runs themselves go in parallel); the output is the same
    cmd = [sys.executable, "-m", "checker", "check", "corpus", "--format", "json", "--no-config"]
    proc = subprocess.run(
        [*cmd, "--no-index", "--jobs", "1"],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"factlint exited {proc.returncode}: {proc.stderr[-800:]}")
    return json.loads(proc.stdout)


def _run_with(originals: Path, scratch: Path, copies: dict[str, str]) -> dict[str, Any]:
    """factlint on the originals plus the copies ({file name: text}) in a fresh folder."""
    folder = Path(tempfile.mkdtemp(dir=scratch))
    try:
        shutil.copytree(originals, folder / "corpus")
        for n, text in copies.items():
            (folder / "corpus" / n).write_text(text, encoding="utf-8")
        return run_factlint(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------- scoring one copy


def _sides(finding: dict[str, Any]) -> list[set[str]]:
    return [
        {acc.name(a) for a in acc.as_list(s.get("articles")) if a}
        for s in acc.as_list(finding.get("sides"))
        if isinstance(s, dict)
    ]


def separates(finding: dict[str, Any], copy: str, original: str) -> bool:
    """The copy on a side the original is not on, and the original on another side."""
    sides = _sides(finding)
    return any(copy in s and original not in s for s in sides) and any(original in s for s in sides)


def label(finding: dict[str, Any]) -> str:
    return f"{finding.get('rule')}:{finding.get('name')}:{finding.get('slot')}"


def _finding_row(f: dict[str, Any]) -> dict[str, Any]:
    return {
        "rule": f.get("rule"),
        "name": f.get("name"),
        "slot": f.get("slot"),
        "verdict": f.get("verdict"),
        "sides": [
            {
                "value": str(s.get("value")),
                "articles": sorted(acc.name(a) for a in acc.as_list(s.get("articles")) if a),
            }
            for s in acc.as_list(f.get("sides"))
            if isinstance(s, dict)
        ],
    }


def _claims_of(report: dict[str, Any], article: str) -> Counter:
    return Counter(
        (
            str(c.get("slot")),
            json.dumps(c.get("value"), sort_keys=True, default=str),
            bool(c.get("attributed")),
            tuple(c.get("years") or ()),
        )
        for c in report.get("claims") or []
        if isinstance(c, dict) and acc.name(str(c.get("article", ""))) == article
    )


def _placed(report: dict[str, Any], article: str) -> tuple[Any, Any]:
    for a in report.get("articles") or []:
        if isinstance(a, dict) and acc.name(str(a.get("path", ""))) == article:
            return a.get("event_year"), a.get("event_meeting")
    return None, None


def _when(placed: tuple[Any, Any]) -> str:
    year, meeting = placed
    return ("no year" if year is None else str(year)) + (f" ({meeting})" if meeting else "")


def score_copy(report: dict[str, Any], m: Mutation) -> dict[str, Any]:
    """Did factlint catch the changed copy (or stay quiet on the control)?"""
    copy, original = m.copy_name, m.article
    splitting = [
        f for f in report.get("conflicts") or [] if isinstance(f, dict) and separates(f, copy, original)
    ]
    row: dict[str, Any] = {
        "article": original,
        "copy": copy,
        "kind": m.kind,
        "series": m.series,
        "before": m.before,
        "after": m.after,
        "context": m.context,
    }
    if m.kind == "control":
        row["status"] = "hit" if splitting else "quiet"
        row["findings"] = [_finding_row(f) for f in splitting]
        return row
    slot = KINDS[m.kind][1]
    verdicts = {"conflict", "variant"} if m.kind == "name" else {"conflict"}
    catching = [f for f in splitting if f.get("verdict") in verdicts and acc.fits(slot, label(f))[0]]
    row["status"] = "caught" if catching else "missed"
    row["findings"] = [_finding_row(f) for f in (catching or splitting)]
    if not catching:
        row["cause"] = miss_cause(report, m, splitting)
    return row


def miss_cause(report: dict[str, Any], m: Mutation, splitting: list[dict[str, Any]]) -> str:
    """The likely reason a changed copy was not caught, from what factlint said of it."""
    copy, original = m.copy_name, m.article
    placed, orig = _placed(report, copy), _placed(report, original)
    where = "" if placed == orig else f"copy placed in {_when(placed)}, original in {_when(orig)}"
    if splitting:
        f = splitting[0]
        return f"separated as {f.get('verdict')} by {label(f)}; " + (where or f"both placed in {_when(orig)}")
    new = _claims_of(report, copy) - _claims_of(report, original)
    if not new:
        return "not read: no claim of the copy differs from the original's"
    if where:
        return where
    slot = KINDS[m.kind][1]
    fitting = [c for c in new if acc.fits(slot, c[0])[0]]
    if not fitting:
        return "read as another slot: " + ", ".join(sorted({c[0] for c in new}))
    if orig[0] is None and m.kind in PER_OCCURRENCE:
        return "copy and original in no year (per-occurrence values are not compared)"
    if all(c[2] for c in fitting):
        return "read as a speaker's words (attributed claims are not compared)"
    if all(c[3] and 0 not in c[3] for c in fitting):
        return "read as a claim about another year"
    return "read, but no finding separates it from the original"


# ---------------------------------------------------------------- measure


def _batches(mutations: list[Mutation]) -> list[list[Mutation]]:
    """At most one copy of each series a run."""
    by_series: dict[str, list[Mutation]] = defaultdict(list)
    for m in mutations:
        by_series[m.series].append(m)
    return [[m for m in group if m] for group in zip_longest(*by_series.values())]


def _grouping(report: dict[str, Any], names: Iterable[str]) -> dict[str, tuple[Any, ...]]:
    """For each report named: who shares its series, and its year and meeting."""
    arts = {acc.name(str(a.get("path", ""))): a for a in report.get("articles") or [] if isinstance(a, dict)}
    members: dict[Any, set[str]] = defaultdict(set)
    for n, a in arts.items():
        members[a.get("series")].add(n)
    return {
        n: (
            frozenset(members[arts[n].get("series")]),
            arts[n].get("event_year"),
            arts[n].get("event_meeting"),
        )
        for n in names
        if n in arts
    }


def batch_is_clean(report: dict[str, Any], baseline: dict[str, Any], batch: list[Mutation]) -> bool:
    """Every copy in a series of its own prefix alone; every original grouped and placed as in
    the run of the originals alone (so no copy of another series changed what a copy meets)."""
    copies = {m.copy_name: m for m in batch}
    originals = [
        acc.name(str(a.get("path", ""))) for a in baseline.get("articles") or [] if isinstance(a, dict)
    ]
    base = _grouping(baseline, originals)
    now = _grouping(report, originals + list(copies))
    for n, m in copies.items():
        if n not in now or any(acc.series_of(x) != m.series for x in now[n][0]):
            return False
    for n in originals:
        if n not in now:
            return False
        members = frozenset(x for x in now[n][0] if x not in copies)
        if (members, *now[n][1:]) != base[n]:
            return False
    return True


def check_copies(
    mutations: list[Mutation],
    heads: dict[str, str],
    bodies: dict[str, str],
    originals: Path,
    processes: int = 2,
    batch: bool = False,
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Run factlint for the copies and score each; returns the rows and run counts."""
    scratch = Path(tempfile.mkdtemp(prefix="fl-mut-runs-"))
    stats = {"runs": 0, "batches_rerun_singly": 0}
    lock = threading.Lock()

    def count(key: str) -> None:
        with lock:
            stats[key] += 1

    def text(m: Mutation) -> str:
        return heads[m.article] + m.apply(bodies[m.article])

    def single(m: Mutation) -> dict[str, Any]:
        count("runs")
        return score_copy(_run_with(originals, scratch, {m.copy_name: text(m)}), m)

    try:
        with ThreadPoolExecutor(max_workers=max(1, processes)) as pool:
            if not batch:
                return list(pool.map(single, mutations)), stats
            baseline = _run_with(originals, scratch, {})
            count("runs")

            def grouped(group: list[Mutation]) -> list[dict[str, Any]]:
                count("runs")
                report = _run_with(originals, scratch, {m.copy_name: text(m) for m in group})
                if len(group) == 1 or batch_is_clean(report, baseline, group):
                    return [score_copy(report, m) for m in group]
                count("batches_rerun_singly")
                return [single(m) for m in group]

            rows = [r for group in pool.map(grouped, _batches(mutations)) for r in group]
            order = {(m.article, m.kind): i for i, m in enumerate(mutations)}
            return sorted(rows, key=lambda r: order[(r["article"], r["kind"])]), stats
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _cause_key(cause: str) -> str:
    """A cause without its particulars, for counting: "separated as time-shift", "not read", ..."""
    if cause.startswith("separated as "):
        return cause.split(" by ")[0]
    if cause.startswith("copy placed in"):
        return "copy placed in another year or meeting"
    return cause.split(":")[0]


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Per kind, per series and per kind and series: changed copies, caught, rate; controls
    and their hits."""

    def tally(rs: list[dict[str, Any]]) -> dict[str, Any]:
        changed = [r for r in rs if r["kind"] != "control"]
        controls = [r for r in rs if r["kind"] == "control"]
        caught = sum(r["status"] == "caught" for r in changed)
        return {
            "changed": len(changed),
            "caught": caught,
            "rate": acc._ratio(caught, len(changed)),
            "controls": len(controls),
            "control_hits": sum(r["status"] == "hit" for r in controls),
        }

    kinds = [k for k in KINDS if any(r["kind"] == k for r in rows)]
    series = sorted({r["series"] for r in rows})
    return {
        "total": tally(rows),
        "by_kind": {k: tally([r for r in rows if r["kind"] == k]) for k in kinds},
        "by_series": {s: tally([r for r in rows if r["series"] == s]) for s in series},
        "by_kind_and_series": {
            k: {s: tally([r for r in rows if r["kind"] == k and r["series"] == s]) for s in series}
            for k in kinds
        },
        "causes": dict(Counter(_cause_key(r["cause"]) for r in rows if r.get("cause")).most_common()),
    }


def measure(
    data_dir: Path | str = DEFAULT_DATA,
    kinds: Iterable[str] = tuple(KINDS),
    processes: int = 2,
    batch: bool = False,
) -> dict[str, Any]:
    """Make the copies of data_dir's reports, check each with factlint and score them."""
    data_dir = Path(data_dir)
    if not (data_dir / "corpus").is_dir():
        raise FileNotFoundError(f"{data_dir}/corpus not found")
    kinds = list(kinds)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValueError(f"unknown kinds: {', '.join(unknown)} (known: {', '.join(KINDS)})")
    began = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="fl-mut-"))
    try:
        heads, bodies = reduced_corpus(data_dir, tmp / "corpus")
        gold_articles = acc.gold_articles_of(acc.load_gold(data_dir))
        mutations, left = make_mutations(gold_articles, bodies, kinds)
        rows, stats = check_copies(mutations, heads, bodies, tmp / "corpus", processes, batch)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "data_dir": str(data_dir),
        "reports": len(bodies),
        "kinds": kinds,
        "mode": "batched by series" if batch else "one copy a run",
        "processes": processes,
        **stats,
        "seconds": round(time.monotonic() - began, 1),
        **summarise(rows),
        "not_changed": left,
        "rows": rows,
    }


# ---------------------------------------------------------------- output


def _cell(t: dict[str, Any] | None) -> str:
    if not t or not t["changed"] and not t["controls"]:
        return "-"
    if not t["changed"]:
        return f"hits {t['control_hits']}/{t['controls']}"
    return f"{t['caught']}/{t['changed']} ({100 * t['rate']:.0f}%)"


def render(result: dict[str, Any], show: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False, markup=False, width=None if sys.stdout.isatty() else 110)
    series = list(result["by_series"])
    table = Table(
        title=f"mutation check: caught/changed (control hits/controls), {result['reports']} reports"
    )
    table.add_column("kind")
    for col in ("changed", "caught", "%", "control hits"):
        table.add_column(col, justify="right")
    for k, t in [*result["by_kind"].items(), ("all", result["total"])]:
        pct = "-" if t["rate"] is None else f"{100 * t['rate']:.0f}"
        hits = f"{t['control_hits']}/{t['controls']}" if t["controls"] else "-"
        table.add_row(KINDS[k][0] if k in KINDS else k, str(t["changed"]), str(t["caught"]), pct, hits)
    console.print(table)
    table = Table(title="by kind and series: caught/changed (%); controls: hits/copies")
    table.add_column("kind")
    for s in series:
        table.add_column(s, justify="right")
    for k, per in result["by_kind_and_series"].items():
        table.add_row(KINDS[k][0], *(_cell(per.get(s)) for s in series))
    table.add_row("all changed", *(_cell({**result["by_series"][s], "controls": 0}) for s in series))
    console.print(table)
    causes = "; ".join(f"{c} ({n})" for c, n in result["causes"].items())
    console.print(f"causes of misses: {causes or 'none'}")
    console.print(
        f"{result['runs']} factlint runs ({result['mode']}, {result['processes']} at a time) in "
        f"{result['seconds']} s; {len(result['not_changed'])} gold values of a wanted kind not changed"
    )
    if show:
        _show(result, print)


def _show(result: dict[str, Any], out: Callable[[str], None]) -> None:
    for r in result["rows"]:
        if r["status"] not in ("missed", "hit"):
            continue
        head = "CONTROL HIT" if r["status"] == "hit" else f"MISS {r['kind']}"
        change = "" if r["kind"] == "control" else f": {r['before']!r} -> {r['after']!r}"
        out(f"{head} {r['article']}{change}")
        if r.get("cause"):
            out(f"    cause: {r['cause']}")
        if r["context"]:
            out(f"    > {r['context']}")
        for f in r["findings"][:3]:
            sides = " | ".join(f"{s['value']}: {', '.join(s['articles'])}" for s in f["sides"])
            out(f"    {f['verdict']} {f['rule']} {f['slot']}: {sides}")
    for n in result["not_changed"]:
        out(f"NOT CHANGED {n['kind']} {n['article']}: {n['why']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--show", action="store_true", help="list every miss and control hit")
    parser.add_argument("--kinds", nargs="+", default=list(KINDS), metavar="KIND", help=", ".join(KINDS))
    parser.add_argument("--processes", type=int, default=2, help="factlint runs at a time [2]")
    parser.add_argument("--batch", action="store_true", help="one copy of each series a run")
    args = parser.parse_args(argv)
    try:
        result = measure(args.data_dir, args.kinds, args.processes, args.batch)
    except (FileNotFoundError, RuntimeError, ValueError) as exc:
        print(f"mutations: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False, default=str))
    else:
        render(result, show=args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
