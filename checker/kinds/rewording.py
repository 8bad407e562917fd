"""Rewording: what a change of a text's wording was about, keyed by the two wordings. "India had
the pledge to 'phase out' coal replaced with one to 'phase down' its use" says the change from
"phase out" to "phase down" was about coal; "the world will 'phase down' rather than 'phase out'
fossil fuels" says it was about fossil fuels. Two reports of one occurrence that tie one change
of wording to different things conflict, unless one names a part of the other ("coal power" is
coal).

Generic reader: two quoted wordings joined by the words of a change (``rewording_*`` in
checker/data/en/texts.yaml): a verb of replacing or changing before the old wording and a joining
word before the new one ("replace 'A' with 'B'", "changed 'A' to 'B'"), "from 'A' to 'B'", or the
new one preferred ("'B' rather than 'A'", "'B' instead of 'A'"). What the change was about is
the words right after the old wording when a joining word follows them ("'phase out' coal with
..."), else right after the new one ("... rather than 'phase out' fossil fuels"), up to a
word of grammar; none where a pronoun stands there ("'phase down' its use")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.base import Draft, clause_around
from checker.extract.generic import avoided, offsets_of
from checker.kinds import Kind
from checker.lexicon import phrase_alternation

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.models import Claim
    from checker.text import Sentence

_OBJECT_WORDS = 3  # what a change was about: a short noun phrase ("unabated coal power")
_QUOTE = r"[\"“”‘’']"
_WORDING = rf"{_QUOTE}(?P<{{name}}>[^\"“”‘’'\n]{{{{1,40}}}}){_QUOTE}"


class Rewording(Kind):
    name = "rewording"
    summary = "what a change of a text's wording was about: 'phase down' for 'phase out' coal"

    def label(self, claim: Claim) -> str:
        return f"{claim.display} (about {claim.value})"

    def compatible(self, a: Any, b: Any) -> bool:
        """One names a part of the other: "coal" and "coal power"."""
        words_a, words_b = set(str(a).split()), set(str(b).split())
        return words_a <= words_b or words_b <= words_a

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        return sum(text.count(q) for q in '"“”') >= 4 or text.count("'") >= 4

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        text = sentence.text
        for m in _changes(ctx.lex).finditer(text):
            old, new = _pick(m, "old"), _pick(m, "new")
            about = _about(text, m, ctx.lex)
            if not old or not new or about is None or _norm(old) == _norm(new):
                continue
            a, _ = clause_around(text, m.start(), m.end())
            start, end = m.start(), max(m.end(), about[1])
            if avoided(family, text[a:end]):
                continue  # "rejected a bid to replace ...": a change that did not happen
            yield Draft(
                family=family.name,
                slot=f"{family.name}:{_norm(old)} > {_norm(new)}",
                value=about[0],
                display=text[start:end].strip(),
                span=(start, end),
                year_offsets=offsets_of(text, start, end, a, len(text), ctx),
            )


def _pick(m: re.Match[str], role: str) -> str | None:
    return next((m.group(g) for g in (f"{role}1", f"{role}2", f"{role}3") if m.group(g)), None)


def _norm(wording: str) -> str:
    return " ".join(wording.lower().replace("-", " ").split())


def _about(text: str, m: re.Match[str], lex: Lexicon) -> tuple[str, int] | None:
    """What the change was about and where its words end: the words between the old wording and
    the joining word, else the words after the change, up to a word of grammar; None where a
    pronoun stands first."""
    if m.group("between1") and m.group("between1").strip():
        start, stop = m.start("between1"), m.end("between1")
    else:
        start, stop = m.end(), len(text)
    grammar = lex.word_set("rewording_stop_words")
    found: list[str] = []
    end = start
    while (word := _WORD.match(text, end, stop)) is not None:
        bare = word.group(1).lower()
        if len(found) == _OBJECT_WORDS or bare in grammar:
            break
        found.append(bare)
        end = word.end(1)
        if word.group(2):
            break  # a comma or a stop ends the phrase
    return (" ".join(found), end) if found else None


_WORD = compile_pattern(r"\s*([A-Za-z][A-Za-z-]*)([,.;:!?)])?")


@cache
def _changes(lex: Lexicon) -> re.Pattern[str]:
    verbs = phrase_alternation(lex.words("rewording_verbs"))
    joins = phrase_alternation(lex.words("rewording_joins"))
    prefer = phrase_alternation(lex.words("rewording_preferences"))
    old1, new1 = _WORDING.format(name="old1"), _WORDING.format(name="new1")
    old2, new2 = _WORDING.format(name="old2"), _WORDING.format(name="new2")
    old3, new3 = _WORDING.format(name="old3"), _WORDING.format(name="new3")
    replace = (
        rf"(?<![\w-])(?:{verbs})\s+(?:[\w'-]+\s+){{0,4}}?{old1}\s+(?P<between1>(?:[a-z][\w-]*\s+){{0,3}}?)"
        rf"(?:{joins})\s+(?:[\w'-]+\s+){{0,3}}?{new1}"
    )
    from_to = rf"(?<![\w-])from\s+{old2}\s+to\s+{new2}"
    # the word before the new wording starts the span: a span opening on a quotation mark would
    # be read as a speaker's words
    preferred = rf"(?<![\w-])[\w-]+\s+{new3}\s+(?:{prefer})\s+{old3}"
    return compile_pattern(rf"{replace}|{from_to}|{preferred}", re.I)


KIND = Rewording()
