"""How names and numbers are written, shared by the readers, the rules and the reports."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from checker.cache import compile_pattern

_INITIAL = compile_pattern(r"\w\.")
_SPACES = compile_pattern(r"\s+")


def without_accents(text: str) -> str:
    """The text with its accents taken off ("Zoë Señor" is "Zoe Senor"), case kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """A name folded for matching: no accents, no initials, lower case."""
    folded = without_accents(name).lower()
    return " ".join(t for t in _SPACES.split(folded) if not _INITIAL.fullmatch(t))


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st, 112th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def one_word_apart(a: str, b: str, distance: Callable[[str, str], int]) -> bool:
    """The same words but one, of four letters or more, one edit away from its other spelling
    (two in a word of seven letters or more), as `distance` counts edits: a name or a title
    misspelt, not two names ("Ana Ruiz" / "Eva Ruiz")."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differ = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    allowed = 2 if min(len(x), len(y)) >= 7 else 1
    return min(len(x), len(y)) >= 4 and distance(x, y) <= allowed
