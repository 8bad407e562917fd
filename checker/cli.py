"""The command line: parse options, run the pipeline, render, exit with the documented code."""

from __future__ import annotations

import errno
import os
import signal
import sys
from collections.abc import Callable
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.exceptions import TyperException

from checker import __version__
from checker.errors import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    FactlintError,
    InputError,
    Interrupted,
    UsageError,
)
from checker.models import VERDICT_RANK, Corpus, Finding, Verdict

if TYPE_CHECKING:
    from checker.config import Config
    from checker.rule import Rule

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Check news reports of recurring events for claims that contradict "
                       "each other.")


class Format(StrEnum):
    text = "text"
    json = "json"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"
    html = "html"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class FailOn(StrEnum):
    conflict = "conflict"
    variant = "variant"
    unresolved = "unresolved"
    time_shift = "time-shift"


Paths = Annotated[list[str], typer.Argument(help="Files or folders of reports, or - for stdin.")]
OptPaths = Annotated[list[str] | None, typer.Argument(
    help="Files or folders of reports, or - for stdin (default: 'paths' of the config).",
    show_default=False)]
SelectOpt = Annotated[list[str] | None, typer.Option("--select", help="Rules to run (codes or "
                                                     "names, comma-separated).")]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="Rules to skip.")]
ColorOpt = Annotated[Color, typer.Option("--color", help="Colored output.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", help="Read settings from this file instead of the nearest factlint.toml or "
                     "pyproject.toml [tool.factlint].")]
NoConfigOpt = Annotated[bool, typer.Option("--no-config", help="Ignore config files.")]
MaxBytesOpt = Annotated[int | None, typer.Option(
    "--max-bytes", min=1, help="Skip report files larger than this.", show_default=False)]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only the findings.")]
IndexOpt = Annotated[Path | None, typer.Option(
    "--index", help="The claim index file [default: 'index' of the config, else "
                    ".factlint/index.sqlite]; check uses it when it exists.",
    show_default=False)]
JobsOpt = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, help="Processes reading reports [default: one a CPU].",
    show_default=False)]


def _version(value: bool) -> None:
    if value:
        print(f"factlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version,
                                                is_eager=True)] = False) -> None:
    """factlint: a claim-consistency fact checker for news reports."""


