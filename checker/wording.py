"""How names and numbers are written, shared by the readers, the rules and the reports."""

from __future__ import annotations

import re
import unicodedata

_INITIAL = re.compile(r"\w\.")
_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """A name folded for matching: no accents, no initials, lower case."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return " ".join(t for t in _SPACES.split(folded) if not _INITIAL.fullmatch(t))


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st, 112th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
