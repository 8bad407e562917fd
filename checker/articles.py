"""Read reports from files, folders, JSON Lines or stdin, and blank out export junk."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from checker.errors import InputError
from checker.lexicon import Lexicon, default_lexicon
from checker.models import Article, Skipped

REPORT_SUFFIXES = {".txt", ".md", ".markdown", ".jsonl"}
DEFAULT_MAX_BYTES = 20_000_000
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_CURLY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                        "\u00a0": " ", "\u2009": " ", "\u200b": " ", "\u3000": " "})


@dataclass(frozen=True, slots=True)
class ReadResult:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def read_reports(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                 lex: Lexicon | None = None, stdin_text: str | None = None) -> ReadResult:
    """Read every report under the given paths ('-' is stdin), sorted by path."""
    lex = lex or default_lexicon()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in _expand(paths, skipped):
        if path == "-":
            text = stdin_text if stdin_text is not None else sys.stdin.read()
            articles.append(make_article("-", text, lex))
            continue
        raw, reason = _read_text(path, max_bytes)
        if reason:
            skipped.append(Skipped(path, reason))
        elif path.endswith(".jsonl"):
            articles.extend(_read_jsonl(path, raw or "", lex, skipped))
        else:
            articles.append(make_article(path, raw or "", lex))
    articles.sort(key=lambda a: a.path)
    skipped.sort(key=lambda s: s.path)
    return ReadResult(tuple(articles), tuple(skipped))


def _expand(paths: Iterable[str], skipped: list[Skipped]) -> Iterator[str]:
    seen: set[str] = set()
    for given in paths:
        if given == "-":
            yield given
            continue
        p = Path(given)
        if not os.path.lexists(p):
            raise InputError(f"no such file or folder: {given}")
        if p.is_dir():
            for found in sorted(_walk(p, skipped)):
                if found not in seen:
                    seen.add(found)
                    yield found
        elif given not in seen:
            seen.add(given)
            yield given


def _walk(folder: Path, skipped: list[Skipped]) -> Iterator[str]:
    visited: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=None):
        st = os.stat(root)
        if (st.st_dev, st.st_ino) in visited:
            skipped.append(Skipped(root, "symlink loop: folder already visited"))
            dirs[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() not in REPORT_SUFFIXES:
                continue
            yield os.path.join(root, name)


def _read_text(path: str, max_bytes: int) -> tuple[str | None, str | None]:
    """Return (text, None), or (None, why it was skipped)."""
    try:
        st = os.stat(path)
    except OSError as err:
        return None, f"unreadable: {err.strerror or err}"
    if not stat.S_ISREG(st.st_mode):
        return None, "not a regular file"
    if st.st_size > max_bytes:
        return None, f"larger than the size limit ({st.st_size} > {max_bytes} bytes)"
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        return None, f"unreadable: {err.strerror or err}"
    return decode(data)


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Decode report bytes by BOM, then UTF-8, then a detected charset; refuse binaries."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), None
    if b"\x00" in data[:8192]:
        return None, "binary file (NUL bytes)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None, "binary or undecodable file"
    return str(best), None


def _read_jsonl(path: str, raw: str, lex: Lexicon, skipped: list[Skipped]) -> list[Article]:
    out: list[Article] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            skipped.append(Skipped(f"{path}:{number}", f"invalid JSON: {err.msg}"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            skipped.append(Skipped(f"{path}:{number}", "JSON record without a 'text' string"))
            continue
        ident = str(record.get("id", number))
        article = make_article(f"{path}#{ident}", record["text"], lex, meta=record)
        out.append(replace(article, line_offset=number - 1, record=True))
    return out


def make_article(path: str, raw: str, lex: Lexicon, meta: dict[str, Any] | None = None) -> Article:
    """Build an article from its text: front matter, metadata and the cleaned text."""
    warnings: list[str] = []
    body_start = 0
    if meta is None:
        meta = {}
        m = _FRONT_MATTER.match(raw)
        if m:
            body_start = m.end()
            meta = _parse_front_matter(m.group(1), path, warnings)
    text = clean(raw, body_start, lex)
    ignore = _ignored_rules(meta)
    return Article(
        path=path, raw=raw, text=text, body_start=body_start,
        title=_str(meta.get("title")), outlet=_str(meta.get("outlet")), url=_str(meta.get("url")),
        published=_date(meta.get("published"), path, warnings),
        series=_str(meta.get("series")), ignore=ignore, warnings=tuple(warnings),
    )


def _parse_front_matter(block: str, path: str, warnings: list[str]) -> dict[str, Any]:
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 2}" if mark else ""
        warnings.append(f"{path}:{where.strip() or 'front matter'}: malformed YAML front matter,"
                        " metadata ignored")
        return {}
    if not isinstance(data, dict):
        warnings.append(f"{path}: front matter is not a mapping, metadata ignored")
        return {}
    return data


def _str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _date(value: Any, path: str, warnings: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        warnings.append(f"{path}: 'published' is not a date (YYYY-MM-DD): {value!r}")
        return None


def _ignored_rules(meta: dict[str, Any]) -> tuple[str, ...]:
    own = meta.get("factlint")
    if isinstance(own, dict) and isinstance(own.get("ignore"), list):
        return tuple(sorted(str(code) for code in own["ignore"]))
    return ()


def clean(raw: str, body_start: int, lex: Lexicon) -> str:
    """Blank out front matter and export junk with spaces, keeping every offset in place."""
    chars = list(raw.translate(_CURLY))
    _blank(chars, 0, body_start)
    text = "".join(chars)
    for pattern in _marker_patterns(lex):
        for m in pattern.finditer(text, body_start):
            _blank(chars, m.start(), m.end())
    text = "".join(chars)
    line_res = _line_patterns(lex)
    offset = body_start
    for line in text[body_start:].split("\n"):
        if any(p.match(line) for p in line_res):
            _blank(chars, offset, offset + len(line))
        offset += len(line) + 1
    return "".join(chars)


def _blank(chars: list[str], a: int, b: int) -> None:
    for i in range(a, b):
        if chars[i] not in "\n":
            chars[i] = " "


_PATTERN_CACHE: dict[int, tuple[list[re.Pattern[str]], list[re.Pattern[str]]]] = {}


def _compiled(lex: Lexicon) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    key = id(lex)
    if key not in _PATTERN_CACHE:
        spec = lex.vocab.get("boilerplate") or {}
        markers = [re.compile(p) for p in spec.get("markers") or []]
        lines = [re.compile(p, re.IGNORECASE) for p in spec.get("lines") or []]
        _PATTERN_CACHE[key] = (markers, lines)
    return _PATTERN_CACHE[key]


def _marker_patterns(lex: Lexicon) -> list[re.Pattern[str]]:
    return _compiled(lex)[0]


def _line_patterns(lex: Lexicon) -> list[re.Pattern[str]]:
    return _compiled(lex)[1]
