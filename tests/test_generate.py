"""The benchmark corpus generator (benchmarks/generate.py, issue 6): deterministic, complete,
and every contradiction it plants is one factlint finds."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"fl_bench_{name}", REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


generate = _load("generate")
run = _load("run")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    generate.generate(80, tmp_path / "a", seed=7)
    generate.generate(80, tmp_path / "b", seed=7)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_another_seed_another_corpus(tmp_path: Path) -> None:
    generate.generate(30, tmp_path / "a", seed=1)
    generate.generate(30, tmp_path / "b", seed=2)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_writes_n_reports_and_expected(tmp_path: Path) -> None:
    expected = generate.generate(120, tmp_path, seed=3)
    reports = sorted(p.name for p in tmp_path.glob("*.md"))
    assert len(reports) == 120
    assert json.loads((tmp_path / "expected.json").read_text()) == expected
    assert sorted(expected["reports"]) == reports
    assert len(expected["planted"]) == 6  # 5 % of 120
    for planted in expected["planted"]:
        assert planted["rule"] in ("FL101", "FL302", "FL401")
        assert planted["file"] != planted["partner"]
        assert expected["reports"][planted["file"]] == expected["reports"][planted["partner"]]
        assert planted["planted"] != planted["true"]
        assert planted["quote"] and planted["quote"] in (tmp_path / planted["file"]).read_text()
    text = (tmp_path / reports[0]).read_text()
    assert text.startswith("---\ntitle: ") and "\noutlet: " in text and "\npublished: " in text


def test_cli(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), "12", str(tmp_path), "--seed", "5"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(list(tmp_path.glob("*.md"))) == 12


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.slow
def test_factlint_finds_every_planted_contradiction(tmp_path: Path, seed: int) -> None:
    """End to end: the real CLI on 60 generated reports finds each planted contradiction and
    keeps the events apart (no finding compares reports of two events)."""
    corpus = tmp_path / "corpus"
    expected = generate.generate(60, corpus, seed=seed)
    kinds = {p["rule"] for p in expected["planted"]}
    assert len(expected["planted"]) == 3 and len(kinds) >= 2
    out = tmp_path / "findings.json"
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(corpus), "--format", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert proc.returncode in (0, 1), proc.stderr
    quality = run.score(json.loads(out.read_text()), expected)
    assert quality["missed"] == []
    assert quality["mixed_findings"] == []
    assert quality["mixed_series"] == {}


# ---------------------------------------------------------------- the realistic style


def _texts(folder: Path) -> dict[str, str]:
    """Each report as written: bytes decoded without touching line ends or a BOM."""
    return {p.name: p.read_bytes().decode("utf-8") for p in sorted(folder.glob("*.md"))}


@pytest.fixture(scope="module")
def realistic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("realistic")
    return folder, generate.generate(100, folder, seed=11, style="realistic")


def test_realistic_same_seed_same_bytes(tmp_path: Path, realistic: tuple[Path, dict]) -> None:
    generate.generate(100, tmp_path, seed=11, style="realistic")
    assert _files(tmp_path) == _files(realistic[0])


def test_the_default_style_is_the_template(tmp_path: Path) -> None:
    """The realistic style leaves the template corpus's bytes as they were."""
    generate.generate(40, tmp_path / "a", seed=3)
    generate.generate(40, tmp_path / "b", seed=3, style="template")
    generate.generate(40, tmp_path / "c", seed=3, style="realistic")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert "style" not in json.loads((tmp_path / "a" / "expected.json").read_text())
    assert json.loads((tmp_path / "c" / "expected.json").read_text())["style"] == "realistic"
    # the same plan: the same reports about the same occurrences, other text
    a, c = _texts(tmp_path / "a"), _texts(tmp_path / "c")
    assert a.keys() == c.keys() and all(a[k] != c[k] for k in a)
    with pytest.raises(ValueError):
        generate.generate(1, tmp_path / "d", style="fancy")


def test_realistic_reports_are_wire_length(realistic: tuple[Path, dict]) -> None:
    words = [len(text.split()) for text in _texts(realistic[0]).values()]
    assert min(words) >= 400
    assert max(words) <= 1100  # the story is drawn at 400-900 words; junk and byline come on top
    assert 550 <= sum(words) / len(words) <= 850


