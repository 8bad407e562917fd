from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from checker.extract.people import name_key
from checker.models import Claim, Finding, SlotClass, Verdict
from checker.rule import Rule
from checker.verdicts import Item, group_by_value, make_finding

SIMILAR = 0.8


class NameVariant(Rule):
    """One person's name spelled differently across reports ("Kim Song" / "Kim Seong").

    Bad: "North Korean Ambassador to the UN Kim Song" and "North Korea's U.N. Ambassador
    Kim Sung": the same ambassador, two spellings (a variant, a warning).
    Good: "Kim Song" the ambassador and "Kim Jong-un" the leader: different people.
    """

    code = "FL501"
    name = "name-variant"
    slot = "person"
    slot_class = SlotClass.FIXED

    def subject(self, claim: Claim) -> str:
        return "person-name"

    def value(self, claim: Claim) -> str:
        return name_key(claim.value)

    def label(self, claim: Claim) -> str:
        return claim.value

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        groups = group_by_value(self, items)
        keys = sorted(groups)
        parent = {k: k for k in keys}

        def root(k: str) -> str:
            while parent[k] != k:
                k = parent[k]
            return k

        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if same_person(a, b, groups[a], groups[b]):
                    parent[root(b)] = root(a)
        clusters: dict[str, list[str]] = {}
        for k in keys:
            clusters.setdefault(root(k), []).append(k)
        findings = []
        for members in clusters.values():
            if len(members) > 1:
                sides = [groups[k] for k in members]
                findings.append(make_finding(
                    self, series, f"person:{members[0]}", Verdict.VARIANT, sides,
                    [i for s in sides for i in s],
                    "The same person in the same role, spelled differently: "
                    + " / ".join(sorted({i.claim.value for s in sides for i in s})) + "."))
        return findings


def similar(a: str, b: str) -> bool:
    """Names match when the shorter one, or the longer cut to its length in words, is close."""
    short, long = sorted((a, b), key=lambda s: (len(s.split()), len(s)))
    cut = " ".join(long.split()[:len(short.split())])
    return max(Levenshtein.normalized_similarity(short, long),
               Levenshtein.normalized_similarity(short, cut)) >= SIMILAR


def same_person(a: str, b: str, items_a: list[Item], items_b: list[Item]) -> bool:
    """Role first, then spelling: the same title is needed to forgive extra name parts."""
    pairs = [(x.claim, y.claim) for x in items_a for y in items_b]
    if any(_same_role(x, y) for x, y in pairs):
        return similar(a, b)
    if any(_one_role(x, y) for x, y in pairs):
        return Levenshtein.normalized_similarity(a, b) >= SIMILAR
    return False


def _same_role(x: Claim, y: Claim) -> bool:
    tx, ty = x.detail("title"), y.detail("title")
    ox, oy = x.detail("org"), y.detail("org")
    return tx is not None and tx == ty and (ox is None or oy is None or ox == oy)


def _one_role(x: Claim, y: Claim) -> bool:
    return (x.detail("title") is None) != (y.detail("title") is None)
