"""Machine and review formats: SARIF against the official schema, GitHub workflow commands
and Markdown that a hostile report cannot inject into, and the flags that shape output."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import factlint

from checker.formats import gh_data, gh_property, md, primary
from checker.models import Claim, Finding, Side, Verdict
from checker.pipeline import check
from rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"  # the official one
CONTRADICTING = """---
title: UN adopts North Korea rights resolution
published: 2020-12-17
---
The UN General Assembly adopted a resolution on North Korean human rights for the 15th consecutive year.
"""
OUR_COMMAND = re.compile(r"^::(error|warning|notice) (file=[^,:\n]*,line=\d+,)?title=[^,:\n]*::")


def corpus_dir(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    """The seeds copied to tmp_path/corpus, with extra reports (name -> text) added."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def validate_sarif(text: str) -> dict:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    log = json.loads(text)
    errors = [e.message for e in cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(log)]
    assert errors == []
    return log


# ------------------------------------------------------------------ SARIF


def test_sarif_of_the_seeds_is_valid_and_describes_every_rule() -> None:
    done = factlint("check", "seeds", "--format", "sarif")
    assert done.returncode in (0, 1), done.stderr
    log = validate_sarif(done.stdout)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factlint"
    assert [r["id"] for r in driver["rules"]] == [r.code for r in all_rules()]
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in driver["rules"])
    as_json = json.loads(factlint("check", "seeds", "--format", "json").stdout)
    assert len(run["results"]) == len(as_json["conflicts"])
    assert {r["level"] for r in run["results"]} <= {"error", "warning", "note"}


