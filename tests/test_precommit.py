"""The pre-commit hook as a user runs it: the real `pre-commit` client in a temporary git
repository holding an archive of reports, with the hook of this repository (try-repo) and the
.pre-commit-config.yaml snippets of README.md; staged reports are judged against the archive.

pre-commit builds the hook's environment with `pip install .` of this repository (from PyPI);
the snippets' runs share one PRE_COMMIT_HOME, so that environment is built once for the module
(try-repo always builds its own, in a folder of its own, so it runs once).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import GIT_ENV, factlint, git, one_error_line

from checker import __version__

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CONTRADICTING = (  # the archive counts 2020 as the 16th year
    "---\ntitle: UN adopts North Korea rights resolution\npublished: 2020-12-17\n---\n"
    "The UN General Assembly adopted the North Korean human rights resolution for the 15th"
    " consecutive year.\n"
    "The resolution on human rights in North Korea was passed by consensus.\n"
)
CONSISTENT = CONTRADICTING.replace("15th", "16th")
FINDING = "articles/new.md:5:74: FL101 [conflict]"


def newsroom(root: Path, hooks: str | None = None) -> Path:
    """A repository of reports: the seeds under articles/, a factlint.toml naming them the
    archive, a README.md and the given .pre-commit-config.yaml; committed."""
    (root / "articles").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, root / "articles" / seed.name)
    (root / "factlint.toml").write_text('paths = ["articles"]\n')
    (root / "README.md").write_text("# Our archive\n")
    if hooks is not None:
        (root / ".pre-commit-config.yaml").write_text(hooks)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archive")
    return root


def readme_hook_configs() -> list[dict]:
    """The .pre-commit-config.yaml snippets of README.md, parsed."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", text, re.DOTALL)
    return [yaml.safe_load(block) for block in blocks]


# ---------------------------------------------------------------- the real client


@pytest.fixture(scope="module")
def pre_commit_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment pre-commit runs in: one PRE_COMMIT_HOME for the module, git without the
    machine's configuration, this interpreter's scripts (factlint) on PATH."""
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (the test extra installs it)")
    home = tmp_path_factory.mktemp("pre-commit-home")
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "PATH": path}


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """This repository as pre-commit would clone it at a tag: its tracked files as they are in
    the working tree, committed in a repository of their own; (path, commit)."""
    copy = tmp_path_factory.mktemp("hook-repo") / "factlint"
    tracked = git(ROOT, "ls-files", "-z", "--cached").split("\0")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "factlint")
    return str(copy), git(copy, "rev-parse", "HEAD")


def pre_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def remote_hook(tmp_path: Path, hook_repo: tuple[str, str]) -> Path:
    """A newsroom whose .pre-commit-config.yaml is README.md's, with repo and rev pointing at
    this repository's copy."""
    [config] = [c for c in readme_hook_configs() if c["repos"][0]["repo"] != "local"]
    config["repos"][0].update(repo=hook_repo[0], rev=hook_repo[1])
    return newsroom(tmp_path / "newsroom", yaml.safe_dump(config))


def test_readme_names_this_version_and_a_placeholder_for_the_host() -> None:
    remote, local = readme_hook_configs()
    [repo] = remote["repos"]
    assert repo["rev"] == f"v{__version__}"
    assert "<your-org>" in repo["repo"] and repo["hooks"] == [{"id": "factlint"}]
    assert local["repos"][0]["hooks"][0]["entry"] == "factlint pre-commit"


def test_try_repo_fails_on_a_staged_report_that_contradicts_the_archive(
    tmp_path: Path, pre_commit_env: dict[str, str]
) -> None:
    repo = newsroom(tmp_path / "newsroom")
    (repo / "articles" / "new.md").write_text(CONTRADICTING)
    git(repo, "add", "articles/new.md")

    done = pre_commit(repo, pre_commit_env, "try-repo", str(ROOT), "factlint")

    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"^factlint\.+Failed$", done.stdout, re.MULTILINE), done.stdout
    assert FINDING in done.stdout
    assert "1 staged report checked against articles: 1 conflict" in done.stdout


