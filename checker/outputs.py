"""The output formats of `factlint check`: a registry of writers over a Result, one signature.

Each writer renders the result to a text stream; the command line offers the registry's keys
as its --format choices. A writer imports what it renders with only when it runs, so that a
command that renders nothing (--version, --help) never pays for rich, SVG or SARIF code.
Adding a format is one function and one line in FORMATS.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from checker.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from checker.pipeline import Result
    from checker.rule import Rule


@dataclass(frozen=True, slots=True)
class OutputOptions:
    """How to render, besides the result: what the command line was told."""

    rules: tuple[Rule, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)  # rule code -> shown severity
    quiet: bool = False  # only the findings: no summary, no notes
    color: str = "auto"  # auto | always | never (text only)
    to_file: bool = False  # written to a file, not a terminal or pipe


Writer = Callable[["Result", OutputOptions, TextIO], None]


def _text(result: Result, options: OutputOptions, out: TextIO) -> None:
    from checker.report import render_text

    on_console(
        lambda console: render_text(
            result.corpus,
            console,
            result.shown,
            dimmed=set(result.dimmed),
            quiet=options.quiet,
            hidden=result.hidden,
        ),
        options.color,
        options.to_file,
    )(out)


def _json(result: Result, options: OutputOptions, out: TextIO) -> None:
    from checker.report import write_json

    write_json(result.corpus, result.listed, out)


def _sarif(result: Result, options: OutputOptions, out: TextIO) -> None:
    from checker.formats import to_sarif

    out.write(to_sarif(result.corpus, result.listed, options.rules, options.severity, changed=result.changed))


def _github(result: Result, options: OutputOptions, out: TextIO) -> None:
    from checker.formats import to_github

    out.write(to_github(result.corpus, result.listed, quiet=options.quiet, changed=result.changed))


def _markdown(result: Result, options: OutputOptions, out: TextIO) -> None:
    from checker.formats import to_markdown

    out.write(to_markdown(result.corpus, result.listed))


def _concise(result: Result, options: OutputOptions, out: TextIO) -> None:
    from checker.formats import to_concise

    out.write(to_concise(result.corpus, result.listed, changed=result.changed))


def _html(result: Result, options: OutputOptions, out: TextIO) -> None:
    from checker.html import render_html

    out.write(render_html(result.corpus, list(result.listed)))  # the page is built whole


def write_statistics(result: Result, options: OutputOptions, out: TextIO) -> None:
    """How many findings each rule gave (check --statistics), instead of the findings."""
    from checker.report import render_statistics

    on_console(lambda console: render_statistics(result.counted, console), options.color, options.to_file)(
        out
    )


FORMATS: dict[str, Writer] = {
    "text": _text,
    "json": _json,
    "sarif": _sarif,
    "github": _github,
    "markdown": _markdown,
    "html": _html,
    "concise": _concise,
}


def write_output(text: str | Callable[[TextIO], None], output: Path | None) -> None:
    """Write a report (text, or a function that writes it to a stream) to output or stdout."""
    if output is None:
        text(sys.stdout) if callable(text) else sys.stdout.write(text)
        return
    try:
        with open(output, "w", encoding="utf-8") as out:
            text(out) if callable(text) else out.write(text)
    except OSError as err:
        raise UsageError(f"cannot write {output}: {err.strerror or err}") from None


def on_console(render: Callable[[Console], None], color: str, to_file: bool) -> Callable[[TextIO], None]:
    """A writer that renders on a rich console over the stream: 120 columns and no colour
    in a file unless colour was asked for."""

    def write(out: TextIO) -> None:
        from checker.report import make_console

        chosen = "never" if to_file and color == "auto" else color
        render(make_console(chosen, file=out, width=120 if to_file else None))

    return write
