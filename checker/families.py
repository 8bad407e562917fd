"""Claim families as data: what each family reads and how its claims may be compared.

A family is declared in a data file of its language, checker/data/<language>/families/*.yaml,
under ``families:``, keyed by its slot (the part of a claim's slot before any ':'):

    attendance:
      kind: count                 # one of checker/kinds: count, duration, place, ...
      class: per-occurrence       # per-occurrence | derived-count | fixed-fact
      label: attendance           # its column or row in tables and charts
      noun: spectators            # how a count names what it counts in a finding
      nouns: [spectators, fans]   # trigger words of the kind's reader
      lead_nouns: [crowd, attendance]   # "a crowd of 7,500"
      keyed_by: subject           # an amount of someone's ("her 54 percent"): keyed by whom
      in_stage: {final: finalists}  # the family it joins in a report of that stage ("the 27 entrants")
      avoid: [expected]           # words that make a match in its clause about something else
      parts: [finished]           # words that make the group counted a part of the family's whole
      examples: [...]             # extraction cases: text -> expected claims (tests run them)

A family of amounts names the units it takes (``units: [km]``; none: money).

Families whose words need a reader of their own name it (``reader: outcome``, a module of
checker/extract); every other family is read by its kind's generic reader.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from checker.cache import compile_pattern, parsed_once
from checker.errors import UsageError
from checker.models import SlotClass

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where built: ten times faster
_PARSER = f"PyYAML {yaml.__version__} {SAFE_LOADER.__name__}"


def load_packaged_yaml(text: str) -> Any:
    """A data file of the package, read with the safe loader (its data kept between runs:
    checker/cache.py)."""
    return parsed_once(text, _safe_load, _PARSER)


def _safe_load(text: str) -> Any:
    return yaml.load(text, Loader=SAFE_LOADER) or {}  # noqa: S506 - the safe loader


LANGUAGE = "en"  # the language shipped, and read unless FACTLINT_LANGUAGE names another
_LISTS = (
    "nouns",
    "lead_nouns",
    "lead_verbs",
    "verbs",
    "actors",
    "avoid",
    "parts",
    "units",
    "estimators",
    "sized_groups",
    "object_verbs",
)


# eq=False: a family is one object, loaded once, and compared and hashed by identity (its
# readers cache their patterns by family: hashing all its words on every sentence was costly)
@dataclass(frozen=True, slots=True, eq=False)
class Family:
    name: str
    kind: str = "text"
    slot_class: SlotClass = SlotClass.PER_OCCURRENCE
    label: str = ""
    noun: str = ""
    reader: str | None = None  # a module of checker/extract that reads it, or the kind's reader
    timeline: int = 0  # its column in the timeline table (0: none)
    nouns: tuple[str, ...] = ()
    lead_nouns: tuple[str, ...] = ()
    lead_verbs: tuple[
        str, ...
    ] = ()  # a verb whose object is the family's group, any noun ("contested by 16 acts")
    verbs: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # kinds of entity that may hold the slot (country, person, ...)
    avoid: tuple[str, ...] = ()  # words that, in the clause, make a match about something else
    parts: tuple[str, ...] = ()  # words that make a counted group a part of the family's whole
    units: tuple[str, ...] = ()  # units an amount of the family is given in (km, %); none: money
    # whose estimate, named in a count's clause, is keyed apart: the police's count of a crowd
    # is its own figure beside the organisers' (never compared with it)
    estimators: tuple[str, ...] = ()
    # a group named by its size that the family's members reach ("every act that made the Top
    # 26"): as many of them as the name says
    sized_groups: tuple[str, ...] = ()
    # a verb whose object is the family's group, whatever noun names it ("treated 140 people")
    object_verbs: tuple[str, ...] = ()
    stances: tuple[tuple[Any, str], ...] = ()  # stance value -> how a finding says it
    keyed_by: str = ""  # "subject": each claim is keyed by whom its value belongs to
    # the family its claims join once their report is placed in a stage, by the stage's label
    # ("the 27 participants" in a report of the final are its finalists)
    in_stage: tuple[tuple[str, str], ...] = ()
    # a quotation stating the value is the report's account of a public record (a result read
    # out by a commentator), not only the speaker's view: `quotes: reported` in the data
    quotes_reported: bool = False
    source: str = ""  # the data file that declares it

    def said(self, value: Any) -> str | None:
        return next((words for v, words in self.stances if v == value), None)

    @property
    def examples(self) -> tuple[dict[str, Any], ...]:
        """Its extraction cases, which the tests run: read from its data file only when asked.
        The families are read without them, most of the files' text (see _without_examples)."""
        return _examples(self.source).get(self.name, ())


