"""What the tests share: the command line run as a user runs it, in this process (fast) or as a
process of its own (for what only a process shows: signals, the console script, worker
processes that must see an environment variable, a hang guard)."""

from __future__ import annotations

import functools
import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# the runs the tests make keep their compiled patterns beside pytest's own cache, not in the
# user's cache folder (checker/compiled.py)
os.environ.setdefault("FACTLINT_CACHE_DIR", str(ROOT / ".pytest_cache" / "factlint-patterns"))


def generate_corpus(count: int, folder: Path, seed: int) -> dict:
    """A generated benchmark corpus of `count` reports (benchmarks/generate.py) in `folder`;
    returns what it planted and states (its expected.json)."""
    _generator().generate(count, folder, seed=seed)
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def profiles_of(paths: list[Path]) -> list:
    """The series profiles of the reports at these paths, in path order, as gathering sees them."""
    from checker.digest import digest_file
    from checker.lexicon import default_lexicon
    from checker.series import profile

    lex = default_lexicon()
    return sorted((profile(d) for p in paths for d in digest_file(str(p), lex)[0]), key=lambda p: p.path)


def generated_profiles(folder: Path, count: int, seed: int) -> list:
    """A generated corpus of `count` reports in `folder`, with the seeds, as series profiles."""
    generate_corpus(count, folder, seed=seed)
    return profiles_of([*sorted(folder.glob("*.md")), *sorted(SEEDS.glob("*.txt"))])


@functools.cache
def _generator():
    spec = importlib.util.spec_from_file_location("fl_bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# colour settings of the caller would change what the output looks like
_COLOUR_VARIABLES = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE", "COLUMNS")


def factlint(
    *args: str,
    cwd: Path | str = ROOT,
    env: dict[str, str] | None = None,
    stdin: str | bytes | None = None,
    process: bool = False,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run `factlint ARGS` with stdout and stderr captured as text, the caller's colour
    settings removed and env added; in this process unless process is asked for."""
    environment = {k: v for k, v in os.environ.items() if k not in _COLOUR_VARIABLES}
    environment.update(env or {})
    if process:
        return _as_process(args, Path(cwd), environment, stdin, timeout)
    return _in_this_process(args, Path(cwd), environment, stdin)


def one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    """Exit 2, nothing on stdout, exactly one line on stderr starting 'factlint:'."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr + done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("factlint:"), done.stderr
    return lines[0]


def _as_process(
    args: tuple[str, ...], cwd: Path, env: dict[str, str], stdin: str | bytes | None, timeout: float
) -> subprocess.CompletedProcess[str]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    done = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd,
        env=env,
        input=data,
        capture_output=True,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def _in_this_process(
    args: tuple[str, ...], cwd: Path, env: dict[str, str], stdin: str | bytes | None
) -> subprocess.CompletedProcess[str]:
    from checker.cli import main

    data = stdin.encode("utf-8") if isinstance(stdin, str) else (stdin or b"")
    out, err = io.BytesIO(), io.BytesIO()
    streams = [
        io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    ]
    saved = (
        sys.argv,
        sys.stdin,
        sys.stdout,
        sys.stderr,
        os.getcwd(),
        dict(os.environ),
        signal.getsignal(signal.SIGINT),
        signal.getsignal(signal.SIGTERM),
    )
    try:
        os.environ.clear()
        os.environ.update(env)
        os.chdir(cwd)
        sys.argv = ["factlint", *args]
        sys.stdin, sys.stdout, sys.stderr = streams
        try:
            main()
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 0
    finally:
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved[:4]
        os.chdir(saved[4])
        os.environ.clear()
        os.environ.update(saved[5])
        signal.signal(signal.SIGINT, saved[6])
        signal.signal(signal.SIGTERM, saved[7])
        for stream in streams:
            stream.flush()
            stream.detach()  # the buffers stay open to be read below
    return subprocess.CompletedProcess(
        ["factlint", *args],
        code,
        out.getvalue().decode("utf-8", "replace"),
        err.getvalue().decode("utf-8", "replace"),
    )


# git run in a test repository: its own author, no system or user configuration
GIT_ENV = {
    "GIT_AUTHOR_NAME": "factlint",
    "GIT_AUTHOR_EMAIL": "f@example.org",
    "GIT_COMMITTER_NAME": "factlint",
    "GIT_COMMITTER_EMAIL": "f@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *args: str) -> str:
    """Run git in a test repository; its output, stripped."""
    done = subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True, env={**os.environ, **GIT_ENV}
    )
    return done.stdout.strip()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """The seeds copied to tmp_path/seeds, free to change."""
    import shutil

    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "seeds"
