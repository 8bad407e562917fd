"""Nothing the user owns is overwritten, and bad surroundings (a full disk, Ctrl-C, an endless
pipe, a file name that is not UTF-8, a mistyped alias file) give one line and exit 2."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import factlint, one_error_line

from checker.index import APPLICATION_ID, update_index

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "reports")
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_another_programs_database_with_the_same_table_names_is_left_alone(corpus):
    db = corpus / "app.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("CREATE TABLE files (name TEXT)")
        conn.execute("CREATE TABLE invoices (id INTEGER)")
        conn.execute("INSERT INTO meta VALUES ('owner', 'accounts')")
    before = db.read_bytes()
    for args in (["check", "reports"], ["index", "reports"], ["index", "reports", "--rebuild"]):
        line = one_error_line(factlint(*args, "--index", "app.sqlite", "--no-config", cwd=corpus))
        assert "not a factlint index" in line and "--rebuild" not in line
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", [["check"], ["index"], ["index", "--rebuild"]])
def test_a_report_given_as_the_index_is_never_written(corpus, command):
    before = _snapshot(corpus / "reports")
    target = "reports/000_cae03861725b6189.txt"
    line = one_error_line(factlint(*command, "reports", "--index", target, "--no-config", cwd=corpus))
    assert "one of the reports being checked" in line
    # a report elsewhere, not among the inputs, is refused as well
    (corpus / "empty.md").write_bytes(b"")
    line = one_error_line(factlint(*command, "reports", "--index", "empty.md", "--no-config", cwd=corpus))
    assert "not a factlint index" in line
    assert (corpus / "empty.md").read_bytes() == b""
    assert _snapshot(corpus / "reports") == before


@pytest.mark.parametrize(
    "command", [["claims"], ["timeline"], ["graph"], ["baseline"], ["check", "-f", "json"]]
)
def test_output_onto_a_report_being_read_is_refused(corpus, command):
    before = _snapshot(corpus / "reports")
    done = factlint(*command, "reports", "-o", "reports/001_620c1b8c98279eaf.txt", cwd=corpus)
    assert "one of the reports being checked" in one_error_line(done)
    assert _snapshot(corpus / "reports") == before


def test_an_index_carries_its_mark_and_keeps_its_mode_through_a_rebuild(corpus):
    db = corpus / "index.sqlite"
    update_index(str(db), [str(corpus / "reports")], jobs=1)
    assert int.from_bytes(db.read_bytes()[68:72], "big") == APPLICATION_ID
    os.chmod(db, 0o640)
    update_index(str(db), [str(corpus / "reports")], jobs=1, rebuild=True)
    assert (db.stat().st_mode & 0o777) == 0o640
    assert int.from_bytes(db.read_bytes()[68:72], "big") == APPLICATION_ID


def test_a_new_index_gets_the_mode_the_umask_gives(corpus):
    old = os.umask(0o022)
    try:
        db = corpus / "fresh.sqlite"
        update_index(str(db), [str(corpus / "reports")], jobs=1, rebuild=True)
    finally:
        os.umask(old)
    assert (db.stat().st_mode & 0o777) == 0o644


def test_what_a_killed_rebuild_left_is_removed_by_the_next(corpus):
    db = corpus / "index.sqlite"
    update_index(str(db), [str(corpus / "reports")], jobs=1)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    ).stdout.strip()
    stale = [
        corpus / f".index.sqlite.{dead}.abc_12.rebuild",
        corpus / f".index.sqlite.{dead}.abc_12.rebuild-journal",
    ]
    running = corpus / f".index.sqlite.{os.getpid()}.xyz.rebuild"  # a live process's
    for path in [*stale, running]:
        path.write_bytes(b"\0" * 4096)
    update_index(str(db), [str(corpus / "reports")], jobs=1, rebuild=True)
    assert not any(p.exists() for p in stale)
    assert running.exists()


def test_a_file_name_that_is_not_utf8_is_indexed(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"caf\xe9.md")
    with open(name, "wb") as f:
        f.write((SEEDS / "000_cae03861725b6189.txt").read_bytes())
    shutil.copy(SEEDS / "003_77804f016754a9e1.txt", folder)
    for _ in range(2):  # built, then read back unchanged
        done = factlint("index", "reports", "--index", "i.sqlite", "--no-config", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert "2 file(s)" in done.stderr and "2 unchanged" in done.stderr
    done = factlint("check", "reports", "--index", "i.sqlite", "-f", "json", "--no-config", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    paths = [a["path"] for a in json.loads(done.stdout)["articles"]]
    assert "reports/caf\\xe9.md" in paths


@pytest.mark.parametrize(
    "spec, problem",
    [
        ('first_session: "x"', "'first_session' must be a whole number"),
        ("aliases: [1, 2]", "'aliases' must be a list of names"),
        ("aliases: Korea", "'aliases' must be a list of names"),
        ("kind: [country]", "'kind' must be text"),
        ("colour: red", "unknown key(s): colour"),
    ],
)
def test_type_mistakes_in_an_alias_file_name_the_file(tmp_path, spec, problem):
    (tmp_path / "aliases.yaml").write_text(f"entities:\n  Someland:\n    {spec}\n", encoding="utf-8")
    (tmp_path / "factlint.toml").write_text('alias-files = ["aliases.yaml"]\n', encoding="utf-8")
    shutil.copy(SEEDS / "000_cae03861725b6189.txt", tmp_path)
    line = one_error_line(factlint("check", ".", cwd=tmp_path))
    assert "alias file" in line and "aliases.yaml" in line and problem in line


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_a_full_disk_on_stdout_is_one_line(fmt):
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "checker", "check", str(SEEDS), "-f", fmt],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["factlint: cannot write the output: No space left on device"]


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_ctrl_c_says_so_and_exits_2(tmp_path):
    for n in range(200):
        shutil.copytree(SEEDS, tmp_path / f"copy{n}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", str(tmp_path), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not _children(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)  # until the worker processes read reports
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err
    assert err.splitlines()[-1] == "factlint: interrupted", err
    assert "Traceback" not in err


def test_an_endless_stdin_is_read_only_up_to_the_limit():
    endless = subprocess.Popen(["yes", "The vote was 120 to 8."], stdout=subprocess.PIPE)
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "checker",
                "check",
                "-",
                "-f",
                "json",
                "--max-bytes",
                "100000",
                "--no-config",
            ],
            stdin=endless.stdout,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        endless.kill()
        endless.wait()
    assert done.returncode == 0, done.stderr
    skipped = json.loads(done.stdout)["skipped"]
    assert [s["path"] for s in skipped] == ["-"] and "100,000 bytes" in skipped[0]["reason"]


def _closed_stdout(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.close(1),  # noqa: PLW1509 - the child starts without a stdout
    )


def test_a_closed_stdout_is_one_line_unless_nothing_goes_there(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    done = _closed_stdout("check", "seeds", "-f", "json", "--no-config", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["factlint: cannot write the output: standard output is closed"]
    done = _closed_stdout("check", "seeds", "-f", "json", "-o", "out.json", "--no-config", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "out.json").read_text())["articles"]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_sigterm_says_so_and_exits_2_also_without_worker_processes(tmp_path: Path) -> None:
    for n in range(200):
        shutil.copytree(SEEDS, tmp_path / f"copy{n}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", str(tmp_path), "--jobs", "1", "--no-config"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(1.5)  # reading: 1,000 reports take several seconds on one process
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err
    assert err.splitlines()[-1] == "factlint: interrupted", err


def test_output_onto_a_second_name_of_a_report_is_refused(corpus: Path) -> None:
    report = corpus / "reports" / "000_cae03861725b6189.txt"
    before = report.read_bytes()
    os.link(report, corpus / "out.json")
    line = one_error_line(factlint("check", "reports", "-f", "json", "-o", "out.json", cwd=corpus))
    assert "one of the reports being checked" in line
    assert report.read_bytes() == before
