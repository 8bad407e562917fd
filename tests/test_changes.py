"""Checking what changed (issue 4): a real git repository in a temp folder holds a small corpus;
reports are added, edited, renamed and deleted as a pull request would, and only the findings
that involve a changed report count.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import factlint as run_factlint

from checker.changes import Changes, changed_articles, changed_since, focus, partition
from checker.errors import InputError
from checker.models import Verdict
from checker.pipeline import check, check_indexed
from rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CONTRADICTING = (
    "---\ntitle: UN adopts North Korea rights resolution\npublished: 2020-12-17\n---\n"
    "The UN General Assembly adopted the North Korean human rights resolution for the 15th"
    " consecutive year.\n"
    "The resolution on human rights in North Korea was passed by consensus.\n"
)
CONSISTENT = CONTRADICTING.replace("15th", "16th")


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        [
            "git",
            "-c",
            "user.name=factlint",
            "-c",
            "user.email=f@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom repository: the seeds committed under corpus/, the current folder."""
    root = tmp_path / "newsroom"
    (root / "corpus").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        (root / "corpus" / seed.name).write_bytes(seed.read_bytes())
    (root / "README.txt").write_text("Not a report of ours, but a .txt at the top.\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "archive")
    monkeypatch.chdir(root)
    return root


def conflicts(findings) -> list:
    return [f for f in findings if f.verdict is Verdict.CONFLICT]


def test_a_contradicting_report_is_listed_and_its_conflict_kept(repo: Path) -> None:
    (repo / "corpus" / "new_report.md").write_text(CONTRADICTING)
    changes = changed_since("HEAD", ["corpus"])
    assert changes == Changes(changed=["corpus/new_report.md"], deleted=[], renamed=[])

    corpus = check(["corpus"], all_rules())
    kept = focus(corpus, changes.touched)
    [conflict] = conflicts(kept)
    assert conflict.rule == "FL101"
    assert "corpus/new_report.md" in conflict.articles
    assert all("corpus/new_report.md" in f.articles for f in kept)
    # old-against-old findings are left out, or all kept with show_all (shown dimmed)
    mine, others = partition(corpus, changes.touched)
    assert mine == kept and others
    assert not any("corpus/new_report.md" in f.articles for f in others)
    assert focus(corpus, changes.touched, show_all=True) == list(corpus.findings)
    # however the changed path is spelled, the corpus's own name of the report comes back
    assert changed_articles(corpus, ["./corpus/new_report.md"]) == {"corpus/new_report.md"}


def test_a_staged_report_counts_as_changed_too(repo: Path) -> None:
    (repo / "corpus" / "new_report.md").write_text(CONTRADICTING)
    git(repo, "add", "corpus/new_report.md")
    assert changed_since("HEAD", ["corpus"]).changed == ["corpus/new_report.md"]


def test_a_consistent_report_brings_no_conflict(repo: Path) -> None:
    (repo / "corpus" / "agreeing.md").write_text(CONSISTENT)
    changes = changed_since("HEAD", ["corpus"])
    assert changes.changed == ["corpus/agreeing.md"]
    corpus = check(["corpus"], all_rules())
    assert conflicts(focus(corpus, changes.touched)) == []


def test_an_edited_report_is_rechecked(repo: Path) -> None:
    old = repo / "corpus" / "003_77804f016754a9e1.txt"
    old.write_text(old.read_text() + "\nIt was adopted for the 15th consecutive year.\n")
    changes = changed_since("HEAD", ["corpus"])
    assert changes.changed == ["corpus/003_77804f016754a9e1.txt"]
    kept = focus(check(["corpus"], all_rules()), changes.touched)
    assert kept and all("corpus/003_77804f016754a9e1.txt" in f.articles for f in kept)


def test_renamed_and_deleted_reports_as_git_reports_them(repo: Path) -> None:
    git(repo, "mv", "corpus/000_cae03861725b6189.txt", "corpus/2020_yonhap.txt")
    git(repo, "rm", "-q", "corpus/004_fa8313e7129cf204.txt")
    (repo / "corpus" / "001_620c1b8c98279eaf.txt").unlink()  # deleted, not yet staged
    changes = changed_since("HEAD", ["corpus"])
    assert changes.renamed == [("corpus/000_cae03861725b6189.txt", "corpus/2020_yonhap.txt")]
    assert changes.deleted == ["corpus/001_620c1b8c98279eaf.txt", "corpus/004_fa8313e7129cf204.txt"]
    assert changes.changed == []
    assert changes.touched == ["corpus/2020_yonhap.txt"]


def test_a_move_git_does_not_know_of_is_a_deletion_and_a_new_file(repo: Path) -> None:
    (repo / "corpus" / "000_cae03861725b6189.txt").rename(repo / "corpus" / "moved.txt")
    changes = changed_since("HEAD", ["corpus"])
    assert changes.deleted == ["corpus/000_cae03861725b6189.txt"]
    assert changes.changed == ["corpus/moved.txt"]


def test_only_reports_under_the_paths_are_listed(repo: Path) -> None:
    (repo / "corpus" / "notes.py").write_text("print('not a report')\n")
    (repo / "corpus" / ".draft.md").write_text(CONTRADICTING)
    (repo / "corpus" / ".drafts").mkdir()
    (repo / "corpus" / ".drafts" / "x.md").write_text(CONTRADICTING)
    (repo / "elsewhere").mkdir()
    (repo / "elsewhere" / "other.md").write_text(CONTRADICTING)
    (repo / "README.txt").write_text("Edited.\n")
    (repo / "corpus" / "feed.JSONL").write_text('{"id": 1, "text": "Hello."}\n')
    assert changed_since("HEAD", ["corpus"]).changed == ["corpus/feed.JSONL"]
    assert changed_since("HEAD").changed == ["README.txt", "corpus/feed.JSONL", "elsewhere/other.md"]
    assert changed_since("HEAD", ["elsewhere/other.md"]).changed == ["elsewhere/other.md"]


def test_paths_are_named_from_the_current_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "corpus" / "new_report.md").write_text(CONTRADICTING)
    monkeypatch.chdir(repo / "corpus")
    assert changed_since("HEAD", ["."]).changed == ["new_report.md"]
    elsewhere = repo.parent
    monkeypatch.chdir(elsewhere)
    found = changed_since("HEAD", repo=str(repo))
    assert found.changed == ["newsroom/corpus/new_report.md"]
    assert changed_since("HEAD", [str(repo / "corpus")]).changed == ["newsroom/corpus/new_report.md"]


