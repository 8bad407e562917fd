"""A whole check's reports kept on disk, not in memory, and judged one series at a time.

A check used to hold every report's digest (about 10 KB a report) from reading to rendering.
Here each digest goes to a private temporary SQLite file as it is read, beside the profile
series gathering reads of it; the series are gathered from the stored profiles pass by pass
(series.gather_stored, with its tables in the same file); each series' digests are read
back, judged and let go of; and what the formats read of a judged report (its article, its
occurrence, its dated claims) is written back beside it. The corpus a run returns reads those
rows from the file, in path order, whenever a format walks its articles or claims: what a run
holds grows with the series and the findings, not with the archive.

The file is written and read by this process only (it is deleted when closed, or when the
process ends), so rows are pickled: exact, and the fastest way back to the same objects.
"""

from __future__ import annotations

import pickle
import zlib
from collections import defaultdict
from collections.abc import Callable, ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from itertools import islice
from typing import Any

from checker.index import PathTable, PrivateTables, StoredPaths, ordered_path
from checker.models import Article, Claim, Corpus, Digest, Finding, Occurrence, Skipped
from checker.series import Profile, SeriesModel, profile

SAME_NAME = "another report has the same name (a file named like a .jsonl record of a feed)"
_BATCH = 500  # values a query names at once, well under SQLite's limit


