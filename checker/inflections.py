"""Lemmas in the vocabulary, every inflection in the reader.

A vocabulary list named under `lemma_lists` holds lemmas: the first word of each entry stands for
the inflections the list names ("refer" for refers, referred, referring; "take ... title" for
took ... title; "abstainer" for abstainers):

    base     the lemma itself (vote, abstainer)
    past     past tense and past participle (voted; took, taken)
    present  third person singular (votes)
    gerund   the -ing form (voting)
    plural   the noun's plural (abstainers)

so a list of what reports an event done asks for `past` alone and does not take "to win on
Saturday" for a win. A mapping of lists names the kinds for all its lists, or for each list it
expands (a list it does not name stays as written). The forms come from a table, `inflections`
in checker/data/<language>/inflections.yaml, which checker/inflection_table.py makes with
LemmInflect; reading a report needs neither the library nor its start-up time. An entry whose
first word the table gives no form of the kinds asked stays as written (a form already
inflected, "gavelled"; a function word, "without"; "first held" among past forms).
"""

from __future__ import annotations

from typing import Any

LISTS_KEY = "lemma_lists"
TABLE_KEY = "inflections"


def expand_lemmas(vocab: dict[str, Any]) -> dict[str, Any]:
    """The vocabulary with every lemma list's entries in the inflections the list asks for."""
    table = vocab.get(TABLE_KEY) or {}
    out = dict(vocab)
    for key, kinds in (vocab.get(LISTS_KEY) or {}).items():
        value = vocab.get(key)
        if isinstance(value, dict):  # a mapping of lists: one set of kinds, or kinds by list
            out[key] = {
                k: _expanded(v, table, kinds.get(k) if isinstance(kinds, dict) else kinds)
                for k, v in value.items()
            }
        elif isinstance(value, list):
            out[key] = _expanded(value, table, kinds)
    return out


def _expanded(
    entries: list[Any], table: dict[str, dict[str, list[str]]], kinds: list[str] | None
) -> list[str]:
    if kinds is None:  # a list of the mapping that is not named: as written
        return [str(e) for e in entries]
    seen: dict[str, None] = {}
    for entry in entries:
        first, rest = split_first(str(entry))
        forms = table.get(first) or {}
        chosen = [first] if "base" in kinds else []
        chosen += [f for kind in kinds if kind != "base" for f in forms.get(kind) or []]
        # not a lemma the table knows, or none of the kinds asked ("first held" in a list of
        # past forms: "first" is a lemma with no past): the entry as written
        for form in chosen or [first]:
            seen.setdefault(form + rest, None)
    return list(seen)


def split_first(entry: str) -> tuple[str, str]:
    """The first word of an entry and what follows it ("take", " ... title")."""
    first, space, rest = entry.partition(" ")
    return first, space + rest
