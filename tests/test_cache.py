"""What is kept between runs on one machine: what the cache hands the regex engine behaves as
re.compile's pattern, kept vocabulary data is what parsing gives, a cache that cannot be
read or written only costs time, and the readers' patterns are the same text in every run
(else the cache would never be hit)."""

from __future__ import annotations

import datetime
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEEDS

from checker.cache import CACHE_ENV, KeptTable, PatternStore, cache_file, parsed_once

PATTERNS = [
    (r"(?P<winner>[A-Z][a-z]+)\s+won\s+in\s+(?P<time>\d:\d\d:\d\d)", 0),
    (r"(?i:co-?hosts?|presenters?)\s+(\w+)\s+and\s+(\w+)", 0),
    (r"(?<![\w-])(?:fifty|sixty)[\s-]+(?:one|two)(?![\w-])", re.IGNORECASE),
    (r"^\s*(?P<label>yes|no)\s+(\d+)\s*$", re.MULTILINE | re.IGNORECASE),
    (
        r"""(?x) (?P<day>\d{1,2})   # the day
         \s+ (?P<month>[A-Z][a-z]+)""",
        0,
    ),
    (r"[^\t\n\r -~\x85\xa0-\ud7ff]++", 0),
    (r"(\d+)(?:st|nd|rd|th)\s+(?=edition)", 0),
]
TEXTS = [
    "Ana Ruiz won in 2:05:04 on Sunday.",
    "Co-hosts Lena and Marc opened; presenters Ivo and Rosa closed.",
    "FIFTY-TWO countries and sixty one delegations",
    "Yes 120\nno 8\nabstain 3",
    "held on 11 December, not 12 Decembre",
    "caf\u00e9 \u2014 \U0001f600 menâ€™s",
    "the 41st edition and the 42nd edition",
]


def _store(folder: Path, monkeypatch: pytest.MonkeyPatch) -> PatternStore:
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return PatternStore()


def _same(cached: re.Pattern[str], plain: re.Pattern[str]) -> None:
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
        plain.pattern,
        plain.flags,
        plain.groups,
        plain.groupindex,
    )
    for text in TEXTS:
        assert [m.span() + m.groups() for m in cached.finditer(text)] == [
            m.span() + m.groups() for m in plain.finditer(text)
        ]


def test_a_pattern_from_the_cache_file_behaves_as_re_compiles_it(tmp_path, monkeypatch):
    first = _store(tmp_path, monkeypatch)
    for pattern, flags in PATTERNS:
        _same(first.compile(pattern, flags), re.compile(pattern, flags))
    first.table.save()
    assert [p.name for p in tmp_path.iterdir()] == [Path(cache_file("patterns")).name]

    second = _store(tmp_path, monkeypatch)
    for pattern, flags in PATTERNS:
        _same(second.compile(pattern, flags), re.compile(pattern, flags))
    assert not second.table.grew  # every one came from the file


def test_a_bad_pattern_fails_as_re_compile_fails(tmp_path, monkeypatch):
    with pytest.raises(re.error, match="missing \\)"):
        _store(tmp_path, monkeypatch).compile(r"(unclosed", 0)


@pytest.mark.parametrize(
    "junk", [b"", b"not marshal at all", marshal.dumps([1, 2]), marshal.dumps({("x", 0): 5})]
)
def test_a_damaged_cache_file_is_ignored_and_written_afresh(tmp_path, monkeypatch, junk):
    store = _store(tmp_path, monkeypatch)
    Path(cache_file("patterns")).write_bytes(junk)
    pattern, flags = PATTERNS[0]
    _same(store.compile(pattern, flags), re.compile(pattern, flags))
    store.table.save()
    assert _store(tmp_path, monkeypatch).compile(pattern, flags).search(TEXTS[0])
    assert marshal.loads(Path(cache_file("patterns")).read_bytes())


def test_a_folder_that_cannot_be_written_costs_nothing_but_time(tmp_path, monkeypatch):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("mine")
    store = _store(blocked / "cache", monkeypatch)
    pattern, flags = PATTERNS[1]
    _same(store.compile(pattern, flags), re.compile(pattern, flags))
    store.table.save()  # no error
    assert blocked.read_text() == "mine"


def test_an_empty_cache_setting_reads_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(CACHE_ENV, "")
    store = PatternStore()
    assert cache_file("patterns") is None
    pattern, flags = PATTERNS[2]
    _same(store.compile(pattern, flags), re.compile(pattern, flags))
    store.table.save()
    assert list(tmp_path.iterdir()) == []


def _patterns_of_a_check(cache: Path, hash_seed: str) -> set[tuple[str, int]]:
    env = {**os.environ, CACHE_ENV: str(cache), "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(SEEDS), "--no-config", "-q"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    (written,) = cache.glob("patterns-*")
    return set(marshal.loads(written.read_bytes()))


def test_the_readers_build_the_same_patterns_whatever_order_sets_iterate_in(tmp_path):
    """Alternations built from sets are ordered by length, then alphabetically; ordered by
    length alone, the same words gave another pattern text in each process."""
    one = _patterns_of_a_check(tmp_path / "one", "1")
    two = _patterns_of_a_check(tmp_path / "two", "2")
    assert len(one) > 100
    assert one == two


VOCABULARY = "words: [Grand Final, semi-final]\ncount: 3\nnested: {a: [1, 2.5, null, true]}\n"


def test_kept_vocabulary_data_is_what_parsing_gives_and_each_caller_gets_its_own(tmp_path, monkeypatch):
    import checker.cache as cache

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(cache, "_PARSED", KeptTable("vocabulary", cache._parsed_row))
    parses = []

    def parse(text: str) -> dict:
        parses.append(text)
        return yaml.safe_load(text)

    first = parsed_once(VOCABULARY, parse, "test parser")
    cache._PARSED.save()
    monkeypatch.setattr(cache, "_PARSED", KeptTable("vocabulary", cache._parsed_row))
    second = parsed_once(VOCABULARY, parse, "test parser")
    second["words"].append("changed by one caller")
    third = parsed_once(VOCABULARY, parse, "test parser")

    assert first == third == yaml.safe_load(VOCABULARY)
    assert len(parses) == 1  # the second and third came from the file
    assert parsed_once(VOCABULARY, parse, "another parser") == first and len(parses) == 2


def test_data_marshal_cannot_hold_is_parsed_every_time(tmp_path, monkeypatch):
    import checker.cache as cache

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(cache, "_PARSED", KeptTable("vocabulary", cache._parsed_row))
    dated = "held: 2024-05-11\n"
    assert parsed_once(dated, yaml.safe_load, "test parser") == {"held": datetime.date(2024, 5, 11)}
    assert not cache._PARSED.grew