def test_an_older_reference_sees_committed_changes(repo: Path) -> None:
    (repo / "corpus" / "new_report.md").write_text(CONTRADICTING)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "new report")
    assert changed_since("HEAD", ["corpus"]) == Changes()
    assert changed_since("HEAD~1", ["corpus"]).changed == ["corpus/new_report.md"]


def test_outside_a_git_repository_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.md").write_text(CONTRADICTING)
    monkeypatch.chdir(plain)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(InputError, match="not a git repository: "):
        changed_since("HEAD", ["."])


@pytest.mark.parametrize("ref", ["no-such-branch", "--output=/tmp/x", "HEAD~5", ""])
def test_an_unknown_reference_is_a_clear_error(repo: Path, ref: str) -> None:
    with pytest.raises(InputError, match="unknown git reference: ") as err:
        changed_since(ref, ["corpus"])
    assert "\n" not in str(err.value)
    assert not Path("/tmp/x").exists() or ref != "--output=/tmp/x"


def test_changed_records_of_a_jsonl_file_are_in_focus(repo: Path) -> None:
    feed = repo / "corpus" / "feed.jsonl"
    feed.write_text(
        '{"id": "a", "published": "2020-12-17", "text": "The UN General Assembly'
        " adopted the North Korean human rights resolution for the 15th consecutive"
        " year. The resolution on human rights in North Korea was passed by"
        ' consensus."}\n'
    )
    changes = changed_since("HEAD", ["corpus"])
    kept = focus(check(["corpus"], all_rules()), changes.touched)
    assert any("corpus/feed.jsonl#a" in f.articles for f in conflicts(kept))


def test_the_index_and_the_changes_together(repo: Path) -> None:
    db = ".factlint/index.sqlite"
    rules = all_rules()
    check_indexed(["corpus"], rules, db, jobs=1)  # the archive, indexed once
    (repo / "corpus" / "new_report.md").write_text(CONTRADICTING)
    changes = changed_since("HEAD", ["corpus"])
    assert changes.changed == ["corpus/new_report.md"]  # the index folder is ignored by git
    corpus = check_indexed(["corpus"], rules, db, jobs=1)
    assert [f.rule for f in conflicts(focus(corpus, changes.touched))] == ["FL101"]
    assert focus(corpus, changes.touched) == focus(check(["corpus"], rules), changes.touched)


