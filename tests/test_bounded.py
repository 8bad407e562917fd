"""Bounded work on hostile metadata: series signatures and the HTML page stay linear in a long
title or series name, metadata is capped with a warning, --jobs is at most one a CPU, and a
.jsonl id used twice is skipped rather than read as a second report under one name.

The subprocess timeouts here are hang guards (hundreds of times the expected time), not speed
assertions.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker import html_layout as page
from checker.articles import MAX_ID, MAX_META, read_reports
from checker.html import render_html
from checker.html_layout import MAX_SHOWN
from checker.lexicon import default_lexicon
from checker.parallel import ordered_map, pool_size
from checker.pipeline import check
from checker.series import event_names
from rules import all_rules

HANG_GUARD = 120  # seconds; the work below takes well under one
CLAIM = "The 5th annual Lakeside City Marathon was held on Sunday in Lakeside."


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _front_matter(**meta: str) -> str:
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()) + "---\n"


# ---------------------------------------------------------------- series signatures


def _plain_event_names(text: str) -> list[str]:
    """event_names as one regex over the whole text (quadratic on a long capitalised word)."""
    lex = default_lexicon()
    nouns = "|".join(re.escape(w) for w in sorted(lex.words("edition_nouns"), key=len, reverse=True))
    stop = {w.lower() for w in lex.words("not_name_words") + lex.words("generic_event_words")}
    venue = "|".join(re.escape(w) for w in lex.words("place_venue_words"))
    names = []
    for m in re.finditer(rf"((?:[A-Z][\w'-]+\s+){{1,4}})(?i:{nouns})\b(?!\s+(?:{venue})\b)", text):
        parts = re.split(r"\s+|(?<=[A-Za-z])-(?=[A-Za-z])", m.group(1))
        words = [w for w in parts if w and w.lower() not in stop and not re.match(r"\d", w)]
        if words:
            names.append(" ".join(words).lower())
    # a name after its edition's ordinal, whatever it ends with ("the 5th Air Show")
    kind_words = {w for noun in lex.words("edition_nouns") for w in noun.split()}
    for m in re.finditer(
        r"(?<![\w'-])(?i:the)\s+\d+(?:st|nd|rd|th)\s+((?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]+)(?!\s*[A-Z\d])",
        text,
    ):
        parts = re.split(r"\s+|(?<=[A-Za-z])-(?=[A-Za-z])", m.group(1))
        words = [w for w in parts if w and w.lower() not in stop and not re.match(r"\d", w)]
        if words and not kind_words & set(m.group(1).lower().split()) and lex.entity(m.group(1)) is None:
            names.append(" ".join(words).lower())
    return names


def test_event_names_read_as_the_plain_regex_does() -> None:
    lex = default_lexicon()
    pieces = [
        "A",
        "Bb",
        "cup",
        "Cup",
        "Open",
        "open",
        "-",
        "'",
        " ",
        "\n",
        "eBay",
        "x",
        "Ray",
        "Grand",
        "Prix",
        "Marathon",
        "5th",
        "\u00c9",
        "AB",
        "Air",
        ".",
        "Festival",
        "The",
    ]
    rnd = random.Random(5)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " ", "-"]) for _ in range(rnd.randint(1, 10)))
        assert event_names(text, lex) == _plain_event_names(text), text
    for text in (
        "the Lakeside City Marathon",
        "eBay Cup winners",
        "the Big Open-Air Festival",
        "Riverside Film Festival and Lakeside Grand Prix",
        "Ab" * 40 + " Cup",
    ):
        assert event_names(text, lex) == _plain_event_names(text), text


def test_event_names_are_linear_in_a_long_capitalised_word() -> None:
    # a million characters: quadratic work would take hours, linear work milliseconds
    code = (
        "from checker.lexicon import default_lexicon; from checker.series import event_names;"
        "lex = default_lexicon();"
        "assert event_names('A' * 1_000_000, lex) == [];"
        "assert event_names('Ab' * 500_000, lex) == [];"
        "assert event_names('Open-' * 200_000, lex) == [];"
        "assert event_names(('Aa ' * 4 + 'x ') * 100_000, lex) == []"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=HANG_GUARD)


# ---------------------------------------------------------------- metadata caps


def test_front_matter_fields_are_capped_with_a_warning(tmp_path: Path) -> None:
    long = {
        "title": "T" * 40_000,
        "outlet": "O" * 5_000,
        "series": "S" * 1_001,
        "url": "https://example.org/" + "u" * 10_000,
    }
    path = _write(tmp_path / "long.md", _front_matter(**long, published="2020-05-01") + CLAIM)
    [article] = read_reports([str(path)]).articles
    for key, value in long.items():
        assert getattr(article, key) == value[: MAX_META[key]]
        [warning] = [w for w in article.warnings if f"'{key}'" in w]
        assert warning.startswith(f"{path}: ") and f"{len(value):,} characters" in warning
    assert article.published is not None and article.published.year == 2020


def test_fields_at_the_cap_are_read_whole_without_a_warning(tmp_path: Path) -> None:
    meta = {key: "x" * limit for key, limit in MAX_META.items()}
    [article] = read_reports([str(_write(tmp_path / "r.md", _front_matter(**meta) + CLAIM))]).articles
    assert all(getattr(article, key) == value for key, value in meta.items())
    assert article.warnings == ()


def test_jsonl_fields_are_capped_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    record = {
        "id": "a",
        "text": CLAIM,
        "published": "2020-05-01",
        "title": "A" * 100_000,
        "outlet": "B" * 100_000,
        "series": "C" * 100_000,
        "url": "D" * 100_000,
    }
    path = _write(tmp_path / "feed.jsonl", json.dumps(record) + "\n")
    [article] = read_reports([str(path)]).articles
    assert (len(article.title), len(article.outlet), len(article.series), len(article.url)) == (
        MAX_META["title"],
        MAX_META["outlet"],
        MAX_META["series"],
        MAX_META["url"],
    )
    assert len(article.warnings) == 4
    assert all(w.startswith(f"{path}#a: ") for w in article.warnings)


def test_a_long_title_leaves_the_series_signature_small(tmp_path: Path) -> None:
    for i, edition in enumerate(("5th", "6th")):
        _write(
            tmp_path / f"r{i}.md",
            _front_matter(title="A" * 60_000, published="2020-05-01") + CLAIM.replace("5th", edition),
        )
    corpus = check([str(tmp_path)], all_rules())
    assert all(len(a.title) == MAX_META["title"] for a in corpus.articles)
    assert len({occ.series for occ in corpus.occurrences.values()}) == 1
    assert [f.verdict.value for f in corpus.findings] == ["conflict"]


# ---------------------------------------------------------------- the HTML page


def _plain_fit(text: str, width: float, size: float = 12) -> str:
    """_fit as it was written first: cut a character at a time (quadratic)."""
    if page.text_width(text, size) <= width:
        return text
    while len(text) > 3 and page.text_width(text + "\u2026", size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def test_fit_cuts_as_a_character_at_a_time_would() -> None:
    rnd = random.Random(9)
    alphabet = "fijAmW@ xyz\u4e2d,.Q "
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        width = rnd.choice([0, 5, 10, 20, 33.6, 40, 100, 200, rnd.uniform(0, 300)])
        size = rnd.choice([11, 12, 13.5])
        assert page.fit_text(text, width, size) == _plain_fit(text, width, size), (text, width)


def test_fit_and_clean_are_linear_in_a_long_name() -> None:
    code = (
        "from checker import html_layout as h;"
        "assert h.fit_text('x' * 2_000_000, 300) == h.fit_text('x' * 100, 300);"
        "assert len(h.clean_text('y' * 2_000_000)) == h.MAX_SHOWN + 1"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=HANG_GUARD)


def test_a_long_series_name_is_shown_cut(tmp_path: Path) -> None:
    name = "Lakeside " + "x" * 60_000
    for i, edition in enumerate(("5th", "6th")):
        _write(
            tmp_path / f"r{i}.md",
            _front_matter(series=name, published=f"2020-05-0{i + 1}") + CLAIM.replace("5th", edition),
        )
    corpus = check([str(tmp_path)], all_rules())
    html_page = render_html(corpus)
    assert corpus.findings and "Lakeside xxx" in html_page
    assert max(len(run) for run in re.findall("x+", html_page)) <= MAX_SHOWN
    assert len(html_page) < 200_000


def test_clean_keeps_text_up_to_the_cap() -> None:
    assert page.clean_text("a" * MAX_SHOWN) == "a" * MAX_SHOWN
    assert page.clean_text("a" * (MAX_SHOWN + 1)) == "a" * MAX_SHOWN + "\u2026"


# ---------------------------------------------------------------- --jobs


def test_jobs_are_at_most_one_a_cpu() -> None:
    cpus = os.cpu_count() or 1
    assert pool_size(64, 1000) == cpus
    assert pool_size(None, 1000) == cpus
    assert pool_size(1, 1000) == 1
    assert pool_size(64, 3) == min(cpus, 3)
    assert pool_size(64, 0) == 1


def test_ordered_map_starts_no_more_processes_than_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    sizes: list[int] = []

    class Recording(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: object) -> None:
            sizes.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recording)
    items = list(range(-40, 0))
    assert list(ordered_map(abs, items, 64, {})) == [abs(i) for i in items]
    assert all(n <= (os.cpu_count() or 1) for n in sizes)


# ---------------------------------------------------------------- .jsonl ids


def _record(ident: object, edition: str) -> str:
    return json.dumps({"id": ident, "text": CLAIM.replace("5th", edition), "published": "2020-05-01"}) + "\n"


def test_a_duplicate_jsonl_id_is_skipped_with_its_first_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "feed.jsonl", _record("x", "5th") + "\n" + _record("x", "6th") + _record("y", "7th")
    )
    result = read_reports([str(path)])
    assert [(a.path, a.line_of(0)) for a in result.articles] == [(f"{path}#x", 1), (f"{path}#y", 4)]
    assert [(s.path, s.reason) for s in result.skipped] == [
        (f"{path}:3", "duplicate id 'x' (first on line 1)")
    ]
    path.write_text(_record("x", "5th") + _record("x", "6th"), encoding="utf-8")
    corpus = check([str(path)], all_rules())
    assert not corpus.findings  # the second record is no second report to contradict the first


def test_a_duplicate_id_is_told_on_the_command_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "feed.jsonl", _record("x", "5th") + _record("x", "6th"))
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(path), "--no-config", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )
    assert done.returncode == 0, done.stderr
    assert f"factlint: skipped {path}:2: duplicate id 'x' (first on line 1)" in done.stderr
    assert json.loads(done.stdout)["skipped"] == [
        {"path": f"{path}:2", "reason": "duplicate id 'x' (first on line 1)"}
    ]


def test_ids_are_names_within_one_feed_only(tmp_path: Path) -> None:
    a = _write(tmp_path / "a" / "feed.jsonl", _record("x", "5th"))
    b = _write(tmp_path / "b" / "feed.jsonl", _record("x", "6th"))
    result = read_reports([str(tmp_path)])
    assert [x.path for x in result.articles] == [f"{a}#x", f"{b}#x"] and not result.skipped


def test_a_line_named_record_never_takes_the_name_of_an_id(tmp_path: Path) -> None:
    # line 1 has no id and is named "1"; line 2's id is "1" as well
    path = _write(tmp_path / "feed.jsonl", json.dumps({"text": CLAIM}) + "\n" + _record(1, "6th"))
    result = read_reports([str(path)])
    assert [x.path for x in result.articles] == [f"{path}#1", f"{path}#1@2"]
    assert not result.skipped


def test_a_jsonl_id_too_long_to_be_a_name_names_the_record_by_its_line(tmp_path: Path) -> None:
    lines = [{"id": "i" * (MAX_ID + 1), "text": CLAIM}, {"id": "short", "text": CLAIM}]
    path = _write(tmp_path / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    articles = read_reports([str(path)]).articles
    assert [a.path for a in articles] == [f"{path}#1", f"{path}#short"]
    assert articles[0].warnings == (
        f"{path}:1: 'id' is longer than {MAX_ID:,} characters; the record is named by its line",
    )
