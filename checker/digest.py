"""One report down to its digest, inside a boundary: a failure costs that report, not the run.

Both the pipeline and the claim index digest reports through here, so a report that cannot be
read or digested is skipped the same way in both, with the exception as its reason.
"""

from __future__ import annotations

import dataclasses
import os
import re

from checker.articles import display_path, read_reports
from checker.cues import (
    dateline_place,
    fingerprints,
    labelled_year,
    latest_year,
    lead_names,
    slug_year,
    span_year,
)
from checker.errors import InputError
from checker.extract import extract_claims
from checker.lexicon import Lexicon
from checker.models import Article, Digest, Skipped
from checker.occurrence import dateline, stage
from checker.series import LEAD_SENTENCES, edition_words, event_words, host_labels, signature, without_byline
from checker.text import default_numbers, split_sentences

# A test hook: FACTLINT_TEST_FAIL=STAGE:TEXT makes the given stage (read, digest or judge)
# raise for every report whose path contains TEXT, so the isolation of one failing report
# can be tested through the real command line, worker processes included.
FAULT_VARIABLE = "FACTLINT_TEST_FAIL"
STAGES = ("read", "digest", "judge")


class InjectedFailure(RuntimeError):
    """The failure the test hook raises."""


def inject_fault(stage_name: str, path: str) -> None:
    """Raise InjectedFailure when the test hook names this stage and path."""
    wanted = os.environ.get(FAULT_VARIABLE)
    if not wanted:
        return
    named, _, text = wanted.partition(":")
    if named == stage_name and text and text in path:
        raise InjectedFailure(f"failure injected by {FAULT_VARIABLE} at {stage_name}")


def failure_reason(err: BaseException, when: str) -> str:
    """The reason a report skipped by a failure is listed with: one line, the exception."""
    message = " ".join(str(err).split())[:300]
    return f"internal error while {when}: {type(err).__name__}" + (f": {message}" if message else "")


def digest(article: Article, lex: Lexicon) -> Digest:
    """Read one report down to what the later stages need; its text is not kept."""
    inject_fault("digest", article.path)
    sentences = split_sentences(article.text, article.body_start)  # once, for every stage
    claims = extract_claims(article, lex, sentences)
    sig = signature(article, lex, sentences)
    names = lead_names(
        [article.title or "", *(s.text for s in without_byline(sentences, lex)[:LEAD_SENTENCES])],
        lex.word_set("stopwords"),
        lex.phrase_re("other_edition_phrases"),
    )
    return Digest(
        article=dataclasses.replace(article, raw="", text=""),
        claims=tuple(claims),
        signature=sig.terms,
        anchors=sig.anchors,
        dateline=dateline(article, sentences),
        stage=stage(article, claims, lex),
        edition_label=_edition_label(article, sentences, event_words(sig.terms), lex),
        latest_year=latest_year((s.text for s in sentences), lex.phrase_re("future_markers")),
        prints=fingerprints(s.text for s in sentences),
        lead_names=names,
        lead_actors=tuple(n for n in names if lex.entity(n.title()) is not None),
        dateline_place=dateline_place(s.text for s in sentences[:3]),
    )


def _edition_label(
    article: Article, sentences: list, words: set[str], lex: Lexicon
) -> tuple[int, str] | None:
    """The edition the report's title or lead names ("Eurovision 2019", or by its kind alone:
    "Bee 2022 recap") or whose span it gives with a year ("the Conference ... from 30 November
    to 11 December 2015"), else its address."""
    opening = [article.title or "", *(s.text for s in sentences[:1])]
    lead = " ".join(opening)
    words = words | (edition_words(lex) & set(re.findall(r"[a-z]+", lead.lower())))
    words |= {w for host in host_labels(opening, article.text, lex) for w in host.split()}  # "Ostrin 2024"
    return (
        labelled_year(lead, words)
        or span_year(lead, words, default_numbers().month)
        or slug_year(article.url, words)
    )


def digest_file(
    path: str, lex: Lexicon, max_bytes: int | None = None, stdin_text: str | bytes | None = None
) -> tuple[list[Digest], list[Skipped]]:
    """Read and digest the reports of one file ('-' is stdin); what fails is skipped.

    Raises InputError only when the path does not exist (it went away while we ran)."""
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    try:
        inject_fault("read", path)
        read = read_reports([path], lex=lex, stdin_text=stdin_text, **kwargs)
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - the boundary: one file's failure skips that file
        return [], [Skipped(display_path(path), failure_reason(err, "reading"))]
    digests: list[Digest] = []
    skipped = list(read.skipped)
    for article in read.articles:
        try:
            digests.append(digest(article, lex))
        except Exception as err:  # noqa: BLE001 - one report's failure skips that report only
            skipped.append(Skipped(article.path, failure_reason(err, "extracting claims")))
    return digests, skipped