# ---------------------------------------------------------------- through the command line


def factlint(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return run_factlint(*args, cwd=repo)


def test_cli_a_contradicting_report_fails_on_its_line(repo: Path) -> None:
    (repo / "corpus" / "new_report.md").write_text(CONTRADICTING)
    done = factlint(repo, "check", "--changed-since", "HEAD", "corpus", "--format", "github")
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 1
    assert errors[0].startswith("::error file=corpus/new_report.md,line=5,")


def test_cli_a_consistent_report_passes(repo: Path) -> None:
    (repo / "corpus" / "agreeing.md").write_text(CONSISTENT)
    done = factlint(repo, "check", "--changed-since", "HEAD", "corpus", "--format", "github")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout


def test_cli_new_reports_against_an_indexed_corpus(repo: Path) -> None:
    built = factlint(repo, "index", "corpus", "--jobs", "1")
    assert built.returncode == 0, built.stderr
    assert "5 read" in built.stderr
    assert (repo / ".factlint" / "index.sqlite").is_file()
    (repo / "new_report.md").write_text(CONTRADICTING)
    done = factlint(repo, "check", "--new", "new_report.md", "--corpus", "corpus", "--format", "json")
    assert done.returncode == 1, done.stderr
    assert [c["rule"] for c in json.loads(done.stdout)["conflicts"]] == ["FL101"]
    again = factlint(repo, "index", "corpus")
    assert "0 read" in again.stderr and "5 unchanged" in again.stderr
    (repo / ".factlint" / "index.sqlite").write_bytes(b"garbage" * 100)
    passed_over = factlint(repo, "check", "corpus", "-q")  # not asked for: checked without
    assert passed_over.returncode == 0, passed_over.stderr
    assert (
        passed_over.stderr.startswith("factlint: warning: index")
        and "--rebuild" in passed_over.stderr
        and "checked without the index" in passed_over.stderr
    )
    broken = factlint(repo, "check", "corpus", "--index", ".factlint/index.sqlite")
    assert broken.returncode == 2
    assert broken.stderr.count("\n") == 1 and "--rebuild" in broken.stderr
    assert factlint(repo, "index", "corpus", "--rebuild").returncode == 0


def test_new_reports_are_checked_against_the_configured_corpus(repo: Path) -> None:
    """--new without --corpus: PATH... is the corpus, else the config's paths."""
    (repo / "new_report.md").write_text(CONTRADICTING)
    (repo / "factlint.toml").write_text('paths = ["corpus"]\n')
    done = factlint(repo, "check", "--new", "new_report.md", "-f", "json", "--no-index")
    assert done.returncode == 1, done.stderr
    assert [c["rule"] for c in json.loads(done.stdout)["conflicts"]] == ["FL101"]
    same = factlint(
        repo, "check", "--new", "new_report.md", "corpus", "-f", "json", "--no-config", "--no-index"
    )
    assert same.stdout == done.stdout
    (repo / "factlint.toml").unlink()
    alone = factlint(repo, "check", "--new", "new_report.md")
    assert alone.returncode == 2 and "--corpus" in alone.stderr


def test_an_edited_report_after_indexing_is_judged_by_its_new_text(repo: Path) -> None:
    assert factlint(repo, "index", "corpus").returncode == 0
    edited = repo / "corpus" / "000_cae03861725b6189.txt"
    edited.write_text(edited.read_text().replace("for 16 consecutive years", "for 13 consecutive years"))
    (repo / "new_report.md").write_text(CONTRADICTING)
    done = factlint(repo, "check", "--new", "new_report.md", "--corpus", "corpus", "-f", "json")
    assert done.returncode == 1, done.stderr
    quotes = [
        c["quote"]
        for c in json.loads(done.stdout)["claims"]
        if c["article"].endswith("000_cae03861725b6189.txt")
    ]
    assert any("13 consecutive years" in q for q in quotes)
    assert not any("16 consecutive years" in q for q in quotes)
