"""Read reports from files, folders, JSON Lines or stdin, and blank out export junk.

Reading never writes, never follows a path into a FIFO, socket or device, and never raises on
bad input: what cannot be read is returned as a Skipped record with the reason, and what is
read only by a guess (a detected charset, replacement characters, malformed front matter) is
read with a warning on the article. See decode() for how bytes become text.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import html
import json
import os
import re
import stat
import sys
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import yaml

from checker.cache import compile_pattern
from checker.errors import InputError, UsageError
from checker.families import SAFE_LOADER
from checker.lexicon import Lexicon, default_lexicon
from checker.models import DEFAULT_MAX_BYTES, Article, Skipped

REPORT_SUFFIXES = {".txt", ".md", ".markdown", ".jsonl"}
# Front matter is a few lines; a longer block is not parsed (YAML parsing is slow and
# aliases can expand without bound).
MAX_FRONT_MATTER = 64_000
# Boilerplate lines are short: longer lines are never tested against the line patterns.
MAX_JUNK_LINE = 1_000
# Metadata longer than this is cut, with a warning: no title, outlet or series name is longer,
# and every step that reads them (series signatures, the HTML page) stays small.
MAX_META = {"title": 1_000, "outlet": 1_000, "series": 1_000, "url": 2_000}
# A .jsonl record's id names the report ("feed.jsonl#ID"); a longer one names it by its line.
MAX_ID = 1_000

_FRONT_MATTER = compile_pattern(r"\A\ufeff?---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_OPENS_FRONT_MATTER = compile_pattern(r"\A\ufeff?---[ \t]*\r?\n")
_CURLY = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u200b": " ",
        "\u3000": " ",
    }
)
_SURROGATE = compile_pattern("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class ReadResult:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True, slots=True)
class Decoded:
    """Report bytes as text, or why they are not a report.

    text is None exactly when skip is set. warning (without the file name) is set when the
    text was read by a guess the user should know about: a detected charset, or bytes
    replaced with U+FFFD.
    """

    text: str | None
    encoding: str | None = None
    skip: str | None = None
    warning: str | None = None


def read_reports(
    paths: Iterable[str],
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    lex: Lexicon | None = None,
    stdin_text: str | bytes | None = None,
) -> ReadResult:
    """Read every report under the given paths ('-' is stdin), sorted by path.

    Raises InputError only for a path that does not exist; everything else that cannot be read
    (binary, too large, a broken link, a loop, a FIFO or socket, no permission) is skipped.
    """
    lex = lex or default_lexicon()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in expand_paths(paths, skipped):
        decoded = _read_stdin(stdin_text, max_bytes) if path == "-" else read_file(path, max_bytes)
        shown = display_path(path)
        if decoded.text is None:
            skipped.append(Skipped(shown, decoded.skip or "unreadable"))
            continue
        warnings = (f"{shown}: {decoded.warning}",) if decoded.warning else ()
        if path.lower().endswith(".jsonl"):
            articles.extend(_read_jsonl(shown, decoded.text, lex, skipped, warnings))
        else:
            article = make_article(shown, decoded.text, lex)
            if warnings:
                article = replace(article, warnings=warnings + article.warnings)
            articles.append(article)
    articles.sort(key=lambda a: a.path)
    skipped.sort(key=lambda s: (s.path, s.reason))
    return ReadResult(tuple(articles), tuple(skipped))


def display_path(path: str) -> str:
    """The path as shown in reports: a file name that is not UTF-8 gets \\x escapes, so the
    JSON and the terminal never meet an undecodable character."""
    if not _SURROGATE.search(path):
        return path
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from undecodable bytes
        return _SURROGATE.sub("\ufffd", path)


# ---------------------------------------------------------------- finding files


class WalkMemory(Protocol):
    """What expand_paths remembers while it walks: the real paths read so far, and each
    folder's files put in order. In memory unless given (the index keeps them on disk, as
    they grow with the archive)."""

    def first_time(self, real: str) -> bool:
        """Whether this real path is met for the first time (it is remembered from now on)."""
        ...

    def ordered(self, paths: Iterable[str]) -> Iterable[str]:
        """The paths, sorted as sorted() sorts strings."""
        ...


class _Remembered:
    def __init__(self) -> None:
        self._seen: set[str] = set()

    def first_time(self, real: str) -> bool:
        if real in self._seen:
            return False
        self._seen.add(real)
        return True

    def ordered(self, paths: Iterable[str]) -> Iterable[str]:
        return sorted(paths)


def expand_paths(
    paths: Iterable[str],
    skipped: list[Skipped],
    exclude: Sequence[str] = (),
    memory: WalkMemory | None = None,
) -> Iterator[str]:
    """The report files under the given paths, each once, folders walked in sorted order.

    exclude holds gitignore-style patterns, matched against each file's path relative to the
    folder it was found in (as a .gitignore in that folder would be); a file named itself is
    always read."""
    memory = memory or _Remembered()  # real paths: "./a/x.md" and "a/x.md" are one file, read once
    excluded = _exclusion(exclude)

    def first_time(path: str) -> bool:
        return memory.first_time(path if path == "-" else os.path.realpath(path))

    for given in paths:
        if given == "-":
            if first_time(given):
                yield given
            continue
        if not os.path.lexists(given):
            raise InputError(f"no such file or folder: {given}")
        if _is_dir(given):
            for found in memory.ordered(_walk(Path(given), skipped)):
                if not excluded(os.path.relpath(found, given)) and first_time(found):
                    yield found
        elif first_time(given):
            yield given


def _exclusion(patterns: Sequence[str]) -> Callable[[str], bool]:
    """Whether a path relative to a walked folder matches one of the exclude patterns."""
    if not patterns:
        return lambda _: False
    import pathspec  # only a run with patterns pays for loading it

    try:
        spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    except (ValueError, TypeError) as err:
        raise UsageError(f"exclude: {err}") from None
    return lambda relative: spec.match_file(relative.replace(os.sep, "/"))


def _is_dir(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # broken link, loop, no permission, NUL in the name
        return False


def _walk(folder: Path, skipped: list[Skipped]) -> Iterator[str]:
    """Report files under a folder, following links to folders once each (no loops)."""
    visited: set[tuple[int, int]] = set()

    def unreadable(err: OSError) -> None:
        where = display_path(str(err.filename or folder))
        skipped.append(Skipped(where, f"unreadable folder: {err.strerror or err}"))

    for root, dirs, files in os.walk(folder, followlinks=True, onerror=unreadable):
        try:
            st = os.stat(root)
        except OSError as err:
            skipped.append(Skipped(display_path(root), _stat_error(root, err)))
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited:
            skipped.append(
                Skipped(
                    display_path(root),
                    "symbolic link to a folder already read (a loop or a second way in): not read again",
                )
            )
            dirs[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            suffix = os.path.splitext(name)[1].lower()
            full = os.path.join(root, name)
            if suffix in REPORT_SUFFIXES:
                yield full
            elif not suffix and os.path.islink(full) and not os.path.exists(full):
                # a dangling link without a suffix may have been a folder of reports: say so
                yield full


def _stat_error(path: str, err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "symbolic link loop"
    if err.errno in (errno.ENOENT, errno.ENOTDIR) and os.path.islink(path):
        target = _readlink(path)
        return f"broken symbolic link (to {target})" if target else "broken symbolic link"
    if err.errno == errno.ENOENT:
        return "vanished while reading"
    return f"unreadable: {err.strerror or err}"


def _readlink(path: str) -> str | None:
    try:
        return display_path(os.readlink(path))
    except OSError:
        return None


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def _not_regular(mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"not a regular file: {kind}"


# ---------------------------------------------------------------- reading bytes


def read_file(path: str, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Decoded:
    """Read and decode one file, or say why not. Never opens anything but a regular file."""
    try:
        st = os.stat(path)
    except (OSError, ValueError) as err:
        return Decoded(
            None, skip=_stat_error(path, err) if isinstance(err, OSError) else f"unreadable: {err}"
        )
    if not stat.S_ISREG(st.st_mode):
        return Decoded(None, skip=_not_regular(st.st_mode))
    if max_bytes is not None and st.st_size > max_bytes:
        return Decoded(None, skip=_too_large(st.st_size, max_bytes))
    # O_NONBLOCK: should the file be swapped for a FIFO after the stat, open() cannot block,
    # and the fstat below refuses it.
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(path, flags)
    except OSError as err:
        return Decoded(None, skip=_stat_error(path, err))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return Decoded(None, skip=_not_regular(st.st_mode))
        data = _read_fd(fd, max_bytes)
    except OSError as err:
        return Decoded(None, skip=f"unreadable: {err.strerror or err}")
    finally:
        os.close(fd)
    if data is None:
        return Decoded(None, skip=_too_large(None, max_bytes or 0))
    decoded = decode(data)
    if decoded.text is not None and "\r" in decoded.text and "\n" not in decoded.text:
        # classic Mac line ends: count lines the way an editor shows them (same length)
        decoded = replace(decoded, text=decoded.text.replace("\r", "\n"))
    return decoded


def _read_fd(fd: int, max_bytes: int | None) -> bytes | None:
    """Read a file to its end, or None when it holds more than max_bytes (it grew)."""
    chunks: list[bytes] = []
    total = 0
    limit = None if max_bytes is None else max_bytes + 1
    while True:
        want = 1 << 20 if limit is None else min(1 << 20, limit - total)
        if want <= 0:
            return None
        chunk = os.read(fd, want)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)


def _too_large(size: int | None, max_bytes: int) -> str:
    what = f"{size:,} bytes > " if size is not None else "over "
    return f"larger than the size limit ({what}{max_bytes:,} bytes; see --max-bytes)"


def _read_stdin(stdin_text: str | bytes | None, max_bytes: int | None) -> Decoded:
    if isinstance(stdin_text, str):
        data: str | bytes = stdin_text
    elif isinstance(stdin_text, bytes):
        data = stdin_text
    elif sys.stdin is None:
        data = b""
    else:
        buffer = getattr(sys.stdin, "buffer", None)
        limit = -1 if max_bytes is None else max_bytes + 1
        data = buffer.read(limit) if buffer is not None else sys.stdin.read(limit)
    size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
    if max_bytes is not None and size > max_bytes:
        return Decoded(None, skip=_too_large(None, max_bytes))
    if isinstance(data, str):
        if not _SURROGATE.search(data):
            return Decoded(data, "utf-8")
        try:  # stdin read as text with surrogateescape: get the bytes back and decode them
            data = data.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return Decoded(
                _SURROGATE.sub("\ufffd", data), "utf-8", warning="invalid characters replaced with U+FFFD"
            )
    return decode(data)


# ---------------------------------------------------------------- decoding

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (.zip, .docx, .xlsx, ...)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
)
# Control bytes that no text file holds in numbers (tab, newlines, form feed, ESC allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_SAMPLE = 65_536
_DECLARED = compile_pattern(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})|"""
    rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})|"""
    rb"""(?m:^(?:encoding|charset)[ \t]*:[ \t]*["']?([A-Za-z0-9_.:-]{2,40}))""",
    re.I,
)
_MULTIBYTE = {
    "big5",
    "big5hkscs",
    "cp932",
    "cp949",
    "cp950",
    "euc_jis_2004",
    "euc_jisx0213",
    "euc_jp",
    "euc_kr",
    "gb18030",
    "gb2312",
    "gbk",
    "hz",
    "iso2022_jp",
    "iso2022_kr",
    "johab",
    "shift_jis",
    "shift_jis_2004",
    "shift_jisx0213",
    "utf_8",
    "utf_16",
    "utf_32",
}


def decode(data: bytes) -> Decoded:
    """Decode report bytes; never raises.

    In order: a BOM (UTF-8, UTF-16, UTF-32) decides; a known binary signature, NUL bytes or
    many control bytes make it not a report (UTF-16 without a BOM is recognised by where its
    NUL bytes fall); then UTF-8; then a charset the file declares (HTML meta, XML prolog,
    front matter 'encoding:'); then the charset charset-normalizer detects, checked to keep the
    ASCII text intact, else cp1252 or latin-1. The last two come with a warning.
    """
    try:
        return _decode(bytes(data))
    except Exception as err:  # noqa: BLE001 - a decoder bug must not stop a run
        text = bytes(data).decode("utf-8", "replace")
        return Decoded(
            text,
            "utf-8",
            warning=f"decoding failed ({type(err).__name__}); read as UTF-8 with replacement characters",
        )


def _decode(data: bytes) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return Decoded(body.decode(codec), codec)
            except UnicodeDecodeError:
                return Decoded(
                    body.decode(codec, "replace"),
                    codec,
                    warning=f"has a {codec} byte order mark but bytes that are not "
                    f"{codec}; they were replaced with U+FFFD",
                )
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return Decoded(None, skip=f"binary file: {kind}")
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
        return Decoded(None, skip="binary file (contains NUL bytes)")
    sample = data[:_SAMPLE]
    if sample and len(sample) - len(sample.translate(None, _CONTROL)) > len(sample) * 0.05:
        return Decoded(None, skip="binary file (control bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared(data)
    if declared:
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _guess(data)


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM: NUL bytes all on one side of the pairs, decoding cleanly."""
    sample = data[:_SAMPLE]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if min(even, odd) > (even + odd) * 0.02 or max(even, odd) < len(sample) // 2 * 0.2:
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text[:_SAMPLE] if c < " " and c not in "\t\n\r\x0b\x0c\x1b")
    if controls > len(text[:_SAMPLE]) * 0.01:
        return None
    return Decoded(text, codec, warning=f"not UTF-8: read as {codec} (no byte order mark; detected)")


def _declared(data: bytes) -> str | None:
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = next(g for g in m.groups() if g).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guess(data: bytes) -> Decoded:
    ascii_count = len(data) - len(data.translate(None, bytes(range(128))))
    for codec in _detected(data):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        # a double-byte guess that swallows ASCII bytes ("Café:" as johab) is wrong
        if len(text.encode("ascii", "ignore")) == ascii_count:
            return Decoded(text, codec, warning=f"not UTF-8: read as {codec} (detected charset)")
    for codec in ("cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return Decoded(text, codec, warning=f"not UTF-8: read as {codec} (no charset detected; fallback)")
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _detected(data: bytes) -> list[str]:
    """Candidate charsets, best first; a Western single-byte code page prefers cp1252."""
    try:
        from charset_normalizer import from_bytes

        results = list(from_bytes(data))
    except Exception:  # noqa: BLE001 - the detector is a guess; failing means no guess
        return []
    out: list[str] = []
    if results:
        best = results[0]
        if best.encoding not in _MULTIBYTE:
            # single-byte code pages tie on short texts; cp1252 is the one newsrooms use
            for m in results:
                if m.chaos <= best.chaos + 0.1 and (
                    "cp1252" in m.could_be_from_charset or m.encoding == "cp1252"
                ):
                    out.append("cp1252")
                    break
    for m in results:
        if m.encoding not in ("utf_8", "utf_16", "utf_32", "ascii"):
            out.append(m.encoding)
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- JSON Lines


def _read_jsonl(
    path: str, raw: str, lex: Lexicon, skipped: list[Skipped], warnings: tuple[str, ...] = ()
) -> list[Article]:
    """One article a record; a bad line is skipped as path:line. Lines are split on \\n only,
    so the line of a record is its line in the file.

    A record is named by its id ("feed.jsonl#ID"), or by its line when it has none. A record
    whose id an earlier line of the file has is skipped, naming that line: one id is one report,
    and reading both would set the report against itself."""
    out: list[Article] = []
    first_line: dict[str, int] = {}  # id -> the line it was first seen on
    names: set[str] = set()
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as err:
            why = err.msg if isinstance(err, json.JSONDecodeError) else type(err).__name__
            skipped.append(Skipped(f"{path}:{number}", f"invalid JSON: {why}"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            skipped.append(Skipped(f"{path}:{number}", "JSON record without a 'text' string"))
            continue
        record = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in record.items()}
        ident = record.get("id")
        notes: tuple[str, ...] = ()
        if _is_scalar(ident):
            ident = _SURROGATE.sub("\ufffd", str(ident))
            if ident in first_line:
                shown = ident if len(ident) <= 60 else ident[:60] + "\u2026"
                skipped.append(
                    Skipped(f"{path}:{number}", f"duplicate id {shown!r} (first on line {first_line[ident]})")
                )
                continue
            first_line[ident] = number
            if len(ident) > MAX_ID:
                notes = (
                    f"{path}:{number}: 'id' is longer than {MAX_ID:,} characters; the "
                    "record is named by its line",
                )
                ident = str(number)
        else:
            ident = str(number)
        while ident in names:  # a line number that is also another record's id
            ident = f"{ident}@{number}"
        names.add(ident)
        article = make_article(f"{path}#{ident}", record["text"], lex, meta=record)
        first = () if out else warnings  # a file's encoding warning is told once
        out.append(
            replace(article, line_offset=number - 1, record=True, warnings=first + notes + article.warnings)
        )
    return out


# ---------------------------------------------------------------- articles


# Signs that text was decoded twice (UTF-8 read as cp1252: "menâ€™s", "CafÃ©", "Â£5m"): only
# then is the costlier repair tried. HTML entities left by a scraper ("$22.7&nbsp;million").
_MOJIBAKE_SIGNS = compile_pattern("â€|Ã[\u0080-\u00bf\u0152-\u2122]|Â[\u00a0-\u00bf]")
_ENTITY = compile_pattern(r"&(?:[A-Za-z][A-Za-z0-9]{1,7}|#[0-9]{2,6}|#[xX][0-9A-Fa-f]{2,5});")


def repair(raw: str) -> tuple[str, list[str]]:
    """The text with characters decoded twice put right (ftfy) and HTML entities read, and a
    warning when characters were repaired. Quotes and line numbers then refer to this text;
    newlines are never added or removed."""
    warnings: list[str] = []
    if _MOJIBAKE_SIGNS.search(raw):
        import ftfy  # here, not at the top: its import costs more than reading a clean report

        fixed = ftfy.fix_encoding(raw)
        if fixed != raw and fixed.count("\n") == raw.count("\n"):
            warnings.append("characters decoded twice were repaired ('â€™' read as an apostrophe)")
            raw = fixed
    if "&" in raw:
        raw = _ENTITY.sub(lambda m: _entity(m.group()), raw)
    return raw, warnings


def _entity(entity: str) -> str:
    """A space, a letter, a quote or a dash for its entity; markup ("&lt;", "&gt;") and line
    breaks stay as written, so a report's text never gains a tag or a line."""
    text = html.unescape(entity)
    if text.isspace():
        return " " if "\n" not in text else entity
    return entity if text in "<>" else text


def make_article(path: str, raw: str, lex: Lexicon, meta: dict[str, Any] | None = None) -> Article:
    """Build an article from its text: front matter, metadata and the cleaned text."""
    raw, repaired = repair(raw)
    warnings = [f"{path}: {note}" for note in repaired]
    body_start = 0
    if meta is None:
        meta = {}
        head = raw[: MAX_FRONT_MATTER + 200]
        m = _FRONT_MATTER.match(head)
        if m and len(m.group(1) or "") <= MAX_FRONT_MATTER:
            body_start = m.end()
            meta = _parse_front_matter(m.group(1) or "", path, warnings)
        elif m or (_OPENS_FRONT_MATTER.match(raw) and _looks_like_yaml(raw)):
            short = not m and len(raw) <= len(head)  # the whole file was looked through
            where = "anywhere" if short else f"within its first {MAX_FRONT_MATTER:,} characters"
            warnings.append(
                f"{path}:1: front matter opened with '---' is not closed {where} (a line '---' "
                "ends it); read as text"
            )
    text = clean(raw, body_start, lex)
    return Article(
        path=path,
        raw=raw,
        text=text,
        body_start=body_start,
        title=_str(meta, "title", path, warnings),
        outlet=_str(meta, "outlet", path, warnings),
        url=_str(meta, "url", path, warnings),
        published=_date(meta.get("published"), path, warnings),
        series=_str(meta, "series", path, warnings),
        ignore=_ignored_rules(meta, path, warnings),
        warnings=tuple(warnings),
    )


def _looks_like_yaml(raw: str) -> bool:
    second = raw[:2000].split("\n", 2)[1:2]
    return bool(second) and re.match(r"[A-Za-z_][\w-]*\s*:", second[0]) is not None


def _parse_front_matter(block: str, path: str, warnings: list[str]) -> dict[str, Any]:
    """Parse front matter with yaml.safe_load (no tags that construct objects)."""
    try:
        data = yaml.load(block, Loader=SAFE_LOADER)  # noqa: S506 - the safe loader
    except yaml.YAMLError as err:
        repaired = _colons_quoted(block, path, warnings)
        if repaired is not None:
            return repaired
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = f"{mark.line + 2}" if mark is not None else "1"  # the block starts on line 2
        problem = " ".join(str(getattr(err, "problem", None) or err).split())[:120]
        what = (
            "YAML front matter with a tag that is not plain data (only safe YAML is read)"
            if isinstance(err, yaml.constructor.ConstructorError)
            else "malformed YAML front matter"
        )
        warnings.append(f"{path}:{line}: {what} ({problem}); metadata ignored, the body is still checked")
        return {}
    except Exception as err:  # noqa: BLE001 - untrusted input; never a traceback
        # e.g. "published: 2020-13-45" (a timestamp out of range) or nesting beyond limits
        warnings.append(
            f"{path}:1: front matter could not be read ({type(err).__name__}: "
            f"{' '.join(str(err).split())[:120]}); metadata ignored, the body is "
            "still checked"
        )
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        warnings.append(f"{path}:2: front matter is not a mapping, metadata ignored")
        return {}
    return data


# "title: Marathon: Kiprono wins" is how people write a headline; YAML reads the second colon
# as a mapping. A plain value holding ": " is read as the text it is, with a warning.
_COLON_VALUE = compile_pattern(r"^([A-Za-z_][\w-]*):[ \t]+(?![\"'\[{|>&*!%@`#])(.*?:\s.*?)[ \t]*$")


def _colons_quoted(block: str, path: str, warnings: list[str]) -> dict[str, Any] | None:
    lines = block.split("\n")
    quoted = [i for i, line in enumerate(lines) if _COLON_VALUE.match(line)]
    if not quoted:
        return None
    for i in quoted:
        key, value = _COLON_VALUE.match(lines[i]).groups()
        lines[i] = f"{key}: {json.dumps(value)}"  # a JSON string is a YAML double-quoted scalar
    try:
        data = yaml.load("\n".join(lines), Loader=SAFE_LOADER)  # noqa: S506 - the safe loader
    except Exception:  # noqa: BLE001 - still malformed: the caller reports it
        return None
    if not isinstance(data, dict):
        return None
    for i in quoted:
        warnings.append(f"{path}:{i + 2}: a value holding ': ' was read as plain text (quote it to be sure)")
    return data


def _is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | dt.date)


def _str(meta: dict[str, Any], key: str, path: str, warnings: list[str]) -> str | None:
    value = meta.get(key)
    if value is None or value == "":
        return None
    if not _is_scalar(value):
        warnings.append(f"{path}: '{key}' is not a single value; ignored")
        return None
    text = str(value)
    limit = MAX_META[key]
    if len(text) > limit:
        warnings.append(
            f"{path}: '{key}' is {len(text):,} characters long; only its first {limit:,} are read"
        )
        text = text[:limit]
    return text


def _date(value: Any, path: str, warnings: list[str]) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    shown = repr(value)[:60] if _is_scalar(value) else type(value).__name__
    warnings.append(f"{path}: 'published' is not a date (YYYY-MM-DD): {shown}")
    return None


def _ignored_rules(meta: dict[str, Any], path: str, warnings: list[str]) -> tuple[str, ...]:
    own = meta.get("factlint")
    if not isinstance(own, dict) or own.get("ignore") in (None, ""):
        return ()
    codes = own["ignore"]
    if isinstance(codes, str):
        codes = codes.split(",")
    if not isinstance(codes, list) or not all(isinstance(c, str | int) for c in codes):
        warnings.append(f"{path}: 'factlint: ignore' is not a list of rule codes; ignored")
        return ()
    return tuple(sorted({str(c).strip() for c in codes if str(c).strip()}))


# ---------------------------------------------------------------- cleaning


def clean(raw: str, body_start: int, lex: Lexicon) -> str:
    """Blank out front matter and export junk with spaces, keeping every offset in place.

    The result has the length of raw and a newline exactly where raw has one. Work and memory
    are linear in the text (no list of characters).
    """
    text = raw.translate(_CURLY)
    body_start = max(0, min(body_start, len(text)))
    markers, line_res = _compiled(lex)
    spans: list[tuple[int, int]] = []
    for pattern in markers:
        spans.extend(m.span() for m in pattern.finditer(text, body_start) if m.end() > m.start())
    # a nickname between a first name and a surname (Elias "Frostwick" Brannstrom) is read past
    spans.extend(m.span(1) for m in _NICKNAME.finditer(text, body_start))
    text = _blanked(text, [(0, body_start), *spans])
    spans = []
    offset = body_start
    for line in text[body_start:].split("\n"):
        if len(line) <= MAX_JUNK_LINE and any(p.match(line) for p in line_res):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return _blanked(text, spans)


_NICKNAME = compile_pattern(r"\b[A-Z][a-z\u00e0-\u024f-]*( \"[A-Z][\w'-]{1,24}\")(?= [A-Z])")


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """text with every character in the spans but a newline replaced by a space."""
    spans = sorted((a, b) for a, b in spans if b > a)
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for a, b in spans:
        a = max(a, pos)
        if b <= a:
            continue
        out.append(text[pos:a])
        out.append("\n".join(" " * len(part) for part in text[a:b].split("\n")))
        pos = b
    out.append(text[pos:])
    return "".join(out)


_PATTERN_CACHE: weakref.WeakKeyDictionary[Lexicon, tuple[list[re.Pattern[str]], list[re.Pattern[str]]]] = (
    weakref.WeakKeyDictionary()
)


def _compiled(lex: Lexicon) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    cached = _PATTERN_CACHE.get(lex)
    if cached is None:
        spec = lex.vocab.get("boilerplate") or {}
        markers = [compile_pattern(p) for p in spec.get("markers") or []]
        lines = [compile_pattern(p, re.IGNORECASE) for p in spec.get("lines") or []]
        cached = _PATTERN_CACHE[lex] = (markers, lines)
    return cached
