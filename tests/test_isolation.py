"""One report that fails to be read, digested or judged is skipped with its reason; the run goes
on for the others, in every command, with or without worker processes and the index.

The failure is injected through the documented test hook FACTLINT_TEST_FAIL=STAGE:TEXT, which
reaches worker processes too."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import factlint

from checker.digest import FAULT_VARIABLE
from checker.pipeline import check
from rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BAD = "004_fa8313e7129cf204"  # a seed whose findings change the report when it is left out
COPIES = 4  # 20 reports: enough for a pool of worker processes


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty reports: four copies of the seeds, each copy in a folder of its own."""
    root = tmp_path_factory.mktemp("isolation")
    for n in range(COPIES):
        shutil.copytree(SEEDS, root / "reports" / f"copy{n}")
    return root


@pytest.fixture(scope="module")
def without_bad(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The JSON report of the same corpus with the failing report removed by hand."""
    other = tmp_path_factory.mktemp("without")
    shutil.copytree(corpus / "reports", other / "reports")
    (other / "reports" / "copy2" / f"{BAD}.txt").unlink()
    done = factlint("check", "reports", "-f", "json", "--no-config", cwd=other)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def _fail(stage: str) -> dict[str, str]:
    return {FAULT_VARIABLE: f"{stage}:copy2/{BAD}"}


def _comparable(report: dict) -> tuple:
    findings = [
        (f["rule"], f["series"], f["slot"], f["verdict"], [sorted(s["articles"]) for s in f["sides"]])
        for f in report["conflicts"]
    ]
    return sorted(map(repr, findings)), len(report["claims"]), len(report["articles"])


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("stage", ["read", "digest", "judge"])
def test_one_failing_report_is_skipped_and_the_rest_checked(corpus, without_bad, stage, jobs):
    done = factlint(
        "check",
        "reports",
        "-f",
        "json",
        "--no-config",
        "--jobs",
        jobs,
        cwd=corpus,
        env=_fail(stage),
        process=True,
    )
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert [s["path"] for s in report["skipped"]] == [f"reports/copy2/{BAD}.txt"]
    reason = report["skipped"][0]["reason"]
    assert reason.startswith("internal error while ") and "InjectedFailure" in reason
    assert f"factlint: skipped reports/copy2/{BAD}.txt: internal error while" in done.stderr
    assert "Traceback" not in done.stderr
    assert _comparable(report) == _comparable(without_bad)


@pytest.mark.parametrize("stage", ["read", "digest", "judge"])
def test_strict_turns_the_failure_into_exit_2(corpus, stage):
    done = factlint(
        "check", "reports", "--no-config", "--strict", "-q", cwd=corpus, env=_fail(stage), process=True
    )
    assert done.returncode == 2
    assert "1 input(s) skipped (--strict)" in done.stderr


@pytest.mark.parametrize(
    "command", [["claims"], ["timeline"], ["baseline", "--no-config"], ["graph", "-o", "g.graphml"]]
)
def test_every_command_goes_on(corpus, command, tmp_path):
    shutil.copytree(corpus / "reports", tmp_path / "reports")
    done = factlint(*command, "reports", cwd=tmp_path, env=_fail("digest"), process=True)
    assert done.returncode == 0, done.stderr
    assert f"skipped reports/copy2/{BAD}.txt: internal error" in done.stderr
    written = (tmp_path / "g.graphml").read_text() if "graph" in command else done.stdout
    others = ["copy1/", "copy3/"] if command[0] in ("claims", "graph") else ["North Korea"]
    assert all(name in written for name in others)  # the other reports are there


def test_stdin_and_new_reports_are_isolated_too(corpus):
    text = (SEEDS / f"{BAD}.txt").read_text(encoding="utf-8")
    done = factlint(
        "check",
        "-",
        "-f",
        "json",
        "--no-config",
        cwd=corpus,
        stdin=text,
        env={FAULT_VARIABLE: "digest:-"},
        process=True,
    )
    assert done.returncode == 0, done.stderr
    assert [s["path"] for s in json.loads(done.stdout)["skipped"]] == ["-"]
    done = factlint(
        "check",
        "--new",
        f"reports/copy2/{BAD}.txt",
        "--corpus",
        "reports/copy0",
        "-f",
        "json",
        "--no-config",
        "--index",
        "new.sqlite",
        cwd=corpus,
        env=_fail("digest"),
        process=True,
    )
    assert done.returncode == 0, done.stderr
    assert [s["path"] for s in json.loads(done.stdout)["skipped"]] == [f"reports/copy2/{BAD}.txt"]


@pytest.mark.parametrize("stage", ["digest", "judge"])
def test_the_index_keeps_every_other_report(corpus, without_bad, stage, tmp_path):
    shutil.copytree(corpus / "reports", tmp_path / "reports")
    done = factlint(
        "index",
        "reports",
        "--no-config",
        "--index",
        "i.sqlite",
        "--jobs",
        "2",
        cwd=tmp_path,
        env=_fail(stage),
        process=True,
    )
    assert done.returncode == 0, done.stderr
    assert "20 file(s), 20 read" in done.stderr
    # later checks read the index; a report that fails when judged fails there, not in index
    done = factlint(
        "check",
        "reports",
        "-f",
        "json",
        "--no-config",
        "--index",
        "i.sqlite",
        cwd=tmp_path,
        env=_fail(stage),
        process=True,
    )
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert [s["path"] for s in report["skipped"]] == [f"reports/copy2/{BAD}.txt"]
    assert _comparable(report) == _comparable(without_bad)


def test_a_report_failing_only_together_with_another_is_charged_to_one(monkeypatch):
    """Judging that fails only when two reports meet leaves out one of them, not all."""
    import checker.pipeline as pipeline

    real = pipeline.resolve_occurrences

    def fragile(digests, series):
        paths = {d.article.path for d in digests}
        if {p for p in paths if "000_" in p or "003_" in p} and len(
            [p for p in paths if "000_" in p or "003_" in p]
        ) == 2:
            raise ValueError("two reports that cannot meet")
        return real(digests, series)

    monkeypatch.setattr(pipeline, "resolve_occurrences", fragile)
    corpus = check([str(SEEDS)], all_rules())
    assert [Path(s.path).name[:4] for s in corpus.skipped] == ["003_"]
    assert "ValueError: two reports that cannot meet" in corpus.skipped[0].reason
    assert len(corpus.articles) == 4


def test_two_reports_of_one_name_are_never_judged_as_one(tmp_path):
    """A file named like a record of a feed beside it: the second of the two is skipped."""
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "x.md", "text": "The assembly adopted it for the 16th consecutive year."}\n'
    )
    (tmp_path / "feed.jsonl#x.md").write_text("The assembly adopted it for the 15th consecutive year.\n")
    done = factlint("check", ".", "-f", "json", "--no-config", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [a["path"] for a in report["articles"]] == ["./feed.jsonl#x.md"]
    assert [s["reason"] for s in report["skipped"]] == [
        "another report has the same name (a file named like a .jsonl record of a feed)"
    ]