def test_realistic_reports_carry_junk_bylines_and_noise(realistic: tuple[Path, dict]) -> None:
    texts = _texts(realistic[0])
    every = "\n".join(texts.values())
    for junk in ("[ad_1]", "Advertisement", "Share this article", "[Photo] ", "Subscribe to "):
        assert junk in every, junk
    assert re.search(r"^(Read more|Related|RELATED): ", every, re.M)
    assert re.search(r"^By [A-Z][a-z]+ [A-Z][a-z]+, (Reuters|AP|AFP|dpa|EFE|Xinhua|ANSA)\r?$", every, re.M)
    assert re.search(
        r"^[A-Z]{4,}(, [A-Z][a-z]+)? (\([A-Za-z]+\) )?(--|\u2014|\u00e2\u20ac\u201d) ", every, re.M
    )
    assert re.search(r"\u201c[^\u201d]+,\u201d said [A-Z]", every)  # a quote from an official
    assert "\u00e2\u20ac\u2122" in every  # mojibake of a typographic apostrophe
    assert "\u00a0" in every and "&nbsp;" in every
    starts = [t for t in texts.values() if t.startswith("\ufeff---\n") or t.startswith("\ufeff---\r\n")]
    assert starts and len(starts) < len(texts)
    assert any("\ufeff" in t[1:] for t in texts.values())  # a stray BOM inside the text
    crlf = [t for t in texts.values() if "\r\n" in t]
    assert crlf and len(crlf) < len(texts)
    assert all("\n" not in t.replace("\r\n", "") for t in crlf)  # a file is CRLF throughout


def test_realistic_claims_come_in_several_wordings(realistic: tuple[Path, dict]) -> None:
    every = "\n".join(_texts(realistic[0]).values()).replace("\u00a0", " ").replace("&nbsp;", " ")
    streaks = ("year running", "straight year", "consecutive year", "year in a row", "now in its", "time")
    assert (
        sum(
            re.search(rf"\b(\d+(st|nd|rd|th)|[a-z]+th|[a-z]+-?[a-z]+) {w}", every) is not None
            for w in streaks
        )
        >= 4
    )
    tallies = (
        r"\d+ in favour, \d+ against",
        r"\d+ votes to \d+",
        r"passed \d+-\d+",
        r"\d+ for and \d+ against",
    )
    assert sum(re.search(t, every) is not None for t in tallies) >= 3


def test_realistic_expected_is_consistent(realistic: tuple[Path, dict]) -> None:
    folder, expected = realistic
    texts = _texts(folder)
    assert json.loads((folder / "expected.json").read_text()) == expected
    assert sorted(expected["reports"]) == sorted(texts) and expected["reports_count"] == 100
    assert len(expected["planted"]) == 5
    for planted in expected["planted"]:
        assert planted["file"] != planted["partner"]
        assert expected["reports"][planted["file"]] == expected["reports"][planted["partner"]]
        assert planted["planted"] != planted["true"]
        # the planted sentence as written, encoding noise included
        assert planted["quote"] and planted["quote"] in texts[planted["file"]]


@pytest.mark.slow
def test_factlint_reads_every_realistic_report(realistic: tuple[Path, dict], tmp_path: Path) -> None:
    """End to end: no report is skipped and nothing breaks on junk, BOMs, CRLF or mojibake; the
    events stay apart. Recall of the planted contradictions is measured, not required here."""
    folder, expected = realistic
    out = tmp_path / "findings.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            str(folder),
            "--format",
            "json",
            "-o",
            str(out),
            "--no-config",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    findings = json.loads(out.read_text())
    assert findings["skipped"] == [] and findings["summary"]["articles"] == 100
    published = {Path(a["path"]).name: a.get("published") for a in findings["articles"]}
    assert all(published.values()), "front matter behind a BOM or CRLF was not read"
    quality = run.score(findings, expected)
    assert quality["planted"] == 5
    # the audit renders the realistic style to know what each report stated
    assert run.audit(findings, expected, 11)["stated"]["event-date"] == 100
