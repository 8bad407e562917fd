"""A whole check holds one series' digests at a time, not every report's: the digests are
kept on disk as they are read (checker.spill), each series' are read back when it is judged
and let go of after, and the corpus a run returns reads its articles and claims from disk. The
findings and every format's output are those of judging all the reports at once."""

from __future__ import annotations

import gc
import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import generate_corpus

from checker import pipeline
from checker.digest import digest_file
from checker.lexicon import default_lexicon
from checker.models import Corpus, Digest
from checker.report import make_console, render_text, to_json
from checker.selection import select_rules


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bounded-check")
    generate_corpus(90, folder, seed=19)
    return folder


def _text(corpus: Corpus) -> str:
    out = io.StringIO()
    render_text(corpus, make_console("never", file=out, width=120))
    return out.getvalue()


def _digests_alive() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is Digest)


def _held_at_once(corpus: Path, monkeypatch: pytest.MonkeyPatch, indexed: bool, tmp_path: Path) -> list:
    """For each series judged: how many reports it holds, and how many digests are alive."""
    judged: list[tuple[int, int]] = []
    judge = pipeline._judge
    gc.collect()
    before = _digests_alive()  # what else this process holds (other tests' data)

    def counting(digests: Sequence[Digest], *args: object) -> Corpus:
        gc.collect()
        judged.append((len(digests), _digests_alive() - before))
        return judge(digests, *args)

    monkeypatch.setattr(pipeline, "_judge", counting)
    if indexed:
        pipeline.check_indexed([str(corpus)], select_rules(), str(tmp_path / "index.sqlite"), jobs=1)
    else:
        pipeline.check([str(corpus)], select_rules(), jobs=1)
    return judged


@pytest.mark.parametrize("indexed", [False, True], ids=["read", "indexed"])
def test_a_check_holds_the_digests_of_one_series_at_a_time(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, indexed: bool, tmp_path: Path
) -> None:
    judged = _held_at_once(corpus, monkeypatch, indexed, tmp_path)
    reports = len(list(corpus.glob("*.md")))
    assert len(judged) >= 5, "the reports are judged series by series"
    assert sum(n for n, _ in judged) == reports  # each report judged once
    for size, alive in judged:
        # the series at hand, and at most the last file read; never the archive's digests
        assert alive <= size + 2 < reports


def test_the_corpus_is_read_from_disk_and_judged_as_a_whole_would_be(corpus: Path) -> None:
    rules = select_rules()
    spilled = pipeline.check([str(corpus)], rules, jobs=1)
    lex = default_lexicon()
    digests = [d for p in sorted(corpus.glob("*.md")) for d in digest_file(str(p), lex)[0]]
    whole = pipeline.judge_digests(digests, rules)
    assert not isinstance(spilled.claims, tuple) and not isinstance(spilled.articles, tuple)
    assert len(spilled.claims) == len(whole.claims) and len(spilled.articles) == len(whole.articles)
    assert spilled.claims == whole.claims and spilled.articles == whole.articles  # walked again
    assert dict(spilled.occurrences.items()) == whole.occurrences
    assert spilled.findings == whole.findings
    assert to_json(spilled) == to_json(whole)
    assert _text(spilled) == _text(whole)


def test_a_series_is_read_back_once(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each series' digests are read from the spill when it is judged, once."""
    from checker import spill

    made: list[spill.Spill] = []
    monkeypatch.setattr(pipeline, "Spill", lambda: made.append(spill.Spill()) or made[-1])
    found = pipeline.check([str(corpus)], select_rules(), jobs=1)
    series = {o.series for o in found.occurrences.values()}
    assert made and made[0].judged == len(series) > 1
