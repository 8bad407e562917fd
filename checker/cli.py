"""The command line: parse options, run the pipeline, render, exit with the documented code."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer.exceptions import TyperException

from checker import __version__
from checker.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, FactlintError, UsageError
from checker.models import VERDICT_RANK, Corpus, Finding, Verdict

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Check news reports of recurring events for claims that contradict "
                       "each other.")


class Format(StrEnum):
    text = "text"
    json = "json"


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
SelectOpt = Annotated[list[str] | None, typer.Option("--select", help="Rules to run (codes or "
                                                     "names, comma-separated).")]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="Rules to skip.")]
ColorOpt = Annotated[Color, typer.Option("--color", help="Colored output.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]


def _version(value: bool) -> None:
    if value:
        print(f"factlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version,
                                                is_eager=True)] = False) -> None:
    """factlint: a claim-consistency fact checker for news reports."""


@app.command()
def check(paths: Paths, format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
          output: OutputOpt = None, select: SelectOpt = None, ignore: IgnoreOpt = None,
          fail_on: Annotated[FailOn, typer.Option("--fail-on")] = FailOn.conflict,
          color: ColorOpt = Color.auto) -> None:
    """Check reports and print the conflict report; exit 1 when a finding reaches --fail-on."""
    corpus = _run(paths, select, ignore)
    findings = list(corpus.findings)
    _emit(corpus, findings, format, output, color)
    raise typer.Exit(exit_code(findings, Verdict(fail_on.value)))


@app.command()
def claims(paths: Paths, format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
           output: OutputOpt = None, color: ColorOpt = Color.auto) -> None:
    """Print the claims extracted from reports."""
    from checker.report import claim_json, render_claims

    corpus = _run(paths, None, None)
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

    corpus = _run(paths, None, None)
    _with_console(output, color, lambda console: render_timeline(corpus, console))


@app.command()
def graph(paths: Paths, output: Annotated[Path, typer.Option("--output", "-o", help=(
        "A .graphml file, or node-link JSON for any other name."))]) -> None:
    """Write the claim graph as GraphML or node-link JSON."""
    from checker.graph import build_graph, write_graph

    write_graph(build_graph(_run(paths, None, None)), str(output))


@app.command("rules")
def list_rules(code: Annotated[str | None, typer.Argument(help="A rule code or name.")] = None,
               color: ColorOpt = Color.auto) -> None:
    """List the rules, or explain one."""
    from rich.table import Table

    from checker.report import make_console
    from checker.selection import select_rules

    console = make_console(color.value)
    if code:
        rule = select_rules([code])[0]
        console.print(f"{rule.code} {rule.name} ({rule.slot_class.value})\n")
        console.print(type(rule).__doc__ or "")
        return
    table = Table("code", "name", "compares", "summary")
    for rule in select_rules():
        table.add_row(rule.code, rule.name, rule.slot_class.value, rule.summary())
    console.print(table)


def _run(paths: list[str], select: list[str] | None, ignore: list[str] | None) -> Corpus:
    from checker.pipeline import check as run_check
    from checker.selection import select_rules

    rules = select_rules(select, ignore)
    stdin_text = sys.stdin.read() if "-" in paths else None
    corpus = run_check(paths, rules, stdin_text=stdin_text)
    for skipped in corpus.skipped:
        print(f"factlint: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    for article in corpus.articles:
        for warning in article.warnings:
            print(f"factlint: warning: {warning}", file=sys.stderr)
    if not corpus.articles and not corpus.skipped:
        print("factlint: no reports found (.txt, .md, .jsonl)", file=sys.stderr)
    return corpus


def _emit(corpus: Corpus, findings: list[Finding], format: Format, output: Path | None,
          color: Color) -> None:
    from checker.report import render_text, to_json

    if format is Format.json:
        _write(to_json(corpus, findings), output)
    else:
        _with_console(output, color, lambda console: render_text(corpus, console, findings))


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
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


def main() -> None:
    """Entry point: one-line errors with exit 2, never a traceback."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
    except TyperException as err:
        if type(err).__name__ == "NoArgsIsHelpError":
            print(err.format_message())
            sys.exit(EXIT_CLEAN)
        message = " ".join(err.format_message().split()) or "bad usage (see 'factlint --help')"
        print(f"factlint: {message}", file=sys.stderr)
        code = EXIT_ERROR
    except typer.Abort:
        print("factlint: interrupted", file=sys.stderr)
        code = EXIT_ERROR
    except FactlintError as err:
        print(f"factlint: {err}", file=sys.stderr)
        code = err.exit_code
    except BrokenPipeError:
        code = EXIT_CLEAN
    except (KeyboardInterrupt, MemoryError, RecursionError) as err:
        print(f"factlint: stopped: {type(err).__name__}", file=sys.stderr)
        code = EXIT_ERROR
    sys.exit(code if isinstance(code, int) else EXIT_CLEAN)


if __name__ == "__main__":  # pragma: no cover
    main()
