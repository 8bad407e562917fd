"""What a linter user expects of the output: one line a finding for editors and grep, counts per
rule, only what fails when asked, no stray blank line, places an editor can open, and an index
that is used only when it can be."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import SEEDS, factlint

from checker.models import VERDICT_RANK, Verdict

CONCISE = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<code>FL\d{3}) "
    r"\[(?P<verdict>conflict|variant|unresolved|time-shift)\] (?P<msg>.+)$"
)
FEED = (
    '{"id": "a1", "text": "The assembly adopted the resolution for the 16th consecutive year.",'
    ' "published": "2020-12-17"}\n'
    '{"id": "b2", "text": "The assembly adopted the resolution for the 15th consecutive year.",'
    ' "published": "2020-12-17"}\n'
)


@pytest.fixture(scope="module")
def seeds_findings() -> list[dict]:
    done = factlint("check", "seeds", "-f", "json", "--no-config")
    return json.loads(done.stdout)["conflicts"]


def test_concise_is_one_line_a_finding_that_points_at_the_value(seeds_findings):
    done = factlint("check", "seeds", "-f", "concise", "--no-config")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(seeds_findings)
    for line in lines:
        found = CONCISE.match(line)
        assert found, line
        text = (SEEDS.parent / found["path"]).read_text(encoding="utf-8").splitlines()
        at = text[int(found["line"]) - 1][int(found["col"]) - 1 :]
        assert at  # the column lies on the line
    assert sorted(CONCISE.match(x)["code"] for x in lines) == sorted(f["rule"] for f in seeds_findings)


def test_concise_points_at_a_record_of_a_feed_by_file_and_line(tmp_path):
    (tmp_path / "feed.jsonl").write_text(FEED, encoding="utf-8")
    done = factlint("check", "feed.jsonl", "-f", "concise", "--no-config", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith("feed.jsonl:1:1: FL101 [conflict] ")


def test_text_points_at_a_record_of_a_feed_by_file_and_line(tmp_path):
    (tmp_path / "feed.jsonl").write_text(FEED, encoding="utf-8")
    done = factlint("check", "feed.jsonl", "--no-config", cwd=tmp_path)
    assert "feed.jsonl:1 [a1]" in done.stdout and "feed.jsonl:2 [b2]" in done.stdout
    assert "feed.jsonl#" not in done.stdout


def test_show_hides_what_is_below_it_and_says_how_many(seeds_findings):
    level = VERDICT_RANK[Verdict.UNRESOLVED]
    below = [f for f in seeds_findings if VERDICT_RANK[Verdict(f["verdict"])] < level]
    assert below
    done = factlint("check", "seeds", "--show", "unresolved", "--no-config")
    assert done.returncode == 0
    assert f"({len(below)} not shown: --show)" in done.stdout
    assert "TIME-SHIFT" not in done.stdout and "UNRESOLVED" in done.stdout
    shown = json.loads(
        factlint("check", "seeds", "--show", "unresolved", "-f", "json", "--no-config").stdout
    )["conflicts"]
    assert len(shown) == len(seeds_findings) - len(below)
    assert all(VERDICT_RANK[Verdict(f["verdict"])] >= level for f in shown)


def test_what_is_not_shown_still_decides_the_exit_code():
    done = factlint("check", "seeds", "--show", "conflict", "--fail-on", "variant", "-q", "--no-config")
    assert done.returncode == 1
    assert done.stdout == ""


def test_statistics_counts_each_rules_findings(seeds_findings):
    done = factlint("check", "seeds", "--statistics", "--no-config")
    assert done.returncode == 0
    for rule in {f["rule"] for f in seeds_findings}:
        count = sum(1 for f in seeds_findings if f["rule"] == rule)
        assert re.search(rf"\b{count}\s*│\s*{rule}\b", done.stdout), (rule, done.stdout)
    assert "Kim Seong" not in done.stdout  # instead of the findings
    done = factlint("check", "seeds", "--statistics", "-f", "json", "--no-config")
    assert done.returncode == 2 and "--statistics" in done.stderr


def test_quiet_starts_with_the_first_finding():
    done = factlint("check", "seeds", "-q", "--no-config")
    assert done.stdout.splitlines()[0].startswith("\u2500\u2500 ")


def test_a_damaged_index_nobody_asked_for_is_passed_over_with_a_warning(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    assert factlint("index", "seeds", cwd=tmp_path).returncode == 0
    (tmp_path / ".factlint" / "index.sqlite").write_bytes(b"\x00garbage" * 64)
    done = factlint("check", "seeds", "-f", "json", cwd=tmp_path)
    assert done.returncode == 0
    assert len(json.loads(done.stdout)["articles"]) == 5
    assert "checked without the index" in done.stderr and "--rebuild" in done.stderr


def test_no_index_neither_uses_nor_writes_the_index(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    done = factlint("check", "seeds", "--no-index", "--index", "i.sqlite", cwd=tmp_path)
    assert done.returncode == 2
    done = factlint("check", "seeds", "--no-index", "-f", "json", cwd=tmp_path)
    assert done.returncode == 0 and not (tmp_path / ".factlint").exists()
    assert factlint("index", "seeds", cwd=tmp_path).returncode == 0
    index = tmp_path / ".factlint" / "index.sqlite"
    before = index.read_bytes()
    (tmp_path / "seeds" / "new.md").write_text("The assembly met for the 3rd year.\n")
    assert factlint("check", "seeds", "--no-index", cwd=tmp_path).returncode == 0
    assert index.read_bytes() == before
    assert factlint("check", "seeds", cwd=tmp_path).returncode == 0
    assert index.read_bytes() != before  # a plain check brings an existing index up to date


def test_exclude_leaves_files_in_the_folders_unread(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "articles")
    (tmp_path / "README.md").write_text("The assembly met for the 2nd consecutive year.\n")
    (tmp_path / "articles" / "drafts").mkdir()
    (tmp_path / "articles" / "drafts" / "x.md").write_text("The 9th consecutive year.\n")

    def read(*args: str) -> list[str]:
        done = factlint("check", *args, "-f", "json", "--no-index", cwd=tmp_path)
        assert done.returncode in (0, 1), done.stderr
        return sorted(a["path"] for a in json.loads(done.stdout)["articles"])

    everything = read(".", "--no-config")
    assert "./README.md" in everything and "./articles/drafts/x.md" in everything
    kept = read(".", "--no-config", "--exclude", "README.md", "--exclude", "drafts/")
    assert kept == [p for p in everything if p not in ("./README.md", "./articles/drafts/x.md")]
    (tmp_path / "factlint.toml").write_text('exclude = ["/README.md", "*/drafts/"]\n')
    assert read(".") == kept
    assert read(".", "README.md") == sorted([*kept, "README.md"])  # named: always read
    assert factlint("index", ".", "--index", "i.sqlite", cwd=tmp_path).returncode == 0
    done = factlint("check", ".", "-f", "json", "--index", "i.sqlite", cwd=tmp_path)
    assert sorted(a["path"] for a in json.loads(done.stdout)["articles"]) == kept


def test_what_is_not_shown_is_said_on_stderr_in_every_format():
    for fmt in ("json", "github", "concise", "sarif"):
        done = factlint("check", "seeds", "--show", "conflict", "-f", fmt, "--no-config")
        assert "finding(s) below --show conflict not shown; they still count" in done.stderr, fmt
