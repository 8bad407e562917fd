"""The GitHub Action's checker (checker/github_action.py, run by action.yml) in a real git
repository, with the environment GitHub gives a step: the workspace, the event of a pull
request, the job summary file and the inputs as action.yml passes them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GIT_ENV, git

from checker import github_action
from checker.config import load_config
from checker.github_action import ANNOTATIONS_PER_LEVEL, archive_paths, summary_markdown
from checker.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CONTRADICTING = (
    "---\ntitle: UN adopts North Korea rights resolution\npublished: 2020-12-17\n---\n"
    "The UN General Assembly adopted the North Korean human rights resolution for the 15th"
    " consecutive year.\n"
    "The resolution on human rights in North Korea was passed by consensus.\n"
)


def newsroom(root: Path, config: str | None = 'paths = ["articles"]\n') -> Path:
    """A repository of reports: the seeds under articles/, a README.md that contradicts them
    were it read as a report, the config; committed on main."""
    (root / "articles").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, root / "articles" / seed.name)
    (root / "README.md").write_text("# Our archive\n")
    if config is not None:
        (root / "factlint.toml").write_text(config)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archive")
    return root


def run_action(
    workspace: Path, tmp_path: Path, base: str | None = None, **inputs: str
) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run the action's step as action.yml does, from another folder; return the process and
    the job summary it wrote."""
    summary = tmp_path / "step_summary.md"
    summary.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "FACTLINT_"))}
    env.update(
        GIT_ENV, GITHUB_WORKSPACE=str(workspace), GITHUB_STEP_SUMMARY=str(summary), GITHUB_ACTIONS="true"
    )
    env.update({f"FACTLINT_{name.upper()}": value for name, value in inputs.items()})
    if base is not None:
        event = tmp_path / "event.json"
        event.write_text(json.dumps({"pull_request": {"base": {"sha": base}}}))
        env["GITHUB_EVENT_PATH"] = str(event)
    done = subprocess.run(
        [sys.executable, "-P", "-m", "checker.github_action"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done, summary.read_text()


def annotations(stdout: str, level: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(f"::{level} ")]


def test_default_inputs_check_the_configured_archive_with_root_relative_paths(tmp_path: Path) -> None:
    repo = newsroom(tmp_path / "newsroom")
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "story")
    (repo / "articles" / "new.md").write_text(CONTRADICTING)
    (repo / "README.md").write_text(CONTRADICTING)  # edited too: read, it would fail as well
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a story")

    done, summary = run_action(repo, tmp_path, base=base, paths="", fail_on="")

    assert done.returncode == 1, done.stderr
    [error] = annotations(done.stdout, "error")
    assert error.startswith("::error file=articles/new.md,line=5,title=FL101")
    assert "README" not in done.stdout + summary
    assert "./" not in done.stdout + summary
    assert "factlint: 6 reports read, 1 conflict" in done.stdout
    assert "articles/new.md:5" in summary and "not annotated" not in summary


def test_without_configured_paths_the_root_is_read_with_root_relative_paths(tmp_path: Path) -> None:
    repo = newsroom(tmp_path / "newsroom", config=None)
    (repo / "articles" / "new.md").write_text(CONTRADICTING)

    done, summary = run_action(repo, tmp_path)

    assert done.returncode == 1, done.stderr
    assert "every finding under README.md articles counts" in done.stderr
    files = re.findall(r"file=([^,]+),", done.stdout)
    assert files and all(f.startswith("articles/") for f in files), done.stdout
    assert "articles/new.md:5" in done.stdout and "./" not in done.stdout + summary
    assert "| **conflict** |" in summary


def two_sides(folder: Path, pairs: int, name_variants: int) -> None:
    """Reports of `pairs` events: each pair contradicts on the count (a conflict, an error);
    the first name_variants pairs also spell the ambassador two ways (a variant, a warning)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(1, pairs + 1):
        for side, count, name in (
            ("a", 15, "Kim Song"),
            ("b", 16, "Kim Seong" if i <= name_variants else "Kim Song"),
        ):
            (folder / f"{side}{i:02}.md").write_text(
                f"---\ntitle: Assembly vote {i}\npublished: 2020-12-17\nseries: Resolution {i}\n"
                f"---\nThe General Assembly adopted resolution {i} for the {count}th consecutive"
                f" year.\nNorth Korean Ambassador {name} rejected the resolution.\n"
            )


def test_25_findings_are_annotated_up_to_the_caps_and_all_listed_in_the_summary(tmp_path: Path) -> None:
    repo = newsroom(tmp_path / "newsroom")
    base = git(repo, "rev-parse", "HEAD")
    two_sides(repo / "articles" / "2020", pairs=13, name_variants=12)  # 13 errors, 12 warnings

    done, summary = run_action(repo, tmp_path, base=base)

    assert done.returncode == 1, done.stderr
    assert len(annotations(done.stdout, "error")) == ANNOTATIONS_PER_LEVEL
    assert len(annotations(done.stdout, "warning")) == ANNOTATIONS_PER_LEVEL
    assert "factlint: 5 findings not annotated" in done.stdout
    assert "the job summary lists all 25" in done.stdout
    rows = [line for line in summary.splitlines() if line.startswith("| **")]
    assert len(rows) == 25
    assert sum("**conflict**" in row for row in rows) == 13
    assert "5 findings not annotated" in summary


def test_the_summary_lists_every_finding_past_the_markdown_table(tmp_path: Path, monkeypatch) -> None:
    two_sides(tmp_path / "articles", pairs=30, name_variants=30)
    monkeypatch.chdir(tmp_path)
    result = run(load_config(isolated=True).request(paths=("articles",), index=None))
    assert len(result.listed) == 60

    summary = summary_markdown(result, "40 findings not annotated")

    rows = [line for line in summary.splitlines() if line.startswith("| **")]
    listed = [line for line in summary.splitlines() if re.match(r"articles/a\d+\.md:", line)]
    assert len(rows) == 50 and len(listed) == 10
    assert "### The other 10 findings" in summary

    monkeypatch.setattr(github_action, "SUMMARY_BYTES", 12_000)  # GitHub's cap, scaled down
    capped = summary_markdown(result, "")
    assert len(capped.encode("utf-8")) <= 12_000
    assert "cut: a step summary holds 1 MiB" in capped
    assert capped.count("<details>") == capped.count("</details>")


def test_glob_patterns_in_paths_are_expanded(tmp_path: Path) -> None:
    repo = newsroom(tmp_path / "newsroom")
    base = git(repo, "rev-parse", "HEAD")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "new.md").write_text(CONTRADICTING)
    (repo / "drafts" / "notes.txt").write_text(CONTRADICTING.replace("15th", "13th"))

    done, summary = run_action(repo, tmp_path, base=base, paths="articles/*.txt drafts/*.md")

    assert done.returncode == 1, done.stderr
    [error] = annotations(done.stdout, "error")
    assert error.startswith("::error file=drafts/new.md,line=5,")
    assert "notes.txt" not in done.stdout + summary
    assert "factlint: 6 reports read" in done.stdout


def test_a_glob_that_matches_nothing_or_a_bad_fail_on_is_one_line_and_exit_2(tmp_path: Path) -> None:
    repo = newsroom(tmp_path / "newsroom")
    for inputs, expected in (
        ({"paths": "archive/**/*.md"}, "nothing matches archive/**/*.md"),
        ({"fail_on": "everything"}, "fail-on must be one of"),
    ):
        done, _ = run_action(repo, tmp_path, **inputs)
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr
        assert "Traceback" not in done.stderr


def test_the_sarif_input_writes_sarif_with_root_relative_locations(tmp_path: Path) -> None:
    repo = newsroom(tmp_path / "newsroom")
    base = git(repo, "rev-parse", "HEAD")
    (repo / "articles" / "new.md").write_text(CONTRADICTING)

    done, _ = run_action(repo, tmp_path, base=base, sarif="factlint.sarif")

    assert done.returncode == 1, done.stderr
    log = json.loads((repo / "factlint.sarif").read_text())
    [result] = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "articles/new.md"
    assert location["region"]["startLine"] == 5


def test_archive_paths_are_root_relative(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "articles" / "2020").mkdir(parents=True)
    (tmp_path / "articles" / "2020" / "a.md").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "README.md").write_text("x")
    (tmp_path / "setup.cfg").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert archive_paths(["./articles/"], []) == ("articles",)
    assert archive_paths([], ["articles"]) == ("articles",)
    assert archive_paths(["articles/**/*.md"], []) == ("articles/2020/a.md",)
    assert archive_paths([], []) == ("README.md", "articles")
    assert archive_paths(["."], [], exclude=["README.md"]) == ("articles",)
    assert archive_paths([str(tmp_path / "articles")], []) == ("articles",)
