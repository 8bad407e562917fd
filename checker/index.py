"""The claim index: every report's digest in SQLite, keyed by path, size, mtime and content hash.

A run re-reads only the files whose content changed, drops the files gone from the folders it
was given, and starts afresh by itself when the extractor, the stored models or the vocabulary
change. All of a run's writes are one transaction: an interrupted run (Ctrl-C, kill -9, a full
disk) leaves the previous index as it was, and a second run waits for the first. A rebuild is
written to a temporary file beside the index and moved over it in one step.

    meta(key, value)       schema, extractor version, settings (vocabulary, size limit),
                           reports (how many reports the series were gathered from),
                           changed (reports changed since every series was gathered)
    files(key, path, size, mtime_ns, sha256, digests, skipped, profiles)
        key      the file's absolute path; path is the path as walked (as reports name it)
        digests  zlib-compressed JSON list of the file's digests (a .jsonl file has several)
        skipped  JSON list of [path, reason] for what could not be read
        profiles JSON list of what series assignment reads of each report (series.Profile)
    series(id, label, name, state, centroid)   every series gathered from all the reports
                                     (state: its anchors, marks and size; centroid: the sum of
                                     its reports' weighted terms; both JSON)
    postings(term, series)           the series whose reports hold a term
    members(path, key, series)       each report's series
    terms(term, reports)             how many reports hold a term

The series are kept so that one new report can be placed in its series, and judged against
that series' reports only, without reading the rest. A run that changes a few files gathers
again only the series their reports leave and join (REGATHER_SHARE says when all are).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import sqlite3
import stat
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import checker
from checker.articles import DEFAULT_MAX_BYTES, REPORT_SUFFIXES, display_path, expand_paths
from checker.cache import compile_pattern
from checker.digest import digest_file
from checker.errors import IndexUnusable, InputError, UsageError
from checker.lexicon import Lexicon, default_lexicon
from checker.locations import article_file
from checker.models import Digest, Skipped
from checker.parallel import alive, ordered_map, worker_state
from checker.serialize import SCHEMA_KEY, digest_from_dict, digest_to_dict
from checker.series import (
    Cluster,
    Profile,
    best_series,
    describe,
    gather_stored,
    idf_weights,
    profile,
    weighted,
)

DEFAULT_INDEX = ".factlint/index.sqlite"
SCHEMA_VERSION = 3
# Written into the SQLite header of every index: factlint writes to, drops the tables of, or
# replaces an existing file only when it carries this mark (or is an index of a version that
# came before the mark), never another program's database or a report.
APPLICATION_ID = 0x466C6978  # "Flix"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_FOLDER_MARK = "# made by factlint"
BUSY_TIMEOUT = 30.0  # seconds a run waits for another run's write to finish
RACY_NS = 2_000_000_000  # a file this recently modified may change again within one tick
Progress = Callable[[int, int], None]  # (files read so far, files to read)

_TABLES = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE files (key TEXT PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL,"
    " mtime_ns INTEGER NOT NULL, sha256 TEXT, digests BLOB NOT NULL, skipped TEXT NOT NULL,"
    " profiles TEXT NOT NULL)",
    "CREATE TABLE series (id INTEGER PRIMARY KEY, label TEXT NOT NULL, name TEXT,"
    " state TEXT NOT NULL, centroid TEXT NOT NULL)",
    "CREATE TABLE postings (term TEXT NOT NULL, series INTEGER NOT NULL)",
    "CREATE INDEX postings_by_term ON postings (term)",
    "CREATE TABLE members (path TEXT PRIMARY KEY, key TEXT NOT NULL, series INTEGER NOT NULL)",
    "CREATE INDEX members_by_series ON members (series)",
    "CREATE TABLE terms (term TEXT PRIMARY KEY, reports INTEGER NOT NULL)",
)
# the stored models and the tables both: a change to either starts a fresh index by itself
_SCHEMA = f"{SCHEMA_VERSION}:" + hashlib.sha256("\n".join([SCHEMA_KEY, *_TABLES]).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What one run did: files read (extracted), reused, removed, and now under its roots."""

    read: int
    reused: int
    removed: int
    total: int
    rebuilt: bool = False  # everything was read afresh (--rebuild, new index or new version)
    skipped: tuple[Skipped, ...] = ()  # everything under the roots that could not be read


@dataclass(frozen=True, slots=True)
class _Row:
    path: str
    size: int
    mtime_ns: int
    sha256: str | None


def update_index(
    db_path: str,
    roots: Sequence[str],
    lex: Lexicon | None = None,
    jobs: int | None = None,
    rebuild: bool = False,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = BUSY_TIMEOUT,
    exclude: Sequence[str] = (),
    scheduler: str | None = None,
) -> IndexStats:
    """Bring the index up to date with the reports under the given files and folders; with a
    Dask scheduler, the files to read are read and digested on its cluster."""
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    if scheduler:
        from checker.distributed import check_scheduler

        check_scheduler(scheduler)
    lex = lex or default_lexicon()
    walk_skipped: list[Skipped] = []
    walked = _walked(roots, walk_skipped, exclude)
    run = _Run(lex, jobs, progress, max_bytes, _settings(lex, max_bytes), scheduler)
    with closing(walked):
        ensure_ours(db_path)
        _make_folder(db_path)
        if rebuild:
            stats = _rebuild(db_path, walked, roots, run, timeout)
        else:
            with _connect(db_path, timeout) as conn, _transaction(conn, db_path, timeout):
                stats = _sync(conn, walked, roots, run, _prepare(conn, db_path, run.settings))
    skipped = sorted([*walk_skipped, *stats.skipped], key=lambda s: (s.path, s.reason))
    return IndexStats(stats.read, stats.reused, stats.removed, stats.total, stats.rebuilt, tuple(skipped))


def load_digests(
    db_path: str, exclude: Iterable[str] = (), under: Sequence[str] | None = None
) -> list[Digest]:
    """Return the digests in the index, sorted by path: all, or those of files under some
    roots, leaving out the files named in exclude."""
    return sorted(stored_digests(db_path, under, exclude), key=lambda d: d.article.path)


