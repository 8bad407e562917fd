"""Settings from [tool.factlint] / factlint.toml, found from the current folder up to the
repository root, with flags on top; bad settings are one line and exit 2."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import factlint

from checker.config import Config, find_config, from_table, load_config
from checker.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository root (it has .git) holding the seeds under articles/."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(SEEDS, tmp_path / "articles")
    return tmp_path


def rules_of(done: subprocess.CompletedProcess[str]) -> set[str]:
    assert done.returncode in (0, 1), done.stderr
    return {f["rule"] for f in json.loads(done.stdout)["conflicts"]}


def one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, (done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("factlint: "), done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


def test_pyproject_select_and_paths_apply_and_a_flag_overrides(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.factlint]\npaths = ["articles"]\nselect = ["FL101"]\n',
        encoding="utf-8",
    )
    assert rules_of(factlint("check", "-f", "json", cwd=repo)) == {"FL101"}
    assert rules_of(factlint("check", "-f", "json", "--select", "FL202", cwd=repo)) == {"FL202"}
    everything = rules_of(factlint("check", "-f", "json", "--no-config", "articles", cwd=repo))
    assert {"FL101", "FL202", "FL501"} <= everything


def test_config_is_found_from_a_subfolder_and_paths_are_relative_to_it(repo: Path) -> None:
    (repo / "factlint.toml").write_text('paths = ["articles"]\nignore = ["ordinal-year"]\n', encoding="utf-8")
    sub = repo / "articles"
    done = factlint("check", "-f", "json", cwd=sub)
    assert "FL101" not in rules_of(done) and rules_of(done)
    assert len(json.loads(done.stdout)["articles"]) == 5  # 'articles' read from articles/


def test_search_stops_at_the_repository_root(repo: Path, tmp_path: Path) -> None:
    inner = repo / "inner"
    (inner / ".git").mkdir(parents=True)
    (repo / "factlint.toml").write_text('select = ["FL101"]\n', encoding="utf-8")
    assert find_config(inner) is None
    assert find_config(repo / "articles") is not None


def test_factlint_toml_wins_over_pyproject_and_may_use_the_tool_table(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.factlint]\nselect = ["FL202"]\n', encoding="utf-8")
    (repo / "factlint.toml").write_text('[tool.factlint]\nselect = ["FL101"]\n', encoding="utf-8")
    assert load_config(start=repo).select == ("FL101",)
    assert load_config(start=repo).source == str(repo / "factlint.toml")


def test_unknown_key_is_one_line_and_exit_2(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.factlint]\npaths = ["articles"]\nselct = ["FL101"]\n', encoding="utf-8"
    )
    line = one_error_line(factlint("check", cwd=repo))
    assert "unknown config key: selct" in line and "pyproject.toml" in line


@pytest.mark.parametrize(
    "setting",
    [
        'select = "FL101"',
        "max-bytes = -5",
        'fail-on = "bad"',
        'severity = {FL101 = "fatal"}',
        "paths = [1, 2]",
        'severity = {FL999 = "info"}',
        'select = ["FL999"]',
        'rules-paths = ["mine"]',
        "select = [",
        'alias-files = ["no.yaml"]',
    ],
)
def test_bad_settings_are_one_line_and_exit_2(repo: Path, setting: str) -> None:
    (repo / "factlint.toml").write_text(f'paths = ["articles"]\n{setting}\n', encoding="utf-8")
    one_error_line(factlint("check", cwd=repo))


def test_severity_override_shows_in_the_json_report(repo: Path) -> None:
    (repo / "factlint.toml").write_text(
        'paths = ["articles"]\n[severity]\nname-variant = "error"\nFL4 = "info"\n', encoding="utf-8"
    )
    done = factlint("check", "-f", "json", cwd=repo)
    plain = factlint("check", "-q", "--no-config", "articles", cwd=repo)
    assert done.returncode == plain.returncode  # severity is how a finding is shown, not fail-on
    by_rule = {f["rule"]: f for f in json.loads(done.stdout)["conflicts"] if f["verdict"] != "time-shift"}
    assert by_rule["FL501"]["severity"] == "error"
    assert by_rule["FL401"]["severity"] == "info"
    assert by_rule["FL201"]["severity"] == "warning"  # untouched


def test_fail_on_from_config_and_flag(repo: Path) -> None:
    # lead-sponsor finds only a time-shift in the seeds (2018 and 2020 name different leads)
    (repo / "factlint.toml").write_text(
        'paths = ["articles"]\nselect = ["FL202"]\nfail-on = "time-shift"\n', encoding="utf-8"
    )
    assert factlint("check", "-q", cwd=repo).returncode == 1
    assert factlint("check", "-q", "--fail-on", "conflict", cwd=repo).returncode == 0


def test_explicit_config_file_and_a_missing_one(repo: Path) -> None:
    (repo / "ci.toml").write_text('paths = ["articles"]\nselect = ["FL202"]\n', encoding="utf-8")
    assert rules_of(factlint("check", "-f", "json", "--config", "ci.toml", cwd=repo)) == {"FL202"}
    line = one_error_line(factlint("check", "--config", "nope.toml", cwd=repo))
    assert "nope.toml" in line


def test_no_paths_anywhere_is_a_usage_error(repo: Path) -> None:
    assert "no paths" in one_error_line(factlint("check", cwd=repo))


def test_defaults_and_flag_override() -> None:
    config = Config()
    assert config.fail_on == "conflict" and config.select == () and config.max_bytes > 0
    assert config.override(select=("FL101",), ignore=None).select == ("FL101",)
    with pytest.raises(UsageError, match="must be a positive integer"):
        from_table({"max-bytes": True}, Path("factlint.toml"))