def _family(name: str, spec: dict[str, Any], source: str) -> Family:
    known = {
        "kind",
        "class",
        "label",
        "noun",
        "reader",
        "timeline",
        "stances",
        "examples",
        "keyed_by",
        "quotes",
        "in_stage",
        *_LISTS,
    }
    unknown = sorted(set(spec) - known)
    if unknown:
        raise ValueError(f"{source}: family {name!r}: unknown key(s) {', '.join(unknown)}")
    if spec.get("keyed_by") not in (None, "", "subject"):
        raise ValueError(f"{source}: family {name!r}: keyed_by takes only 'subject'")
    if not isinstance(spec.get("in_stage") or {}, dict):
        raise ValueError(f"{source}: family {name!r}: in_stage takes a stage label and a family")
    if spec.get("quotes") not in (None, "speaker", "reported"):
        raise ValueError(f"{source}: family {name!r}: quotes takes 'speaker' or 'reported'")
    return Family(
        name=name,
        kind=spec.get("kind", "text"),
        slot_class=SlotClass(spec.get("class", SlotClass.PER_OCCURRENCE.value)),
        label=spec.get("label") or name.replace("-", " "),
        noun=spec.get("noun") or name.replace("-", " "),
        reader=spec.get("reader"),
        timeline=int(spec.get("timeline") or 0),
        stances=tuple((k, str(v)) for k, v in (spec.get("stances") or {}).items()),
        keyed_by=str(spec.get("keyed_by") or ""),
        quotes_reported=spec.get("quotes") == "reported",
        in_stage=tuple((str(k), str(v)) for k, v in (spec.get("in_stage") or {}).items()),
        source=source,
        **{key: tuple(str(w) for w in spec.get(key) or ()) for key in _LISTS},
    )


def language() -> str:
    """The language whose words are read: FACTLINT_LANGUAGE (a folder of checker/data), else
    English. An unknown language is a usage error, never a silent fallback."""
    return _checked_language(os.environ.get("FACTLINT_LANGUAGE") or LANGUAGE)


@cache
def _checked_language(chosen: str) -> str:
    folder = resources.files("checker").joinpath("data", chosen)
    if not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?", chosen) or not folder.joinpath("families").is_dir():
        known = sorted(e.name for e in resources.files("checker").joinpath("data").iterdir() if e.is_dir())
        raise UsageError(
            f"FACTLINT_LANGUAGE={chosen[:40]!r}: no words for that language (known: {', '.join(known)})"
        )
    return chosen


def all_families(language_code: str | None = None) -> dict[str, Family]:
    """Every declared family of a language (the one in use by default), by slot."""
    return _families_of(language_code or language())


@cache
def _families_of(language: str) -> dict[str, Family]:
    """Every declared family of a language, by slot, in the order of its files."""
    folder = resources.files("checker").joinpath("data", language, "families")
    found: dict[str, Family] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        text = _without_examples(entry.read_text(encoding="utf-8"))
        data = load_packaged_yaml(text)
        for name, spec in (data.get("families") or {}).items():
            if name in found:
                raise ValueError(f"{entry.name}: family {name!r} is declared twice")
            found[name] = _family(name, spec or {}, f"{language}/families/{entry.name}")
    return found


# A family's `examples:` key at the start of its own line, with nothing after it but a comment
_EXAMPLES_KEY = compile_pattern(r"( *)examples:[ \t]*(?:#.*)?")