def _packed(obj: object) -> bytes:
    return zlib.compress(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpacked(blob: bytes) -> Any:
    return pickle.loads(zlib.decompress(blob))  # noqa: S301 - this process's own file


class Spill(PrivateTables):
    """The reports of one check on disk: the files to read, their digests and profiles as
    read, then, once judged, what the formats show of each (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__(
            (
                "CREATE TABLE files (n INTEGER PRIMARY KEY, path BLOB NOT NULL)",
                "CREATE TABLE read (n INTEGER PRIMARY KEY, path TEXT NOT NULL, digest BLOB NOT NULL,"
                " profile BLOB NOT NULL)",
            )
        )
        self._files = 0
        self._read = 0
        self._tables = 0
        self.judged = 0  # series read back and judged: one read of the digests each

    # ------------------------------------------------------------ reading

    def listed(self, paths: Iterable[str]) -> Sequence[str]:
        """The files to read, in the order given, kept here and handed out from here."""
        for path in paths:
            self._db.execute("INSERT INTO files VALUES (?, ?)", (self._files, ordered_path(path)))
            self._files += 1
        return StoredPaths(self._db, "files", self._files)

    def add(self, digests: Iterable[Digest]) -> None:
        """Reports as they are read: kept in that order until sorted out."""
        for d in digests:
            self._db.execute(
                "INSERT INTO read VALUES (?, ?, ?, ?)",
                (self._read, d.article.path, _packed(d), _packed(profile(d))),
            )
            self._read += 1

    def as_read(self) -> Iterator[Digest]:
        """Every digest, in the order read."""
        for (blob,) in self._db.execute("SELECT digest FROM read ORDER BY n"):
            yield _unpacked(blob)

    def sort_out(self) -> list[Skipped]:
        """Put the reports in path order, each a handle (its row); of two with one name, the
        one read first is kept and the other skipped (as judge_digests does)."""
        self._db.execute("CREATE INDEX read_by_path ON read (path, n)")
        first = "(SELECT MIN(n) FROM read AS r WHERE r.path = read.path)"
        skipped = [
            Skipped(path, SAME_NAME)
            for (path,) in self._db.execute(f"SELECT path FROM read WHERE n != {first} ORDER BY path, n")
        ]
        self._db.execute(
            "CREATE TABLE reports AS SELECT path, digest, profile FROM read"
            f" WHERE n = {first} ORDER BY path, n"
        )
        self._db.execute("CREATE UNIQUE INDEX reports_by_path ON reports (path)")
        return skipped

    # ------------------------------------------------------------ series (series.ProfileStore)

    def each(self) -> Iterator[tuple[int, Profile]]:
        for handle, blob in self._db.execute("SELECT rowid, profile FROM reports ORDER BY rowid"):
            yield handle, _unpacked(blob)

    def some(self, handles: Sequence[int]) -> Iterator[Profile]:
        for found in self._rows("profile", handles):
            yield _unpacked(found)

    def table(self) -> PathTable:
        """A table from report path to a number, in this file (series.Table)."""
        self._tables += 1
        return PathTable(self._db, f"gathering_{self._tables}")

    def _rows(self, column: str, handles: Sequence[int]) -> Iterator[bytes]:
        """One column of the reports with these handles, in the order given."""
        for start in range(0, len(handles), _BATCH):
            part = handles[start : start + _BATCH]
            query = f"SELECT rowid, {column} FROM reports WHERE rowid IN ({','.join('?' * len(part))})"
            found = dict(self._db.execute(query, part))
            yield from (found[h] for h in part)

    def series(self, model: SeriesModel) -> Iterator[tuple[str, list[int], list[Digest]]]:
        """Each series (by label, in label order) with its reports' handles and digests, in
        path order: read from the file when it is reached, one series at a time."""
        members = model.members
        if not isinstance(members, PathTable):
            raise TypeError("series gathered into tables of this file are expected")
        self._db.execute(
            "CREATE TABLE placed AS SELECT r.rowid AS handle, m.value AS cluster"
            f" FROM reports AS r JOIN temp.{members.name} AS m ON m.path = r.path"
        )
        self._db.execute("CREATE INDEX placed_by_cluster ON placed (cluster, handle)")
        clusters: dict[str, list[int]] = defaultdict(list)
        for index, label in enumerate(model.labels):
            clusters[label].append(index)
        for label in sorted(clusters):
            handles: list[int] = []
            for index in clusters[label]:
                query = "SELECT handle FROM placed WHERE cluster = ? ORDER BY handle"
                handles += [h for (h,) in self._db.execute(query, (index,))]
            handles.sort()
            self.judged += 1
            yield label, handles, [_unpacked(b) for b in self._rows("digest", handles)]

    # ------------------------------------------------------------ judged

    def keep(self, handles: Sequence[int], judged: Corpus) -> None:
        """A judged series: each report's article, occurrence and dated claims, by handle,
        and its findings after those of the series judged before."""
        if not self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'judged'").fetchone():
            self._db.execute(
                "CREATE TABLE judged (handle INTEGER PRIMARY KEY, path TEXT NOT NULL,"
                " article BLOB NOT NULL, occurrence BLOB NOT NULL, claims BLOB NOT NULL,"
                " count INTEGER NOT NULL)"
            )
            self._db.execute("CREATE TABLE findings (n INTEGER PRIMARY KEY, finding BLOB NOT NULL)")
        self._db.executemany(
            "INSERT INTO findings (finding) VALUES (?)", ((_packed(f),) for f in judged.findings)
        )
        claims: dict[str, list[Claim]] = defaultdict(list)
        for claim in judged.claims:
            claims[claim.article].append(claim)
        for handle, article in zip(handles, judged.articles, strict=True):
            own = tuple(claims.get(article.path, ()))
            self._db.execute(
                "INSERT INTO judged VALUES (?, ?, ?, ?, ?, ?)",
                (
                    handle,
                    article.path,
                    _packed(article),
                    _packed(judged.occurrences.get(article.path)),
                    _packed(own),
                    len(own),
                ),
            )

    def corpus(self, skipped: tuple[Skipped, ...]) -> Corpus:
        """The judged corpus, its articles, claims, occurrences and findings read from this
        file (the findings in the order kept: series by series, in label order)."""
        for table in ("read", "reports", "placed"):  # their pages are reused by nothing else
            self._db.execute(f"DROP TABLE IF EXISTS {table}")
        if not self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'judged'").fetchone():
            return Corpus(articles=(), claims=(), occurrences={}, findings=(), skipped=skipped)
        self._db.execute("CREATE UNIQUE INDEX judged_by_path ON judged (path)")
        articles, claims = self._db.execute("SELECT COUNT(*), COALESCE(SUM(count), 0) FROM judged").fetchone()
        findings = self._db.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
        return Corpus(
            articles=_Articles(self, articles),  # type: ignore[arg-type]  # a sequence read from disk
            claims=_Claims(self, claims),  # type: ignore[arg-type]
            occurrences=_Occurrences(self, articles),  # type: ignore[arg-type]
            findings=_Findings(self, findings),  # type: ignore[arg-type]
            skipped=skipped,
        )

    def column(self, column: str, table: str = "judged", order: str = "handle") -> Iterator[Any]:
        for (blob,) in self._db.execute(f"SELECT {column} FROM {table} ORDER BY {order}"):
            yield _unpacked(blob)

    def claims_of(self, paths: Sequence[str]) -> Iterator[tuple[Claim, ...]]:
        handles: list[int] = []
        for start in range(0, len(paths), _BATCH):
            part = list(paths[start : start + _BATCH])
            query = f"SELECT handle FROM judged WHERE path IN ({','.join('?' * len(part))})"
            handles += [h for (h,) in self._db.execute(query, part)]
        handles.sort()
        for start in range(0, len(handles), _BATCH):
            part = handles[start : start + _BATCH]
            query = f"SELECT claims FROM judged WHERE handle IN ({','.join('?' * len(part))}) ORDER BY handle"
            for (blob,) in self._db.execute(query, part):
                yield _unpacked(blob)

    def paths(self) -> Iterator[str]:
        for (path,) in self._db.execute("SELECT path FROM judged ORDER BY handle"):
            yield path

    def occurrence(self, path: str) -> tuple[bool, Occurrence | None]:
        found = self._db.execute("SELECT occurrence FROM judged WHERE path = ?", (path,)).fetchone()
        return (False, None) if found is None else (True, _unpacked(found[0]))

    def paired(self) -> Iterator[tuple[str, Occurrence]]:
        for path, blob in self._db.execute("SELECT path, occurrence FROM judged ORDER BY handle"):
            yield path, _unpacked(blob)


class _Stored(Sequence[Any]):
    """A sequence read from the spill each time it is walked: a tuple's ways, not its bulk."""

    def __init__(self, spill: Spill, count: int) -> None:
        self._spill = spill
        self._count = count

    def _walk(self) -> Iterator[Any]:
        raise NotImplementedError

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        return self._walk()

    def __getitem__(self, at):  # type: ignore[override]  # an int or a slice, as a tuple
        if isinstance(at, slice):
            return tuple(self)[at]
        if not -self._count <= at < self._count:
            raise IndexError(at)
        return next(islice(self._walk(), at % self._count, None))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._count} stored)"


