"""The claim index (issue 4 "A claim index", issue 5 "Never lose or change anything").

Digests survive JSON exactly; a real SQLite index file is built, updated incrementally (the
tests count how many files were re-read), rebuilt after a version change, survives a real
indexing process killed with SIGKILL mid-write, is shared by two writers without damage, and a
damaged file gets a clear error and --rebuild.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import checker
import checker.parallel as parallel
from checker.articles import read_reports
from checker.errors import InputError
from checker.index import load_digests, load_skipped, update_index
from checker.lexicon import default_lexicon
from checker.models import Article, Claim, Digest
from checker.pipeline import check, check_indexed, check_new_indexed, digest
from checker.report import to_json
from checker.serialize import from_json
from checker.serialize import to_json as digest_json
from rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEVSET = ROOT.parent / "shared" / "devset" / "corpus"
CORPORA = [
    pytest.param(SEEDS, id="seeds"),
    pytest.param(
        DEVSET,
        id="devset",
        marks=pytest.mark.skipif(not DEVSET.is_dir(), reason="no devset corpus beside the repository"),
    ),
]


def copy_seeds(folder: Path, copies: int = 1) -> list[Path]:
    """Copy the seeds into a folder, `copies` times under different names."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            target = folder / (f"c{n:03d}_{seed.name}" if copies > 1 else seed.name)
            target.write_bytes(seed.read_bytes())
            out.append(target)
    return out