@app.command()
def check(paths: OptPaths = None,
          format: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.text,
          output: OutputOpt = None, select: SelectOpt = None, ignore: IgnoreOpt = None,
          fail_on: Annotated[FailOn | None, typer.Option(
              "--fail-on", help="Lowest verdict that fails the run [default: conflict].",
              show_default=False)] = None,
          color: ColorOpt = Color.auto, config: ConfigOpt = None, no_config: NoConfigOpt = False,
          baseline: Annotated[Path | None, typer.Option(
              "--baseline", help="Report only findings not recorded in this baseline.")] = None,
          quiet: QuietOpt = False,
          strict: Annotated[bool, typer.Option(
              "--strict", help="Exit 2 when any input was skipped.")] = False,
          max_bytes: MaxBytesOpt = None,
          changed_since: Annotated[str | None, typer.Option(
              "--changed-since", metavar="REF", help="Count only findings that involve a "
              "report changed (in git) since REF; PATH... default to the current folder.",
              show_default=False)] = None,
          new: Annotated[list[str] | None, typer.Option(
              "--new", metavar="FILE", help="New reports, checked against --corpus; only "
              "findings that involve one of them count.", show_default=False)] = None,
          corpus_dirs: Annotated[list[str] | None, typer.Option(
              "--corpus", metavar="DIR", help="The reports --new is checked against.",
              show_default=False)] = None,
          show_all: Annotated[bool, typer.Option(
              "--all", help="With --changed-since or --new: also show old-against-old "
              "findings, dimmed (text format; they never count).")] = False,
          index: IndexOpt = None, jobs: JobsOpt = None) -> None:
    """Check reports and print the conflict report; exit 1 when a finding reaches --fail-on."""
    from checker.baseline import new_findings, read_baseline
    from checker.changes import changed_articles, partition

    if new and changed_since:
        raise UsageError("--new and --changed-since cannot be used together")
    if (new is None) != (corpus_dirs is None):
        raise UsageError("--new FILE... needs --corpus DIR (and --corpus needs --new)")
    given = [*(corpus_dirs or ()), *(new or ())] if new else paths
    settings = _settings(config, no_config, paths=given, select=select, ignore=ignore,
                         fail_on=fail_on.value if fail_on else None, max_bytes=max_bytes,
                         index=str(index) if index is not None else None)
    if changed_since and not settings.paths:
        settings = settings.override(paths=(".",))
    _not_an_input(output, settings.paths)
    _not_an_input(settings.index, settings.paths, "--index")
    recorded = read_baseline(str(baseline)) if baseline is not None else None
    rules, levels = _rules(settings)
    focus_on = _focus_paths(changed_since, new, settings.paths)
    corpus = _run(settings.paths, settings, rules, levels, quiet,
                  index_given=index is not None, jobs=jobs,
                  new_against=(new, corpus_dirs) if new and corpus_dirs else None)
    findings, dimmed, changed = list(corpus.findings), set(), None
    if focus_on is not None:
        mine, others = partition(corpus, focus_on)
        changed = changed_articles(corpus, focus_on)
        dimmed = {f.id for f in others} if show_all and format is CheckFormat.text else set()
        keep = dimmed | {f.id for f in mine}
        findings = [f for f in findings if f.id in keep]
    if recorded is not None:
        findings, known = new_findings(corpus, findings, recorded)
        if known and not quiet:
            _note(f"{known} finding(s) already in the baseline not shown")
    _emit(corpus, findings, format, output, color, rules, levels, quiet, dimmed, changed)
    if strict and corpus.skipped:
        raise InputError(f"{len(corpus.skipped)} input(s) skipped (--strict)")
    counted = [f for f in findings if f.id not in dimmed]
    raise typer.Exit(exit_code(counted, Verdict(settings.fail_on)))


def _not_an_input(output: Path | str | None, paths: tuple[str, ...] | list[str],
                  option: str = "--output") -> None:
    """What factlint writes (--output, --index) is never a report that is being read."""
    if output is None or not os.path.exists(output):
        return
    from checker.articles import REPORT_SUFFIXES, expand_paths

    target = os.path.realpath(output)
    given = [p for p in paths if p != "-"]
    # a folder yields only report files: other outputs (.json, .sarif) need no walk of it
    read = expand_paths(given, []) if Path(output).suffix.lower() in REPORT_SUFFIXES else given
    if any(os.path.realpath(p) == target for p in read):
        raise UsageError(f"{option} {output} is one of the reports being checked")


def _focus_paths(changed_since: str | None, new: list[str] | None,
                 paths: tuple[str, ...]) -> list[str] | None:
    """The reports whose findings count: changed since a git reference, or the --new ones."""
    if changed_since is not None:
        from checker.changes import changed_since as git_changes

        return git_changes(changed_since, [p for p in paths if p != "-"]).touched
    if not new:
        return None
    from checker.articles import expand_paths

    return list(expand_paths(new, []))  # a folder given to --new: every report in it is new


