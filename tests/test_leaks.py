"""No process outlives a check: a `check --jobs 2` killed with SIGKILL or SIGTERM while its
worker pool runs leaves no worker, fork server or resource tracker behind, and SIGTERM stops
it with one line on stderr and exit 2.

The run is started in a session of its own, so that whatever it started, at any depth, is
found by its session id in /proc.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import generate_corpus

from checker import parallel

REPO = Path(__file__).resolve().parents[1]
REPORTS = 300
pytestmark = [
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc"),
    pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a pool needs two CPUs"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("leaks") / "corpus"
    generate_corpus(REPORTS, folder, seed=3)
    return folder


def _session(sid: int) -> list[int]:
    """Live processes of a session (zombies are gone already, only not yet reaped)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(entry))
    return found


def _kill_mid_run(corpus: Path, tmp_path: Path, sig: signal.Signals) -> tuple[int, str, list[int]]:
    """Start a check, send sig once its pool runs; the exit code, stderr and any survivor."""
    err = (tmp_path / "stderr").open("w+")
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            str(corpus),
            "--jobs",
            "2",
            "--no-config",
            "--format",
            "json",
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=err,
        start_new_session=True,
    )
    left: list[int] = []
    try:
        deadline = time.monotonic() + 30
        # the check, the resource tracker, the fork server and two workers
        while len(_session(run.pid)) < 5:
            assert run.poll() is None, "the check ended before its pool was seen"
            assert time.monotonic() < deadline, "no pool started"
            time.sleep(0.01)
        os.kill(run.pid, sig)
        code = run.wait(timeout=30)
        deadline = time.monotonic() + 5
        while (left := _session(run.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        err.seek(0)
        return code, err.read(), left
    finally:
        for pid in [run.pid, *_session(run.pid)]:  # whatever is left: started here
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        run.wait()
        err.close()


@pytest.mark.slow
def test_a_killed_check_leaves_no_process(corpus: Path, tmp_path: Path) -> None:
    code, _, left = _kill_mid_run(corpus, tmp_path, signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert left == []


@pytest.mark.slow
def test_a_terminated_check_stops_its_pool_and_says_so(corpus: Path, tmp_path: Path) -> None:
    code, stderr, left = _kill_mid_run(corpus, tmp_path, signal.SIGTERM)
    assert left == []
    assert code == 2
    assert stderr.splitlines() == ["factlint: interrupted"]


@pytest.mark.slow
def test_a_worker_ends_when_the_main_process_does(tmp_path: Path) -> None:
    """The watch itself, with a pidfd and by polling: the watched process is not the
    watcher's parent (as the fork server is not)."""
    for pidfd in (True, False):
        main = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        setup = "" if pidfd else "import os; del os.pidfd_open; "
        watcher = subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"{setup}from checker.parallel import _watch; _watch({main.pid}); print('not reached')",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            time.sleep(0.3)
            assert watcher.poll() is None  # watching a live process
            main.kill()
            main.wait()
            assert watcher.wait(timeout=10) == 1
            assert watcher.stdout.read() == ""
        finally:
            for process in (main, watcher):
                if process.poll() is None:
                    process.kill()
                    process.wait()


def test_sigterm_outside_a_pool_keeps_its_default() -> None:
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    items = list(range(20))
    assert list(parallel.ordered_map(abs, items, 2, {})) == items
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