def files_table(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT key, path, sha256, digests, skipped FROM files ORDER BY key").fetchall()


# ---------------------------------------------------------------- serialising digests


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_digest_survives_json(corpus: Path) -> None:
    lex = default_lexicon()
    read = read_reports([str(corpus)], lex=lex)
    assert read.articles
    for article in read.articles:
        d = digest(article, lex)
        back = from_json(digest_json(d))
        assert back == d
        assert hash(tuple(c.value for c in back.claims)) == hash(tuple(c.value for c in d.claims))


def test_values_keep_their_types() -> None:
    claim = Claim(
        id="C1",
        article="a.md",
        line=3,
        start=0,
        end=10,
        value_start=2,
        value_end=4,
        quote="q",
        matched="m",
        family="count",
        slot="sponsor-count",
        value=(50, math.inf),
        display="more than 50",
        qualifier="at-least",
        extra=(
            ("nested", ((1, "x"), (2, None))),
            ("flag", True),
            ("when", dt.date(2020, 12, 16)),
            ("set", frozenset({"a", "b"})),
        ),
    )
    article = Article(
        path="a.md",
        raw="",
        text="",
        body_start=4,
        title="T",
        outlet="O",
        url="https://example.org",
        published=dt.date(2020, 12, 17),
        series="S",
        ignore=("FL101",),
        line_offset=2,
        record=True,
        warnings=("a.md: a warning",),
    )
    d = Digest(
        article=article,
        claims=(claim,),
        signature=(("rights", 2.5), ("un", 1)),
        anchors=("North Korea",),
        dateline=dt.date(2020, 12, 16),
        stage="plenary",
    )
    back = from_json(digest_json(d))
    assert back == d
    assert back.claims[0].value == (50, math.inf) and isinstance(back.claims[0].value, tuple)
    assert isinstance(back.claims[0].detail("nested")[0], tuple)
    assert back.claims[0].detail("set") == frozenset({"a", "b"})
    assert back.article.published == dt.date(2020, 12, 17)


# ---------------------------------------------------------------- same answer as check()


@pytest.mark.parametrize("corpus", CORPORA)
def test_indexed_check_gives_the_same_json(corpus: Path, tmp_path: Path) -> None:
    rules = all_rules()
    plain = to_json(check([str(corpus)], rules))
    db = str(tmp_path / ".factlint" / "index.sqlite")
    assert to_json(check_indexed([str(corpus)], rules, db, jobs=1)) == plain  # fresh index
    assert to_json(check_indexed([str(corpus)], rules, db, jobs=1)) == plain  # all reused


def test_indexed_check_reports_skipped_files_like_check(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    copy_seeds(corpus)
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "broken.md").symlink_to(tmp_path / "nowhere.md")
    rules = all_rules()
    db = str(tmp_path / "index.sqlite")
    plain = to_json(check([str(corpus)], rules))
    assert "binary file" in plain
    for _ in range(2):  # read, then reused from the index
        assert to_json(check_indexed([str(corpus)], rules, db, jobs=1)) == plain
    assert [s.path for s in load_skipped(db)] == [str(corpus / "broken.md"), str(corpus / "image.txt")]


# ---------------------------------------------------------------- incremental updates


def test_a_second_run_rereads_only_what_changed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    files = copy_seeds(corpus)
    db = str(tmp_path / "idx" / "index.sqlite")

    first = update_index(db, [str(corpus)], jobs=1)
    assert (first.read, first.reused, first.removed, first.total) == (5, 0, 0, 5)
    assert first.rebuilt
    assert not (tmp_path / "idx" / ".gitignore").exists()  # a folder of the user's choosing

    again = update_index(db, [str(corpus)], jobs=1)
    assert (again.read, again.reused, again.removed, again.total) == (0, 5, 0, 5)
    assert not again.rebuilt

    files[1].write_text(files[1].read_text() + "\nA new closing line.\n")
    edited = update_index(db, [str(corpus)], jobs=1)
    assert (edited.read, edited.reused) == (1, 4)

    os.utime(files[2], ns=(time.time_ns(), time.time_ns() - 10**10))  # touched, same bytes
    touched = update_index(db, [str(corpus)], jobs=1)
    assert touched.read == 0

    files[3].unlink()
    removed = update_index(db, [str(corpus)], jobs=1)
    assert (removed.read, removed.removed, removed.total) == (0, 1, 4)
    assert sorted(d.article.path for d in load_digests(db)) == sorted(
        str(f) for i, f in enumerate(files) if i != 3
    )


def test_the_stored_digest_follows_the_edit(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    target = copy_seeds(corpus)[0]
    db = str(tmp_path / "index.sqlite")
    update_index(db, [str(corpus)], jobs=1)
    target.write_text("---\npublished: 2019-12-18\n---\nNothing to see.\n")
    update_index(db, [str(corpus)], jobs=1)
    [mine] = [d for d in load_digests(db) if d.article.path == str(target)]
    assert mine.article.published == dt.date(2019, 12, 18)
    assert mine.claims == ()


def test_a_new_extractor_version_rereads_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    copy_seeds(corpus)
    db = str(tmp_path / "index.sqlite")
    update_index(db, [str(corpus)], jobs=1)
    assert update_index(db, [str(corpus)], jobs=1).read == 0
    monkeypatch.setattr(checker, "EXTRACTOR_VERSION", checker.EXTRACTOR_VERSION + "-next")
    bumped = update_index(db, [str(corpus)], jobs=1)
    assert (bumped.read, bumped.reused, bumped.rebuilt) == (5, 0, True)
    assert update_index(db, [str(corpus)], jobs=1).read == 0


def test_an_index_with_other_tables_is_built_afresh(tmp_path: Path) -> None:
    """An index written with another table layout (an older factlint) is not read as if it
    were this one's: it is rebuilt, and a new report is then judged against it."""
    corpus = tmp_path / "corpus"
    copy_seeds(corpus)
    db = str(tmp_path / "index.sqlite")
    update_index(db, [str(corpus)], jobs=1)
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE series DROP COLUMN centroid")
        conn.execute("UPDATE meta SET value = 'an older layout' WHERE key = 'schema'")
    conn.close()
    new = tmp_path / "new.md"
    new.write_text(
        "The UN General Assembly adopted a resolution on North Korean human rights"
        " for the 15th consecutive year.\n",
        encoding="utf-8",
    )
    judged = check_new_indexed([str(new)], [str(corpus)], all_rules(), db)
    assert len(judged.articles) == 6
    assert update_index(db, [str(corpus)], jobs=1).read == 0
    with sqlite3.connect(db) as conn:
        assert "centroid" in {row[1] for row in conn.execute("PRAGMA table_info(series)")}
    conn.close()


def test_folders_share_one_index_and_load_by_root(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    copy_seeds(a)
    copy_seeds(b)
    db = str(tmp_path / "index.sqlite")
    update_index(db, [str(a)], jobs=1)
    stats = update_index(db, [str(b)], jobs=1)
    assert (stats.read, stats.removed, stats.total) == (5, 0, 5)  # a/ is not b/'s to drop
    assert len(load_digests(db)) == 10
    assert {Path(d.article.path).parent for d in load_digests(db, under=[str(a)])} == {a}
    left = load_digests(db, exclude=[str(a / "000_cae03861725b6189.txt")])
    assert len(left) == 9


@pytest.mark.slow
def test_parallel_extraction_writes_the_same_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    copy_seeds(corpus, copies=4)
    monkeypatch.setattr(parallel, "POOL_MIN", 2)
    seen: list[tuple[int, int]] = []
    inline = update_index(str(tmp_path / "one.sqlite"), [str(corpus)], jobs=1)
    pooled = update_index(
        str(tmp_path / "two.sqlite"),
        [str(corpus)],
        jobs=2,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert inline.read == pooled.read == 20
    assert files_table(tmp_path / "one.sqlite") == files_table(tmp_path / "two.sqlite")
    assert seen[0] == (0, 20) and seen[-1] == (20, 20)


# ---------------------------------------------------------------- never lose anything

INDEXER = """
import sys
import checker
from checker.index import update_index
checker.EXTRACTOR_VERSION = sys.argv[4]  # the test's own, should the sources change meanwhile
if sys.argv[3] == "spill":  # a tiny page cache: uncommitted pages reach the file itself
    import sqlite3
    connect = sqlite3.connect
    def small_cache(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.execute("PRAGMA cache_size = 8")
        return conn
    sqlite3.connect = small_cache
update_index(sys.argv[1], [sys.argv[2]], jobs=1, rebuild=sys.argv[3] == "rebuild")
"""


def start_indexer(db: Path, corpus: Path, mode: str = "update") -> subprocess.Popen:
    argv = [sys.executable, "-c", INDEXER, str(db), str(corpus), mode, checker.EXTRACTOR_VERSION]
    return subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(condition, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert proc.poll() is None, proc.stderr.read().decode()  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the indexer never started writing"
        time.sleep(0.02)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big") / "corpus"
    copy_seeds(folder, copies=400)
    return folder


@pytest.mark.parametrize("mode", ["update", "spill", "rebuild"])
@pytest.mark.slow
def test_a_killed_indexer_leaves_the_previous_index(tmp_path: Path, big_corpus: Path, mode: str) -> None:
    small = tmp_path / "small"
    copy_seeds(small)
    db = tmp_path / "index.sqlite"
    update_index(str(db), [str(small)], jobs=1)
    before = files_table(db)
    stamp = (db.stat().st_size, db.stat().st_mtime_ns)

    proc = start_indexer(db, big_corpus, mode)
    try:
        if mode == "update":  # the journal appears with the transaction's first write
            wait_for(lambda: (tmp_path / "index.sqlite-journal").exists(), proc)
        elif mode == "spill":  # uncommitted pages written into the index file itself
            wait_for(lambda: (db.stat().st_size, db.stat().st_mtime_ns) != stamp, proc)
            assert (tmp_path / "index.sqlite-journal").exists()
        else:  # a rebuild writes beside the index
            wait_for(lambda: any(tmp_path.glob(".index.sqlite.*.rebuild-journal")), proc)
        time.sleep(0.5)
        assert proc.poll() is None, "the indexer finished before it could be killed"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    assert len(load_digests(str(db))) == 5
    assert files_table(db) == before
    after = update_index(str(db), [str(small)], jobs=1)
    assert (after.read, after.total) == (0, 5)


@pytest.mark.slow
def test_a_second_writer_waits_then_fails_clearly(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    copy_seeds(corpus)
    db = str(tmp_path / "index.sqlite")
    update_index(db, [str(corpus)], jobs=1)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another run is writing
    try:
        started = time.monotonic()
        with pytest.raises(InputError, match="is locked by another factlint run") as err:
            update_index(db, [str(corpus)], jobs=1, timeout=0.3)
        assert time.monotonic() - started >= 0.25
        assert "\n" not in str(err.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert update_index(db, [str(corpus)], jobs=1).read == 0


@pytest.mark.slow
def test_two_writers_at_once_do_not_damage_the_index(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    copy_seeds(a, copies=8)
    copy_seeds(b, copies=8)
    db = tmp_path / "index.sqlite"
    procs = [start_indexer(db, a), start_indexer(db, b)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert len(load_digests(str(db))) == 80
    assert update_index(str(db), [str(a), str(b)], jobs=1).read == 0


@pytest.mark.parametrize("junk", [b"this is not a database\n" * 200, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_damaged_index_says_rebuild_and_rebuild_fixes_it(tmp_path: Path, junk: bytes) -> None:
    corpus = tmp_path / "corpus"
    copy_seeds(corpus)
    db = tmp_path / ".factlint" / "index.sqlite"
    update_index(str(db), [str(corpus)], jobs=1)  # factlint's own cache folder
    db.write_bytes(junk)
    with pytest.raises(InputError, match="--rebuild") as err:
        update_index(str(db), [str(corpus)], jobs=1)
    assert str(db) in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(InputError, match="--rebuild"):
        load_digests(str(db))
    with pytest.raises(InputError, match="--rebuild"):
        check_indexed([str(corpus)], all_rules(), str(db), jobs=1)

    stats = update_index(str(db), [str(corpus)], jobs=1, rebuild=True)
    assert (stats.read, stats.total, stats.rebuilt) == (5, 5, True)
    assert len(load_digests(str(db))) == 5
    assert sorted(p.name for p in db.parent.iterdir()) == [".gitignore", "index.sqlite"]


def test_the_cache_folder_is_ignored_by_git_and_holds_no_other_programs_file(tmp_path: Path) -> None:
    db = tmp_path / ".factlint" / "index.sqlite"
    update_index(str(db), [str(SEEDS)], jobs=1)
    assert (db.parent / ".gitignore").read_text().strip().endswith("*")
    other = db.parent / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    before = other.read_bytes()
    for rebuild in (False, True):
        with pytest.raises(InputError, match="not a factlint index"):
            update_index(str(other), [str(SEEDS)], jobs=1, rebuild=rebuild)
    assert other.read_bytes() == before


@pytest.mark.parametrize("junk", [b"this is not a database\n" * 200, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_damaged_file_outside_the_cache_folder_is_left_alone(tmp_path: Path, junk: bytes) -> None:
    """Whether it was an index cannot be told: even --rebuild leaves it as it is."""
    db = tmp_path / "mine.db"
    db.write_bytes(junk)
    for rebuild in (False, True):
        with pytest.raises(InputError, match="not a factlint index.*remove it"):
            update_index(str(db), [str(SEEDS)], jobs=1, rebuild=rebuild)
    assert db.read_bytes() == junk


def test_a_sound_index_damaged_inside_is_caught(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    copy_seeds(corpus, copies=6)
    db = tmp_path / "index.sqlite"
    update_index(str(db), [str(corpus)], jobs=1)
    data = bytearray(db.read_bytes())
    page = 4096
    for at in range(2 * page, len(data), page):  # scribble over every page but the schema
        data[at : at + 64] = b"\xa5" * 64
    db.write_bytes(bytes(data))
    with pytest.raises(InputError, match="damaged.*--rebuild"):
        load_digests(str(db))
    assert update_index(str(db), [str(corpus)], jobs=1, rebuild=True).read == 30


def test_another_programs_database_is_not_taken_for_an_index(tmp_path: Path) -> None:
    db = tmp_path / "index.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    before = db.read_bytes()
    for rebuild in (False, True):
        with pytest.raises(InputError, match="not a factlint index"):
            update_index(str(db), [str(SEEDS)], jobs=1, rebuild=rebuild)
    assert db.read_bytes() == before


def test_no_index_yet_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no index at"):
        load_digests(str(tmp_path / "missing.sqlite"))


def test_indexing_never_writes_to_the_reports(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    copy_seeds(corpus)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()}
    update_index(str(tmp_path / "index.sqlite"), [str(corpus)], jobs=1)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()} == before
    assert json.loads(to_json(check([str(corpus)], all_rules())))["summary"]["articles"] == 5


def test_a_copied_corpus_is_not_confused_with_its_original(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    copy_seeds(corpus)
    db = str(tmp_path / "index.sqlite")
    update_index(db, [str(corpus)], jobs=1)
    shutil.copytree(corpus, tmp_path / "copy")
    stats = update_index(db, [str(tmp_path / "copy")], jobs=1)
    assert stats.read == 5  # same bytes, other paths: claim ids and quotes name the new path
    assert {d.article.path for d in load_digests(db, under=[str(tmp_path / "copy")])} == {
        str(tmp_path / "copy" / p.name) for p in corpus.iterdir()
    }


def test_the_extractor_version_follows_every_data_file(tmp_path: Path) -> None:
    """A change to a claim family's words, in a language folder, rebuilds the index."""
    package = tmp_path / "checker"
    shutil.copytree(Path(checker.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = checker._extractor_version(package)
    family = sorted((package / "data" / "en" / "families").glob("*.yaml"))[0]
    family.write_text(family.read_text(encoding="utf-8") + "\n# one more comment\n", encoding="utf-8")
    assert checker._extractor_version(package) != before