def stored_digests(
    db_path: str, under: Sequence[str] | None = None, exclude: Iterable[str] = ()
) -> Iterator[Digest]:
    """Every digest of the files (under the roots, less those named in exclude), file by file
    in path order, read in one read transaction as they are taken rather than all loaded: a
    whole check spills them and judges one series at a time."""
    left_out = {_key(p) for p in exclude}
    with _reading(db_path) as conn:
        for key, blob in conn.execute("SELECT key, digests FROM files ORDER BY path"):
            if key not in left_out and (under is None or _under(key, under)):
                yield from (digest_from_dict(d) for d in json.loads(zlib.decompress(blob)))


def load_skipped(db_path: str, under: Sequence[str] | None = None) -> list[Skipped]:
    """Return what the index could not read, sorted by path."""
    found = [Skipped(p, r) for _, text in _rows(db_path, "skipped", under) for p, r in json.loads(text)]
    return sorted(found, key=lambda s: (s.path, s.reason))


@dataclass(frozen=True, slots=True)
class SeriesSlice:
    """What new reports are judged against: the indexed reports of the series they join."""

    labels: dict[str, str]  # report path (new and indexed) -> series label
    digests: list[Digest]  # the indexed reports of those series, sorted by path
    skipped: tuple[Skipped, ...] = ()  # what the files read again left out