@app.command("index")
def build_index(paths: OptPaths = None,
                rebuild: Annotated[bool, typer.Option(
                    "--rebuild", help="Build the index afresh, replacing the old (or a "
                    "damaged) file in one step.")] = False,
                index: IndexOpt = None, jobs: JobsOpt = None, config: ConfigOpt = None,
                no_config: NoConfigOpt = False, quiet: QuietOpt = False,
                max_bytes: MaxBytesOpt = None) -> None:
    """Write the claim index of reports; a second run re-reads only the files that changed."""
    from checker.index import update_index

    settings = _settings(config, no_config, paths=paths, max_bytes=max_bytes,
                         index=str(index) if index is not None else None)
    if not settings.paths:
        raise UsageError("no paths given: pass DIR... or set 'paths' in [tool.factlint]")
    if "-" in settings.paths:
        raise UsageError("stdin cannot be indexed: pass files or folders")
    _not_an_input(settings.index, settings.paths, "--index")
    with _progress(quiet) as progress:
        stats = update_index(settings.index, settings.paths, lex=_lexicon(settings), jobs=jobs,
                             rebuild=rebuild, progress=progress, max_bytes=settings.max_bytes)
    if not quiet:
        for skipped in stats.skipped:
            _note(f"skipped {skipped.path}: {skipped.reason}")
        _note(f"index {settings.index}: {stats.total} file(s), {stats.read} read, "
              f"{stats.reused} unchanged, {stats.removed} removed"
              + (" (built afresh)" if stats.rebuilt else ""))


@app.command("baseline")
def record_baseline(paths: OptPaths = None, output: OutputOpt = None, select: SelectOpt = None,
                    ignore: IgnoreOpt = None, config: ConfigOpt = None,
                    no_config: NoConfigOpt = False, quiet: QuietOpt = False,
                    max_bytes: MaxBytesOpt = None) -> None:
    """Record the current findings, so that 'check --baseline FILE' reports only new ones."""
    from checker.baseline import to_baseline

    settings = _settings(config, no_config, paths=paths, select=select, ignore=ignore,
                         max_bytes=max_bytes)
    _not_an_input(output, settings.paths)
    corpus = _run(settings.paths, settings, *_rules(settings), quiet)
    _write(to_baseline(corpus, corpus.findings), output)
    if output is not None and not quiet:
        _note(f"recorded {len(corpus.findings)} finding(s) in {output}")


@app.command()
def claims(paths: Paths, format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
           output: OutputOpt = None, color: ColorOpt = Color.auto) -> None:
    """Print the claims extracted from reports."""
    from checker.report import claim_json, render_claims

    corpus = _run_plain(paths, output)
    if format is Format.json:
        import json

        data = {"version": 1, "claims": [claim_json(c, corpus) for c in corpus.claims]}
        _write(json.dumps(data, indent=2, ensure_ascii=False) + "\n", output)
    else:
        _with_console(output, color, lambda console: render_claims(corpus, console))


@app.command()
def timeline(paths: Paths, output: OutputOpt = None, color: ColorOpt = Color.auto) -> None:
    """Show, per series, the years and what each report claims for each."""
    from checker.report import render_timeline

    corpus = _run_plain(paths, output)
    _with_console(output, color, lambda console: render_timeline(corpus, console))


@app.command()
def graph(paths: Paths, output: Annotated[Path, typer.Option("--output", "-o", help=(
        "A .graphml file, or node-link JSON for any other name."))]) -> None:
    """Write the claim graph as GraphML or node-link JSON."""
    from checker.graph import build_graph, write_graph

    write_graph(build_graph(_run_plain(paths, output)), str(output))


@app.command("rules")
def list_rules(code: Annotated[str | None, typer.Argument(help="A rule code or name.")] = None,
               color: ColorOpt = Color.auto) -> None:
    """List the rules, or explain one."""
    from rich.table import Table

    from checker.report import make_console
    from checker.selection import select_rules

    console = make_console(color.value)
    chosen = select_rules([code]) if code else select_rules()
    if code and len(chosen) == 1:
        rule = chosen[0]
        console.print(f"{rule.code} {rule.name}: {rule.summary()}")
        console.print(f"compares: {rule.slot_class.value}; severity: {rule.severity}\n")
        console.print(rule.example())
        return
    table = Table("code", "name", "compares", "summary")
    for rule in chosen:
        table.add_row(rule.code, rule.name, rule.slot_class.value, rule.summary())
    console.print(table)


def _settings(config: Path | None, no_config: bool, **flags: Any) -> Config:
    """The config file's settings (or the defaults), with the given flags on top."""
    from checker.config import load_config

    explicit = str(config) if config is not None else None
    found = load_config(explicit, isolated=no_config and config is None)
    return found.override(**{k: tuple(v) if isinstance(v, list) else v
                             for k, v in flags.items()})


