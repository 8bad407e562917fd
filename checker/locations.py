"""Where a claim stands: the file (and line) an editor or a CI annotation opens.

A report read from a .jsonl feed is named 'FILE.jsonl#ID'; its claims point at the record's
line of that file.
"""

from __future__ import annotations

import os
import re

from checker.cache import compile_pattern
from checker.models import Article, Claim

__all__ = ["article_file", "file_of", "record_file"]


def file_of(claim: Claim, articles: dict[str, Article]) -> str:
    """The file a claim was read from: a .jsonl record's path without its '#id'."""
    article = articles.get(claim.article)
    if article is not None and article.record:
        return record_file(claim.article)
    return claim.article


_RECORD_MARK = compile_pattern(r"\.jsonl#", re.IGNORECASE)


def record_file(name: str) -> str:
    """The .jsonl file of a record named 'FILE.jsonl#ID'. The id may itself hold '#' (or even
    '.jsonl#'), so the file ends at the first '.jsonl#'; should the folders' names hold one
    too, the candidate that is a file on disk wins."""
    ends = [m.start() + len(".jsonl") for m in _RECORD_MARK.finditer(name)]
    if not ends:
        return name.partition("#")[0]
    if len(ends) > 1:
        for end in ends:
            if os.path.isfile(name[:end]):
                return name[:end]
    return name[: ends[0]]


def article_file(article: Article) -> str:
    """The file a report was read from."""
    return record_file(article.path) if article.record else article.path
