"""The stages of one occurrence as data: groups of stages in the order they happen (committee
then plenary; heats, semi-final, final), read from checker/data/<language>/stages.yaml, and the
stage a sentence names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from checker.cache import compile_pattern
from checker.lexicon import Lexicon, default_lexicon, phrase_alternation, phrases_re

if TYPE_CHECKING:
    from checker.text import Numbers


@dataclass(frozen=True, slots=True)
class Stage:
    """One meeting within an occurrence: its label, its group and its place in the group."""

    label: str
    group: str
    order: int  # 0 for the group's first stage
    words: tuple[str, ...]
    concluding: bool  # the group's last stage


@cache
def stages(lex: Lexicon | None = None) -> tuple[Stage, ...]:
    """Every stage of every group, each group in the order its stages happen."""
    vocab = (lex or default_lexicon()).vocab.get("stages") or {}
    out: list[Stage] = []
    for group, members in vocab.items() if isinstance(vocab, dict) else ():
        if not isinstance(members, dict):
            continue  # a malformed group names no stage rather than breaking every run
        for order, (label, words) in enumerate(members.items()):
            out.append(
                Stage(
                    label=str(label),
                    group=str(group),
                    order=order,
                    words=tuple(str(w) for w in words or ()),
                    concluding=order == len(members) - 1,
                )
            )
    return tuple(out)


NUMBERED = "numbered"  # the group of a race's numbered stages: "stage 3"


def numbered(number: int, lex: Lexicon | None = None) -> Stage:
    """The numbered stage of a race run in stages: a meeting of its own, never concluding one
    (the last stage is a stage like the others)."""
    words = tuple((lex or default_lexicon()).words("numbered_stage_words")) or ("stage",)
    return Stage(label=f"{words[0]} {number}", group=NUMBERED, order=number, words=words, concluding=False)


def by_label(label: str | None, lex: Lexicon | None = None) -> Stage | None:
    """The stage a meeting label names (a digest keeps only the label)."""
    if not label:
        return None
    found = next((s for s in stages(lex) if s.label == label), None)
    number = re.fullmatch(r"\S+ (\d{1,3})", label) if found is None else None
    if number and numbered(int(number.group(1)), lex).label == label:
        return numbered(int(number.group(1)), lex)
    return found


def concluding(stage: Stage, lex: Lexicon | None = None) -> Stage | None:
    """The stage that concludes the group of this one (the final after a semi-final); none for
    numbered stages."""
    return next((s for s in stages(lex) if s.group == stage.group and s.concluding), None)


def before(stage: Stage, lex: Lexicon | None = None) -> Stage | None:
    """The stage just before this one in its group, if any."""
    if stage.group == NUMBERED:
        return numbered(stage.order - 1, lex) if stage.order > 1 else None
    return next((s for s in stages(lex) if s.group == stage.group and s.order == stage.order - 1), None)


def named_stage(
    text: str,
    lex: Lexicon,
    passing: re.Pattern[str] | None = None,
    passing_before: re.Pattern[str] | None = None,
) -> Stage | None:
    """The stage a sentence names, or None.

    A word used as a modifier ("the final text") names nothing; a stage the event leads to
    ("through to the final") stands for the stage before it; `passing` (a pattern searched
    60 characters around the word, `passing_before` in the 30 before it) marks a stage
    mentioned in passing. Where several stages
    are named, the earliest of its group wins: a report of a later stage names the earlier one
    only in passing, which `passing` is there to catch, while a report of the earlier stage
    often announces the later one."""
    found: list[tuple[int, int, Stage]] = []
    previous_end = -1
    bodies = _body_spans(text, lex)
    for m in _all_words_re(lex).finditer(text):
        head = text[previous_end : m.start()].isspace() if previous_end >= 0 else False
        previous_end = m.end()
        if head or any(a <= m.start() and m.end() <= b for a, b in bodies):
            # "the semi-final qualifier": the second word is the first one's noun; "the regatta
            # committee": an organising body, no stage
            continue
        stage = _word_stage(lex).get(_normal(m.group()))
        if stage is None or _is_modifier(text, m, lex):
            continue
        around = passing is not None and passing.search(text[max(0, m.start() - 60) : m.end() + 60])
        just_before = passing_before is not None and passing_before.search(
            text, max(0, m.start() - 30), m.start()
        )
        if (around or just_before) and not _is_outcome_of(text, m.start(), lex):
            continue
        if _is_destination(text, m.start(), lex):
            stage = before(stage, lex)
            if stage is None:
                continue
        found.append((stage.order, m.start(), stage))
    if not found:
        return _numbered_stage(text, lex, passing, passing_before)
    return min(found, key=lambda f: (f[0], f[1]))[2]


def _numbered_stage(
    text: str,
    lex: Lexicon,
    passing: re.Pattern[str] | None = None,
    passing_before: re.Pattern[str] | None = None,
) -> Stage | None:
    """The numbered stage of a race a sentence tells the result of ("won the third stage",
    "took stage 4", "stage three of the Arctic Tour"), the first one named not in passing
    ("four days after she won the third stage"), or None."""
    if not lex.words("numbered_stage_words"):
        return None
    numbers = _numbers(lex)
    found = [m for pattern in _numbered_res(lex) for m in pattern.finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        before_it = text[max(0, m.start() - _PASSING_REACH) : m.start()]
        if any(p is not None and p.search(before_it) for p in (passing, passing_before)):
            continue
        said = m.group("ord") or m.group("num")
        value = numbers.read_ordinal(said) if m.group("ord") else numbers.read_cardinal(said)
        if value and 0 < value < 100:
            return numbered(value, lex)
    return None


_PASSING_REACH = 40  # how far before a numbered stage a word may put it in passing


def _numbers(lex: Lexicon) -> Numbers:
    from checker.text import numbers_for  # imported late: checker.text's importers import this module

    return numbers_for(lex)


def numbered_parts(text: str, lex: Lexicon) -> set[str]:
    """The labels of the numbered stages a text names in any way ("Stage 3, Kessingford -
    Mount Garrick (204 km)", "the third stage", "leg two"): what is said beside one is that
    stage's, not the whole race's. A stage of something else ("stage two of its plan") is none."""
    if not lex.words("numbered_stage_words"):
        return set()
    numbers = _numbers(lex)
    found = set()
    for m in _numbered_part_re(lex).finditer(text):
        said = m.group("ord") or m.group("num")
        value = numbers.read_ordinal(said) if m.group("ord") else numbers.read_cardinal(said)
        if value and 0 < value < 100:
            found.add(numbered(value, lex).label)
    return found


@cache
def _numbered_part_re(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(rf"(?i:{_stage_phrase(lex)}){_OWN}")


# not a stage of something else ("took stage two of its housing plan")
_OWN = r"(?!\s+of\s+(?:the|its|their|his|her|this|a|an)\s+[a-z])"


def _stage_phrase(lex: Lexicon) -> str:
    """A numbered stage, by its ordinal ("the third stage") or its number ("stage 3")."""
    numbers = _numbers(lex)
    words = rf"(?<![\w-])(?:{phrase_alternation(lex.words('numbered_stage_words'))})(?![\w-])"
    return (
        rf"(?:(?P<ord>{numbers.ordinal})\s+(?:[a-z][\w-]*\s+)?{words}"
        rf"|{words}\s+(?P<num>\d{{1,2}}|{numbers.cardinal})(?![\w-]))"
    )


@cache
def _numbered_res(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a verb of winning then the stage, the stage then the name of a race of stages)."""
    verbs = phrase_alternation(lex.words("numbered_stage_verbs"))
    races = phrase_alternation(lex.words("numbered_stage_races")) or r"(?!x)x"
    stage = _stage_phrase(lex)
    # "the third stage", "Wednesday's third stage", "the hilly 182-kilometre third stage"
    owner = r"(?:the\s+|(?:[A-Z][a-z]+|last|this|next)(?:'s|\u2019s)\s+)?(?:[\w-]+\s+){0,2}?"
    own = _OWN
    won = rf"(?i:\b(?:{verbs}))\s+{owner}(?i:{stage}){own}"
    # a race's name, not a campaign's ("the first stage of the Race to Net Zero")
    of_race = (
        rf"(?i:{stage})\s+of\s+(?:the\s+|this\s+year's\s+)?(?:[A-Z][\w'-]*\s+){{0,4}}?(?:{races})\b"
        r"(?!\s+(?:to|for|against)\b)"
    )
    return compile_pattern(won), compile_pattern(of_race)


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@cache
def _word_stage(lex: Lexicon) -> dict[str, Stage]:
    """Each word of the vocabulary and its stage; a word two stages give keeps the first."""
    table: dict[str, Stage] = {}
    for stage in stages(lex):
        for word in stage.words:
            table.setdefault(_normal(word), stage)
    return table


@cache
def _all_words_re(lex: Lexicon) -> re.Pattern[str]:
    # one alternation, longest first: "semi final" is found whole, never as its "final"
    return phrases_re(tuple(_word_stage(lex)))


def said_of_whole(text: str, lex: Lexicon) -> bool:
    """Whether a sentence says its count of the whole occurrence, not of the stage its report
    is about: by its words ("entered this year's contest", "in all") or by naming the event
    itself as where the group was ("took part in the contest", "at the regatta were 447 crews";
    not "met at the contest's final")."""
    return bool(lex.phrase_re("whole_occurrence_words").search(text) or _in_the_event_re(lex).search(text))


@cache
def _in_the_event_re(lex: Lexicon) -> re.Pattern[str]:
    nouns = phrase_alternation(lex.words("edition_nouns")) or r"(?!x)x"
    # not the event's stage: "met at the contest's final", "in the contest final"
    stage_words = phrase_alternation(tuple(_word_stage(lex))) or r"(?!x)x"
    return compile_pattern(
        rf"\b(?:in|at|to|for)\s+(?:the\s+|this\s+year['’]s\s+)?(?:{nouns})\b(?!['’]s|\s+(?:{stage_words})\b)",
        re.I,
    )


def _body_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where the text names a body whose name holds a stage word ("the regatta committee")."""
    lowered = text.lower()
    if not any(word in lowered for word in _body_heads(lex)):
        return []
    return [m.span() for m in lex.phrase_re("stage_word_bodies").finditer(text)]


@cache
def _body_heads(lex: Lexicon) -> frozenset[str]:
    return frozenset(phrase.split()[-1].lower() for phrase in lex.words("stage_word_bodies"))


def _is_modifier(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """An everyday stage word followed by a lower-case noun modifies it: "the final text"."""
    if _normal(m.group()) not in lex.word_set("stage_modifier_words"):
        return False
    following = re.match(r"[ \t]+([a-z][\w'’-]*)", text[m.end() :])
    if following is None:
        return False  # punctuation, a number or a name: "the final, which", "final Saturday"
    word = following.group(1)
    return word not in lex.word_set("stage_followers") and not word.endswith("ed")


def _is_destination(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the stage is where the event leads: "10 songs are through to the final"."""
    return bool(_destination_re(lex).search(text[max(0, start - 100) : start]))


def _is_outcome_of(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the stage is the one whose outcome the sentence tells: "ten songs went through
    after the first semi-final", "she qualified in the heats"."""
    return bool(_outcome_re(lex).search(text[max(0, start - 60) : start]))


@cache
def _outcome_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = sorted(lex.words("stage_outcomes"), key=lambda c: (-len(c), c))
    body = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in verbs) or r"(?!x)x"
    return compile_pattern(rf"(?<![\w-])(?i:{body})\s+(?:after|following|in|at)\s+(?:the|a|an|this)?\s*$")


@cache
def _destination_re(lex: Lexicon) -> re.Pattern[str]:
    cues = sorted(lex.words("stage_destinations"), key=lambda c: (-len(c), c))
    body = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues) or r"(?!x)x"
    # the cue, then at most a few words of the event's name: "through to the Eurovision Song
    # Contest grand final", "qualified for Saturday's final"
    return compile_pattern(
        rf"(?<![\w-])(?i:{body})\s+(?:(?:the|a|an|this|next|grand|[A-Z][\w'’.-]*)\s+){{0,6}}$"
    )
