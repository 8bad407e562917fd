"""What a run derives from factlint's own code and vocabulary, kept for the next run on the
same machine: compiled regular expressions and the parsed vocabulary files.

The readers build some four hundred patterns from the vocabulary, and Python compiles a
pattern in Python (re's parser and code generator); with the vocabulary's YAML parsed
beside them, that was more than a third of the time one new report takes against an
index. What the code generator makes of a pattern depends only on the pattern, its flags
and the interpreter, so the generated code is kept in a file named after the interpreter
build and handed to the regex engine directly next time (the engine validates the code it
is given before using it). A vocabulary file's data is kept under a digest of its text.

The files live in the user's cache folder (FACTLINT_CACHE_DIR moves them; set empty,
nothing is read or written). A file that cannot be read or holds anything unexpected is
ignored, and one that cannot be written is not written: the cache only ever saves time."""

from __future__ import annotations

import array
import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable, Hashable
from typing import Any

try:  # CPython's engine and code generator; elsewhere every pattern is compiled as usual
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - other interpreters
    _sre = None

CACHE_ENV = "FACTLINT_CACHE_DIR"
_MAX_ROWS = 4000  # beyond this, a save keeps only the rows the last run used
_CODE = "I"  # an array type as wide as the engine's code words, checked below

# (flags, code as bytes, groups, group index, index group): the engine's constructor's arguments
Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), from the cache when the pattern was compiled before."""
    return _PATTERNS.compile(pattern, flags)


def parsed_once(text: str, parse: Callable[[str], Any], parser: str) -> Any:
    """parse(text), from the cache when a text of the same digest was parsed before by the
    parser of that name (its name and version: another version may read it otherwise)."""
    key = (hashlib.sha256(text.encode()).hexdigest(), parser)
    kept = _PARSED.get(key)
    if isinstance(kept, bytes):
        with contextlib.suppress(ValueError, EOFError, TypeError):
            return marshal.loads(kept)  # a fresh copy each time: callers may change theirs
    data = parse(text)
    with contextlib.suppress(ValueError):  # a value marshal cannot hold (a date) is not kept
        _PARSED.put(key, marshal.dumps(data))
    return data


def cache_file(table: str) -> str | None:
    """The file of a table for this interpreter, or None where caching is off or impossible."""
    if _sre is None or array.array(_CODE).itemsize != _sre.CODESIZE:
        return None
    folder = os.environ.get(CACHE_ENV)
    if folder is None:
        import platformdirs

        folder = platformdirs.user_cache_dir("factlint", appauthor=False)
    if not folder:
        return None
    build = repr((sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode))
    return os.path.join(folder, f"{table}-{hashlib.sha256(build.encode()).hexdigest()[:16]}.marshal")


class KeptTable:
    """Rows kept in one file of the cache folder: read on first use, written at exit when
    the run added a row."""

    def __init__(self, name: str, well_formed: Callable[[object, object], bool]) -> None:
        self.name = name
        self.well_formed = well_formed
        self.path: str | None = None
        self.rows: dict[Hashable, Any] | None = None
        self.used: set[Hashable] = set()
        self.grew = False

    def get(self, key: Hashable) -> Any:
        if self.rows is None:
            self._load()
        self.used.add(key)
        return self.rows.get(key) if self.path else None

    def put(self, key: Hashable, value: Any) -> None:
        if self.path and self.rows is not None:
            self.rows[key] = value
            self.grew = True

    def _load(self) -> None:
        self.rows = {}
        self.path = cache_file(self.name)
        if not self.path:
            return
        try:
            with open(self.path, "rb") as handle:
                rows = marshal.load(handle)
        except (OSError, EOFError, ValueError, TypeError):
            return  # none yet, or unreadable: written afresh at exit
        if isinstance(rows, dict):
            self.rows = {k: v for k, v in rows.items() if self.well_formed(k, v)}

    def save(self) -> None:
        """Write the table if this run added to it (atomically: a run reading it meanwhile
        sees the old file or the new)."""
        if not (self.grew and self.path and self.rows is not None):
            return
        rows = self.rows
        if len(rows) > _MAX_ROWS:
            rows = {k: v for k, v in rows.items() if k in self.used}
        if _write_replacing(self.path, marshal.dumps(rows)):
            self.grew = False


class PatternStore:
    """The compiled code of every pattern this process met, and of those earlier runs met."""

    def __init__(self) -> None:
        self.table = KeptTable("patterns", _pattern_row)
        self.made: dict[tuple[str, int], re.Pattern[str]] = {}  # this run's, in use

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        flags = int(flags)  # a RegexFlag is not stored as such
        key = (pattern, flags)
        made = self.made.get(key)
        if made is None:
            made = self.made[key] = self._make(pattern, flags)
        return made

    def _make(self, pattern: str, flags: int) -> re.Pattern[str]:
        if not isinstance(pattern, str):
            return re.compile(pattern, flags)
        entry = self.table.get((pattern, flags)) or self._generate(pattern, flags)
        if entry is None:
            return re.compile(pattern, flags)
        try:
            code = array.array(_CODE, entry[1]).tolist()
            return _sre.compile(pattern, entry[0], code, *entry[2:])
        except (TypeError, ValueError, RuntimeError):  # not what this engine expects: never again
            self.table.path = None
            return re.compile(pattern, flags)

    def _generate(self, pattern: str, flags: int) -> Entry | None:
        """What re.compile would hand the engine, kept for the next run (None where the
        cache is off: then re.compile does it all)."""
        if not self.table.path:
            return None
        parsed = _parser.parse(pattern, flags)  # a bad pattern raises re.error, as re.compile does
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, number in groupindex.items():
            indexgroup[number] = name
        code = array.array(_CODE, _compiler._code(parsed, flags)).tobytes()
        entry = (
            int(flags | parsed.state.flags),
            code,
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        self.table.put((pattern, flags), entry)
        return entry


def _pattern_row(key: object, entry: object) -> bool:
    return (
        isinstance(key, tuple)
        and len(key) == 2
        and isinstance(key[0], str)
        and isinstance(entry, tuple)
        and len(entry) == 5
        and isinstance(entry[1], bytes)
        and len(entry[1]) % _sre.CODESIZE == 0
    )


def _parsed_row(key: object, value: object) -> bool:
    return isinstance(key, tuple) and len(key) == 2 and isinstance(value, bytes)


def _write_replacing(path: str, data: bytes) -> bool:
    """Write a whole file under a temporary name beside it, then put it in place."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".cache-", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False


_PATTERNS = PatternStore()
_PARSED = KeptTable("vocabulary", _parsed_row)
atexit.register(_PATTERNS.table.save)
atexit.register(_PARSED.save)