class _Articles(_Stored):
    def _walk(self) -> Iterator[Article]:
        return self._spill.column("article")


class _Claims(_Stored):
    def _walk(self) -> Iterator[Claim]:
        for claims in self._spill.column("claims"):
            yield from claims

    def of_reports(self, paths: Sequence[str]) -> Iterator[Claim]:
        """The claims of these reports only, in the corpus's order: what a format needs of
        one series is read from disk without walking the rest."""
        for claims in self._spill.claims_of(paths):
            yield from claims


class _Findings(_Stored):
    def _walk(self) -> Iterator[Finding]:
        return self._spill.column("finding", "findings", "n")


class Kept(Sequence[Finding]):
    """The findings of a stored sequence that a test keeps, walked from disk each time: which
    findings a run shows or hides, without holding them. Its length is counted once."""

    def __init__(self, findings: Sequence[Finding], keep: Callable[[Finding], bool]) -> None:
        self._findings = findings
        self._keep = keep
        self._count: int | None = None

    def __iter__(self) -> Iterator[Finding]:
        return (f for f in self._findings if self._keep(f))

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _ in self)
        return self._count

    def __getitem__(self, at):  # type: ignore[override]  # an int or a slice, as a tuple
        if isinstance(at, slice):
            return tuple(self)[at]
        return tuple(self)[at]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Kept({len(self)} findings)"


class _Occurrences(Mapping[str, Occurrence]):
    """Each report's occurrence by path, read from the spill; the last one read is kept, as
    a format asks for one report's claims' occurrence claim after claim."""

    def __init__(self, spill: Spill, count: int) -> None:
        self._spill = spill
        self._count = count
        self._last: tuple[str, bool, Occurrence | None] | None = None

    def __getitem__(self, path: str) -> Occurrence:
        if self._last is None or self._last[0] != path:
            self._last = (path, *self._spill.occurrence(path))
        _, found, occurrence = self._last
        if not found or occurrence is None:
            raise KeyError(path)
        return occurrence

    def __iter__(self) -> Iterator[str]:
        return self._spill.paths()

    def __len__(self) -> int:
        return self._count

    def items(self) -> ItemsView[str, Occurrence]:
        return _Items(self)

    def values(self) -> ValuesView[Occurrence]:
        return _Values(self)

    def paired(self) -> Iterator[tuple[str, Occurrence]]:
        return self._spill.paired()

    def __repr__(self) -> str:
        return f"_Occurrences({self._count} stored)"


class _Items(ItemsView[str, Occurrence]):
    """Walked in one read of the spill, not a lookup a report."""

    _mapping: _Occurrences

    def __iter__(self) -> Iterator[tuple[str, Occurrence]]:
        return self._mapping.paired()


class _Values(ValuesView[Occurrence]):
    _mapping: _Occurrences

    def __iter__(self) -> Iterator[Occurrence]:
        return (occurrence for _, occurrence in self._mapping.paired())
