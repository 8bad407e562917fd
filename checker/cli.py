"""The command line: parse options, run the pipeline, render, exit with the documented code."""

from __future__ import annotations

import dataclasses
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
    FactlintError,
    InputError,
    Interrupted,
    UsageError,
)
from checker.models import Corpus, Verdict
from checker.outputs import FORMATS, OutputOptions

if TYPE_CHECKING:
    from checker.config import Config
    from checker.pipeline import Request, Result
    from checker.rule import Rule

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Check news reports of recurring events for claims that contradict "
                       "each other.")


class Format(StrEnum):
    text = "text"
    json = "json"


CheckFormat = StrEnum("CheckFormat", {name: name for name in FORMATS})  # type: ignore[misc]


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


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
          format: Annotated[CheckFormat, typer.Option("--format", "-f")] = "text",  # type: ignore[assignment]
          output: OutputOpt = None, select: SelectOpt = None, ignore: IgnoreOpt = None,
          fail_on: Annotated[Verdict | None, typer.Option(
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
    from checker.baseline import read_baseline
    from checker.pipeline import Request

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
    request = Request(tuple(corpus_dirs) if new else settings.paths, tuple(rules),
                      new=tuple(new or ()), changed_since=changed_since, show_all=show_all,
                      baseline=frozenset(recorded) if recorded is not None else None,
                      index_required=index is not None, jobs=jobs, severity=levels)
    result = _run(request, settings, quiet)
    if result.known and not quiet:
        _note(f"{result.known} finding(s) already in the baseline not shown")
    _emit(result, format, output, color, OutputOptions(tuple(rules), levels, quiet))
    code = result.exit_code(Verdict(settings.fail_on), strict)
    if code == EXIT_ERROR:
        raise InputError(f"{len(result.skipped)} input(s) skipped (--strict)")
    raise typer.Exit(code)


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
    corpus = _run(_request(settings), settings, quiet).corpus
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


def _request(settings: Config) -> Request:
    """A plain run of the settings' paths with their rules."""
    from checker.pipeline import Request

    rules, levels = _rules(settings)
    return Request(settings.paths, tuple(rules), severity=levels)


def _run(request: Request, settings: Config, quiet: bool = False) -> Result:
    """Run the pipeline with the settings' reading options; say what was skipped."""
    from checker.pipeline import run

    every = (*request.paths, *request.new)
    if not every:
        raise UsageError("no paths given: pass PATH... or set 'paths' in [tool.factlint]")
    with _progress(quiet) as progress:
        result = run(dataclasses.replace(
            request, lex=_lexicon(settings), max_bytes=settings.max_bytes,
            index=settings.index, progress=progress,
            # stdin is read as bytes and decoded like a file, whatever the locale says
            stdin=_read_stdin(settings.max_bytes) if "-" in every else None))
    corpus = result.corpus
    if not quiet:
        if request.new and result.indexed:
            _note(f"--new: judged with the {len(corpus.articles)} report(s) of their series in"
                  f" the index {settings.index} as last written ('factlint index' updates it)")
        for skipped in corpus.skipped:
            _note(f"skipped {skipped.path}: {skipped.reason}")
        for article in corpus.articles:
            for warning in article.warnings:
                _note(f"warning: {warning}")
    if not corpus.articles and not corpus.skipped:
        _note("no reports found (.txt, .md, .jsonl)")
    return result


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
    settings = _settings(None, False).override(paths=tuple(paths))
    return _run(_request(settings), settings).corpus


def _note(text: str) -> None:
    """One line on stderr; report text in it cannot break the line or drive the terminal."""
    from checker.report import inert

    print(f"factlint: {inert(text)}", file=sys.stderr)


def _emit(result: Result, format: str, output: Path | None, color: Color,
          options: OutputOptions) -> None:
    """Render the result in the chosen format to output or stdout."""
    writer = FORMATS[format]
    options = dataclasses.replace(options, color=color.value, to_file=output is not None)
    _write(lambda out: writer(result, options, out), output)


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
