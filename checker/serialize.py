"""Digests to JSON and back, exactly: what the claim index stores of each report.

Every field of Article, Claim and Digest is written by name, so a field added to the models is
stored without touching this module (and changes SCHEMA_KEY, which makes an index rebuild).
Values keep their Python types: tuples are JSON lists and come back as tuples, recursively
(claim values are hashable tuples); other non-JSON types are tagged objects:
{"$date": "2020-12-17"}, {"$datetime": ...}, {"$frozenset": [...]}, {"$list": [...]}.
Floats may be infinite (an open-ended range): they are written as JSON's Infinity extension.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from checker.models import Article, Claim, Digest

# Names of every stored field: a model change gives a new key and so a fresh index.
SCHEMA_KEY = "|".join(
    f"{cls.__name__}:{','.join(f.name for f in dataclasses.fields(cls))}" for cls in (Article, Claim, Digest)
)


def to_json(digest: Digest) -> str:
    """Return one digest as compact JSON."""
    return json.dumps(digest_to_dict(digest), ensure_ascii=False, separators=(",", ":"))


def from_json(text: str) -> Digest:
    """Return the digest written by to_json."""
    return digest_from_dict(json.loads(text))


def digest_to_dict(digest: Digest) -> dict[str, Any]:
    """Return a digest as plain JSON data."""
    data = _fields(digest, skip=("article", "claims"))
    data["article"] = _fields(digest.article)
    data["claims"] = [_fields(c) for c in digest.claims]
    return data


def digest_from_dict(data: dict[str, Any]) -> Digest:
    """Return the digest from plain JSON data written by digest_to_dict."""
    fields = _decoded(data, skip=("article", "claims"))
    return Digest(
        article=Article(**_decoded(data["article"])),
        claims=tuple(Claim(**_decoded(c)) for c in data["claims"]),
        **fields,
    )


def _fields(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.name not in skip}


def _decoded(data: dict[str, Any], skip: tuple[str, ...] = ()) -> dict[str, Any]:
    # most fields are plain strings and numbers: no call for them (a new report against its
    # series loads a few hundred digests, and every millisecond of that shows)
    return {k: v if type(v) in _PLAIN else decode(v) for k, v in data.items() if k not in skip}


_PLAIN = frozenset({str, int, float, bool, type(None)})


def encode(value: Any) -> Any:
    """Return a value as JSON data: tuples as lists, other types tagged."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, frozenset):
        return {"$frozenset": sorted((encode(v) for v in value), key=repr)}
    if isinstance(value, list):
        return {"$list": [encode(v) for v in value]}
    raise TypeError(f"cannot store a {type(value).__name__} in the claim index: {value!r}")


def decode(data: Any) -> Any:
    """Return the value encode() was given."""
    kind = type(data)
    if kind is list:
        return tuple([v if type(v) in _PLAIN else decode(v) for v in data])
    if kind is not dict:
        return data
    if len(data) != 1:
        raise ValueError(f"not a stored value: {data!r}")
    ((tag, inner),) = data.items()
    if tag == "$date":
        return dt.date.fromisoformat(inner)
    if tag == "$datetime":
        return dt.datetime.fromisoformat(inner)
    if tag == "$frozenset":
        return frozenset(decode(v) for v in inner)
    if tag == "$list":
        return [decode(v) for v in inner]
    raise ValueError(f"not a stored value: {data!r}")
