"""The options the commands share, declared once: their flags, help and choices.

The --format choices of `check` are the keys of the output registry (checker.outputs).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from checker.models import Verdict
from checker.outputs import FORMATS


class Format(StrEnum):
    text = "text"
    json = "json"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


# the output registry's keys are the choices of `check --format`
CheckFormat = StrEnum("CheckFormat", {name: name for name in FORMATS})  # type: ignore[misc]


Paths = Annotated[list[str], typer.Argument(help="Files or folders of reports, or - for stdin.")]
OptPaths = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files or folders of reports, or - for stdin (default: 'paths' of the config).",
        show_default=False,
    ),
]
SelectOpt = Annotated[
    list[str] | None, typer.Option("--select", help="Rules to run (codes or names, comma-separated).")
]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="Rules to skip.")]
ColorOpt = Annotated[Color, typer.Option("--color", help="Colored output.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Read settings from this file instead of the nearest factlint.toml or "
        "pyproject.toml [tool.factlint].",
    ),
]
NoConfigOpt = Annotated[bool, typer.Option("--no-config", help="Ignore config files.")]
MaxBytesOpt = Annotated[
    int | None,
    typer.Option("--max-bytes", min=1, help="Skip report files larger than this.", show_default=False),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only the findings.")]
IndexOpt = Annotated[
    Path | None,
    typer.Option(
        "--index",
        help="The claim index file [default: 'index' of the config, else "
        ".factlint/index.sqlite]; check uses it when it exists.",
        show_default=False,
    ),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="PATTERN",
        help="Files in the folders not to read (gitignore-style; replaces 'exclude' of the config).",
        show_default=False,
    ),
]
DaskOpt = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="SCHEDULER",
        help="Read and digest the reports on a Dask cluster: its scheduler's address "
        "(tcp://HOST:8786), or local[:N] for N worker processes here. Needs factlint[dask].",
        show_default=False,
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Processes reading reports [default: one a CPU].", show_default=False
    ),
]


# ---------------------------------------------------------------- check
CheckFormatOpt = Annotated[CheckFormat, typer.Option("--format", "-f")]  # type: ignore[valid-type]
FailOnOpt = Annotated[
    Verdict | None,
    typer.Option(
        "--fail-on", help="Lowest verdict that fails the run [default: conflict].", show_default=False
    ),
]
BaselineOpt = Annotated[
    Path | None, typer.Option("--baseline", help="Report only findings not recorded in this baseline.")
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 2 when any input was skipped.")]
ChangedSinceOpt = Annotated[
    str | None,
    typer.Option(
        "--changed-since",
        metavar="REF",
        help="Count only findings that involve a report changed "
        "(in git) since REF; PATH... default to the current folder.",
        show_default=False,
    ),
]
NewOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--new",
        metavar="FILE",
        help="New reports, checked against --corpus; only findings that involve one of them count.",
        show_default=False,
    ),
]
CorpusOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--corpus",
        metavar="DIR",
        help="The reports --new is checked against [default: PATH..., else 'paths' of the config].",
        show_default=False,
    ),
]
AllOpt = Annotated[
    bool,
    typer.Option(
        "--all",
        help="With --changed-since or --new: also show old-against-old findings, dimmed "
        "(text format; they never count).",
    ),
]
ShowOpt = Annotated[
    Verdict, typer.Option("--show", help="Lowest verdict shown; those below are only counted.")
]
StatisticsOpt = Annotated[
    bool, typer.Option("--statistics", help="Print how many findings each rule gave instead.")
]
NoIndexOpt = Annotated[
    bool, typer.Option("--no-index", help="Read every report; neither use nor write the index.")
]


# ---------------------------------------------------------------- the other commands
RebuildOpt = Annotated[
    bool, typer.Option("--rebuild", help="Build the index afresh, replacing the old (or a damaged) file.")
]
GraphOutputOpt = Annotated[
    Path, typer.Option("--output", "-o", help="A .graphml file, or node-link JSON for any other name.")
]
RuleArg = Annotated[str | None, typer.Argument(help="A rule code or name.")]
ClaimsFormatOpt = Annotated[Format, typer.Option("--format", "-f")]