def holds(
    db_path: str, roots: Sequence[str], lex: Lexicon | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> bool:
    """Whether the index was written by this version and settings and holds reports under
    every root (it is then read as it stands; 'factlint index' brings it up to date)."""
    if not os.path.isfile(db_path):
        return False
    settings = _settings(lex or default_lexicon(), max_bytes)
    with _connect(db_path, BUSY_TIMEOUT, whole_check=False) as conn:
        if not _has_meta(conn):
            return False
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if (meta.get("schema"), meta.get("extractor"), meta.get("settings")) != (
            _SCHEMA,
            checker.EXTRACTOR_VERSION,
            settings,
        ) or "reports" not in meta:
            return False
        return all(_holds_under(conn, root) for root in roots)


def series_slice(
    db_path: str,
    new: Sequence[Profile],
    under: Sequence[str],
    exclude: Iterable[str] = (),
    lex: Lexicon | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SeriesSlice:
    """Place new reports in the index's series (or in series of their own) and load the
    indexed reports under the roots of each series they joined, leaving out the files named
    in exclude (the new reports' own files, read afresh). A loaded file that changed since
    the index was written is read again."""
    left_out = {_key(p) for p in exclude}
    with _connect(db_path, BUSY_TIMEOUT, whole_check=False) as conn:
        conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")  # a few hundred random reads
        conn.execute("BEGIN")
        lookup = _SeriesLookup(conn)
        joined = {p.path: lookup.join(p) for p in sorted(new, key=lambda p: p.path)}
        labels = {path: lookup.label(i) for path, i in joined.items()}
        digests, old_labels, rows = _members(conn, sorted(set(joined.values())), under, left_out)
        conn.execute("COMMIT")
    return _fresh(SeriesSlice({**old_labels, **labels}, digests), rows, lex, max_bytes)


def _fresh(found: SeriesSlice, rows: dict[str, _Row], lex: Lexicon | None, max_bytes: int) -> SeriesSlice:
    """The slice with every file that changed since the index was written read again (and
    every file that is gone left out), so no finding quotes text a file no longer has."""
    stale = {
        row.path: _readable(key, row)
        for key, row in sorted(rows.items())
        if not _unchanged(key, row, max_bytes)
    }
    if not stale:
        return found
    lex = lex or default_lexicon()
    kept = [d for d in found.digests if _file_path(d) not in stale]
    labels = dict(found.labels)
    skipped: list[Skipped] = []
    for shown, path in stale.items():
        # the reports this file gave the series, by their part after the file's name (a
        # record's '#id'); a feed's records of other events never join the series
        before = {
            d.article.path[len(shown) :]: labels.get(d.article.path)
            for d in found.digests
            if _file_path(d) == shown
        }
        try:
            digests, lost = digest_file(path, lex, max_bytes)
        except InputError:  # deleted since
            continue
        for d in digests:
            part = d.article.path[len(display_path(path)) :]
            if part in before:
                labels.setdefault(d.article.path, before[part] or d.article.path)
                kept.append(d)
        skipped += lost
    kept.sort(key=lambda d: d.article.path)
    return SeriesSlice(labels, kept, tuple(skipped))


def _unchanged(key: str, row: _Row, max_bytes: int) -> bool:
    """Whether the file still holds what the index read (a name that is not UTF-8 cannot be
    looked up again from its stored form: it is taken as it was)."""
    try:
        st = os.stat(key)
    except OSError:
        return "\\" in key  # gone, unless it is such a name
    if row.mtime_ns >= 0 and (row.size, row.mtime_ns) == (st.st_size, st.st_mtime_ns):
        return True
    return row.sha256 is not None and _hash(key, st, max_bytes) == row.sha256


def _readable(key: str, row: _Row) -> str:
    """The path to read a file again by: as reports name it when that still leads to it
    from here, else the absolute one."""
    try:
        return row.path if os.path.samefile(row.path, key) else key
    except OSError:
        return key


def _file_path(d: Digest) -> str:
    """The file a digest was read from (a .jsonl record's file)."""
    return article_file(d.article)


class _SeriesLookup:
    """The index's series as new reports look for theirs: a series is read only when one of
    a new report's distinctive terms leads to it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._reports = int(dict(conn.execute("SELECT key, value FROM meta"))["reports"])
        self._first_new = conn.execute("SELECT COALESCE(MAX(id), -1) + 1 FROM series").fetchone()[0]
        self._stored: dict[int, Cluster] = {}
        self._begun: list[Cluster] = []  # series of new reports that joined none in the index
        self._begun_postings: dict[str, set[int]] = {}
        self._new_df: Counter[str] = Counter()
        self._new_reports = 0

    def join(self, p: Profile) -> int:
        self._new_df.update(t for t, _ in p.terms)
        self._new_reports += 1
        vector = weighted(
            p.terms, idf_weights(self._df([t for t, _ in p.terms]), self._reports + self._new_reports)
        )
        anchors = frozenset(p.anchors)
        cluster = (
            self._named(p.series) if p.series else best_series(self._cluster, self._holding, vector, anchors)
        )
        if cluster is None:
            cluster = Cluster(p.series, self._first_new + len(self._begun))
            self._begun.append(cluster)
        cluster.add(vector, anchors)
        for term in vector:
            self._begun_postings.setdefault(term, set()).add(cluster.index)
        return cluster.index

    def begun(self) -> list[tuple[int, str, str | None]]:
        """The series new reports began: (id, label, front matter name), labelled while none
        of them is stored yet."""
        return [(c.index, self.label(c.index), c.name) for c in self._begun]

    def label(self, index: int) -> str:
        if index < self._first_new:
            return self._conn.execute("SELECT label FROM series WHERE id = ?", (index,)).fetchone()[0]
        cluster = self._begun[index - self._first_new]
        base = cluster.name or describe(cluster)
        label, n = base, 1
        while self._conn.execute("SELECT 1 FROM series WHERE label = ?", (label,)).fetchone() or any(
            c.index < index and (c.name or describe(c)) == label for c in self._begun
        ):
            n += 1
            label = f"{base} ({n})"
        return label

    def _df(self, terms: list[str]) -> dict[str, int]:
        stored = (
            dict(
                self._conn.execute(
                    f"SELECT term, reports FROM terms WHERE term IN ({','.join('?' * len(terms))})", terms
                )
            )
            if terms
            else {}
        )
        return {t: stored.get(t, 0) + self._new_df[t] for t in terms}

    def _cluster(self, index: int) -> Cluster:
        if index >= self._first_new:
            return self._begun[index - self._first_new]
        if index not in self._stored:
            state = self._conn.execute("SELECT state FROM series WHERE id = ?", (index,)).fetchone()[0]
            self._stored[index] = _StoredCluster(json.loads(state), self._conn)
        return self._stored[index]

    def _holding(self, term: str) -> list[int]:
        stored = [r[0] for r in self._conn.execute("SELECT series FROM postings WHERE term = ?", (term,))]
        return stored + sorted(self._begun_postings.get(term, ()))

    def _named(self, name: str) -> Cluster | None:
        for cluster in self._begun:
            if cluster.name == name:
                return cluster
        found = self._conn.execute("SELECT id FROM series WHERE name = ?", (name,)).fetchone()
        return self._cluster(found[0]) if found else None


class _StoredCluster(Cluster):
    """A series read from the index: its weighted terms, the bulk of it, are read only if a
    new report passes its cheaper checks (countries, event name) and is compared with it."""

    def __init__(self, state: dict, conn: sqlite3.Connection) -> None:
        stored = Cluster.from_dict(state)
        self.__dict__.update(stored.__dict__)
        del self.centroid  # read on first use, by __getattr__
        self._conn = conn

    def __getattr__(self, name: str) -> object:
        if name != "centroid":
            raise AttributeError(name)
        text = self._conn.execute("SELECT centroid FROM series WHERE id = ?", (self.index,)).fetchone()[0]
        self.centroid = json.loads(text)
        return self.centroid


def _compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _members(
    conn: sqlite3.Connection, series: list[int], under: Sequence[str], left_out: set[str]
) -> tuple[list[Digest], dict[str, str], dict[str, _Row]]:
    """The indexed digests of the given series under the roots, their series labels, and
    the stored state of their files."""
    wanted: dict[str, str] = {}
    keys: set[str] = set()
    query = "SELECT m.path, m.key, s.label FROM members m JOIN series s ON s.id = m.series WHERE m.series IN"
    for path, key, label in _chunks(conn, query, series):
        if _under(key, under) and key not in left_out:
            wanted[path] = label
            keys.add(key)
    digests: list[Digest] = []
    rows: dict[str, _Row] = {}
    query = "SELECT key, digests, path, size, mtime_ns, sha256 FROM files WHERE key IN"
    for key, blob, *row in _chunks(conn, query, sorted(keys)):
        rows[key] = _Row(*row)
        digests += [
            digest_from_dict(d) for d in json.loads(zlib.decompress(blob)) if d["article"]["path"] in wanted
        ]
    return sorted(digests, key=lambda d: d.article.path), wanted, rows


_MMAP_BYTES = 1 << 30
_BATCH = 500  # values a query names at once, well under SQLite's limit


def _chunks(conn: sqlite3.Connection, query: str, values: Sequence[object]) -> Iterator[tuple]:
    for start in range(0, len(values), _BATCH):
        part = values[start : start + _BATCH]
        yield from conn.execute(f"{query} ({','.join('?' * len(part))})", part)


def _holds_under(conn: sqlite3.Connection, root: str) -> bool:
    base = _key(root)
    inside = base.rstrip(os.sep) + os.sep
    found = conn.execute(
        "SELECT 1 FROM files WHERE key = ? OR (key >= ? AND key < ?) LIMIT 1",
        (base, inside, inside + "\U0010ffff"),
    ).fetchone()
    return found is not None


# ---------------------------------------------------------------- one run


@dataclass(frozen=True, slots=True)
class _Run:
    lex: Lexicon
    jobs: int
    progress: Progress | None
    max_bytes: int
    settings: str
    scheduler: str | None = None  # a Dask scheduler reads the files, where given


class PrivateTables:
    """A private temporary SQLite file (deleted when closed) holding what a run would otherwise
    keep in memory as large as the archive, with what expand_paths remembers of the walk
    (articles.WalkMemory). Paths are stored as UTF-8 bytes, whose order is the order sorted()
    gives their strings, so files are taken in the order they were before, whatever the names
    hold."""

    def __init__(self, tables: Sequence[str]) -> None:
        self._db = sqlite3.connect("", isolation_level=None)  # "": a private file on disk
        for statement in (
            "PRAGMA journal_mode = OFF",
            "PRAGMA synchronous = OFF",
            "CREATE TABLE seen (real BLOB PRIMARY KEY) WITHOUT ROWID",
            "CREATE TABLE listing (path BLOB NOT NULL)",
            *tables,
            "BEGIN",  # never committed: one transaction, thrown away with the file
        ):
            self._db.execute(statement)

    def close(self) -> None:
        self._db.close()

    def first_time(self, real: str) -> bool:
        """The real paths met so far."""
        return self._db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (ordered_path(real),)).rowcount == 1

    def ordered(self, paths: Iterable[str]) -> Iterator[str]:
        self._db.execute("DELETE FROM listing")
        self._db.executemany("INSERT INTO listing VALUES (?)", ((ordered_path(p),) for p in paths))
        for (path,) in self._db.execute("SELECT path FROM listing ORDER BY path"):
            yield stored_path(path)


class _Walk(PrivateTables):
    """The report files under the roots, and the files of them to read: both are as large as
    the archive, and a run holds only a page cache of them."""

    def __init__(self) -> None:
        super().__init__(
            (
                "CREATE TABLE walk (key TEXT PRIMARY KEY, path BLOB NOT NULL)",
                "CREATE TABLE todo (n INTEGER PRIMARY KEY, key TEXT NOT NULL, path BLOB NOT NULL,"
                " size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha256 TEXT)",
            )
        )
        self.count = 0  # files walked
        self.todo = 0  # files to read

    def add(self, path: str) -> None:
        """A walked file; of two paths to one key, the first is kept (as read_reports does)."""
        self.count += self._db.execute(
            "INSERT OR IGNORE INTO walk VALUES (?, ?)", (_key(path), ordered_path(path))
        ).rowcount

    def holds(self, key: str) -> bool:
        return self._db.execute("SELECT 1 FROM walk WHERE key = ?", (key,)).fetchone() is not None

    def by_path(self) -> Iterator[tuple[str, str]]:
        for key, path in self._db.execute("SELECT key, path FROM walk ORDER BY path"):
            yield key, stored_path(path)

    def to_read(self, key: str, row: _Row) -> None:
        self._db.execute(
            "INSERT INTO todo VALUES (?, ?, ?, ?, ?, ?)",
            (self.todo, key, ordered_path(row.path), row.size, row.mtime_ns, row.sha256),
        )
        self.todo += 1

    def rows_to_read(self) -> Iterator[tuple[str, _Row]]:
        for _, key, path, *row in self._db.execute("SELECT * FROM todo ORDER BY n"):
            yield key, _Row(stored_path(path), *row)

    def keys_to_read(self) -> list[str]:
        return [k for (k,) in self._db.execute("SELECT key FROM todo ORDER BY n")]

    def paths_to_read(self) -> StoredPaths:
        return StoredPaths(self._db, "todo", self.todo)


class StoredPaths(Sequence[str]):
    """The paths of the files to read, in order, read from a private table (`n`, `path`) as
    they are handed out (the process pool takes them a part at a time)."""

    def __init__(self, db: sqlite3.Connection, table: str, count: int) -> None:
        self._db = db
        self._table = table
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, at):  # type: ignore[override]  # an int or a slice, as Sequence
        if isinstance(at, slice):
            start, stop, step = at.indices(self._count)
            found = self._db.execute(
                f"SELECT path FROM {self._table} WHERE n >= ? AND n < ? ORDER BY n", (start, stop)
            ).fetchall()
            return [stored_path(p) for (p,) in found][::step]
        if not -self._count <= at < self._count:
            raise IndexError(at)
        found = self._db.execute(
            f"SELECT path FROM {self._table} WHERE n = ?", (at % self._count,)
        ).fetchone()
        return stored_path(found[0])

    def __iter__(self) -> Iterator[str]:
        for (path,) in self._db.execute(f"SELECT path FROM {self._table} ORDER BY n"):
            yield stored_path(path)


def ordered_path(path: str) -> bytes:
    # UTF-8 bytes compare as the code points do (sorted() order); a name that is not UTF-8
    # holds lone surrogates (surrogateescape), kept as they are
    return path.encode("utf-8", "surrogatepass")


def stored_path(stored: bytes) -> str:
    return stored.decode("utf-8", "surrogatepass")


def _walked(roots: Sequence[str], skipped: list[Skipped], exclude: Sequence[str] = ()) -> _Walk:
    """Each report file under the roots, keyed, with its path as walked, like read_reports."""
    walk = _Walk()
    try:
        for path in expand_paths([r for r in roots if r != "-"], skipped, exclude, memory=walk):
            walk.add(path)
    except BaseException:
        walk.close()
        raise
    return walk


def _sync(
    conn: sqlite3.Connection, walked: _Walk, roots: Sequence[str], run: _Run, fresh: bool
) -> IndexStats:
    """Write what changed under the roots into the index, inside the caller's transaction.
    The stored rows are looked up one by one, not all held, and the walk and the files to
    read are kept on disk: what a run holds grows with the series, not the archive."""
    gone = [k for (k,) in conn.execute("SELECT key FROM files") if _under(k, roots) and not walked.holds(k)]
    left = [] if fresh else _stored_profiles(conn, gone)  # what the deleted files gave the series
    conn.executemany("DELETE FROM files WHERE key = ?", [(k,) for k in gone])
    lookup = "SELECT path, size, mtime_ns, sha256 FROM files WHERE key = ?"
    for key, path in walked.by_path():
        found = None if fresh else conn.execute(lookup, (key,)).fetchone()
        old = _Row(*found) if found else None
        row, same = _compare(path, old, run.max_bytes)
        if not same:
            walked.to_read(key, row)
        elif old != row:  # same content, new stat: remember it so the next run need not hash
            conn.execute(
                "UPDATE files SET size = ?, mtime_ns = ? WHERE key = ?", (row.size, row.mtime_ns, key)
            )
    read_keys = [] if fresh else walked.keys_to_read()  # a few, unless many files changed
    if not fresh:
        left += _stored_profiles(conn, read_keys)
    vanished = 0
    results = _extract_all(walked.paths_to_read(), run)
    for (key, row), result in zip(walked.rows_to_read(), results, strict=True):
        if result is None:  # deleted while we ran
            vanished += 1
            conn.execute("DELETE FROM files WHERE key = ?", (key,))
            continue
        conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, display_path(row.path), row.size, row.mtime_ns, row.sha256, *result),
        )
    read, walked_count = walked.todo, walked.count
    joined = [] if fresh else _stored_profiles(conn, read_keys)
    walked.close()  # not needed again, and as large as the archive
    if fresh:
        _write_meta(conn, run.settings)
        _gather(conn)
    elif read or gone:
        _update_series(conn, left, joined)
    return IndexStats(
        read=read,
        reused=walked_count - read,
        removed=len(gone),
        total=walked_count - vanished,
        rebuilt=fresh,
        skipped=tuple(_skipped_rows(conn, roots)),
    )


def _compare(path: str, old: _Row | None, max_bytes: int) -> tuple[_Row, bool]:
    """Return the file's row as it is now, and whether the stored digests still hold."""
    try:
        st = os.stat(path)
    except OSError:  # a broken link, say: read_reports tells why; its own stat will do
        try:
            st = os.lstat(path)
        except OSError:
            return _Row(path, -1, -1, None), False  # read below, skipped with its reason
    # a file modified just now may change again within the same mtime tick: check it next time
    mtime = -1 if time.time_ns() - st.st_mtime_ns < RACY_NS else st.st_mtime_ns
    shown = display_path(path)  # what the index stores: always valid UTF-8
    if (
        old is not None
        and old.path == shown
        and old.mtime_ns >= 0
        and (old.size, old.mtime_ns) == (st.st_size, st.st_mtime_ns)
    ):
        return old, True
    sha = _hash(path, st, max_bytes)
    row = _Row(path, st.st_size, mtime, sha)
    same = old is not None and old.path == shown and sha is not None and sha == old.sha256
    return row, same


def _hash(path: str, st: os.stat_result, max_bytes: int) -> str | None:
    """The sha256 of a regular file within the size limit (never open a fifo or a giant)."""
    if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
        return None
    try:
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None


def _skipped_rows(conn: sqlite3.Connection, roots: Sequence[str]) -> list[Skipped]:
    rows = conn.execute("SELECT key, skipped FROM files WHERE skipped != '[]'")
    return [Skipped(p, r) for key, text in rows if _under(key, roots) for p, r in json.loads(text)]


# ---------------------------------------------------------------- series


def _gather(conn: sqlite3.Connection) -> None:
    """Gather the series of every report in the index, as a check of them all would, reading
    the reports' profiles pass by pass from a temporary table rather than holding them all."""
    store = _GatheringStore(conn)
    model = gather_stored(store, store.table)
    for table in ("series", "postings", "members", "terms"):
        conn.execute(f"DELETE FROM {table}")
    conn.executemany(
        "INSERT INTO series VALUES (?, ?, ?, ?, ?)",
        (
            (
                c.index,
                model.labels[c.index],
                c.name,
                _compact({**c.to_dict(), "centroid": {}}),
                _compact(c.centroid),
            )
            for c in model.clusters
        ),
    )
    conn.executemany(
        "INSERT INTO postings VALUES (?, ?)", ((t, c.index) for c in model.clusters for t in c.centroid)
    )
    conn.executemany("INSERT INTO members VALUES (?, ?, ?)", _member_rows(store, model.members))
    conn.executemany("INSERT INTO terms VALUES (?, ?)", model.df.items())
    _set_meta(conn, "reports", model.reports)
    _set_meta(conn, "changed", 0)
    store.close()


class _GatheringStore:
    """Every stored report's profile, one row a report in a temporary table in path order (of
    two with one path, in the order of their files' rows), read again pass by pass: the
    ProfileStore series.gather_stored reads. The table lives in SQLite's temporary file."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._tables: list[PathTable] = []
        conn.execute("DROP TABLE IF EXISTS temp.read_profiles")
        conn.execute("DROP TABLE IF EXISTS temp.gathering")
        conn.execute(
            "CREATE TEMP TABLE read_profiles (path TEXT NOT NULL, key TEXT NOT NULL, profile TEXT NOT NULL)"
        )
        conn.executemany(
            "INSERT INTO temp.read_profiles VALUES (?, ?, ?)",
            (
                (p[0], key, _compact(p))
                for key, text in conn.execute("SELECT key, profiles FROM files ORDER BY rowid")
                for p in json.loads(text)
            ),
        )
        # rowids in path order: a report's handle, and the order every pass reads them in
        conn.execute("CREATE TEMP TABLE gathering AS SELECT * FROM temp.read_profiles ORDER BY path, rowid")
        conn.execute("DROP TABLE temp.read_profiles")
        conn.execute("CREATE INDEX temp.gathering_by_path ON gathering (path)")

    def each(self) -> Iterator[tuple[int, Profile]]:
        for handle, text in self._conn.execute("SELECT rowid, profile FROM temp.gathering ORDER BY rowid"):
            yield handle, _profile(json.loads(text))

    def some(self, handles: Sequence[int]) -> Iterator[Profile]:
        for start in range(0, len(handles), _BATCH):
            part = handles[start : start + _BATCH]
            query = f"SELECT rowid, profile FROM temp.gathering WHERE rowid IN ({','.join('?' * len(part))})"
            found = dict(self._conn.execute(query, part))
            yield from (_profile(json.loads(found[h])) for h in part)

    def paths(self) -> Iterator[tuple[str, str]]:
        """Each report's path and its file's key, in path order (of two with one path, the
        later's key only)."""
        rows = self._conn.execute("SELECT path, key FROM temp.gathering ORDER BY rowid")
        held = next(rows, None)
        for row in rows:
            if row[0] != held[0]:
                yield held
            held = row
        if held is not None:
            yield held

    def table(self) -> PathTable:
        """A new table from report path to a number, beside the profiles (series.Table)."""
        self._tables.append(PathTable(self._conn, f"gathering_{len(self._tables)}"))
        return self._tables[-1]

    def close(self) -> None:
        for table in ("gathering", *(t.name for t in self._tables)):
            self._conn.execute(f"DROP TABLE temp.{table}")


class PathTable(MutableMapping[str, int]):
    """What gathering notes of every report by its path (its series, the named series it
    joins), kept in SQLite's temporary file rather than in memory: a row a report."""

    def __init__(self, conn: sqlite3.Connection, name: str) -> None:
        self._conn = conn
        self.name = name
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
        conn.execute(
            f"CREATE TEMP TABLE {name} (path TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID"
        )

    def __getitem__(self, path: str) -> int:
        found = self.get(path)
        if found is None:
            raise KeyError(path)
        return found

    def get(self, path: str, default: int | None = None) -> int | None:  # type: ignore[override]
        found = self._conn.execute(f"SELECT value FROM temp.{self.name} WHERE path = ?", (path,)).fetchone()
        return default if found is None else found[0]

    def __contains__(self, path: object) -> bool:
        return self.get(path) is not None  # type: ignore[arg-type]

    def __setitem__(self, path: str, value: int) -> None:
        self._conn.execute(f"INSERT OR REPLACE INTO temp.{self.name} VALUES (?, ?)", (path, value))

    def __delitem__(self, path: str) -> None:
        if not self._conn.execute(f"DELETE FROM temp.{self.name} WHERE path = ?", (path,)).rowcount:
            raise KeyError(path)

    def __iter__(self) -> Iterator[str]:
        for (path,) in self._conn.execute(f"SELECT path FROM temp.{self.name} ORDER BY path"):
            yield path

    def __len__(self) -> int:
        return self._conn.execute(f"SELECT COUNT(*) FROM temp.{self.name}").fetchone()[0]

    def update(self, other=(), /, **more) -> None:  # type: ignore[override]
        """Another table's rows copied in one statement, not read into memory one by one."""
        if isinstance(other, PathTable) and not more:
            self._conn.execute(f"INSERT OR REPLACE INTO temp.{self.name} SELECT * FROM temp.{other.name}")
        else:
            super().update(other, **more)


_PathTable = PathTable  # its name before a whole check's spill used it too


def _member_rows(store: _GatheringStore, members: Mapping[str, int]) -> Iterator[tuple[str, str, int]]:
    """The rows of members in path order, read from the store rather than sorted in memory."""
    for path, key in store.paths():
        yield path, key, members[path]


def _profile(stored: list) -> Profile:
    path, series, terms, anchors = stored
    return Profile(path, series, tuple(map(tuple, terms)), tuple(anchors))


# A change gathers again only the series its reports leave and join; the others keep the
# weights of the gathering that made them. Once the reports changed so since the last whole
# gathering reach this share of the index, every series is gathered afresh, so the series
# never drift far from what a whole gathering gives, at a cost spread over many changes.
REGATHER_SHARE = 0.1


def _update_series(
    conn: sqlite3.Connection, left: list[tuple[str, Profile]], joined: list[tuple[str, Profile]]
) -> None:
    """Take the reports of deleted and re-read files out of their series, and place the
    re-read files' reports (in path order) as a new report against the index is placed."""
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    touched = {p.path for _, p in left} | {p.path for _, p in joined}
    if "reports" not in meta:
        _gather(conn)
        return
    reports = int(meta["reports"])
    changed = int(meta.get("changed", "0")) + len(touched)
    if changed > REGATHER_SHARE * reports:
        _gather(conn)
        return
    paths = sorted({p.path for _, p in left})
    was_in = {i for (i,) in _chunks(conn, "SELECT DISTINCT series FROM members WHERE path IN", paths)}
    conn.executemany("DELETE FROM members WHERE path = ?", [(p,) for p in paths])
    _count_terms(conn, [p for _, p in left], -1)
    _set_meta(conn, "reports", reports - len(left))
    for index in sorted(was_in):
        _regather_one(conn, index)
    ordered = sorted(joined, key=lambda kp: kp[1].path)
    lookup = _SeriesLookup(conn)
    joins = [lookup.join(p) for _, p in ordered]
    conn.executemany("INSERT INTO series VALUES (?, ?, ?, '{}', '{}')", lookup.begun())
    conn.executemany(
        "INSERT OR REPLACE INTO members VALUES (?, ?, ?)",
        ((p.path, key, i) for (key, p), i in zip(ordered, joins, strict=True)),
    )
    _count_terms(conn, [p for _, p in joined], 1)
    _set_meta(conn, "reports", reports - len(left) + len(joined))
    for index in sorted(set(joins)):
        _regather_one(conn, index)
    _set_meta(conn, "changed", changed)


def _regather_one(conn: sqlite3.Connection, index: int) -> None:
    """Gather one series again from its members' stored profiles, in path order, weighed as
    the index's reports weigh them now; a series left with no report is dropped."""
    old = conn.execute("SELECT name, centroid FROM series WHERE id = ?", (index,)).fetchone()
    members = conn.execute(
        "SELECT path, key FROM members WHERE series = ? ORDER BY path", (index,)
    ).fetchall()
    conn.executemany(
        "DELETE FROM postings WHERE term = ? AND series = ?", ((t, index) for t in sorted(json.loads(old[1])))
    )
    if not members:
        conn.execute("DELETE FROM series WHERE id = ?", (index,))
        return
    wanted = {path for path, _ in members}
    profiles = sorted(
        (p for _, p in _stored_profiles(conn, sorted({k for _, k in members})) if p.path in wanted),
        key=lambda p: p.path,
    )
    terms = sorted({t for p in profiles for t, _ in p.terms})
    df = dict(_chunks(conn, "SELECT term, reports FROM terms WHERE term IN", terms))
    reports = int(conn.execute("SELECT value FROM meta WHERE key = 'reports'").fetchone()[0])
    idf = idf_weights(df, reports)
    cluster = Cluster(old[0], index)
    for p in profiles:
        cluster.add(weighted(p.terms, idf), frozenset(p.anchors))
    conn.execute(
        "UPDATE series SET state = ?, centroid = ? WHERE id = ?",
        (_compact({**cluster.to_dict(), "centroid": {}}), _compact(cluster.centroid), index),
    )
    conn.executemany("INSERT INTO postings VALUES (?, ?)", ((t, index) for t in cluster.centroid))


def _stored_profiles(conn: sqlite3.Connection, keys: Sequence[str]) -> list[tuple[str, Profile]]:
    """The stored profiles of the files with the given keys, each with its file's key."""
    return [
        (key, Profile(path, series, tuple(map(tuple, terms)), tuple(anchors)))
        for key, text in _chunks(conn, "SELECT key, profiles FROM files WHERE key IN", sorted(keys))
        for path, series, terms, anchors in json.loads(text)
    ]


def _count_terms(conn: sqlite3.Connection, profiles: list[Profile], sign: int) -> None:
    """Add (sign 1) or take away (sign -1) the reports' terms in the count of reports a term
    is in; a term no report holds any more is dropped."""
    counts = sorted(Counter(t for p in profiles for t, _ in p.terms).items())
    conn.executemany(
        "INSERT INTO terms VALUES (?, ?)"
        " ON CONFLICT (term) DO UPDATE SET reports = reports + excluded.reports",
        ((t, sign * n) for t, n in counts),
    )
    if sign < 0:
        conn.executemany("DELETE FROM terms WHERE term = ? AND reports <= 0", ((t,) for t, _ in counts))


def _set_meta(conn: sqlite3.Connection, key: str, value: int) -> None:
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(value)))


# ---------------------------------------------------------------- extraction


def _extract_all(paths: Sequence[str], run: _Run) -> Iterator[tuple[bytes, str, str] | None]:
    """Digest files in order, inline or across processes; yield each file's stored form."""
    state = {"lex": run.lex, "max_bytes": run.max_bytes}
    if run.scheduler:
        from checker.distributed import dask_map

        yield from dask_map(_extract_in_worker, paths, run.scheduler, state, run.progress)
        return
    yield from ordered_map(_extract_in_worker, paths, run.jobs, state, run.progress)


def _extract(path: str, lex: Lexicon, max_bytes: int) -> tuple[bytes, str, str] | None:
    """Read and digest one file: (compressed digests, skipped, profiles), or None if it is
    gone. A report that fails is stored as skipped, with the failure as its reason."""
    try:
        digests, skipped_reports = digest_file(path, lex, max_bytes)
    except InputError:
        return None
    data = json.dumps([digest_to_dict(d) for d in digests], ensure_ascii=False, separators=(",", ":"))
    skipped = json.dumps([[s.path, s.reason] for s in skipped_reports], ensure_ascii=False)
    profiles = json.dumps(
        [dataclasses.astuple(profile(d)) for d in digests], ensure_ascii=False, separators=(",", ":")
    )
    return zlib.compress(data.encode("utf-8")), skipped, profiles


def _extract_in_worker(path: str) -> tuple[bytes, str, str] | None:
    state = worker_state()
    return _extract(path, state["lex"], state["max_bytes"])


# ---------------------------------------------------------------- the database file


def _settings(lex: Lexicon, max_bytes: int) -> str:
    """What, besides the extractor's code, decides the digests: vocabulary and size limit."""
    aliases = sorted((a, e.name, e.kind) for a, e in lex.alias_to_entity.items())
    vocabulary = repr((lex.numbers, lex.vocab, aliases)).encode("utf-8")
    return f"{hashlib.sha256(vocabulary).hexdigest()[:16]}:{max_bytes}"


def _make_folder(db_path: str) -> None:
    folder = os.path.dirname(os.path.abspath(db_path))
    if os.path.isdir(folder):
        return
    try:
        os.makedirs(folder)
        if os.path.basename(folder) == os.path.dirname(DEFAULT_INDEX):  # the cache folder
            with open(os.path.join(folder, ".gitignore"), "w", encoding="utf-8") as f:
                f.write(f"{_FOLDER_MARK}: the claim index is a cache\n*\n")
    except OSError as err:
        raise IndexUnusable(f"cannot make the index folder {folder}: {err.strerror or err}") from None


@contextmanager
def _connect(db_path: str, timeout: float, whole_check: bool = True) -> Iterator[sqlite3.Connection]:
    """Open the index and make sure it is sound; errors become one-line InputErrors.

    whole_check reads the whole file for damage first; a reader of a few rows (a new report
    against its series) leaves it out, and a damaged page it meets is the same clear error."""
    try:
        conn = sqlite3.connect(db_path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as err:
        raise _error(err, db_path, timeout) from None
    with closing(conn):
        try:
            found = conn.execute("PRAGMA quick_check" if whole_check else "SELECT 'ok'").fetchall()
        except sqlite3.Error as err:
            raise _error(err, db_path, timeout) from None
        if found != [("ok",)]:
            raise _damaged(db_path, "; ".join(str(r[0]) for r in found[:3]))
        try:
            yield conn
        except sqlite3.Error as err:
            raise _error(err, db_path, timeout) from None


@contextmanager
def _transaction(conn: sqlite3.Connection, db_path: str, timeout: float) -> Iterator[None]:
    """One write transaction: committed whole, or rolled back whole."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as err:
        raise _error(err, db_path, timeout) from None
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def ensure_ours(db_path: str) -> None:
    """Refuse to write to a file that is not a factlint index: another program's database, a
    report, anything else. A missing file, or an empty one that is not named like a report,
    may become an index; so may a damaged file in the cache folder factlint made."""
    try:
        st = os.stat(db_path)
    except FileNotFoundError:
        return
    except OSError as err:
        raise IndexUnusable(f"index {db_path}: {err.strerror or err}") from None
    if not stat.S_ISREG(st.st_mode):
        raise IndexUnusable(f"index {db_path} is not a regular file")
    if os.path.splitext(db_path)[1].lower() in REPORT_SUFFIXES:
        raise _not_ours(db_path, "a file named like a report")
    if st.st_size == 0:
        return
    try:
        with open(db_path, "rb") as f:
            head = f.read(100)
    except OSError as err:
        raise IndexUnusable(f"index {db_path}: {err.strerror or err}") from None
    own = _in_own_folder(db_path)  # a damaged file there is factlint's to repair
    if not head.startswith(_SQLITE_MAGIC):
        if own:
            return
        raise _not_ours(db_path, "not an SQLite file")
    mark = int.from_bytes(head[68:72], "big")
    if mark == APPLICATION_ID or (mark == 0 and _earlier_index(db_path)):
        return
    if own and not _readable_database(db_path):
        return
    raise _not_ours(db_path, "an SQLite database of another program")


def _in_own_folder(db_path: str) -> bool:
    """Whether the file lies in a cache folder factlint made (see _make_folder)."""
    marker = os.path.join(os.path.dirname(os.path.abspath(db_path)), ".gitignore")
    try:
        with open(marker, encoding="utf-8", errors="replace") as f:
            return f.read(len(_FOLDER_MARK)) == _FOLDER_MARK
    except OSError:
        return False


def _read_only(db_path: str) -> sqlite3.Connection:
    return sqlite3.connect(Path(db_path).absolute().as_uri() + "?mode=ro", uri=True)


def _readable_database(db_path: str) -> bool:
    """Whether an SQLite file opens and lists its tables (a damaged one does not)."""
    try:
        with closing(_read_only(db_path)) as conn:
            conn.execute("SELECT name FROM sqlite_master").fetchall()
    except sqlite3.Error:
        return False
    return True


def _earlier_index(db_path: str) -> bool:
    """Whether an unmarked SQLite file is an index written before the mark existed."""
    try:
        with closing(_read_only(db_path)) as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.Error:
        return False
    extractor = str(meta.get("extractor", ""))
    return "schema" in meta and extractor.startswith(f"{checker.__version__.split('+')[0]}+")


def _not_ours(db_path: str, what: str) -> IndexUnusable:
    return IndexUnusable(
        f"{db_path} is not a factlint index ({what}); factlint leaves it as it"
        " is: remove it or choose another --index"
    )


def _prepare(conn: sqlite3.Connection, db_path: str, settings: str) -> bool:
    """Make the tables ready for this version; return True when they start empty."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and not {"meta", "files"} <= tables:
        raise _damaged(db_path, "not a factlint index")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    meta = dict(conn.execute("SELECT key, value FROM meta")) if tables else {}
    if meta.get("schema") != _SCHEMA:
        for table in sorted(tables):
            conn.execute(f'DROP TABLE "{table}"')
        for create in _TABLES:
            conn.execute(create)
        return True
    if (meta.get("extractor"), meta.get("settings")) != (checker.EXTRACTOR_VERSION, settings):
        conn.execute("DELETE FROM files")
        return True
    return False


def _write_meta(conn: sqlite3.Connection, settings: str) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [("schema", _SCHEMA), ("extractor", checker.EXTRACTOR_VERSION), ("settings", settings)],
    )


def _rows(db_path: str, column: str, under: Sequence[str] | None) -> list[tuple[str, object]]:
    """Read one column of every file row (under the roots), in one read transaction."""
    with _reading(db_path) as conn:
        rows = conn.execute(f"SELECT key, {column} FROM files ORDER BY path").fetchall()
    return [r for r in rows if under is None or _under(r[0], under)]


@contextmanager
def _reading(db_path: str) -> Iterator[sqlite3.Connection]:
    """The index opened for one read transaction, once known to be this version's."""
    if not os.path.exists(db_path):
        raise IndexUnusable(f"no index at {db_path}: run 'factlint index' first")
    with _connect(db_path, BUSY_TIMEOUT) as conn:
        conn.execute("BEGIN")
        meta = dict(conn.execute("SELECT key, value FROM meta")) if _has_meta(conn) else {}
        if meta.get("schema") != _SCHEMA:
            raise IndexUnusable(
                f"index {db_path} was written by another version of factlint: run 'factlint index' again"
            )
        yield conn
        conn.execute("COMMIT")


def _has_meta(conn: sqlite3.Connection) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
    return found.fetchone() is not None


def _rebuild(db_path: str, walked: _Walk, roots: Sequence[str], run: _Run, timeout: float) -> IndexStats:
    """Build a new index beside the old one, then move it over the old in one step."""
    folder, name = os.path.split(os.path.abspath(db_path))
    _sweep_rebuilds(folder, name)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=".rebuild", dir=folder)
    os.close(fd)
    try:
        with _connect(tmp, timeout) as conn, _transaction(conn, tmp, timeout):
            stats = _sync(conn, walked, roots, run, _prepare(conn, tmp, run.settings))
        os.chmod(tmp, _mode_for(db_path))
        _replace(tmp, db_path, timeout)
    finally:
        for leftover in (tmp, tmp + "-journal"):
            if os.path.exists(leftover):
                os.remove(leftover)
    return stats


