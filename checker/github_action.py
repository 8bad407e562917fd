"""The GitHub Action (action.yml): `python -P -m checker.github_action` in the workspace.

Inputs come from the environment, as action.yml passes them: FACTLINT_PATHS (folders, files or
glob patterns, space-separated; empty: the configuration's `paths`, else the repository root),
FACTLINT_FAIL_ON (empty: the configuration's `fail-on`), FACTLINT_SARIF (a file to write SARIF
to, for github/codeql-action/upload-sarif). The run's context comes from GitHub's variables:
GITHUB_WORKSPACE (the repository root), GITHUB_EVENT_PATH (a pull request's base commit: only
findings that involve a report changed since it count) and GITHUB_STEP_SUMMARY.

GitHub shows at most 10 error, 10 warning and 10 notice annotations a step and drops the rest
without a word, so the most severe findings are annotated up to those caps, and every finding
goes to the job summary with a line saying how many were not annotated.
"""

from __future__ import annotations

import glob
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from checker.entry import note, run_process
from checker.errors import InputError, UsageError
from checker.models import VERDICT_RANK, Finding, Verdict
from checker.outputs import FORMATS, OutputOptions, write_output

if TYPE_CHECKING:
    from checker.pipeline import Request, Result

ANNOTATIONS_PER_LEVEL = 10  # GitHub's cap a step, for each of error, warning and notice
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SUMMARY_BYTES = 1_000_000  # GitHub refuses a step summary over 1 MiB

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the action was given, read from the environment."""

    workspace: Path
    paths: tuple[str, ...] = ()  # as written: folders, files, glob patterns
    fail_on: str | None = None
    sarif: str | None = None
    summary: str | None = None  # the file GitHub shows as the job summary
    base: str | None = None  # the pull request's base commit


def read_inputs(env: Mapping[str, str]) -> Inputs:
    """The inputs and context of this run (empty values count as not given)."""
    fail_on = env.get("FACTLINT_FAIL_ON", "").strip() or None
    if fail_on is not None and fail_on not in {v.value for v in Verdict}:
        choices = ", ".join(v.value for v in Verdict)
        raise UsageError(f"fail-on must be one of {choices}, not {fail_on!r}")
    return Inputs(
        workspace=Path(env.get("GITHUB_WORKSPACE") or os.getcwd()),
        paths=tuple(env.get("FACTLINT_PATHS", "").split()),
        fail_on=fail_on,
        sarif=env.get("FACTLINT_SARIF", "").strip() or None,
        summary=env.get("GITHUB_STEP_SUMMARY") or None,
        base=_base_commit(env.get("GITHUB_EVENT_PATH")),
    )


def _base_commit(event_path: str | None) -> str | None:
    """The base commit of the pull request (or merge queue entry) the run is for, if any."""
    if not event_path:
        return None
    try:
        event = json.loads(Path(event_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"cannot read the event {event_path}: {err}") from None
    pull = event.get("pull_request") if isinstance(event, dict) else None
    base = (pull or {}).get("base", {}).get("sha") if isinstance(pull, dict) else None
    if base is None and isinstance(event, dict) and isinstance(event.get("merge_group"), dict):
        base = event["merge_group"].get("base_sha")
    return base if isinstance(base, str) and base else None


def archive_paths(
    given: Sequence[str], configured: Sequence[str], exclude: Sequence[str] = ()
) -> tuple[str, ...]:
    """The paths to read, relative to the repository root (the current folder) and without
    './', so annotations name files as GitHub does: the given ones with glob patterns expanded,
    else the configured ones, else the repository root's entries."""
    paths: list[str] = []
    for word in given or configured:
        if glob.has_magic(word):
            found = sorted(glob.glob(word, recursive=True))
            if not found:
                raise UsageError(f"paths: nothing matches {word}")
            paths += found
        else:
            paths.append(word)
    rooted = [_root_relative(p) for p in dict.fromkeys(paths)]
    if not rooted:
        rooted = ["."]
    expanded = [e for p in rooted for e in (_root_entries(exclude) if p == "." else [p])]
    return tuple(dict.fromkeys(expanded)) or (".",)


def _root_relative(path: str) -> str:
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith(os.pardir) else os.path.normpath(relative)


def _root_entries(exclude: Sequence[str]) -> list[str]:
    """The repository root as its top-level folders and report files (a walk of '.' would
    name every file './x'), hidden ones and those the exclude patterns match left out."""
    import pathspec

    from checker.articles import REPORT_SUFFIXES

    ignored = pathspec.GitIgnoreSpec.from_lines(exclude)
    entries = []
    for name in sorted(os.listdir(".")):
        folder = os.path.isdir(name)
        if name.startswith(".") or not folder and Path(name).suffix.lower() not in REPORT_SUFFIXES:
            continue
        if not ignored.match_file(name + "/" if folder else name):
            entries.append(name)
    return entries


def ensure_commit(base: str) -> None:
    """Fetch the base commit when the checkout is too shallow to hold it."""

    def git(*args: str) -> bool:
        return subprocess.run(["git", *args], capture_output=True, check=False).returncode == 0

    if git("cat-file", "-e", f"{base}^{{commit}}"):
        return
    if not git("fetch", "--no-tags", "--quiet", "--depth=1", "origin", base):
        raise InputError(
            f"the base commit {base} is not in the clone and cannot be fetched: check out with fetch-depth: 0"
        )


