"""The benchmark corpus generator (benchmarks/generate.py, issue 6): deterministic, complete,
and every contradiction it plants is one factlint finds."""

from __future__ import annotations

import importlib.util
import json
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