def _sweep_rebuilds(folder: str, name: str) -> None:
    """Remove what rebuilds that were killed left behind (their process is gone)."""
    left = compile_pattern(rf"\.{re.escape(name)}\.(\d+)\.[^.]+\.rebuild(?:-journal)?")
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    for entry in entries:
        found = left.fullmatch(entry)
        if found and not alive(int(found.group(1))):
            with suppress(OSError):
                os.remove(os.path.join(folder, entry))


def _mode_for(db_path: str) -> int:
    """The mode the index keeps: the old file's, or what the umask gives a new file."""
    try:
        return stat.S_IMODE(os.stat(db_path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _replace(tmp: str, db_path: str, timeout: float) -> None:
    """Move the new index over the old one, holding the old one's write lock if it has one."""
    old = None
    if os.path.exists(db_path):
        try:
            old = sqlite3.connect(db_path, timeout=timeout, isolation_level=None)
        except sqlite3.Error:
            old = None
    try:
        if old is not None:
            old.execute("BEGIN IMMEDIATE")  # waits for a running writer; rolls back a hot journal
    except sqlite3.DatabaseError as err:
        if _is_locked(err):
            raise _error(err, db_path, timeout) from None
        if os.path.exists(db_path + "-journal"):  # the damaged file's journal, useless now
            os.remove(db_path + "-journal")
    try:
        os.replace(tmp, db_path)
    finally:
        if old is not None:
            old.close()


def _key(path: str) -> str:
    # a file name that is not UTF-8 keeps its bytes, escaped, so SQLite can store it
    return os.path.abspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _under(key: str, roots: Iterable[str]) -> bool:
    for root in roots:
        if root == "-":
            continue
        base = _key(root)
        if key == base or key.startswith(base.rstrip(os.sep) + os.sep):
            return True
    return False


def _is_locked(err: sqlite3.Error) -> bool:
    return "locked" in str(err) or "busy" in str(err)


def _error(err: sqlite3.Error, db_path: str, timeout: float) -> IndexUnusable:
    if _is_locked(err):
        return IndexUnusable(
            f"index {db_path} is locked by another factlint run"
            f" (waited {timeout:g} s); try again when it has finished"
        )
    text = str(err)
    if isinstance(err, sqlite3.DatabaseError) and any(
        w in text for w in ("not a database", "malformed", "corrupt")
    ):
        return _damaged(db_path, text)
    return IndexUnusable(f"index {db_path}: {text}")


def _damaged(db_path: str, why: str) -> IndexUnusable:
    return IndexUnusable(f"index {db_path} is damaged ({why}): run 'factlint index --rebuild'")
