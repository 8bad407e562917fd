"""Tell which reports speak of one recurring event (a series), from what their leads name."""

from __future__ import annotations

import dataclasses
import math
import operator
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import Protocol

from checker.cache import compile_pattern
from checker.lexicon import Lexicon, longest_first
from checker.models import Article, Digest
from checker.text import Sentence, split_sentences

LEAD_SENTENCES = 3
SIMILARITY = 0.25  # cosine of lead signatures needed to join a series
DISTINCTIVE_TERMS = 8  # how many of a report's heaviest terms find the series to compare with


@dataclass(frozen=True, slots=True)
class Signature:
    terms: tuple[tuple[str, float], ...]
    anchors: tuple[str, ...]  # the countries its title and first sentence name


def signature(article: Article, lex: Lexicon, sentences: list[Sentence] | None = None) -> Signature:
    """Weigh the countries and content words of a report's title and lead."""
    if sentences is None:
        sentences = split_sentences(article.text, article.body_start)
    sentences = without_byline(sentences, lex)
    lead = " ".join([article.title or ""] + [s.text for s in sentences[:LEAD_SENTENCES]])
    stop = lex.word_set("stopwords")
    terms: Counter[str] = Counter()
    for _, _, entity in lex.find_entities(lead):
        terms["@" + entity.name] += 3 if entity.kind == "country" else 1
    stripped = lex.blank_entities(lead)
    for word in re.findall(r"[A-Za-z][a-z'-]{3,}", stripped):
        word = word.lower().removesuffix("'s")
        if word not in stop and word.rstrip("s") not in stop:
            terms[word] += 1
    opening = " ".join([article.title or ""] + [s.text for s in sentences[:1]])
    # the title and the first sentence are read for names apart: run together, a title ending
    # in a name ("... the Arcor Marathon") and a sentence opening with one ("The Arcor
    # Marathon was held") give one name of both ("arcor marathon arcor"), whose words then
    # join every marathon whose reports are so written into one series
    opening_parts = (article.title or "", *(s.text for s in sentences[:1]))
    hosts = host_labels(opening_parts, article.text, lex)
    named = [n for part in opening_parts for n in event_names(part, lex) if n not in hosts]
    if not named:
        in_body = _names_in_body(sentences, lex)
        named = [name for name, times in sorted(in_body.items()) if times >= 2][:1]
        # named once only, in passing perhaps: a hint of the event, not its name
        terms.update({MENTION_MARK + name: 1 for name in in_body if name not in named})
    for name in named:
        terms[EVENT_MARK + name] += 3
    kinds, same = lex.phrase_re("event_kinds"), lex.vocab.get("event_kind_synonyms") or {}
    for m in kinds.finditer(opening):
        word = m.group().lower()
        terms[KIND_MARK + str(same.get(word, word))] += 1
    # a dateline says where a report was filed, not what it is about ("UNITED NATIONS, United
    # States, Dec 10 (AFP) - ...")
    first = _DATELINE.sub("", sentences[0].text) if sentences else ""
    about = " ".join([article.title or "", first])
    counts = Counter(e.name for _, _, e in lex.find_entities(about) if e.kind == "country")
    top = [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    return Signature(tuple(sorted(terms.items())), tuple(top))


_DATELINE = compile_pattern(
    r"^\s*[A-Z][A-Z.'\u2019 -]{1,40}(?:\([^)]{1,40}\))?(?:,\s*\w[\w.'\u2019 -]{0,30}){0,4}"
    r"(?:\s*\([^)]{1,40}\))*\s*(?:--?|\u2013|\u2014)\s+"
)


def without_byline(sentences: list[Sentence], lex: Lexicon) -> list[Sentence]:
    """A report's sentences less the byline its opening may carry ("By Ana Ruiz, economics
    editor"): it is no part of the lead."""
    byline = _byline_re(lex)
    head = [s for s in sentences[: LEAD_SENTENCES + 2] if not byline.match(s.text)]
    return head + sentences[LEAD_SENTENCES + 2 :]


@cache
def _byline_re(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(str(lex.vocab.get("byline_line") or "(?!)"))


BODY_SENTENCES = 12  # where a lead names no event, the name its body repeats names it


def _names_in_body(sentences: list[Sentence], lex: Lexicon) -> Counter[str]:
    """The events the opening of a report's body names, and how often: one named twice names
    the report's event where its lead names none ("the 68th Eurovision Song Contest" in the
    fifth sentence, again in the ninth)."""
    return Counter(n for s in sentences[1:BODY_SENTENCES] for n in event_names(s.text, lex))


EVENT_MARK = "!"  # terms that name the event itself: "!lakeside city" for the Lakeside City Marathon
KIND_MARK = "&"  # terms that name the kind of event: "&marathon", "&budget", "&resolution"
MENTION_MARK = "~"  # an event a report's body names once, where its lead names none: "~cop"


def event_names(text: str, lex: Lexicon) -> list[str]:
    """Proper names of events ("the Lakeside City Marathon" gives "lakeside city"; an edition
    label, "Eurovision 2019" or "COP23", gives "eurovision", "cop")."""
    stop = _event_name_parts(lex)[2]
    calendar = lex.weekdays.keys() | lex.months.keys()
    names = []
    for found in [
        *(m.group(1) for m in _event_name_matches(text, lex)),
        *_edition_labels(text, lex),
        *_place_kind_names(text, lex),
        *_ordinal_names(text, lex),
    ]:
        # "the Lenn-Boat Race" is the Lenn Boat Race: a hyphen between words joins no new name
        words = [
            w for w in _NAME_SPLIT.split(found) if w and w.lower() not in stop and not re.match(r"\d", w)
        ]
        # "Sunday's Port Alsen Marathon": a day or an owner before the name is no part of it
        while words and (_OWNER.search(words[0]) or words[0].lower() in calendar):
            words.pop(0)
        if words:
            names.append(" ".join(words).lower())
    return names


_OWNER = compile_pattern(r"['\u2019]s$")
_NAME_SPLIT = compile_pattern(r"\s+|(?<=[A-Za-z])-(?=[A-Za-z])")
# An edition's label: a name and its year ("Eurovision 2019") or its number written on
# ("COP23", "COP 28" is a number of its own and left out: "Article 51").
_EDITION_LABEL = compile_pattern(
    r"(?<![\w'-])(?:((?:[A-Z][A-Za-z]+\s+){0,2}[A-Z][A-Za-z]{2,})\s+(?:19|20)\d\d|([A-Z]{2,5}|[A-Z][a-z]{2,})\d{1,3})(?![\w-])"
)


@cache
def edition_words(lex: Lexicon) -> frozenset[str]:
    """The words of the nouns an edition's name ends with ("bee" of "spelling bee")."""
    return frozenset(w for noun in lex.words("edition_nouns") for w in noun.split())


def _edition_labels(text: str, lex: Lexicon) -> Iterator[str]:
    kind_words = edition_words(lex)
    for m in _EDITION_LABEL.finditer(text):
        name = m.group(1) or m.group(2)  # a photo code ("RTSEBM2") is no event's name
        if lex.entity(name) is not None:  # "Germany 2017" names a country, not an event
            continue
        if name.split()[-1].lower() not in kind_words:  # "Bee 2024", "Marathon 2023": no name
            yield name


def host_labels(parts: Iterable[str], text: str, lex: Lexicon) -> set[str]:
    """The edition labels of a report's opening that name the place an edition is held in
    ("Ostrin 2024" where the report also writes "a wrap from Ostrin."): they date the edition
    but name no series, as "Bee 2024" names none (the edition's year is still read from them)."""
    hosts = set()
    for part in parts:
        for name in _edition_labels(part, lex):
            if re.search(
                rf"\b(?:in|from)\s+{re.escape(name)}(?=\s*[.,;:!?)]|\s+(?:on|last|this|and)\b)", text
            ):
                hosts.add(name.lower())
    return hosts


def _ordinal_names(text: str, lex: Lexicon) -> Iterator[str]:
    """A name its edition's ordinal stands before, whatever word it ends with: "the 93rd Red
    Willow Stampede", "the 35th Tour of Estmark", "the 94th edition of the Stampede of Red
    Willow". A name holding an edition noun is read as such ("the 44th Harbour Marathon",
    "the 25th Conference of the Parties"); one the vocabulary knows (a country) is none."""
    for m in _ordinal_name_re(lex).finditer(text):
        if _named_by_ordinal(m.group("name"), lex):
            yield m.group("name")


def _named_by_ordinal(name: str, lex: Lexicon) -> bool:
    return not edition_words(lex).intersection(name.lower().split()) and lex.entity(name) is None


def ordinal_name_at(text: str, start: int, lex: Lexicon) -> tuple[str, int]:
    """The event's name the ordinal at start opens ("the 40th Winter Garden Bird Count, ..."
    gives "garden bird count"), as event_names gives it, and where its words end; ("", start)
    where none does."""
    m = _ordinal_name_re(lex).match(text, start)
    if m is None or not _named_by_ordinal(m.group("name"), lex) or not NAME_ENDS.match(text, m.end()):
        return "", start
    names = event_names(m.group(0), lex)
    return (names[0], m.end()) if len(names) == 1 else ("", start)


@cache
def _ordinal_name_re(lex: Lexicon) -> re.Pattern[str]:
    from checker.text import numbers_for  # late: text imports the lexicon this module reads

    ordinal = numbers_for(lex).ordinal
    acts = "|".join(re.escape(w) for w in longest_first(lex.words("edition_acts")))
    words = r"(?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]+"
    return compile_pattern(
        rf"(?<![\w'-])(?i:the)\s+(?i:{ordinal})\s+(?:(?:{acts})\s+of\s+(?:the\s+)?)?"
        rf"(?P<name>{words}(?:\s+(?:of|de|del|di)\s+(?:the\s+)?{words})?)(?!\s*[A-Z\d])"
    )


# Where a name is whole: at punctuation or a word that no name's noun phrase goes on with (a
# preposition, a conjunction, a verb telling what the event did), not "the second City Council
# vote", whose name is no event's
NAME_ENDS = compile_pattern(
    r"(?=\s*(?:[,.;:!?)\]\"'\u201d]|$)|\s+(?:at|in|on|of|for|from|with|by|to|and|or|but|as|was|were|is|are|"
    r"has|have|had|will|would|took|drew|ended|closed|opened|began|attracted|saw)\b)"
)


def _place_kind_names(text: str, lex: Lexicon) -> Iterator[str]:
    """A name before the kind of event it holds, written in lower case: "Corvallen's mayoral
    election", "the Corvallen run-off" give "Corvallen", as "the Lakeside City Marathon" gives
    "Lakeside City". An owner is taken only before a kind of two words: "Ruiz's run-off win"
    is a candidate's."""
    for m in _place_kind_re(lex).finditer(text):
        if not m.group("owned") or " " in m.group("kind"):
            yield m.group(1)


@cache
def _place_kind_re(lex: Lexicon) -> re.Pattern[str]:
    kinds = "|".join(re.escape(w) for w in longest_first(lex.words("place_event_kinds")))
    name = r"(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+"
    return compile_pattern(
        rf"(?<![\w'-])({name})(?P<owned>['\u2019]s)?\s+(?P<kind>{kinds or '(?!x)x'})(?![\w-])"
    )


# A word, and the part of a word before its first capital ("e" of "eBay").
_WORD = compile_pattern(r"[\w'-]*")
_UNCAPITALISED = compile_pattern(r"(?:(?![A-Z])[\w'-])*+")


def own_categories(title: str, lead: str, lex: Lexicon) -> frozenset[str]:
    """The categories the report's own event bears in its name ("the Kessarby Half Marathon"
    is a half marathon): every claim of the report is of that category, none is set apart by
    it. The first event its title names, else its lead."""
    from checker.extract.generic import categories_in  # late: the readers import this module

    for text in (title, lead):
        for m in _event_name_matches(text, lex):
            return frozenset(categories_in(m.group(0), lex))
    return frozenset()


def _event_name_matches(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """The capitalised words before each edition noun, as a left-to-right regex search finds
    them, in time linear in the text.

    A name starts at the first capital of a word ("eBay Cup" names "Bay"). Whether a match
    starting at a capital succeeds depends only on what follows the word, so only the first
    capital of each word is tried (trying each capital of a long word was quadratic); a match
    that ends inside a word ("Open-Air Festival") is followed by a try at the rest of it.
    """
    name, later, _ = _event_name_parts(lex)
    pos = 0
    while True:
        start = _UNCAPITALISED.match(text, pos).end()
        m = name.match(text, start) or later.search(text, _WORD.match(text, start).end())
        if m is None:
            return
        yield m
        pos = m.end()


@cache
def _event_name_parts(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """A name at a capital, a search for one from a later word, and the words no name holds."""
    nouns = "|".join(re.escape(w) for w in longest_first(lex.words("edition_nouns")))
    # possessive: a word or a space given back could never be followed by what comes next
    venue = "|".join(re.escape(w) for w in lex.words("place_venue_words"))
    # "the Halloran Conference Centre" is a venue, not a conference
    name = rf"((?:[A-Z][\w'-]++\s++){{1,4}})(?i:{nouns})\b(?!\s+(?:{venue or '(?!x)x'})\b)"
    stop = frozenset(w.lower() for w in lex.words("not_name_words") + lex.words("generic_event_words"))
    return compile_pattern(name), compile_pattern(rf"(?<![\w'-]){_UNCAPITALISED.pattern}{name}"), stop


@dataclass(frozen=True, slots=True)
class Profile:
    """What series assignment reads of a report."""

    path: str
    series: str | None  # the front matter's series name, which wins
    terms: tuple[tuple[str, float], ...]
    anchors: tuple[str, ...]


def profile(digest: Digest) -> Profile:
    return Profile(digest.article.path, digest.article.series, digest.signature, digest.anchors)


@dataclass(frozen=True, slots=True)
class SeriesModel:
    """Series as gathered from a whole corpus: kept in the claim index so that a new report
    joins its series without the corpus being gathered again."""

    clusters: list[Cluster]
    members: MutableMapping[str, int]  # report path -> index of its cluster (a dict by default)
    labels: list[str]  # by cluster index
    df: Counter[str]  # how many reports hold each term
    reports: int


def assign_series(digests: list[Digest]) -> dict[str, str]:
    """Map each report's path to a series label; front matter 'series:' wins."""
    model = gather_series([profile(d) for d in digests])
    return {path: model.labels[i] for path, i in model.members.items()}


def series_identities(profiles: Iterable[Profile], labels: Mapping[str, str]) -> dict[str, str]:
    """Each series' identity (label -> identity), from its own reports only: what finding ids
    and baseline entries are keyed on, so that reports of other events, which can change the
    words a series is named from, leave them alone."""
    members: dict[str, list[Profile]] = defaultdict(list)
    for p in profiles:
        if p.path in labels:
            members[labels[p.path]].append(p)
    return {label: identity(reports) or label for label, reports in sorted(members.items())}


def identity(reports: list[Profile]) -> str:
    """What a series is, by what half its reports say: the name its front matter gives, else
    its event's name and kind ("event:lakeside city/marathon"), else the countries its leads
    are about ("about:north korea"); "" where its reports agree on none of these."""
    tagged = sorted({p.series.casefold() for p in reports if p.series})
    if tagged:
        return "series:" + tagged[0]
    marked = [_marked_words(dict(p.terms)) for p in reports]
    events = _most_said([m[EVENT_MARK] for m in marked])
    if events:
        return "event:" + "/".join(filter(None, [events, _most_said([m[KIND_MARK] for m in marked])]))
    about = _most_said([set(p.anchors[:1]) for p in reports], separator="+")
    return "about:" + about if about else ""


def _most_said(said: list[set[str]], separator: str = " ") -> str:
    """The words at least half the reports that say any say, sorted and joined."""
    saying = [words for words in said if words]
    counts = Counter(w for words in saying for w in words)
    return separator.join(sorted(w for w, n in counts.items() if 2 * n >= len(saying)))


class ProfileStore(Protocol):
    """Profiles gathering reads several times over, so that they need not all be held at once:
    every profile in the order gathering takes them, each with a handle to read it again by."""

    def each(self) -> Iterable[tuple[int, Profile]]: ...

    def some(self, handles: Sequence[int]) -> Iterable[Profile]: ...  # in the order given


@dataclass(frozen=True, slots=True)
class _Held:
    """Profiles held in a list: handles are positions."""

    profiles: Sequence[Profile]

    def each(self) -> Iterable[tuple[int, Profile]]:
        return enumerate(self.profiles)

    def some(self, handles: Sequence[int]) -> Iterable[Profile]:
        return (self.profiles[h] for h in handles)


def gather_series(profiles: list[Profile]) -> SeriesModel:
    """Gather reports into series (see gather_stored), in the order given."""
    return gather_stored(_Held(profiles))


# Makes an empty table from report path to a number: what gathering notes of every report
# (its series, the named series it joins). A dict by default; the index keeps them on disk.
Table = Callable[[], MutableMapping[str, int]]


def gather_stored(store: ProfileStore, table: Table = dict) -> SeriesModel:
    """Gather reports into series. Reports that name their event ("the Lakeside City
    Marathon", "Eurovision 2019") are grouped by that name first, whatever their order or the
    other reports, and reports whose front matter names a series join it. Each other report
    then joins the most similar of those series, judged against them as they stand, so that
    no unnamed report decides where another goes; the rest are gathered one at a time in the
    order given, among themselves.

    The profiles are read in a few passes, one at a time: what is held between passes is the
    series, the term counts and the event names of reports that give one, never all the
    profiles; a report's path is held once, however many of these name it. What is noted of
    every report (its series) is kept in tables the caller makes (table), on disk if it will.
    """
    counted = _count(store)
    idf = idf_weights(counted.df, counted.reports)
    gathering = _Gathering()
    named = table()  # the series of the reports naming their event or series, by path
    groups = _PathGroups(counted.words, _event_groups(counted.words))
    named_first = store.some(_named_first(counted.maybe_first, groups))
    _gather_named(named_first, groups, _group_names(counted.tagged, groups), idf, gathering, named)
    # what only the named series needed, one entry a report: let go of before the others
    counted.words.clear()
    counted.maybe_first.clear()
    joining = _joins(store, named, idf, gathering, table())
    others = _gather_others(store, named, joining, idf, gathering, table())
    named.update(others)  # the named reports' paths first, then the others' (a dict's order)
    clusters = gathering.clusters
    return SeriesModel(clusters, named, _labels(clusters), counted.df, counted.reports)


def _named_first(maybe_first: _Firsts, groups: Mapping[str, int]) -> array[int]:
    """The handles of the reports gathered first, in order: those naming their event, group
    by group, each group in the order given, then those only their front matter names."""
    by_group: dict[int, array[int]] = defaultdict(lambda: array("q"))
    tagged_only = array("q")
    for handle, path, tagged in maybe_first:
        if path in groups:
            by_group[groups[path]].append(handle)
        elif tagged:
            tagged_only.append(handle)
    ordered = array("q")
    for group in sorted(by_group):
        ordered.extend(by_group.pop(group))
    ordered.extend(tagged_only)
    return ordered


class _Firsts:
    """The reports naming their event or a series, in the order given: a handle, a path
    (shared with the other tables) and whether the front matter names a series, a few
    bytes a report rather than a tuple."""

    def __init__(self) -> None:
        self._handles = array("q")
        self._paths: list[str] = []
        self._tagged = bytearray()

    def append(self, handle: int, path: str, tagged: bool) -> None:
        self._handles.append(handle)
        self._paths.append(path)
        self._tagged.append(tagged)

    def __iter__(self) -> Iterator[tuple[int, str, bool]]:
        return zip(self._handles, self._paths, map(bool, self._tagged), strict=True)

    def clear(self) -> None:
        self._handles, self._paths, self._tagged = array("q"), [], bytearray()


class _PathGroups(Mapping[str, int]):
    """Each report's event group, looked up through its name words: one number for every
    distinct set of name words, not one for every report."""

    def __init__(self, words: Mapping[str, NameWords], group_of: Mapping[NameWords, int]) -> None:
        self._words = words
        self._group_of = group_of

    def __getitem__(self, path: str) -> int:
        return self._group_of[self._words[path]]

    def __contains__(self, path: object) -> bool:
        return path in self._words

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


@dataclass(frozen=True, slots=True)
class _Counted:
    """What the first pass over the profiles keeps."""

    df: Counter[str]  # how many reports hold each term
    words: dict[str, NameWords]  # of reports naming their event: its words (shared tuples)
    tagged: list[tuple[str, str]]  # (path, series) of reports whose front matter names one
    maybe_first: _Firsts  # reports naming their event or a series
    reports: int


def _count(store: ProfileStore) -> _Counted:
    counted = _Counted(Counter(), {}, [], _Firsts(), 0)
    reports = 0
    shared: dict[NameWords, NameWords] = {}  # reports naming one event give the same words
    for handle, p in store.each():
        reports += 1
        counted.df.update(t for t, _ in p.terms)
        marked = _marked_words(dict(p.terms))
        if marked[EVENT_MARK]:
            words = name_words(marked)
            counted.words[sys.intern(p.path)] = shared.setdefault(words, words)
        else:
            counted.words.pop(p.path, None)  # of two reports with one path, the later counts
        if p.series:
            counted.tagged.append((p.path, p.series))
        if p.series or marked[EVENT_MARK]:
            counted.maybe_first.append(handle, sys.intern(p.path), bool(p.series))
    return dataclasses.replace(counted, reports=reports)


def _joins(
    store: ProfileStore,
    named: Mapping[str, int],
    idf: dict[str, float],
    gathering: _Gathering,
    joining: MutableMapping[str, int],
) -> MutableMapping[str, int]:
    """The named series each unnamed report joins, judged against them as they stand, noted
    in joining by path."""
    # the named series stand still through this pass: how alike their words can be to any
    # report's is bounded once, so that most reports need not be weighed against them all
    ceilings = word_ceilings(gathering.clusters)
    for _, p in store.each():
        if p.path in named:
            continue
        vector = weighted(p.terms, idf)
        anchors = frozenset(p.anchors)
        anchored = gathering.anchored(anchors)
        holding = gathering.holding(vector, anchored)
        cluster = best_series(gathering.clusters.__getitem__, holding, vector, anchors, ceilings, anchored)
        if cluster is not None:
            joining[p.path] = cluster.index
    return joining


def _gather_others(
    store: ProfileStore,
    named: Mapping[str, int],
    joining: Mapping[str, int],
    idf: dict[str, float],
    gathering: _Gathering,
    others: MutableMapping[str, int],
) -> MutableMapping[str, int]:
    """The unnamed reports in the order given: those joining a named series, and the rest
    among themselves (in one pass, as those look only at series begun after the named ones);
    their series noted in others by path."""
    gathering.only_newer()
    for _, p in store.each():
        if p.path in named:
            continue
        vector = weighted(p.terms, idf)
        anchors = frozenset(p.anchors)
        joins = joining.get(p.path)
        if joins is not None:
            cluster = gathering.clusters[joins]
        else:
            anchored = gathering.anchored(anchors)
            holding = gathering.holding(vector, anchored)
            cluster = best_series(gathering.clusters.__getitem__, holding, vector, anchors, anchored=anchored)
            cluster = cluster or gathering.begin(None)
        gathering.add(cluster, vector, anchors)
        others[p.path] = cluster.index
    return others


def _group_names(tagged: list[tuple[str, str]], groups: dict[str, int]) -> dict[int, str]:
    """A group holding a report whose front matter names its series is that series: the name
    of its first such report, by path."""
    named = sorted((t for t in tagged if t[0] in groups), key=lambda t: t[0], reverse=True)
    return {groups[path]: series for path, series in named}


def _gather_named(
    profiles: Iterable[Profile],
    groups: dict[str, int],
    group_names: dict[int, str],
    idf: dict[str, float],
    gathering: _Gathering,
    members: MutableMapping[str, int],
) -> None:
    """The series of reports that name their event or whose front matter names a series,
    taken in group order, noted in members by path."""
    named: dict[str, Cluster] = {}
    by_group: dict[int, Cluster] = {}
    for p in profiles:
        name = p.series or group_names.get(groups.get(p.path, -1))
        cluster = named.get(name) if name else by_group.get(groups[p.path])
        if cluster is None:
            cluster = gathering.begin(name)
            if name:
                named[name] = cluster
            else:
                by_group[groups[p.path]] = cluster
        gathering.add(cluster, weighted(p.terms, idf), frozenset(p.anchors))
        members[p.path] = cluster.index


def event_groups(profiles: list[Profile]) -> dict[str, int]:
    """Reports that name their event, grouped: two reports are of one series when their event
    names share a word and the kinds of event they name do not differ ("Boston Marathon" and
    "Boston Film Festival" are two series). Groups are numbered in the order of their first
    report's path, so the grouping is the same whatever order the reports come in."""
    words = {p.path: name_words(_marked_words(dict(p.terms))) for p in profiles}
    words = {path: said for path, said in words.items() if said[0]}
    return dict(_PathGroups(words, _event_groups(words)))


# A report's event-name words and kind words, held for every report that names its event
# while the series are gathered: tuples of shared (interned) strings, a few dozen bytes.
NameWords = tuple[tuple[str, ...], tuple[str, ...]]


def name_words(marked: dict[str, set[str]]) -> NameWords:
    return _shared(marked[EVENT_MARK]), _shared(marked[KIND_MARK])


def _shared(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(sys.intern(w) for w in words))


def _event_groups(words: Mapping[str, NameWords]) -> dict[NameWords, int]:
    """event_groups, from each report's name words (those naming no event may be left out),
    numbered for each distinct set of name words: what it holds grows with the names the
    reports give, not with the reports. The groups are those of the reports joined wherever
    they share an event word, then split by kind; numbered in the order of their first path."""
    reports: Counter[NameWords] = Counter()
    first: dict[NameWords, str] = {}
    for path, said in words.items():
        reports[said] += 1
        first[said] = min(path, first.get(said, path))
    parts = [_split_by_kind(part, reports, first) for part in _joined({w: w[0] for w in reports})]
    parts.sort(key=lambda groups: min(first[w] for w in groups[0]))
    numbers: dict[NameWords, int] = {}
    all_groups = (group for groups in parts for group in groups)
    for number, group in enumerate(all_groups):  # the groups are disjoint: each one numbered next
        numbers.update((said, number) for said in group)
    return numbers


def _split_by_kind(
    part: list[NameWords], reports: Mapping[NameWords, int], first: Mapping[NameWords, str]
) -> list[list[NameWords]]:
    """One event name's reports, split where the kinds of event they name differ; a report
    naming no kind goes with the largest group (of most reports, then first by path)."""

    def starts(group: list[NameWords]) -> str:
        return min(first[w] for w in group)

    kinded = _joined({w: w[1] for w in part if w[1]})
    groups = sorted(kinded, key=lambda g: (-sum(reports[w] for w in g), starts(g))) or [[]]
    groups[0] = groups[0] + [w for w in part if not w[1]]
    return sorted((g for g in groups if g), key=starts)


def _joined(keys: Mapping[NameWords, Iterable[str]]) -> list[list[NameWords]]:
    """The sets of name words joined wherever they share a key (union-find); each holds one
    key at least."""
    parent: dict[NameWords, NameWords] = {}

    def root(x: NameWords) -> NameWords:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    holder: dict[str, NameWords] = {}
    for said, held in keys.items():
        for key in held:
            a, b = root(said), root(holder.setdefault(key, said))
            if a != b:
                parent[b] = a
    found: dict[NameWords, list[NameWords]] = defaultdict(list)
    for said in keys:
        found[root(said)].append(said)
    return list(found.values())


class _Gathering:
    """Series being gathered, indexed so that a report is compared only with the series it
    may join: those sharing a distinctive term and, where it names countries, one of their
    leading countries or their event's name (the checks best_series makes, done up front)."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self._postings: dict[str, set[int]] = {}  # term -> series holding it
        self._by_anchor: dict[str, set[int]] = {}  # country -> series it leads
        self._unanchored: set[int] = set()  # series that lead with no country
        self._by_event_word: dict[str, set[int]] = {}  # word -> series its majority names
        self._event_named: set[int] = set()  # series whose reports name their event
        self._since = 0  # the first series the postings hold (see only_newer)

    def begin(self, name: str | None) -> Cluster:
        cluster = Cluster(name, len(self.clusters))
        self.clusters.append(cluster)
        self._unanchored.add(cluster.index)
        return cluster

    def only_newer(self) -> None:
        """From now on, holding finds only the series begun from now on: the postings of those
        begun before are let go of, rather than filtered out term by term for every report."""
        self._since, self._postings = len(self.clusters), {}

    def anchored(self, anchors: frozenset[str]) -> set[int] | None:
        """The series a report opening with these countries may join by them (see _anchored):
        those leading with one of them or with none; None where it names none (any)."""
        if not anchors:
            return None
        allowed = set(self._unanchored)
        for anchor in anchors:
            allowed |= self._by_anchor.get(anchor, set())
        return allowed

    def holding(self, vector: dict[str, float], anchored: set[int] | None) -> Callable[[str], Iterable[int]]:
        """The series holding a term, among those the report may join (anchored: see there)."""
        if anchored is None:
            return lambda term: self._postings.get(term, ())
        allowed = set(anchored)
        if not _marked_words(vector)[EVENT_MARK]:
            allowed |= self._event_named  # a report naming no event may be about a named one
        return lambda term: self._postings.get(term, set()) & allowed

    def add(self, cluster: Cluster, vector: dict[str, float], anchors: frozenset[str]) -> None:
        old_anchors, old_words = cluster.top_anchors, cluster.majorities[EVENT_MARK]
        cluster.add(vector, anchors)
        if cluster.index >= self._since:
            for term in vector:
                self._postings.setdefault(term, set()).add(cluster.index)
        _move(self._by_anchor, cluster.index, old_anchors, cluster.top_anchors)
        _move(self._by_event_word, cluster.index, old_words, cluster.majorities[EVENT_MARK])
        if cluster.top_anchors:
            self._unanchored.discard(cluster.index)
        if cluster.majorities[EVENT_MARK]:
            self._event_named.add(cluster.index)
        else:
            self._event_named.discard(cluster.index)


def _move(index: dict[str, set[int]], cluster: int, old: frozenset[str], new: frozenset[str]) -> None:
    for key in old - new:
        index[key].discard(cluster)
    for key in new - old:
        index.setdefault(key, set()).add(cluster)


class Cluster:
    """A series being gathered: the sum of its reports' vectors, kept with its norm."""

    def __init__(self, name: str | None, index: int) -> None:
        self.name = name
        self.index = index
        self.centroid: dict[str, float] = {}
        self.norm_sq = 0.0
        self.words_norm_sq = 0.0  # of the plain words alone: no countries, no event names
        self.anchors: Counter[str] = Counter()
        self.top_anchors: frozenset[str] = frozenset()
        self.marked: dict[str, Counter[str]] = {EVENT_MARK: Counter(), KIND_MARK: Counter()}
        self.majorities: dict[str, frozenset[str]] = {EVENT_MARK: frozenset(), KIND_MARK: frozenset()}
        self.size = 0

    def add(self, vector: dict[str, float], anchors: frozenset[str]) -> None:
        for term, weight in vector.items():
            old = self.centroid.get(term, 0.0)
            self.centroid[term] = old + weight
            self.norm_sq += 2 * old * weight + weight * weight
            if term[0].isalpha():
                self.words_norm_sq += 2 * old * weight + weight * weight
            if term[0] in self.marked:
                self.marked[term[0]].update(sorted(set(term[1:].split())))  # in one order in every process
        if anchors:
            self.anchors.update(sorted(anchors))
            ranked = sorted(self.anchors.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
            self.top_anchors = frozenset(name for name, _ in ranked)
        self.size += 1
        self._count_majorities()

    def _count_majorities(self) -> None:
        # what a third of the series' reports say it is, not whatever one of them said; kept
        # up to date here because every report gathered asks it of many series
        self.majorities = {
            mark: frozenset(w for w, n in words.items() if 3 * n >= self.size)
            for mark, words in self.marked.items()
        }

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "index": self.index,
            "centroid": self.centroid,
            "norm_sq": self.norm_sq,
            "words_norm_sq": self.words_norm_sq,
            "anchors": dict(sorted(self.anchors.items())),
            "marked": {k: dict(sorted(v.items())) for k, v in self.marked.items()},
            "size": self.size,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Cluster:
        cluster = cls(data["name"], data["index"])
        cluster.centroid = data["centroid"]
        cluster.norm_sq = data["norm_sq"]
        cluster.words_norm_sq = data["words_norm_sq"]
        cluster.anchors = Counter(data["anchors"])
        ranked = sorted(cluster.anchors.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        cluster.top_anchors = frozenset(name for name, _ in ranked)
        cluster.marked = {k: Counter(v) for k, v in data["marked"].items()}
        cluster.size = data["size"]
        cluster._count_majorities()
        return cluster

    def word_similarity(self, words: dict[str, float], norm: float) -> float:
        """The cosine of the plain words alone (what a report is about, whoever it names)."""
        denominator = norm * math.sqrt(self.words_norm_sq)
        return _dot(words, self.centroid) / denominator if denominator else 0.0

    def similarity(self, vector: dict[str, float], norm: float) -> float:
        denominator = norm * math.sqrt(self.norm_sq)
        return _dot(vector, self.centroid) / denominator if denominator else 0.0


def _dot(vector: dict[str, float], centroid: dict[str, float]) -> float:
    """The dot product of a report's vector and a series' summed vector. The products are
    summed in the vector's order, as a generator of them would give them (the same float);
    map runs them in C, and gathering a large archive weighs every report against many
    series."""
    return sum(map(operator.mul, vector.values(), map(centroid.get, vector, repeat(0.0))))


def _same_event(mine: dict[str, set[str]], cluster: Cluster) -> bool:
    """Where both name their event ("Riverside Marathon") or its kind ("budget"), they agree."""
    for mark in (EVENT_MARK, KIND_MARK):
        theirs = cluster.majorities[mark]
        if mine[mark] and theirs and not mine[mark] & theirs:
            return False
    return True


def event_words(terms: Iterable[tuple[str, float]]) -> set[str]:
    """The words of the event names a report's lead gives ("lakeside", "city")."""
    return {w for t, _ in terms if t.startswith(EVENT_MARK) for w in t[1:].split()}


def _marked_words(vector: dict[str, float]) -> dict[str, set[str]]:
    """A report's words behind each mark: its event's name words and its kinds."""
    return {
        mark: {w for t in vector if t.startswith(mark) for w in t[1:].split()}
        for mark in (EVENT_MARK, KIND_MARK)
    }


def _hints(vector: dict[str, float]) -> set[str]:
    """Names a report gives its event without naming it in its lead: the events its body
    names once, and its lead's plain words (a one-word name such as "Eurovision")."""
    return {t[1:] for t in vector if t[0] == MENTION_MARK} | {t for t in vector if t[0].isalpha()}


def _hinted(hints: set[str], cluster: Cluster) -> bool:
    """Whether a hint is the whole name of the series' event, as its reports give it."""
    words = cluster.majorities[EVENT_MARK]
    return any(EVENT_MARK + h in cluster.centroid and set(h.split()) <= words for h in hints)


def _anchored(anchors: frozenset[str], cluster: Cluster) -> bool:
    """Where both open by naming countries, a report joins a series only if they share one."""
    return not anchors or not cluster.top_anchors or bool(anchors & cluster.top_anchors)


def best_series(
    cluster_of: Callable[[int], Cluster],
    holding: Callable[[str], Iterable[int]],
    vector: dict[str, float],
    anchors: frozenset[str],
    ceilings: Mapping[str, float] | None = None,
    anchored: set[int] | None = None,
) -> Cluster | None:
    """The most similar series sharing a term with the report, if similar enough. ceilings,
    where the series stand still while many reports are placed, bound how alike their words
    can be (see word_ceilings); anchored, where known, are the series the report's countries
    let it join (see _anchored). Both spare looking at every candidate, not the answer."""
    # series are looked up through the report's most distinctive terms only
    keys = sorted(vector, key=lambda t: (-vector[t], t))[:DISTINCTIVE_TERMS]
    keys += [EVENT_MARK + t[1:] for t in vector if t[0] == MENTION_MARK]  # the event named once
    candidates = sorted({i for t in keys for i in holding(t)})
    norm = math.sqrt(sum(w * w for w in vector.values()))
    mine = _marked_words(vector)
    if not mine[EVENT_MARK]:
        about = _about_named_event(cluster_of, candidates, vector, mine, ceilings)
        if about is not None:
            return about
    hints = _hints(vector)
    # a series is hinted at only where it holds a hint as an event's name: those are looked
    # up through the postings once, rather than every candidate searched for every hint
    # (most candidates share no more than a common word with the report)
    hintable = {i for h in sorted(hints) for i in holding(EVENT_MARK + h)}
    # a series whose event's name the lead holds as a plain word is a candidate however rare
    # the report's other words ("Harrowmere was buzzing" beside "the Harrowmere Derby")
    candidates = sorted(hintable.union(candidates))
    if anchored is not None and not mine[EVENT_MARK]:
        # naming no event, the report joins only a series its countries or a hint let it join
        candidates = sorted(anchored.union(hintable).intersection(candidates))
    best: tuple[tuple[bool, float], int] | None = None
    for i in candidates:
        cluster = cluster_of(i)
        # the event's own name outweighs the countries a lead names (winners of a marathon)
        # a series named in front matter is joined as any other: by what its reports say
        named = bool(mine[EVENT_MARK] & cluster.majorities[EVENT_MARK])
        hinted = not named and i in hintable and _hinted(hints, cluster)
        if not (_anchored(anchors, cluster) or named or hinted) or not _same_event(mine, cluster):
            continue
        # a series named as the report names its event is joined however its words differ
        # (winners, hosts and years change from edition to edition; the event's name does not)
        score = (named, cluster.similarity(vector, norm))
        # a report that names neither the event nor its kind joins a series known by its
        # event's name only when much alike: a country and a few words are not the event
        unnamed = not mine[EVENT_MARK] and not mine[KIND_MARK] & cluster.majorities[KIND_MARK]
        needed = 2 * SIMILARITY if cluster.majorities[EVENT_MARK] and unnamed else SIMILARITY
        # ...and a report whose body names the event once, or whose lead has its one-word
        # name as a plain word ("Eurovision live updates"), when it is the likeliest series
        needed = SIMILARITY / 2 if hinted else needed
        # ...and whatever its words, when its opening also names the series' kind: "Harrowmere"
        # in the lead and "Derby day" in the title name the Harrowmere Derby in two places
        needed = 0.0 if hinted and mine[KIND_MARK] & cluster.majorities[KIND_MARK] else needed
        if (named or score[1] >= needed) and (best is None or score > best[0]):
            best = (score, i)
    return cluster_of(best[1]) if best else None


def _about_named_event(
    cluster_of: Callable[[int], Cluster],
    candidates: list[int],
    vector: dict[str, float],
    mine: dict[str, set[str]],
    ceilings: Mapping[str, float] | None = None,
) -> Cluster | None:
    """A report that names no event but whose words (not the countries it names) are those
    of a series known by its event's name, twice as much as any other series': that series
    ("talks on climate in Bonn" beside "COP23"), whatever countries it names."""
    words = {t: w for t, w in vector.items() if t[0].isalpha()}
    norm = math.sqrt(sum(w * w for w in words.values()))
    if not norm:
        return None
    ceiling = math.inf if ceilings is None else _ceiling(words, norm, ceilings)
    if ceiling < SIMILARITY / 2:
        return None  # no candidate's words are more alike than the ceiling: none can count
    found = _clear_winner(cluster_of, candidates, words, norm, ceiling)
    if found is None:
        return None
    top, index = found
    cluster = cluster_of(index)
    if cluster.majorities[EVENT_MARK] and top >= SIMILARITY / 2:
        # a kind word may be a figure of speech ("marathon talks"); the event's name or label in
        # the body ("COP24") is not, while a plain word of the lead may be a place ("Riverside")
        named_in_body = _hinted({t[1:] for t in vector if t[0] == MENTION_MARK}, cluster)
        return cluster if named_in_body or _same_event(mine, cluster) else None
    return None


# How far a computed similarity may stray above its bound by rounding, and more: both are sums
# of a few dozen products, each off by a few parts in 1e16.
_ROUNDING = 1e-9


def _clear_winner(
    cluster_of: Callable[[int], Cluster],
    candidates: list[int],
    words: dict[str, float],
    norm: float,
    ceiling: float = math.inf,
) -> tuple[float, int] | None:
    """The candidate whose words are most like the report's, (similarity, index; of equal ones
    the later), if it is at least twice as alike as any other; else None. The candidates are
    weighed one by one only until there can be none: no candidate's similarity exceeds the
    ceiling, so once the second best weighed is more than half the ceiling, the best of all
    cannot be twice the next."""
    best: tuple[float, int] | None = None
    second = 0.0  # the next best similarity weighed (none is below 0)
    for i in candidates:
        found = (cluster_of(i).word_similarity(words, norm), i)
        if best is None or found > best:
            best, second = found, (best[0] if best else 0.0)
        else:
            second = max(second, found[0])
        if max(best[0], ceiling) < 2 * second:
            return None
    if best is None:
        return None
    return best if best[0] >= 2 * second else None


def _ceiling(words: dict[str, float], norm: float, ceilings: Mapping[str, float]) -> float:
    """The most alike, by their words, the report can be to any of the series ceilings were
    taken from, raised a little above any rounding of the similarities it bounds."""
    return _dot(words, ceilings) / norm * (1 + _ROUNDING)


def word_ceilings(clusters: Iterable[Cluster]) -> dict[str, float]:
    """For each plain word, the most of it any series holds against the norm of its words: a
    report's similarity to any of them, by its words, is at most its own words weighed by
    these (each term of the cosine is at most the report's weight times this)."""
    ceilings: dict[str, float] = {}
    for cluster in clusters:
        size = math.sqrt(cluster.words_norm_sq)
        if not size:
            continue
        for term, weight in cluster.centroid.items():
            if term[0].isalpha() and weight / size > ceilings.get(term, 0.0):
                ceilings[term] = weight / size
    return ceilings


def weighted(terms: Iterable[tuple[str, float]], idf: dict[str, float]) -> dict[str, float]:
    """A report's terms weighed by how rare they are in the corpus."""
    return {t: w * idf[t] for t, w in terms}


def idf_weights(df: Counter[str] | dict[str, int], reports: int) -> dict[str, float]:
    return {t: math.log((reports + 1) / (d + 1)) + 1.0 for t, d in df.items()}


def _labels(clusters: list[Cluster]) -> list[str]:
    labels: list[str] = []
    used: Counter[str] = Counter()
    for cluster in clusters:
        label = cluster.name or describe(cluster)
        used[label] += 1
        labels.append(label if used[label] == 1 else f"{label} ({used[label]})")
    return labels


def describe(cluster: Cluster) -> str:
    """A series' name: its event's own name and kind where its reports name them ("lakeside
    marathon": the same whoever wins), else its leading country and words."""
    ranked = sorted(cluster.centroid.items(), key=lambda kv: (-kv[1], kv[0]))
    named = [t[1:] for t, _ in ranked if t.startswith(EVENT_MARK)][:1]
    if named and cluster.majorities[EVENT_MARK]:
        kinds = [t[1:] for t, _ in ranked if t.startswith(KIND_MARK) and t[1:] not in named[0].split()][:1]
        return " ".join([named[0], *kinds])
    entities = [t[1:] for t, _ in ranked if t.startswith("@")][:1]
    words = named or [t for t, _ in ranked if t[0] not in "@" + EVENT_MARK + KIND_MARK][:2]
    # two words read better in a stable order ("human rights", not "rights human")
    return " / ".join([*entities, " ".join(sorted(words))]) if words or entities else "untitled series"
