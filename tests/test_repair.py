"""Scraped text decoded twice ("menâ€™s") and HTML entities ("$22.7&nbsp;million") are put right
before anything is read, so claims come out as from clean text; clean text is left alone."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import factlint

from checker.articles import make_article, repair
from checker.extract import extract_claims
from checker.lexicon import default_lexicon

CLEAN = (
    "The men's race of the Lakeside City Marathon was won by Ana Ruiz in 2:21:09.\n"
    "The city approved a budget of $22.7 million on Tuesday.\n"
)


def _claims(text: str) -> set[tuple[str, str]]:
    lex = default_lexicon()
    return {(c.slot, c.display) for c in extract_claims(make_article("r.md", text, lex), lex)}


def test_text_decoded_twice_and_entities_give_the_claims_of_clean_text() -> None:
    broken = CLEAN.replace("'", "â€™").replace("$22.7 million", "$22.7&nbsp;million")
    assert _claims(CLEAN) and _claims(broken) == _claims(CLEAN)


def test_a_repaired_report_says_so_and_keeps_its_lines() -> None:
    lex = default_lexicon()
    broken = CLEAN.replace("'", "â€™")
    article = make_article("r.md", broken, lex)
    assert any("decoded twice" in w for w in article.warnings)
    assert article.raw.count("\n") == broken.count("\n")


def test_clean_text_is_left_alone() -> None:
    for text in (
        CLEAN,
        "Le bâtiment à Genève & AT&T; the text was “adopted”.\n",
        "R&D spending rose 5%.\n",
        "The page showed &lt;b&gt; as text.\n",  # markup entities stay as written
    ):
        assert repair(text) == (text, [])


def test_the_check_reads_a_broken_report_like_its_clean_copy(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "clean.md").write_text("---\npublished: 2024-04-15\n---\n" + CLEAN, encoding="utf-8")
    broken = CLEAN.replace("'", "â€™").replace("2:21:09", "2:21:19")
    (tmp_path / "broken.md").write_text("---\npublished: 2024-04-15\n---\n" + broken, encoding="utf-8")
    done = factlint("check", ".", "-f", "json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    found = json.loads(done.stdout)["conflicts"]
    assert any(
        f["slot"].startswith("result-time")
        and {Path(a).name for s in f["sides"] for a in s["articles"]} == {"clean.md", "broken.md"}
        for f in found
    ), done.stdout