def test_sarif_locates_a_conflict_on_a_claim_with_the_other_side_related(tmp_path: Path) -> None:
    corpus_dir(tmp_path, {"new.md": CONTRADICTING})
    done = factlint(
        "check", "corpus", "--format", "sarif", "--output", "out.sarif", "--select", "FL101", cwd=tmp_path
    )
    assert done.returncode == 1, done.stderr
    log = validate_sarif((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    conflicts = [r for r in log["runs"][0]["results"] if r["properties"]["verdict"] == "conflict"]
    assert len(conflicts) == 1
    result = conflicts[0]
    assert result["ruleId"] == "FL101" and result["level"] == "error"
    assert "15th" in result["message"]["text"]
    where = result["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"].startswith("corpus/")  # as given, relative
    assert where["region"]["startLine"] >= 1 and where["region"]["snippet"]["text"]
    related = {r["physicalLocation"]["artifactLocation"]["uri"] for r in result["relatedLocations"]}
    assert "corpus/new.md" in related
    assert len({r["id"] for r in result["relatedLocations"]}) == len(result["relatedLocations"])
    assert result["partialFingerprints"]["factlintFinding/v1"]


def test_sarif_fingerprint_ignores_line_numbers(tmp_path: Path) -> None:
    folder = corpus_dir(tmp_path, {"new.md": CONTRADICTING})
    first = json.loads(factlint("check", "corpus", "-f", "sarif", cwd=tmp_path).stdout)
    new = folder / "new.md"
    new.write_text(CONTRADICTING.replace("---\nThe", "---\n\n\n\nThe"), encoding="utf-8")
    second = json.loads(factlint("check", "corpus", "-f", "sarif", cwd=tmp_path).stdout)

    def prints(log: dict) -> list[str]:
        return sorted(r["partialFingerprints"]["factlintFinding/v1"] for r in log["runs"][0]["results"])

    assert prints(first) == prints(second)


def test_primary_claim_prefers_a_changed_report() -> None:
    real = check([str(SEEDS)], all_rules()).claims[0]

    def claim(cid: str, article: str, line: int) -> Claim:
        return dataclasses.replace(real, id=cid, article=article, line=line)

    claims = {
        c.id: c for c in (claim("a", "old/b.md", 9), claim("b", "old/a.md", 3), claim("c", "new.md", 5))
    }
    finding = Finding(
        id="F1",
        rule="FL101",
        name="ordinal-year",
        series="s",
        slot="ordinal",
        verdict=Verdict.CONFLICT,
        explanation="",
        sides=(Side("1st", ("a", "b"), ("old/a.md", "old/b.md")), Side("2nd", ("c",), ("new.md",))),
    )
    side, first = primary(finding, claims)
    assert (side.value, first.id) == ("1st", "b")  # first by file and line, not by id
    side, changed = primary(finding, claims, changed={"new.md"})
    assert (side.value, changed.id) == ("2nd", "c")


# ------------------------------------------------------------------ GitHub


def test_workflow_command_escaping() -> None:
    assert gh_data("50%\r\n::error::x") == "50%25%0D%0A::error::x"
    assert gh_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert gh_data("red\x1b[31m\u2028tab\t") == "red\ufffd[31m tab "  # no other line breaks


@pytest.mark.skipif(os.name == "nt", reason="file names with line breaks need a POSIX file system")
def test_github_output_cannot_be_injected_by_a_hostile_report(tmp_path: Path) -> None:
    # Sorts before the seeds: its claim is the one the annotation is placed on (file=...).
    named = "%0A::warning::a\n::error file=x::owned.md"
    # Its quote stands for the other side, in the annotation's message.
    worded = (
        "---\npublished: 2020-12-17\n---\n"
        "A resolution on human rights in North Korea to condemn North Korea's human rights "
        "violations was passed at the UN General Assembly on the 16th.\n\n"
        "Diplomats said it passed for the 16th consecutive year %0A::error::pwned\n"
        "::error file=x::owned the same day.\n"
    )
    corpus_dir(tmp_path, {named: CONTRADICTING, "0-evil.md": worded})
    done = factlint("check", "corpus", "--format", "github", "--select", "FL1,FL4", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert all(OUR_COMMAND.match(line) for line in commands), commands
    assert lines[-1].startswith("factlint: ") and len(commands) == len(lines) - 1
    conflict = next(line for line in commands if "title=FL101" in line)
    assert conflict.startswith("::error file=corpus/%250A%3A%3Awarning%3A%3Aa%0A%3A%3Aerror")
    assert (
        "corpus/0-evil.md:6: Diplomats said it passed for the 16th consecutive year %250A::error::pwned"
    ) in conflict
    assert "\x1b" not in done.stdout
    assert not any(line.startswith("::") for line in done.stderr.splitlines())


def test_github_quiet_leaves_out_the_summary_line() -> None:
    done = factlint("check", "seeds", "--format", "github", "--quiet")
    assert done.returncode in (0, 1) and done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines and all(OUR_COMMAND.match(line) for line in lines)
    assert {line.split(" ", 1)[0] for line in lines} <= {"::error", "::warning", "::notice"}


# ------------------------------------------------------------------ Markdown


def test_markdown_escapes_markup_in_report_text(tmp_path: Path) -> None:
    hostile = (
        "---\npublished: 2020-12-17\n---\n"
        "Diplomats <script>alert(1)</script> | said | the UN General Assembly adopted "
        "the North Korean human rights resolution for the 15th consecutive year, "
        "`code` *bold* _em_ [link](http://x) @octocat.\n"
    )
    corpus_dir(tmp_path, {"a<b>|c.md": hostile})
    done = factlint("check", "corpus", "--format", "markdown", "--select", "FL101", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert out.startswith("## factlint: 1 conflict")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "a&lt;b&gt;\\|c.md" in out
    for raw in ("`code`", "*bold*", "_em_", "[link](", "@octocat"):
        assert raw not in out
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert len(rows) >= 2
    for row in rows:  # every pipe from report text is escaped: five columns exactly
        assert len(re.findall(r"(?<!\\)\|", row)) == 6, row
    assert md("a\nb | <i>") == "a b \\| &lt;i&gt;"


def test_markdown_without_findings_says_so(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text("Nothing to compare here.\n", encoding="utf-8")
    done = factlint("check", "one.md", "-f", "markdown", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("## factlint: no findings") and "|" not in done.stdout


# ------------------------------------------------------------------ text and flags


def test_text_report_shows_no_terminal_escapes_from_reports(tmp_path: Path) -> None:
    hostile = (
        "---\npublished: 2020-12-17\n---\n"
        "The UN General Assembly adopted the North Korean human rights resolution for "
        "the 15th consecutive year \x1b[2J\x1b]0;owned\x07 said diplomats.\n"
    )
    corpus_dir(tmp_path, {"evil\x1b[31m.md": hostile})
    done = factlint("check", "corpus", "--color", "never", "--select", "FL101", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "15th" in done.stdout and "\ufffd" in done.stdout
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "markdown"])
def test_every_format_writes_to_output(tmp_path: Path, fmt: str) -> None:
    done = factlint("check", str(SEEDS), "--format", fmt, "--output", str(tmp_path / "out"))
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout == ""
    assert "FL101" in (tmp_path / "out").read_text(encoding="utf-8")


def test_strict_exits_2_after_reporting_a_skipped_input(tmp_path: Path) -> None:
    folder = corpus_dir(tmp_path)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    loose = factlint("check", "corpus", "-f", "json", cwd=tmp_path)
    assert loose.returncode in (0, 1)
    strict = factlint("check", "corpus", "-f", "json", "--strict", cwd=tmp_path)
    assert strict.returncode == 2
    assert json.loads(strict.stdout)["skipped"][0]["path"].endswith("binary.txt")
    assert strict.stderr.splitlines()[-1] == "factlint: 1 input(s) skipped (--strict)"


def test_max_bytes_skips_larger_reports_and_quiet_keeps_stderr_empty(tmp_path: Path) -> None:
    corpus_dir(tmp_path)
    done = factlint("check", "corpus", "--max-bytes", "3000", "-f", "json", cwd=tmp_path)
    skipped = json.loads(done.stdout)["skipped"]
    assert skipped and all("size limit" in s["reason"] for s in skipped)
    assert "skipped" in done.stderr
    quiet = factlint("check", "corpus", "--max-bytes", "3000", "--quiet", cwd=tmp_path)
    assert quiet.stderr == "" and "skipped" not in quiet.stdout and "factlint" not in quiet.stdout
    bad = factlint("check", "corpus", "--max-bytes", "0", cwd=tmp_path)
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1


def test_json_report_puts_one_record_a_line_and_streams_what_to_json_returns(tmp_path, monkeypatch):
    """A large corpus's JSON is written as it is encoded, one claim a line (diff- and
    grep-friendly); the file holds exactly what to_json returns."""
    from checker.report import to_json

    out = tmp_path / "report.json"
    factlint("check", "seeds", "-f", "json", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    monkeypatch.chdir(ROOT)
    assert text == to_json(check(["seeds"], all_rules()))
    data = json.loads(text)
    claim_lines = [line for line in text.splitlines() if line.startswith('    {"id": "C')]
    assert len(claim_lines) == len(data["claims"]) > 0
    assert [json.loads(line.rstrip(","))["id"] for line in claim_lines] == [c["id"] for c in data["claims"]]
