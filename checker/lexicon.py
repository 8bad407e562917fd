"""Vocabulary loaded from data files: number words, entity aliases, claim phrasing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from checker.cache import compile_pattern
from checker.errors import UsageError
from checker.families import language, load_packaged_yaml
from checker.inflections import expand_lemmas


def _load_packaged(name: str) -> dict[str, Any]:
    text = resources.files("checker").joinpath("data", name).read_text(encoding="utf-8")
    return load_packaged_yaml(text)


def load_vocabulary(language: str, expand: bool = True) -> dict[str, Any]:
    """Every vocabulary file of a language (checker/data/<language>/*.yaml but numbers.yaml),
    merged: a word list several files give is joined, a mapping of lists merged key by key; the
    lemma lists with their inflected forms (checker/inflections.py) unless `expand` is False."""
    folder = resources.files("checker").joinpath("data", language)
    merged: dict[str, Any] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml") or entry.name == "numbers.yaml":
            continue
        for key, value in (_load_packaged(f"{language}/{entry.name}") or {}).items():
            merged[key] = _merge(merged.get(key), value)
    return expand_lemmas(merged) if expand else merged


def _merge(old: Any, new: Any) -> Any:
    if isinstance(old, list) and isinstance(new, list):
        return old + [w for w in new if w not in old]
    if isinstance(old, dict) and isinstance(new, dict):
        return {**old, **{k: _merge(old.get(k), v) for k, v in new.items()}}
    return new


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    kind: str
    first_session: int | None = None  # a body that numbers its yearly sessions


class Lexicon:
    """All vocabulary, with the regular expressions built from it."""

    def __init__(self, extra_alias_files: tuple[str, ...] = ()) -> None:
        self.language = language()
        self.numbers = _load_packaged(f"{self.language}/numbers.yaml")
        self.vocab = load_vocabulary(self.language)
        entities = dict(_load_packaged("entities.yaml").get("entities") or {})
        for path in extra_alias_files:
            entities.update(_read_alias_file(path))
        self.entities: dict[str, Entity] = {}
        self.alias_to_entity: dict[str, Entity] = {}
        for canonical, spec in sorted(entities.items()):
            spec = spec or {}
            entity = Entity(canonical, spec.get("kind", "other"), spec.get("first_session"))
            self.entities[canonical] = entity
            for form in [canonical, *(spec.get("aliases") or [])]:
                self.alias_to_entity[form] = entity
        self.aliases = Aliases(self.alias_to_entity)
        self.cardinals: dict[str, int] = self.numbers["cardinals"]
        self.ordinals: dict[str, int] = self.numbers["ordinals"]
        self.months: dict[str, int] = self.numbers["months"]
        self.weekdays: dict[str, int] = self.numbers["weekdays"]
        self._phrase_cache: dict[str, re.Pattern[str]] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        self._word_sets: dict[str, frozenset[str]] = {}
        self._title_forms: tuple[str, ...] | None = None

    def words(self, key: str) -> tuple[str, ...]:
        """A vocabulary list (read once: extractors ask for it on every sentence)."""
        found = self._words.get(key)
        if found is None:
            # YAML reads a bare On or No as a boolean: every vocabulary word must stay a string
            found = self._words[key] = tuple(str(w) for w in self.vocab.get(key) or [])
        return found

    def table_words(self, key: str) -> tuple[str, ...]:
        """Every word of every entry of a vocabulary table (a mapping of lists: "win: [win,
        victory]", "last: [last place]"), as one list."""
        return tuple(str(w) for words in (self.vocab.get(key) or {}).values() for w in words)

    def title_forms(self) -> tuple[str, ...]:
        """Every form of every title a person may hold ("ambassador", "Amb.", "President"), as
        one list: the vocabulary groups them by the role they name."""
        if self._title_forms is None:
            groups = (self.vocab.get("titles") or {}).values()
            self._title_forms = tuple(str(f) for forms in groups for f in forms)
        return self._title_forms

    def word_set(self, key: str) -> frozenset[str]:
        """A vocabulary list as a set, for membership tests."""
        found = self._word_sets.get(key)
        if found is None:
            found = self._word_sets[key] = frozenset(self.words(key))
        return found

    def phrase_re(self, key: str) -> re.Pattern[str]:
        """A case-insensitive regex matching any phrase of a vocabulary list, whole words."""
        if key not in self._phrase_cache:
            self._phrase_cache[key] = phrases_re(self.words(key))
        return self._phrase_cache[key]

    def entity(self, surface: str) -> Entity | None:
        return self.alias_to_entity.get(surface)

    def find_entities(self, text: str) -> list[tuple[int, int, Entity]]:
        """Return (start, end, entity) for every alias mention, leftmost-longest."""
        return [(a, b, self.alias_to_entity[text[a:b]]) for a, b in self.aliases.spans(text)]

    def blank_entities(self, text: str, blank: str = " ") -> str:
        """The text with every alias mention replaced by `blank`."""
        return self.aliases.sub(blank, text)


# an alias like "the North" names a country only when no capitalised word follows it ("the
# North Pacific"); every alias ends where a word does
_ALIAS_END = compile_pattern(r"(?![\w])")
_LOWER_ALIAS_END = compile_pattern(r"(?![\w])(?!\s+[A-Z])")
_HEAD = 2  # aliases are looked up by their first characters


class Aliases:
    """Finds the aliases of entities in a text as one regex alternation of them all, longest
    first, would find them (leftmost, then longest), with no such regex: some thousand aliases
    made a pattern that cost more to compile than any other of a report's reading. A mention
    starts where a word does (not after a letter, digit or dot); there the aliases that begin
    with the text's next characters are tried, longest first."""

    def __init__(self, forms: Iterable[str]) -> None:
        ordered = sorted(forms, key=lambda f: (-len(f), f))
        heads: dict[str, list[str]] = {}
        for form in ordered:
            heads.setdefault(form[:_HEAD], []).append(form)
        self._heads = {head: tuple(found) for head, found in heads.items()}
        self._short = any(len(head) < _HEAD for head in heads)
        self._start = compile_pattern(first_letter_guard(ordered, ignore_case=False) + r"(?<![\w.])")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every mention, left to right, none overlapping."""
        found: list[tuple[int, int]] = []
        at = 0
        while (m := self._start.search(text, at)) is not None:
            start = m.start()
            end = self._longest(text, start)
            if end:
                found.append((start, end))
            at = end or start + 1
        return found

    def sub(self, blank: str, text: str) -> str:
        """The text with each mention replaced by `blank`."""
        pieces, at = [], 0
        for start, end in self.spans(text):
            pieces += [text[at:start], blank]
            at = end
        return "".join([*pieces, text[at:]])

    def _longest(self, text: str, start: int) -> int:
        """The end of the longest alias at `start` that ends as an alias must, else 0."""
        heads = (text[start : start + _HEAD], text[start : start + 1])[: 2 if self._short else 1]
        for head in heads:
            for form in self._heads.get(head, ()):
                end = start + len(form)
                if text.startswith(form, start) and _ends(text, end, form):
                    return end
        return 0


def _ends(text: str, end: int, form: str) -> bool:
    return (_LOWER_ALIAS_END if form[:1].islower() else _ALIAS_END).match(text, end) is not None


@cache
def _phrases_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = phrase_alternation(ordered) or r"(?!x)x"
    return compile_pattern(
        first_letter_guard(ordered) + r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE
    )


def first_letter_guard(alternatives: Iterable[str], ignore_case: bool = True) -> str:
    """A look at the next character before a long alternation: the regex engine then skips
    most positions at once instead of trying every alternative there."""
    firsts = {
        c for a in alternatives if a for c in ((a[0].lower(), a[0].upper()) if ignore_case else (a[0],))
    }
    if not firsts or any(c.isspace() or c == "\\" for c in firsts):
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


def longest_first(words: Iterable[str]) -> list[str]:
    """Words for a regex alternation, longest first (a longer word wins where a shorter one
    starts it) and alike in every run, so a pattern's text, and its cached code, never change
    with the order a set gives."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def phrase_alternation(words: Iterable[str]) -> str:
    """Phrases as one regex alternation: longest first (so a longer phrase wins where a shorter
    one starts it), a space matching any white space and "..." up to four words ("took the ...
    crown" is "took the women's crown"); "" for none."""
    ordered = sorted({str(w) for w in words}, key=lambda p: (-len(p), p))
    return "|".join(_GAP.join(_phrase(part) for part in p.split(" ... ")) for p in ordered)


_GAP = r"(?:\s+[\w'\u2019-]+){0,4}?\s+"


def _phrase(words: str) -> str:
    return re.escape(words).replace(r"\ ", r"\s+")


def phrases_re(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """A case-insensitive regex matching any of the phrases as whole words."""
    return _phrases_re(tuple(sorted(set(phrases))))


def _read_alias_file(path: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise UsageError(f"cannot read alias file {path}: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entities", {}), dict):
        raise UsageError(f"alias file {path}: expected a mapping under 'entities'")
    entities = data.get("entities") or {}
    for name, spec in entities.items():
        problem = _entity_problem(name, spec)
        if problem:
            raise UsageError(f"alias file {path}: entity {str(name)[:80]!r}: {problem}")
    return entities


def _entity_problem(name: object, spec: object) -> str | None:
    """What is wrong with one entity of an alias file, or None."""
    if not isinstance(name, str) or not name.strip():
        return "the name must be text"
    if spec is None:
        return None
    if not isinstance(spec, dict):
        return "expected a mapping of kind, aliases and first_session"
    unknown = sorted(set(map(str, spec)) - {"kind", "aliases", "first_session"})
    if unknown:
        return f"unknown key(s): {', '.join(unknown)}"
    if "kind" in spec and not isinstance(spec["kind"], str):
        return "'kind' must be text"
    aliases = spec.get("aliases")
    if aliases is not None and (
        not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases)
    ):
        return "'aliases' must be a list of names"
    session = spec.get("first_session")
    if session is not None and (isinstance(session, bool) or not isinstance(session, int)):
        return f"'first_session' must be a whole number, not {session!r}"[:200]
    return None


@cache
def default_lexicon() -> Lexicon:
    return Lexicon()
