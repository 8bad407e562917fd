"""The fuzz suite's fast part (benchmarks/fuzz.py; the long run is in docs/robustness.md).

Corpora built from the claim phrasing of real reports, with random fillers and junk, go through
the whole pipeline: check with every rule, every output format and the claim index. None may
raise, skip a report with an internal error, or change its findings through the index. The
minimal inputs of every crash the long runs found stay here as regression cases.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.articles import make_article
from checker.extract import extract_claims
from checker.lexicon import default_lexicon
from checker.occurrence import resolve_date
from checker.pipeline import digest, judge_digests
from checker.report import write_json
from checker.selection import select_rules

REPO = Path(__file__).resolve().parents[1]
LEX = default_lexicon()
RULES = select_rules()
SEED = 20261204
CASES = 100  # the fast part; benchmarks/fuzz.py --cases 10000 is the long run


def _load_fuzz():
    spec = importlib.util.spec_from_file_location("fl_bench_fuzz", REPO / "benchmarks" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()


# ------------------------------------------------------------------ generated corpora


def test_generated_corpora_go_through_every_stage() -> None:
    results = fuzz.run_many(SEED, range(CASES), jobs=1, minimize_limit=3)
    assert len(results) == CASES
    out = io.StringIO()
    code = fuzz.report(results, SEED, 0.0, out=out)
    assert code == 0, out.getvalue()


def test_the_generator_is_deterministic_and_covers_every_file_kind() -> None:
    first = [fuzz.render(d) for d in fuzz.case_docs(SEED, 7)[0]]
    again = [fuzz.render(d) for d in fuzz.case_docs(SEED, 7)[0]]
    assert first == again
    kinds = {d.kind for case in range(60) for d in fuzz.case_docs(SEED, case)[0]}
    assert kinds == {"md", "txt", "jsonl"}
    sizes = {len(fuzz.case_docs(SEED, case)[0]) for case in range(60)}
    assert min(sizes) >= 2 and max(sizes) <= 6


def test_every_template_fills_and_every_filler_is_used() -> None:
    rng = random.Random(SEED)
    used = set()
    for family, templates in fuzz.TEMPLATES.items():
        for template in templates:
            used |= set(fuzz._SLOT.findall(template))
            text = fuzz.fill(template, fuzz.random_pick(rng, fuzz.THEMES[0]))
            assert "{" not in text.replace("{}", "").replace("{0}", ""), (family, text)
    assert used - {"body", "topic"} <= set(fuzz.FILLERS)


def test_a_failure_is_reported_with_its_case_and_a_shrunk_corpus(monkeypatch) -> None:
    """The harness itself: a crash planted in one extractor is caught, shrunk and shown."""
    from checker.extract import people

    real = people.find

    def broken(sentence, index, ctx):
        if "zebra" in sentence.text:
            raise ZeroDivisionError("planted")
        return real(sentence, index, ctx)

    monkeypatch.setattr(people, "find", broken)
    docs = [
        fuzz.Doc(
            "a.txt",
            "txt",
            [fuzz.Record(pieces=["The vote was 3-1. ", "A zebra said so. ", "On Monday it passed."])],
        ),
        fuzz.Doc("b.txt", "txt", [fuzz.Record(pieces=["Nothing here."])]),
    ]
    failures = fuzz.run_docs(docs)
    assert failures and "ZeroDivisionError" in failures[0].error
    assert failures[0].where.startswith("checker/extract/")
    minimal = fuzz.shrink(docs, failures[0], "never")
    assert fuzz.shown(minimal).count("|") == 1 and "zebra" in fuzz.shown(minimal)


# ------------------------------------------------------------------ hypothesis fillers

NUMBERS = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.integers(0, 10**12).map(lambda v: f"{v:,}"),
    st.sampled_from(fuzz.NUMBER_WORDS),
    st.sampled_from(["0", "00", "1,2,3", "12-", "½", "１２３"]),
)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


NAME_CHARS = st.characters(categories=("Lu", "Ll", "Lo", "Mn", "Zs", "Pd", "Po"))
FILLER_STRATEGIES = {
    "n": NUMBERS,
    "year": st.one_of(st.integers(-100, 12000).map(str), st.sampled_from(["1", "1992", "2999", "10000"])),
    "ord": st.one_of(st.integers(0, 10**6).map(_ordinal), st.sampled_from(fuzz.ORDINAL_WORDS)),
    "day": st.integers(0, 99).map(str),
    "dom": st.integers(0, 99).map(_ordinal),
    "weekday": st.sampled_from(fuzz.WEEKDAYS),
    "month": st.sampled_from(fuzz.MONTHS),
    "country": st.sampled_from(fuzz.COUNTRIES),
    "name": st.one_of(
        st.sampled_from(fuzz.SCRIPT_NAMES),
        st.tuples(st.sampled_from(fuzz.GIVEN), st.sampled_from(fuzz.FAMILY)).map(" ".join),
        st.text(NAME_CHARS, min_size=1, max_size=80),
    ),
}
RANDOMS = st.randoms(use_true_random=False)


@st.composite
def reports(draw) -> list[tuple[str, dt.date | None]]:
    """1 to 3 reports, each a few template sentences with hypothesis-drawn fillers."""
    theme = draw(st.sampled_from(fuzz.THEMES))
    rng = draw(RANDOMS)
    out = []
    for _ in range(draw(st.integers(1, 3))):
        sentences = []
        for _ in range(draw(st.integers(1, 4))):
            family = draw(st.sampled_from(fuzz.FAMILIES))
            template = draw(st.sampled_from(fuzz.TEMPLATES[family]))

            def pick(kind: str) -> str:
                if kind in theme:
                    return draw(st.sampled_from(theme[kind]))
                if kind in FILLER_STRATEGIES:
                    return draw(FILLER_STRATEGIES[kind])
                return fuzz.FILLERS[kind](rng)

            sentences.append(fuzz.fill(template, pick))
        published = draw(st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max])))
        out.append((" ".join(sentences), published))
    return out


@settings(
    derandomize=True,
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(reports())
def test_template_sentences_extract_judge_and_render(drafts) -> None:
    digests = []
    for number, (text, published) in enumerate(drafts):
        meta = {"published": published} if published else {}
        article = make_article(f"r{number}.txt", text, LEX, meta=meta)
        claims = extract_claims(article, LEX)
        for claim in claims:
            assert 0 <= claim.value_start <= claim.value_end <= len(text)
        digests.append(digest(article, LEX))
    corpus = judge_digests(digests, RULES)
    out = io.StringIO()
    write_json(corpus, None, out)
    data = json.loads(out.getvalue())
    assert data["summary"]["articles"] == len(drafts)


# ------------------------------------------------------------------ regression cases

# The minimal corpora of the crashes the long runs found, each as {file name: content}.
MINIMAL_CASES = {
    # a tally with one part dated ("in 1992, when") and one not: the parts were sorted by
    # (offset, year) with None against an int
    "tally-part-with-a-year-before": {
        "a.txt": "It passed 120-8-50, up from 1992, when it got 59 votes in favor.\n"
    },
    "tally-part-with-a-year-after": {
        "a.txt": "The assembly voted 3 against, 59 in favor in 1992, when the vote was first held.\n"
    },
    "tally-parts-mixed-in-a-generated-report": {
        "a.md": "The assembly voted 12 against fifteen in favor in 2022 when the vote was first held.\n"
    },
    # an event date without a year read against the last or the first day of the calendar
    "weekday-published-on-the-last-day": {
        "a.md": "---\npublished: 9999-12-31\n---\nThe General Assembly adopted the resolution on Thursday.\n"
    },
    "day-of-month-published-on-the-first-day": {
        "a.md": "---\npublished: 0001-01-01\n---\nThe General Assembly adopted the resolution on the 31st.\n"
    },
    "weekday-published-on-the-first-day": {
        "a.md": "---\npublished: 0001-01-01\n---\nOn Thursday, the assembly adopted the text.\n",
        "b.jsonl": '{"id": 1, "published": "9999-12-31", "text": "The vote took place on the '
        '31st. The assembly voted on Dec. 31."}\n',
    },
}


@pytest.mark.parametrize("name", sorted(MINIMAL_CASES))
def test_minimal_case_runs_clean(name: str, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for file_name, content in MINIMAL_CASES[name].items():
        (folder / file_name).write_text(content, encoding="utf-8")
    failures = fuzz.run_pipeline(folder, tmp_path)
    assert not failures, "\n".join(f"{f.stage}: {f.error} at {f.where}\n{f.trace}" for f in failures)


def test_mixed_tally_keeps_both_parts() -> None:
    article = make_article("a.txt", MINIMAL_CASES["tally-part-with-a-year-before"]["a.txt"], LEX)
    tallies = {(c.value, c.detail("year")) for c in extract_claims(article, LEX) if c.slot == "tally"}
    assert tallies == {((120, 8, 50), None), ((59, None, None), 1992)}


@pytest.mark.parametrize(
    ("value", "reference", "expected"),
    [
        ((None, None, None, 3), dt.date.max, dt.date(9999, 12, 30)),  # a Thursday
        ((None, None, 31, None), dt.date.max, dt.date(9999, 12, 31)),
        ((None, 12, 31, None), dt.date.max, dt.date(9999, 12, 31)),
        ((None, None, 31, None), dt.date.min, None),  # no earlier day to count back to
        ((None, None, None, 0), dt.date.min, dt.date.min),  # 0001-01-01 was a Monday
        ((None, None, None, 3), dt.date.min, None),
        ((None, None, None, 3), dt.date(2020, 12, 17), dt.date(2020, 12, 17)),
        ((None, None, 16, None), dt.date(2020, 12, 17), dt.date(2020, 12, 16)),
    ],
)
def test_resolve_date_at_the_ends_of_the_calendar(value, reference, expected) -> None:
    assert resolve_date(value, reference) == expected