def _rules(settings: Config) -> tuple[list[Rule], dict[str, str]]:
    """The rules to run, and rule code -> severity from the config's severity table."""
    from checker.selection import select_rules

    levels: dict[str, str] = {}
    for name, level in settings.severity:
        try:
            levels.update((rule.code, level) for rule in select_rules([name]))
        except UsageError as err:
            raise UsageError(f"{settings.source}: severity: {err}") from None
    return select_rules(settings.select, settings.ignore), levels


def _run(paths: tuple[str, ...], settings: Config, rules: list[Rule], levels: dict[str, str],
         quiet: bool = False, index_given: bool = False, jobs: int | None = None,
         new_against: tuple[list[str], list[str]] | None = None) -> Corpus:
    """Run the pipeline: with an index, --new reports are judged against their series only."""
    import os

    from checker.pipeline import check as run_check
    from checker.pipeline import check_indexed, check_new_indexed

    if not paths:
        raise UsageError("no paths given: pass PATH... or set 'paths' in [tool.factlint]")
    # stdin is read as bytes and decoded like a file, whatever the locale says; one byte past
    # the limit is enough to know it is too large
    stdin_text = _read_stdin(settings.max_bytes) if "-" in paths else None
    common: dict[str, Any] = {"lex": _lexicon(settings), "max_bytes": settings.max_bytes,
                              "stdin_text": stdin_text, "severity": levels}
    if (index_given or os.path.exists(settings.index)) and new_against:
        with _progress(quiet) as progress:
            corpus = check_new_indexed(*new_against, rules, settings.index, jobs=jobs,
                                       progress=progress, **common)
        if not quiet:
            _note(f"--new: judged with the {len(corpus.articles)} report(s) of their series in"
                  f" the index {settings.index} as last written ('factlint index' updates it)")
    elif index_given or os.path.exists(settings.index):  # the index, when there is one
        with _progress(quiet) as progress:
            corpus = check_indexed(paths, rules, settings.index, jobs=jobs, progress=progress,
                                   **common)
    else:
        corpus = run_check(paths, rules, jobs=jobs, **common)
    if not quiet:
        for skipped in corpus.skipped:
            _note(f"skipped {skipped.path}: {skipped.reason}")
        for article in corpus.articles:
            for warning in article.warnings:
                _note(f"warning: {warning}")
    if not corpus.articles and not corpus.skipped:
        _note("no reports found (.txt, .md, .jsonl)")
    return corpus


