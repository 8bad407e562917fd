"""Baselines (record today's findings, report only new ones) and front-matter suppression
(a report ignoring a rule: its findings are listed as suppressed and never fail the run)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import factlint

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"  # the official one
CONTRADICTING = """---
title: UN adopts North Korea rights resolution
published: 2020-12-17
{extra}---
The UN General Assembly adopted a resolution on North Korean human rights for the 15th consecutive year.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """tmp_path with the seeds in corpus/ (and a .git, so no outside config is found)."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(SEEDS, tmp_path / "corpus")
    return tmp_path


def conflicts(done: subprocess.CompletedProcess[str]) -> list[dict]:
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["conflicts"]


def test_baseline_of_the_seeds_leaves_nothing_to_report(corpus: Path) -> None:
    recorded = factlint("baseline", "corpus", "-o", "baseline.json", cwd=corpus)
    assert recorded.returncode == 0, recorded.stderr
    data = json.loads((corpus / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["entries"]
    keys = {"rule", "series", "slot", "occurrence", "verdict", "sides"}  # no lines, no claim ids
    assert all(set(entry) == keys for entry in data["entries"])
    assert factlint("check", "corpus", "--fail-on", "time-shift", cwd=corpus).returncode == 1
    done = factlint(
        "check", "corpus", "--baseline", "baseline.json", "--fail-on", "time-shift", "-f", "json", cwd=corpus
    )
    assert done.returncode == 0 and conflicts(done) == []
    assert "already in the baseline" in done.stderr


def test_a_new_contradicting_report_is_the_only_finding(corpus: Path) -> None:
    factlint("baseline", "corpus", "-o", "baseline.json", cwd=corpus)
    (corpus / "corpus" / "new.md").write_text(CONTRADICTING.format(extra=""), encoding="utf-8")
    done = factlint("check", "corpus", "--baseline", "baseline.json", "-f", "json", cwd=corpus)
    assert done.returncode == 1
    found = conflicts(done)
    assert [(f["rule"], f["verdict"]) for f in found] == [("FL101", "conflict")]
    assert "corpus/new.md" in {a for side in found[0]["sides"] for a in side["articles"]}


def test_edits_elsewhere_in_a_file_do_not_bring_a_finding_back(corpus: Path) -> None:
    factlint("baseline", "corpus", "-o", "baseline.json", cwd=corpus)
    for report in (corpus / "corpus").iterdir():  # every claim moves down three lines
        text = report.read_text(encoding="utf-8")
        # below the front matter, which holds the report's date only at the top of the file
        head, mark, body = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
        report.write_text(head + mark + "\n\n\n" + body, encoding="utf-8")
    done = factlint("check", "corpus", "--baseline", "baseline.json", "-f", "json", cwd=corpus)
    assert conflicts(done) == []


@pytest.mark.parametrize(
    "content",
    [None, "not json", '{"version": 99, "entries": []}', '{"version": 1, "entries": [{"rule": "FL101"}]}'],
)
def test_a_missing_or_bad_baseline_is_one_line_and_exit_2(corpus: Path, content: str | None) -> None:
    if content is not None:
        (corpus / "baseline.json").write_text(content, encoding="utf-8")
    done = factlint("check", "corpus", "--baseline", "baseline.json", cwd=corpus)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("factlint: ") and "baseline" in lines[0]


# ------------------------------------------------------------------ suppression


@pytest.mark.parametrize("ignored", ["FL101", "ordinal-year"])
def test_front_matter_suppression_is_listed_and_does_not_fail(corpus: Path, ignored: str) -> None:
    extra = f"factlint:\n  ignore: [{ignored}]\n"
    (corpus / "corpus" / "new.md").write_text(CONTRADICTING.format(extra=extra), encoding="utf-8")
    done = factlint("check", "corpus", "--select", "FL101", "-f", "json", cwd=corpus)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    (finding,) = [f for f in report["conflicts"] if f["verdict"] == "conflict"]
    assert finding["suppressed"] is True
    assert report["summary"]["suppressed"] == 1 and report["summary"]["by_verdict"]["conflict"] == 0
    text = factlint("check", "corpus", "--select", "FL101", "--color", "never", cwd=corpus)
    assert text.returncode == 0 and "(suppressed)" in text.stdout and "1 suppressed" in text.stdout
    github = factlint("check", "corpus", "--select", "FL101", "-f", "github", cwd=corpus)
    assert "::error" not in github.stdout and "(1 suppressed)" in github.stdout


def test_suppressed_result_in_sarif(corpus: Path) -> None:
    extra = "factlint: {ignore: [FL101]}\n"
    (corpus / "corpus" / "new.md").write_text(CONTRADICTING.format(extra=extra), encoding="utf-8")
    done = factlint("check", "corpus", "--select", "FL101", "-f", "sarif", cwd=corpus)
    assert done.returncode == 0, done.stderr
    log = json.loads(done.stdout)
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    (result,) = [r for r in log["runs"][0]["results"] if r["properties"]["verdict"] == "conflict"]
    assert result["suppressions"][0]["kind"] == "inSource"


def test_an_unknown_rule_in_front_matter_is_a_warning(corpus: Path) -> None:
    extra = "factlint: {ignore: [FL999]}\n"
    (corpus / "corpus" / "new.md").write_text(CONTRADICTING.format(extra=extra), encoding="utf-8")
    done = factlint("check", "corpus", "--select", "FL101", "-f", "json", cwd=corpus)
    assert done.returncode == 1
    assert "front matter ignores unknown rule(s): FL999" in done.stderr


def test_a_renamed_series_keeps_its_recorded_findings(tmp_path: Path) -> None:
    """New reports can change the words a series is named from; what was recorded of it
    still matches, while a series that keeps its name is matched by name as before."""
    shutil.copytree(SEEDS, tmp_path / "corpus")
    assert factlint("baseline", "corpus", "-o", "base.json", "--no-config", cwd=tmp_path).returncode == 0
    data = json.loads((tmp_path / "base.json").read_text())
    assert data["entries"]
    for entry in data["entries"]:
        entry["series"] = "a name the series no longer has"
    (tmp_path / "renamed.json").write_text(json.dumps(data))
    done = factlint(
        "check",
        "corpus",
        "--baseline",
        "renamed.json",
        "--fail-on",
        "time-shift",
        "-f",
        "json",
        "--no-config",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout
    assert json.loads(done.stdout)["conflicts"] == []
    one = dict(data, entries=data["entries"][1:])  # one entry fewer: that finding is new again
    (tmp_path / "fewer.json").write_text(json.dumps(one))
    done = factlint(
        "check",
        "corpus",
        "--baseline",
        "fewer.json",
        "--fail-on",
        "time-shift",
        "-f",
        "json",
        "--no-config",
        cwd=tmp_path,
    )
    assert done.returncode == 1 and len(json.loads(done.stdout)["conflicts"]) == 1


UNRELATED = {
    "race.md": "---\npublished: 2021-04-11\n---\nThe Lakeside City Marathon was held on Sunday, and "
    "Ana Ruiz won the women's race in 2:24:10.\n",
    "festival.md": "---\npublished: 2021-08-02\n---\nThe Brackwater Film Festival opened on Friday "
    "with 40 films from 12 countries.\n",
    "budget.md": "---\npublished: 2021-03-10\n---\nThe Brackwater city council approved the 2021 "
    "budget on Tuesday by a vote of 7-2.\n",
}


def test_unrelated_reports_added_to_the_corpus_leave_the_baseline_matching(corpus: Path) -> None:
    assert factlint("baseline", "corpus", "-o", "baseline.json", cwd=corpus).returncode == 0
    for name, text in UNRELATED.items():
        (corpus / "corpus" / name).write_text(text, encoding="utf-8")
    done = factlint(
        "check", "corpus", "--baseline", "baseline.json", "--fail-on", "time-shift", "-f", "json", cwd=corpus
    )
    assert done.returncode == 0 and conflicts(done) == [], done.stdout[:2000]