def test_a_commit_contradicting_the_archive_is_refused(
    remote_hook: Path, pre_commit_env: dict[str, str]
) -> None:
    pre_commit(remote_hook, pre_commit_env, "install").check_returncode()
    head = git(remote_hook, "rev-parse", "HEAD")
    (remote_hook / "articles" / "new.md").write_text(CONTRADICTING)
    git(remote_hook, "add", "articles/new.md")

    done = subprocess.run(
        ["git", "commit", "-m", "a story"],
        cwd=remote_hook,
        env=pre_commit_env,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert done.returncode != 0
    assert FINDING in done.stdout + done.stderr
    assert git(remote_hook, "rev-parse", "HEAD") == head


def test_a_consistent_report_passes(remote_hook: Path, pre_commit_env: dict[str, str]) -> None:
    (remote_hook / "articles" / "new.md").write_text(CONSISTENT)
    git(remote_hook, "add", "articles/new.md")

    done = pre_commit(remote_hook, pre_commit_env, "run", "--verbose")

    assert done.returncode == 0, done.stdout
    assert "1 staged report checked against articles: 1 time-shift" in done.stdout


def test_a_renamed_report_is_checked_by_its_new_name_and_passes(
    remote_hook: Path, pre_commit_env: dict[str, str]
) -> None:
    (remote_hook / "articles" / "2020").mkdir()
    git(remote_hook, "mv", "articles/000_cae03861725b6189.txt", "articles/2020/un-vote.txt")

    done = pre_commit(remote_hook, pre_commit_env, "run", "--verbose")

    assert done.returncode == 0, done.stdout
    assert "articles/2020/un-vote.txt:" in done.stdout  # its time-shifts, which do not fail
    assert "1 staged report checked against articles" in done.stdout


def test_a_deleted_report_passes_with_nothing_to_check(
    remote_hook: Path, pre_commit_env: dict[str, str]
) -> None:
    git(remote_hook, "rm", "-q", "articles/003_77804f016754a9e1.txt")

    done = pre_commit(remote_hook, pre_commit_env, "run")

    assert done.returncode == 0, done.stdout
    assert re.search(r"^factlint\.+\(no files to check\)Skipped$", done.stdout, re.MULTILINE)


def test_the_local_hook_of_the_readme_runs_the_installed_factlint(
    tmp_path: Path, pre_commit_env: dict[str, str]
) -> None:
    [config] = [c for c in readme_hook_configs() if c["repos"][0]["repo"] == "local"]
    repo = newsroom(tmp_path / "newsroom", yaml.safe_dump(config))
    (repo / "articles" / "new.md").write_text(CONTRADICTING)
    git(repo, "add", "articles/new.md")

    done = pre_commit(repo, pre_commit_env, "run")

    assert done.returncode == 1, done.stdout
    assert FINDING in done.stdout


# ---------------------------------------------------------------- the command itself


def test_a_deleted_name_and_files_outside_the_archive_have_nothing_to_check(tmp_path: Path) -> None:
    repo = newsroom(tmp_path / "newsroom")
    (repo / "README.md").write_text(CONTRADICTING)  # a report's words, but not in the archive

    done = factlint("pre-commit", "README.md", "articles/gone.txt", "notes.yaml", cwd=repo)

    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_without_an_archive_the_hook_says_so_in_one_line(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "articles")
    (tmp_path / "articles" / "new.md").write_text(CONTRADICTING)
    line = one_error_line(factlint("pre-commit", "articles/new.md", cwd=tmp_path))
    assert "no archive to check the staged reports against" in line and "--corpus" in line
    done = factlint("pre-commit", "--corpus", "articles", "articles/new.md", cwd=tmp_path)
    assert done.returncode == 1 and done.stdout.startswith(FINDING)


def test_the_hook_goes_through_the_index_when_there_is_one(tmp_path: Path) -> None:
    repo = newsroom(tmp_path / "newsroom")
    assert factlint("index", cwd=repo).returncode == 0
    (repo / "articles" / "new.md").write_text(CONTRADICTING)

    done = factlint("pre-commit", "articles/new.md", cwd=repo)

    assert done.returncode == 1
    assert done.stdout.startswith(FINDING)
    assert "checked against articles (the index .factlint/index.sqlite): 1 conflict" in done.stderr


def test_two_staged_reports_are_each_checked_once(tmp_path: Path) -> None:
    repo = newsroom(tmp_path / "newsroom")
    (repo / "articles" / "new.md").write_text(CONTRADICTING)
    (repo / "articles" / "also.md").write_text(CONSISTENT)

    done = factlint(
        "pre-commit", "--no-index", "articles/new.md", "./articles/new.md", "articles/also.md", cwd=repo
    )

    assert done.returncode == 1
    assert "2 staged reports checked against articles: 1 conflict" in done.stderr
