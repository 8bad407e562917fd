"""`factlint pre-commit FILE...`: the pre-commit hook (.pre-commit-hooks.yaml).

pre-commit passes only the staged files, so a check of those files alone would compare them
with each other and never with the archive. This command judges each staged report against the
whole archive instead, as `check --new` does: the configured `paths` (or --corpus DIR), through
the claim index when one exists; only the findings that involve a staged report are shown and
decide the exit code.

pre-commit passes the files a commit adds or modifies and the new name of a renamed one, never a
deleted one. A name that does not exist is taken for a deletion (nothing to check), and a staged
file outside the archive (a README, notes) is no report and is passed over.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.entry import note
from checker.errors import UsageError
from checker.models import VERDICT_RANK, Finding, Verdict
from checker.options import ConfigOpt, FailOnOpt, NoConfigOpt, NoIndexOpt, QuietOpt
from checker.outputs import FORMATS, OutputOptions

if TYPE_CHECKING:
    import pathspec

NO_ARCHIVE = (
    "pre-commit: no archive to check the staged reports against: set paths = "
    '["articles"] in factlint.toml or [tool.factlint], or pass --corpus DIR in the '
    "hook's args"
)


class HookFormat(StrEnum):
    """What a hook prints: one line a finding, or the findings with their quotes."""

    CONCISE = "concise"
    TEXT = "text"


def pre_commit(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[FILE]...", help="The staged files (pre-commit passes them).", show_default=False
        ),
    ] = None,
    corpus: Annotated[
        list[str] | None,
        typer.Option(
            "--corpus",
            metavar="DIR",
            help="The archive [default: 'paths' of the config].",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        HookFormat, typer.Option("--format", "-f", help="concise (path:line:col: CODE message) or text.")
    ] = HookFormat.CONCISE,
    fail_on: FailOnOpt = None,
    no_index: NoIndexOpt = False,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Check staged reports against the whole archive (the pre-commit hook); exit 1 when a
    finding that involves one reaches --fail-on."""
    from checker.config import settings_from
    from checker.pipeline import refuse_overwriting_input, run

    settings = settings_from(config, no_config, paths=corpus, fail_on=fail_on)
    if not settings.paths:
        raise UsageError(NO_ARCHIVE)
    staged = staged_reports(files or [], settings.paths, settings.exclude)
    if not staged:
        raise typer.Exit(0)  # deletions, or no report among the staged files
    request = settings.request(new=tuple(staged), **({"index": None} if no_index else {}))
    refuse_overwriting_input(request.index, [*settings.paths, *staged], "index")
    result = run(request)
    for text in result.notes:
        note(f"warning: {text}")
    for skipped in result.skipped:
        note(f"skipped {skipped.path}: {skipped.reason}")
    options = OutputOptions(request.rules, request.severity, quiet, "never")
    FORMATS[format.value](result, options, sys.stdout)
    if not quiet:
        archive = " ".join(settings.paths) + (f" (the index {request.index})" if result.indexed else "")
        note(_summary(len(staged), archive, result.listed))
    raise typer.Exit(result.exit_code(Verdict(settings.fail_on)))


def staged_reports(files: Sequence[str], archive: Sequence[str], exclude: Sequence[str] = ()) -> list[str]:
    """The staged files that are reports of the archive, as a walk of it would find them: an
    existing file with a report suffix under one of the archive's paths (or one of them), in
    no hidden folder, not matched by the exclude patterns; each once, in the given order."""
    import pathspec  # here, not at the top: the command line starts without the reading code

    from checker.articles import REPORT_SUFFIXES

    ignored = pathspec.GitIgnoreSpec.from_lines(exclude) if exclude else None
    roots = [os.path.realpath(p) for p in archive if p != "-"]
    chosen: dict[str, str] = {}
    for name in files:
        if not os.path.isfile(name) or Path(name).suffix.lower() not in REPORT_SUFFIXES:
            continue  # deleted (pre-commit passes none, a caller might), or no report
        real = os.path.realpath(name)
        if real not in chosen.values() and any(_walked(real, root, ignored) for root in roots):
            chosen[name] = real
    return list(chosen)


def _walked(real: str, root: str, ignored: pathspec.GitIgnoreSpec | None) -> bool:
    """Whether a walk of root reads the file at real (both real paths)."""
    if real == root:
        return True  # the archive's path names the file itself
    relative = os.path.relpath(real, root)
    parts = Path(relative).parts
    if os.path.isabs(relative) or not parts or parts[0] == os.pardir:
        return False
    if any(part.startswith(".") for part in parts):
        return False
    return ignored is None or not ignored.match_file(relative.replace(os.sep, "/"))


def _summary(staged: int, archive: str, findings: Sequence[Finding]) -> str:
    by_verdict = Counter(f.verdict for f in findings)
    worst_first = sorted(by_verdict, key=lambda v: -VERDICT_RANK[v])
    counts = ", ".join(f"{by_verdict[v]} {v.value}" for v in worst_first)
    reports = f"{staged} staged report" + ("" if staged == 1 else "s")
    return f"{reports} checked against {archive}: {counts or 'no findings'}"
