"""The index built on a Dask cluster (a LocalCluster of 2 worker processes here) is the index
the single-machine path writes, and so are the findings read from it, byte for byte."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import factlint, generate_corpus

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask")
    (root / ".git").mkdir()
    generate_corpus(120, root / "corpus" / "generated", seed=3)
    shutil.copytree(REPO / "seeds", root / "corpus" / "seeds")
    for path in (root / "corpus").rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))  # settled files: no build re-checks them
    return root


def _rows(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


def test_a_dask_build_writes_the_index_the_single_machine_build_writes(corpus: Path) -> None:
    one = factlint("index", "corpus", "--index", "one.sqlite", "-j", "1", "-q", cwd=corpus, process=True)
    assert one.returncode == 0, one.stderr
    spread = factlint(
        "index", "corpus", "--index", "dask.sqlite", "--dask", "local:2", "-q", cwd=corpus, process=True
    )
    assert spread.returncode == 0, spread.stderr
    assert _rows(corpus / "one.sqlite") == _rows(corpus / "dask.sqlite")
    found = [
        factlint("check", "corpus", "--index", name, "-f", "json", cwd=corpus).stdout
        for name in ("one.sqlite", "dask.sqlite")
    ]
    assert '"conflicts": [' in found[0] and found[0] == found[1]


def test_a_dask_update_reads_only_the_changed_report(corpus: Path) -> None:
    db = "update.sqlite"
    assert factlint("index", "corpus", "--index", db, "-q", cwd=corpus, process=True).returncode == 0
    changed = corpus / "corpus" / "seeds" / sorted(p.name for p in (corpus / "corpus" / "seeds").iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    done = factlint("index", "corpus", "--index", db, "--dask", "local:1", cwd=corpus, process=True)
    assert done.returncode == 0, done.stderr
    assert "1 read" in done.stderr


@pytest.mark.parametrize("scheduler", ["local:0", "local:two"])
def test_a_bad_local_cluster_size_is_one_line_and_exit_2(corpus: Path, scheduler: str) -> None:
    done = factlint("index", "corpus", "--index", "bad.sqlite", "--dask", scheduler, cwd=corpus)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "local:N" in done.stderr