def annotated(findings: Sequence[Finding]) -> list[Finding]:
    """The findings GitHub will show as annotations: the most severe first, up to its cap for
    each level (suppressed findings are never annotated)."""
    chosen: list[Finding] = []
    taken: Counter[str] = Counter()
    shown = [f for f in findings if not f.suppressed]
    for finding in sorted(shown, key=lambda f: SEVERITY_ORDER.get(f.severity, 3)):
        if taken[finding.severity] < ANNOTATIONS_PER_LEVEL:
            chosen.append(finding)
            taken[finding.severity] += 1
    return chosen


@app.command()
def github_action() -> None:
    """Check the reports a pull request adds or edits against the archive; annotate them."""
    from checker.config import load_config
    from checker.pipeline import run

    inputs = read_inputs(os.environ)
    try:
        os.chdir(inputs.workspace)
    except OSError as err:
        raise InputError(f"cannot enter GITHUB_WORKSPACE {inputs.workspace}: {err}") from None
    settings = load_config()
    paths = archive_paths(inputs.paths, settings.paths, settings.exclude)
    settings = settings.override(paths=paths, fail_on=inputs.fail_on)
    if inputs.base is None:
        named = " ".join(paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
        note(f"not a pull request: every finding under {named} counts")
    else:
        ensure_commit(inputs.base)
    request = settings.request(changed_since=inputs.base)
    result = run(request)
    for text in result.notes:
        note(f"warning: {text}")
    for skipped in result.skipped:
        note(f"skipped {skipped.path}: {skipped.reason}")
    report(result, inputs)
    if inputs.sarif is not None:
        write_sarif(result, request, inputs.sarif)
    raise typer.Exit(result.exit_code(Verdict(settings.fail_on)))


def report(result: Result, inputs: Inputs) -> None:
    """Annotations up to GitHub's caps on stdout, a count line, every finding in the summary."""
    from checker.formats import to_github

    listed = list(result.listed)
    chosen = annotated(listed)
    sys.stdout.write(to_github(result.corpus, chosen, quiet=True, changed=result.changed))
    print(f"factlint: {_plural(len(result.corpus.articles), 'report')} read, {_counts(listed)}")
    left = len([f for f in listed if not f.suppressed]) - len(chosen)
    where = "the job summary lists all" if inputs.summary else "'factlint check' shows all"
    cap = ANNOTATIONS_PER_LEVEL
    missing = (
        (
            f"{_plural(left, 'finding')} not annotated (GitHub shows at most {cap} error, "
            f"{cap} warning and {cap} notice annotations a step); {where} {len(listed)}"
        )
        if left
        else ""
    )
    if missing:
        print(f"factlint: {missing}")
    if inputs.summary is not None:
        _append(inputs.summary, summary_markdown(result, missing))


def summary_markdown(result: Result, missing: str) -> str:
    """The job summary: the Markdown report of every finding (the table holds the first
    ones, a list the rest) and how many were not annotated, within GitHub's size cap."""
    from checker.formats import MARKDOWN_ROWS, to_concise, to_markdown

    listed = list(result.listed)
    # a finding quotes every claim of its sides: a large series can fill the cap alone
    text = _fit(to_markdown(result.corpus, listed), SUMMARY_BYTES // 2)
    if missing:
        text += f"\n**{missing}.**\n"
    rest = listed[MARKDOWN_ROWS:]
    if rest:
        lines = to_concise(result.corpus, rest, changed=result.changed)
        fence = "`" * max(3, _longest_backtick_run(lines) + 1)
        room = SUMMARY_BYTES - len(text.encode("utf-8")) - 1_000
        text += f"\n### The other {len(rest)} findings\n\n{fence}\n{_fit(lines, room, note=False)}{fence}\n"
    return text


def _fit(text: str, limit: int, note: bool = True) -> str:
    """The text cut at a line boundary to at most limit bytes, with a word on what was cut
    (an open <details> closed, so the rest of the summary still renders)."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    kept = data[: max(limit, 0)].decode("utf-8", "ignore")
    kept = kept[: kept.rfind("\n") + 1]
    cut = text.count("\n") - kept.count("\n")
    if kept.count("<details>") > kept.count("</details>"):
        kept += "\n</details>\n"
    said = f"{cut} more line(s) cut: a step summary holds 1 MiB; the sarif input writes all."
    return kept + (f"\n{said}\n" if note else said + "\n")


def write_sarif(result: Result, request: Request, target: str) -> None:
    """SARIF 2.1.0 of the counted findings, for github/codeql-action/upload-sarif."""
    from checker.pipeline import refuse_overwriting_input

    refuse_overwriting_input(target, request.paths, "sarif")
    options = OutputOptions(request.rules, request.severity)
    write_output(lambda out: FORMATS["sarif"](result, options, out), Path(target))
    note(f"SARIF written to {target}")


def _append(path: str, text: str) -> None:
    try:
        with open(path, "a", encoding="utf-8") as out:
            out.write(text if text.endswith("\n") else text + "\n")
    except OSError as err:
        raise InputError(f"cannot write the job summary {path}: {err.strerror or err}") from None


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall("`+", text)), default=0)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _counts(findings: Sequence[Finding]) -> str:
    by_verdict = Counter(f.verdict for f in findings)
    worst_first = sorted(by_verdict, key=lambda v: -VERDICT_RANK[v])
    return ", ".join(f"{by_verdict[v]} {v.value}" for v in worst_first) or "no findings"


def main() -> None:
    """The action's process: one line and exit 2 on bad input, 1 on findings at fail-on."""
    run_process(app)


if __name__ == "__main__":
    main()
