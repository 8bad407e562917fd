"""Tell which reports speak of one recurring event (a series), from what their leads name."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from checker.lexicon import Lexicon, phrases_re
from checker.models import Article, Digest
from checker.text import split_sentences

LEAD_SENTENCES = 3
SIMILARITY = 0.25  # cosine of lead signatures needed to join a series


@dataclass(frozen=True, slots=True)
class Signature:
    terms: tuple[tuple[str, float], ...]
    anchors: tuple[str, ...]  # the countries its title and first sentence name


def signature(article: Article, lex: Lexicon) -> Signature:
    """Weigh the countries and content words of a report's title and lead."""
    sentences = split_sentences(article.text, article.body_start)
    lead = " ".join([article.title or ""] + [s.text for s in sentences[:LEAD_SENTENCES]])
    stop = set(lex.words("stopwords"))
    terms: Counter[str] = Counter()
    for _, _, entity in lex.find_entities(lead):
        terms["@" + entity.name] += 3 if entity.kind == "country" else 1
    stripped = lex.entity_re.sub(" ", lead)
    for word in re.findall(r"[A-Za-z][a-z'-]{3,}", stripped):
        word = word.lower().removesuffix("'s")
        if word not in stop and word.rstrip("s") not in stop:
            terms[word] += 1
    opening = " ".join([article.title or ""] + [s.text for s in sentences[:1]])
    for name in event_names(opening, lex):
        terms[EVENT_MARK + name] += 3
    kinds = phrases_re(lex.words("edition_nouns") + lex.words("event_kinds"))
    for m in kinds.finditer(lead):
        terms[KIND_MARK + m.group().lower()] += 1
    counts = Counter(e.name for _, _, e in lex.find_entities(opening) if e.kind == "country")
    top = [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    return Signature(tuple(sorted(terms.items())), tuple(top))


EVENT_MARK = "!"  # terms that name the event itself: "!lakeside city" for the Lakeside City Marathon
KIND_MARK = "&"  # terms that name the kind of event: "&marathon", "&budget", "&resolution"


def event_names(text: str, lex: Lexicon) -> list[str]:
    """Proper names of events ("the Lakeside City Marathon" gives "lakeside city")."""
    nouns = "|".join(re.escape(w) for w in sorted(lex.words("edition_nouns"), key=len, reverse=True))
    pattern = rf"((?:[A-Z][\w'-]+\s+){{1,4}})(?i:{nouns})\b"
    stop = set(lex.words("not_name_words")) | {"Annual", "International", "National", "World"}
    names = []
    for m in re.finditer(pattern, text):
        words = [w for w in m.group(1).split() if w not in stop and not re.match(r"\d", w)]
        if words:
            names.append(" ".join(words).lower())
    return names


def assign_series(digests: list[Digest]) -> dict[str, str]:
    """Map each report's path to a series label; front matter 'series:' wins."""
    idf = _idf([d.signature for d in digests])
    clusters: list[_Cluster] = []
    assigned: dict[str, _Cluster] = {}
    named: dict[str, _Cluster] = {}
    for digest in digests:
        article = digest.article
        sig = Signature(digest.signature, digest.anchors)
        vector = {t: w * idf[t] for t, w in sig.terms}
        if article.series:
            cluster = named.setdefault(article.series, _Cluster(article.series))
            if cluster not in clusters:
                clusters.append(cluster)
        else:
            cluster = _best(clusters, vector, frozenset(sig.anchors)) or _Cluster(None)
            if cluster not in clusters:
                clusters.append(cluster)
        cluster.add(vector, frozenset(sig.anchors))
        assigned[article.path] = cluster
    labels = _labels(clusters)
    return {path: labels[id(cluster)] for path, cluster in assigned.items()}


class _Cluster:
    def __init__(self, name: str | None) -> None:
        self.name = name
        self.centroid: Counter[str] = Counter()
        self.anchors: Counter[str] = Counter()
        self.size = 0

    def add(self, vector: dict[str, float], anchors: frozenset[str]) -> None:
        self.centroid.update(vector)
        self.anchors.update(anchors)
        self.size += 1

    def similarity(self, vector: dict[str, float]) -> float:
        dot = sum(w * self.centroid.get(t, 0.0) for t, w in vector.items())
        norm = math.sqrt(sum(w * w for w in vector.values())) * math.sqrt(
            sum(w * w for w in self.centroid.values()))
        return dot / norm if norm else 0.0


def _same_event(vector: dict[str, float], cluster: _Cluster) -> bool:
    """Where both name their event ("Riverside Marathon") or its kind ("budget"), they agree."""
    for mark in (EVENT_MARK, KIND_MARK):
        mine = {w for t in vector if t.startswith(mark) for w in t[1:].split()}
        theirs = {w for t in cluster.centroid if t.startswith(mark) for w in t[1:].split()}
        if mine and theirs and not mine & theirs:
            return False
    return True


def _anchored(anchors: frozenset[str], cluster: _Cluster) -> bool:
    """Where both open by naming countries, a report joins a series only if they share one."""
    if not anchors or not cluster.anchors:
        return True
    top = sorted(cluster.anchors.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return bool(anchors & {name for name, _ in top})


def _best(clusters: list[_Cluster], vector: dict[str, float],
          anchors: frozenset[str]) -> _Cluster | None:
    scored = [(c.similarity(vector), -i, c) for i, c in enumerate(clusters)
              if c.name is None and _anchored(anchors, c) and _same_event(vector, c)]
    scored = [s for s in scored if s[0] >= SIMILARITY]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _idf(signatures: list[tuple[tuple[str, float], ...]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for terms in signatures:
        df.update(t for t, _ in terms)
    n = len(signatures)
    return {t: math.log((n + 1) / (d + 1)) + 1.0 for t, d in df.items()}


def _labels(clusters: list[_Cluster]) -> dict[int, str]:
    labels: dict[int, str] = {}
    used: Counter[str] = Counter()
    for cluster in clusters:
        label = cluster.name or _describe(cluster)
        used[label] += 1
        labels[id(cluster)] = label if used[label] == 1 else f"{label} ({used[label]})"
    return labels


def _describe(cluster: _Cluster) -> str:
    ranked = sorted(cluster.centroid.items(), key=lambda kv: -kv[1])
    entities = [t[1:] for t, _ in ranked if t.startswith("@")][:1]
    named = [t[1:] for t, _ in ranked if t.startswith(EVENT_MARK)][:1]
    words = named or [t for t, _ in ranked if t[0] not in "@" + EVENT_MARK + KIND_MARK][:2]
    # two words read better in a stable order ("human rights", not "rights human")
    return (" / ".join([*entities, " ".join(sorted(words))]) if words or entities
            else "untitled series")
