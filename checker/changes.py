"""Which reports changed since a git reference, and which findings involve them.

A pull request adds or edits a few reports of a large corpus: every report is judged together,
but only the findings that involve a changed report count; old-against-old findings are left
out (or shown dimmed with --all).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.articles import REPORT_SUFFIXES
from checker.errors import InputError
from checker.locations import article_file
from checker.models import Corpus, Finding


@dataclass(frozen=True, slots=True)
class Changes:
    """Reports that differ between a git reference and the working tree, as git reports them.

    Paths are relative to the current folder when under it, else absolute.
    """

    changed: list[str] = field(default_factory=list)  # added, modified, untracked
    deleted: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old, new)

    @property
    def touched(self) -> list[str]:
        """The reports to check: changed ones and the new names of renamed ones."""
        return sorted({*self.changed, *(new for _, new in self.renamed)})


def changed_since(ref: str, paths: Sequence[str] = (), repo: str | None = None) -> Changes:
    """Return the reports under paths (default: the whole repository) that differ between
    ref and the working tree, tracked or not. The repository is the one holding repo, else
    the first path, else the current folder."""
    top = _toplevel(repo or _folder_of(paths[0] if paths else "."))
    commit = _commit(top, ref)
    out = _git(top, "diff", "--name-status", "-M", "-z", "--no-ext-diff", "--no-color", commit, "--")
    roots = [os.path.realpath(p) for p in paths if p != "-"] or [top]
    changed, deleted, renamed = [], [], []
    fields = iter(out.split("\0"))
    for status in fields:
        if not status:
            continue
        if status[0] in "RC":
            old, new = _report(top, next(fields), roots), _report(top, next(fields), roots)
            if status[0] == "R" and old and new:
                renamed.append((old, new))
                continue
            deleted += [old] if old and status[0] == "R" else []
            changed += [new] if new else []
            continue
        path = _report(top, next(fields), roots)
        if path:
            (deleted if status[0] == "D" else changed).append(path)
    untracked = _git(top, "ls-files", "--others", "--exclude-standard", "-z", "--full-name")
    changed += [p for p in (_report(top, f, roots) for f in untracked.split("\0") if f) if p]
    return Changes(sorted(set(changed)), sorted(set(deleted)), sorted(set(renamed)))


def focus(corpus: Corpus, changed_paths: Iterable[str], show_all: bool = False) -> list[Finding]:
    """Return the findings that involve at least one changed report (all, with show_all)."""
    return list(corpus.findings) if show_all else partition(corpus, changed_paths)[0]


def partition(corpus: Corpus, changed_paths: Iterable[str]) -> tuple[list[Finding], list[Finding]]:
    """Split findings into those involving a changed report and old-against-old ones."""
    changed = changed_articles(corpus, changed_paths)
    mine: list[Finding] = []
    others: list[Finding] = []
    for finding in corpus.findings:
        (mine if changed.intersection(finding.articles) else others).append(finding)
    return mine, others


def changed_articles(corpus: Corpus, changed_paths: Iterable[str]) -> set[str]:
    """The corpus's names of the reports read from changed files (however the paths are
    spelled), e.g. for locating a finding on the changed side."""
    changed = {_same_file(p) for p in changed_paths}
    return {a.path for a in corpus.articles if _same_file(article_file(a)) in changed}


def _same_file(path: str) -> str:
    return path if path == "-" else os.path.realpath(path)


def _report(top: str, name: str, roots: Sequence[str]) -> str | None:
    """A path from git as the user names it, if it is a report under one of the roots."""
    full = os.path.join(top, name)
    if Path(name).suffix.lower() not in REPORT_SUFFIXES:
        return None
    for root in roots:
        inside = os.path.relpath(full, root) if full != root else "."
        parts = Path(inside).parts
        if full == root or (
            parts
            and parts[0] != ".."
            and not os.path.isabs(inside)
            and not any(p.startswith(".") for p in parts)
        ):
            return _display(full)
    return None


def _display(full: str) -> str:
    here = os.path.realpath(os.getcwd())
    rel = os.path.relpath(full, here)
    return full if rel == ".." or rel.startswith(".." + os.sep) else rel


def _folder_of(path: str) -> str:
    return path if os.path.isdir(path) else os.path.dirname(path) or "."


def _toplevel(folder: str) -> str:
    if not os.path.isdir(folder):
        raise InputError(f"not a git repository: {folder}")
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").strip()
    except _GitFailed:
        raise InputError(f"not a git repository: {folder}") from None
    return os.path.realpath(top)


def _commit(top: str, ref: str) -> str:
    if not ref or ref.startswith("-"):
        raise InputError(f"unknown git reference: {ref}")
    try:
        return _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except _GitFailed:
        raise InputError(f"unknown git reference: {ref}") from None


class _GitFailed(Exception):
    pass


def _git(cwd: str, *args: str) -> str:
    """Run git (never through a shell) and return its output."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("git is not installed (needed for --changed-since)") from None
    if done.returncode != 0:
        raise _GitFailed(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout.decode("utf-8", "surrogateescape")