def _read_stdin(max_bytes: int | None) -> bytes:
    from checker.articles import DEFAULT_MAX_BYTES

    limit = (max_bytes or DEFAULT_MAX_BYTES) + 1
    chunks: list[bytes] = []
    while limit > 0:
        chunk = sys.stdin.buffer.read(min(limit, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        limit -= len(chunk)
    return b"".join(chunks)


def _lexicon(settings: Config) -> Any:
    from checker.lexicon import Lexicon, default_lexicon

    return (Lexicon(extra_alias_files=settings.alias_files) if settings.alias_files
            else default_lexicon())


@contextmanager
def _progress(quiet: bool):
    """A progress bar on stderr while reports are read, when it is a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading reports", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _run_plain(paths: list[str], output: Path | None) -> Corpus:
    """The pipeline with the discovered config's reading settings, every rule."""
    _not_an_input(output, paths)
    settings = _settings(None, False)
    return _run(tuple(paths), settings, *_rules(settings))


def _note(text: str) -> None:
    """One line on stderr; report text in it cannot break the line or drive the terminal."""
    from checker.report import inert

    print(f"factlint: {inert(text)}", file=sys.stderr)


def _emit(corpus: Corpus, findings: list[Finding], format: CheckFormat, output: Path | None,
          color: Color, rules: list[Rule], levels: dict[str, str], quiet: bool,
          dimmed: set[str] | None = None, changed: set[str] | None = None) -> None:
    from checker import formats
    from checker.report import render_text, write_json

    if format is CheckFormat.json:
        _write(lambda out: write_json(corpus, findings, out), output)
    elif format is CheckFormat.sarif:
        _write(formats.to_sarif(corpus, findings, rules, levels, changed=changed), output)
    elif format is CheckFormat.github:
        _write(formats.to_github(corpus, findings, quiet=quiet, changed=changed), output)
    elif format is CheckFormat.markdown:
        _write(formats.to_markdown(corpus, findings), output)
    elif format is CheckFormat.html:
        from checker.html import render_html

        _write(render_html(corpus, findings), output)
    else:
        _with_console(output, color, lambda console: render_text(
            corpus, console, findings, dimmed=dimmed, quiet=quiet))


def _write(text: str | Callable[[TextIO], None], output: Path | None) -> None:
    """Write a report (text, or a function that writes it to a stream) to output or stdout."""
    if output is None:
        text(sys.stdout) if callable(text) else sys.stdout.write(text)
        return
    try:
        with open(output, "w", encoding="utf-8") as out:
            text(out) if callable(text) else out.write(text)
    except OSError as err:
        raise UsageError(f"cannot write {output}: {err.strerror or err}") from None


def _with_console(output: Path | None, color: Color, render) -> None:
    from checker.report import make_console

    if output is None:
        render(make_console(color.value))
        return
    import io

    buffer = io.StringIO()
    render(make_console("never" if color is Color.auto else color.value, file=buffer,
                        width=120))
    _write(buffer.getvalue(), output)


def exit_code(findings: list[Finding], fail_on: Verdict) -> int:
    level = VERDICT_RANK[fail_on]
    failing = [f for f in findings if not f.suppressed and VERDICT_RANK[f.verdict] >= level]
    return EXIT_FINDINGS if failing else EXIT_CLEAN


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG, errno.EBADF}


def main() -> None:
    """Entry point: one-line errors with exit 2, never a traceback."""
    signal.signal(signal.SIGINT, _interrupt)
    code = _run_app()
    try:
        sys.stdout.flush()  # a full disk shows here when the output was small
    except BrokenPipeError:
        _silence_stdout()
    except OSError as err:
        code = _output_failed(err)
    sys.exit(code)


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted()  # past typer, which would turn a KeyboardInterrupt into a silent 130


def _run_app() -> int:
    try:
        code = app(standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
    except TyperException as err:
        if type(err).__name__ == "NoArgsIsHelpError":
            print(err.format_message())
            return EXIT_CLEAN
        message = " ".join(err.format_message().split()) or "bad usage (see 'factlint --help')"
        print(f"factlint: {message}", file=sys.stderr)
        return EXIT_ERROR
    except (typer.Abort, KeyboardInterrupt, Interrupted):
        print("factlint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except FactlintError as err:
        _note(str(err))
        return err.exit_code
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        _silence_stdout()
        return EXIT_CLEAN
    except SystemExit as done:  # typer's own answer to a closed pipe is exit 1
        closed = isinstance(done.__context__, BrokenPipeError)
        return EXIT_CLEAN if closed else done.code if isinstance(done.code, int) else EXIT_ERROR
    except OSError as err:
        if err.errno not in _OUTPUT_ERRNOS:
            return _internal(err)
        return _output_failed(err)
    except (MemoryError, RecursionError) as err:
        print(f"factlint: stopped: {type(err).__name__}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as err:  # noqa: BLE001 - the contract is one line, never a traceback
        return _internal(err)
    return code if isinstance(code, int) else EXIT_CLEAN


def _internal(err: BaseException) -> int:
    _note(f"internal error: {type(err).__name__}: {err} (please report it)")
    return EXIT_ERROR


def _output_failed(err: OSError) -> int:
    _note(f"cannot write the output: {err.strerror or err}")
    _silence_stdout()
    return EXIT_ERROR


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    main()