def _without_examples(text: str) -> str:
    """A families file without its examples blocks, read line by line: most of a file is
    examples, which only the tests read, and parsing them cost more than the rest of the
    vocabulary. A block is its key's line and every line after it that is blank, a comment,
    indented deeper, or an item of a list at the key's indentation. A file that gives examples
    any other way (on the key's line) is kept whole. _examples checks, whenever examples are
    read, that every file reads the same with its examples set apart."""
    kept: list[str] = []
    block: int | None = None  # the indentation of the examples key being left out
    for line in text.split("\n"):
        if block is not None and _in_block(line, block):
            continue
        block = None
        found = _EXAMPLES_KEY.fullmatch(line)
        if found:
            block = len(found.group(1))
        elif line.lstrip(" ").startswith("examples:"):
            return text
        else:
            kept.append(line)
    return "\n".join(kept)


def _in_block(line: str, indent: int) -> bool:
    body = line.strip()
    deeper = len(line) - len(line.lstrip(" ")) > indent
    item = line[:indent].strip() == "" and (line[indent:] == "-" or line[indent:].startswith("- "))
    return not body or body.startswith("#") or deeper or item


@cache
def _examples(source: str) -> dict[str, tuple[dict[str, Any], ...]]:
    """The examples of each family of a data file, by name."""
    if not source:
        return {}
    language = source.partition("/")[0]
    return _all_examples(language).get(source, {})


@cache
def _all_examples(language: str) -> dict[str, dict[str, tuple[dict[str, Any], ...]]]:
    """Every families file of a language read whole: its examples by file and family, each
    file checked to read as it reads with its examples left out."""
    folder = resources.files("checker").joinpath("data", language, "families")
    found: dict[str, dict[str, tuple[dict[str, Any], ...]]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        text = entry.read_text(encoding="utf-8")
        whole = yaml.load(text, Loader=SAFE_LOADER) or {}  # noqa: S506
        apart = yaml.load(_without_examples(text), Loader=SAFE_LOADER) or {}  # noqa: S506
        if _less_examples(whole) != _less_examples(apart):
            raise ValueError(f"{entry.name}: its examples could not be set apart from the rest")
        specs = whole.get("families") or {}
        found[f"{language}/families/{entry.name}"] = {
            name: tuple((spec or {}).get("examples") or ()) for name, spec in specs.items()
        }
    return found


def _less_examples(data: dict[str, Any]) -> dict[str, Any]:
    """The data of a families file as read without its families' examples."""
    specs = data.get("families")
    if not isinstance(specs, dict):
        return data
    return {**data, "families": {name: _spec_less_examples(spec) for name, spec in specs.items()}}


def _spec_less_examples(spec: Any) -> Any:
    if not isinstance(spec, dict) or not spec:
        return spec
    return {k: v for k, v in spec.items() if k != "examples"} or None  # only examples: an empty key


_BY_SLOT: dict[str, Family] = {}  # rules ask for every claim: the language is one a process


def family_of_slot(slot: str) -> Family:
    """The family a claim's slot belongs to (its part before any ':')."""
    found = _BY_SLOT.get(slot)
    if found is None:
        found = _BY_SLOT[slot] = _family_named(slot.partition(":")[0], language())
    return found


@cache
def _family_named(head: str, language_code: str) -> Family:
    return all_families(language_code).get(head) or Family(head)


def timeline_families() -> tuple[Family, ...]:
    """Families shown as columns of the timeline table, in their order."""
    return tuple(sorted((f for f in all_families().values() if f.timeline), key=lambda f: f.timeline))


def generic_family(name: str, kind: str) -> Family | None:
    """The family of that name read by the generic reader of that kind, if the language
    declares one (a reader that builds on another family's readings asks for it so)."""
    found = all_families().get(name)
    return found if found is not None and found.reader is None and found.kind == kind else None


def generic_families() -> tuple[Family, ...]:
    """Families read by their kind's generic reader, in a fixed order."""
    return tuple(f for f in all_families().values() if f.reader is None)
