from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from checker.models import Claim, Finding, SlotClass, Verdict
from checker.rule import Rule
from checker.verdicts import Item, group_by_value, make_finding
from checker.wording import name_key, one_word_apart

SIMILAR = 0.8


class NameVariant(Rule):
    """One person's name spelled differently across reports ("Dave McGillivray" / "McGillivary").

    Bad: "race director Dave McGillivray" and "race director Dave McGillivary": the same
    director, two spellings (a variant, a warning).
    Bad too: "the singer Ana Ruis" and "Ana Ruiz, who won": no role either side, one letter
    apart in one word of four letters or more; "Foreign Minister Bruno Diaz" and "Bruno Dias,
    the country's top diplomat" (one office, two titles); "conference president Ana Ruiz" and
    "Ana Ruis, Chile's environment minister" (the occurrence's role is held besides an office).
    Good: "Dave McGillivray" the race director and "Dave Mitchell" the mayor: different people;
    "Ana Ruiz" and "Eva Ruiz" with no role: two people of one family.
    """

    code = "FL501"
    name = "name-variant"
    slot = "person"
    slot_class = SlotClass.FIXED  # a name's spelling holds across years, whatever the role
    severity = "warning"  # it finds variants, never conflicts

    def subject(self, claim: Claim) -> str:
        return "person-name"

    def value(self, claim: Claim) -> str:
        return name_key(claim.value)

    def label(self, claim: Claim) -> str:
        return claim.value

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        groups = group_by_value(self, items)
        roles = {key: {role for i in group for role in _roles(i.claim)} for key, group in groups.items()}
        parent = {k: k for k in groups}

        def root(k: str) -> str:
            while parent[k] != k:
                k = parent[k]
            return k

        for a, b in _candidate_pairs(sorted(groups)):
            if same_person(a, b, roles[a], roles[b]):
                parent[root(b)] = root(a)
        clusters: dict[str, list[str]] = {}
        for k in sorted(groups):
            clusters.setdefault(root(k), []).append(k)
        return [
            self._variant(series, [groups[k] for k in members])
            for members in clusters.values()
            if len(members) > 1
        ]

    def _variant(self, series: str, sides: list[list[Item]]) -> Finding:
        names = sorted({i.claim.value for side in sides for i in side})
        return make_finding(
            self,
            series,
            f"person:{name_key(names[0])}",
            Verdict.VARIANT,
            sides,
            "The same person in the same role, spelled differently: " + " / ".join(names) + ".",
        )


def _roles(claim: Claim) -> list[Role]:
    """The roles a person is matched by; a role of the occurrence (conference president) is
    held besides an office, so it also matches as no role at all."""
    role = (claim.detail("title"), claim.detail("org"))
    return [role, (None, None)] if claim.detail("holds_event") else [role]


def _candidate_pairs(keys: list[str]) -> list[tuple[str, str]]:
    """Names that share their first or last word: only they are compared, not all pairs. A
    name of one word ("Obama") shares none with its misspelling: its first and last letters
    stand for it."""
    blocks: dict[str, list[str]] = {}
    for key in keys:
        words = key.split()
        marks = {words[0], words[-1]} if len(words) > 1 else {words[0], "<" + key[:2], ">" + key[-2:]}
        for word in marks:
            blocks.setdefault(word, []).append(key)
    pairs = {(a, b) for block in blocks.values() for i, a in enumerate(block) for b in block[i + 1 :]}
    return sorted(pairs)


def similar(a: str, b: str) -> bool:
    """Names match when the shorter one, or the longer cut to its length in words (its first
    words, or its first and last: "Ana Ruiz" in "Ana Maria Ruiz"), is close."""
    short, long = sorted((a, b), key=lambda s: (len(s.split()), len(s)))
    words = long.split()
    cuts = [long, " ".join(words[: len(short.split())])]
    if len(short.split()) == 2 and len(words) > 2:
        cuts.append(f"{words[0]} {words[-1]}")
    return max(Levenshtein.normalized_similarity(short, cut) for cut in cuts) >= SIMILAR


def _close_in_full(a: str, b: str) -> bool:
    """Close as written, or in first and last words when one side adds middle names ("Ana
    Ruis" / "Ana Maria Ruiz"): each word there is close, not just the whole."""
    if Levenshtein.normalized_similarity(a, b) >= SIMILAR:
        return True
    words_a, words_b = a.split(), b.split()
    if len(words_a) < 2 or len(words_b) < 2:
        return False
    pairs = ((words_a[0], words_b[0]), (words_a[-1], words_b[-1]))
    return all(Levenshtein.normalized_similarity(x, y) >= SIMILAR for x, y in pairs)


Role = tuple[str | None, str | None]  # (title, organisation)


def same_person(a: str, b: str, roles_a: set[Role], roles_b: set[Role]) -> bool:
    """Role first, then spelling: the same title is needed to forgive extra name parts."""
    if any(_same_role(x, y) for x in roles_a for y in roles_b):
        return similar(a, b)
    if any((x[0] is None) != (y[0] is None) for x in roles_a for y in roles_b):
        return _close_in_full(a, b)
    if any(x[0] is None and y[0] is None for x in roles_a for y in roles_b):
        return one_letter_apart(a, b)  # no role on either side: the spelling alone must say so
    return False


def one_letter_apart(a: str, b: str) -> bool:
    """One name with a letter or two changed: "Ivanova" / "Ivanowa" is one name,
    "Ana Ruiz" / "Eva Ruiz" two people (a swap of two letters counts two edits)."""
    return one_word_apart(a, b, Levenshtein.distance)


def _same_role(x: Role, y: Role) -> bool:
    (tx, ox), (ty, oy) = x, y
    return tx is not None and _same_title(tx, ty) and (ox is None or oy is None or ox == oy)


def _same_title(a: str, b: str | None) -> bool:
    """One title, or one written short ("Minister Diaz" for the foreign minister), never a
    deputy's for the holder's."""
    if b is None:
        return False
    short, long = sorted((a, b), key=len)
    return short == long or long.endswith(" " + short) and not long.startswith(("deputy ", "vice "))
