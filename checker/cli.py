"""The command line: parse options, call the pipeline, render, exit with the documented code.

Settings come from the config file with the flags on top (checker.config); the pipeline's
run() reads, judges and counts; the output registry (checker.outputs) renders; the process
boundary (checker.entry) turns errors into one line and an exit code.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from checker import __version__
from checker import options as opt
from checker.config import settings_from
from checker.entry import note
from checker.errors import EXIT_ERROR, InputError, UsageError
from checker.models import Verdict
from checker.outputs import FORMATS, OutputOptions, on_console, write_output, write_statistics
from checker.precommit import pre_commit

if TYPE_CHECKING:
    from checker.config import Config
    from checker.models import Corpus
    from checker.pipeline import Request, Result

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Check news reports of recurring events for claims that contradict each other.",
)


def _version(value: bool) -> None:
    if value:
        print(f"factlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    """factlint: a claim-consistency fact checker for news reports."""


@app.command()
def check(
    paths: opt.OptPaths = None,
    format: opt.CheckFormatOpt = "text",  # type: ignore[assignment]
    output: opt.OutputOpt = None,
    select: opt.SelectOpt = None,
    ignore: opt.IgnoreOpt = None,
    fail_on: opt.FailOnOpt = None,
    color: opt.ColorOpt = "auto",
    config: opt.ConfigOpt = None,
    no_config: opt.NoConfigOpt = False,
    baseline: opt.BaselineOpt = None,
    quiet: opt.QuietOpt = False,
    strict: opt.StrictOpt = False,
    max_bytes: opt.MaxBytesOpt = None,
    changed_since: opt.ChangedSinceOpt = None,
    new: opt.NewOpt = None,
    corpus_dirs: opt.CorpusOpt = None,
    show_all: opt.AllOpt = False,
    show: opt.ShowOpt = Verdict.TIME_SHIFT,
    statistics: opt.StatisticsOpt = False,
    index: opt.IndexOpt = None,
    no_index: opt.NoIndexOpt = False,
    exclude: opt.ExcludeOpt = None,
    jobs: opt.JobsOpt = None,
) -> None:
    """Check reports and print the conflict report; exit 1 when a finding reaches --fail-on."""
    settings, request = _check_request(dict(locals()))
    result = _run(request, quiet)
    if result.known and not quiet:
        note(f"{result.known} finding(s) already in the baseline not shown")
    if result.hidden:  # said even when quiet: they still decide the exit code
        note(f"{len(result.hidden)} finding(s) below --show {show} not shown; they still count")
    options = OutputOptions(request.rules, request.severity, quiet, color.value, to_file=output is not None)
    writer = write_statistics if statistics else FORMATS[format]
    write_output(lambda out: writer(result, options, out), output)
    code = result.exit_code(Verdict(settings.fail_on), strict)
    if code == EXIT_ERROR:
        raise InputError(f"{len(result.skipped)} input(s) skipped (--strict)")
    raise typer.Exit(code)


def _check_request(flags: dict[str, Any]) -> tuple[Config, Request]:
    """The settings and the pipeline request that check's flags make, the flags checked."""
    from checker.baseline import read_baseline

    new, index = flags["new"], flags["index"]
    if new and flags["changed_since"]:
        raise UsageError("--new and --changed-since cannot be used together")
    if flags["corpus_dirs"] is not None and new is None:
        raise UsageError("--corpus DIR goes with --new FILE...")
    if index is not None and flags["no_index"] or flags["statistics"] and flags["format"] != "text":
        raise UsageError("--no-index goes without --index, --statistics with --format text")
    given = {k: flags[k] for k in ("exclude", "select", "ignore", "fail_on", "max_bytes", "index")}
    settings = settings_from(
        flags["config"], flags["no_config"], paths=flags["corpus_dirs"] or flags["paths"], **given
    )
    if flags["changed_since"] and not settings.paths:
        settings = settings.override(paths=(".",))
    if new and not settings.paths:
        raise UsageError("--new FILE... is checked against --corpus DIR, PATH... or 'paths' of the config")
    settings.refuse_overwriting(flags["output"], extra=new or ())
    recorded = read_baseline(str(flags["baseline"])) if flags["baseline"] is not None else None
    request = settings.request(
        new=tuple(new or ()),
        changed_since=flags["changed_since"],
        show_all=flags["show_all"],
        index_required=index is not None,
        jobs=flags["jobs"],
        baseline=frozenset(recorded) if recorded is not None else None,
        show=flags["show"],
        **({"index": None} if flags["no_index"] else {}),
    )
    return settings, request


@app.command("index")
def build_index(
    paths: opt.OptPaths = None,
    rebuild: opt.RebuildOpt = False,
    index: opt.IndexOpt = None,
    jobs: opt.JobsOpt = None,
    config: opt.ConfigOpt = None,
    no_config: opt.NoConfigOpt = False,
    quiet: opt.QuietOpt = False,
    max_bytes: opt.MaxBytesOpt = None,
    exclude: opt.ExcludeOpt = None,
    dask: opt.DaskOpt = None,
) -> None:
    """Write the claim index of reports; a second run re-reads only the files that changed."""
    from checker.index import update_index
    from checker.report import progress_bar

    settings = settings_from(
        config, no_config, paths=paths, max_bytes=max_bytes, index=index, exclude=exclude
    )
    if not settings.paths:
        raise UsageError("no paths given: pass DIR... or set 'paths' in [tool.factlint]")
    if "-" in settings.paths:
        raise UsageError("stdin cannot be indexed: pass files or folders")
    settings.refuse_overwriting(None)
    with progress_bar(quiet) as progress:
        stats = update_index(
            settings.index,
            settings.paths,
            lex=settings.lexicon(),
            jobs=jobs,
            rebuild=rebuild,
            progress=progress,
            max_bytes=settings.max_bytes,
            exclude=settings.exclude,
            scheduler=dask,
        )
    if not quiet:
        for skipped in stats.skipped:
            note(f"skipped {skipped.path}: {skipped.reason}")
        note(
            f"index {settings.index}: {stats.total} file(s), {stats.read} read, "
            f"{stats.reused} unchanged, {stats.removed} removed"
            + (" (built afresh)" if stats.rebuilt else "")
        )


@app.command("baseline")
def record_baseline(
    paths: opt.OptPaths = None,
    output: opt.OutputOpt = None,
    select: opt.SelectOpt = None,
    ignore: opt.IgnoreOpt = None,
    config: opt.ConfigOpt = None,
    no_config: opt.NoConfigOpt = False,
    quiet: opt.QuietOpt = False,
    max_bytes: opt.MaxBytesOpt = None,
) -> None:
    """Record the current findings, so that 'check --baseline FILE' reports only new ones."""
    from checker.baseline import to_baseline

    settings = settings_from(
        config, no_config, paths=paths, select=select, ignore=ignore, max_bytes=max_bytes
    )
    settings.refuse_overwriting(output)
    corpus = _run(settings.request(), quiet).corpus
    write_output(to_baseline(corpus, corpus.findings), output)
    if output is not None and not quiet:
        note(f"recorded {len(corpus.findings)} finding(s) in {output}")


@app.command()
def claims(
    paths: opt.Paths,
    format: opt.ClaimsFormatOpt = "text",  # type: ignore[assignment]
    output: opt.OutputOpt = None,
    color: opt.ColorOpt = "auto",
) -> None:
    """Print the claims extracted from reports."""
    from checker.report import claims_json, render_claims

    corpus = _run_plain(paths, output)
    if format == "json":
        write_output(claims_json(corpus), output)
    else:
        write_output(
            on_console(lambda console: render_claims(corpus, console), color.value, output is not None),
            output,
        )


@app.command()
def timeline(paths: opt.Paths, output: opt.OutputOpt = None, color: opt.ColorOpt = "auto") -> None:
    """Show, per series, the years and what each report claims for each."""
    from checker.report import render_timeline

    corpus = _run_plain(paths, output)
    write_output(
        on_console(lambda console: render_timeline(corpus, console), color.value, output is not None), output
    )


@app.command()
def graph(
    paths: opt.Paths,
    output: opt.GraphOutputOpt,
) -> None:
    """Write the claim graph as GraphML or node-link JSON."""
    from checker.graph import build_graph, write_graph

    write_graph(build_graph(_run_plain(paths, output)), str(output))


@app.command("rules")
def list_rules(
    code: opt.RuleArg = None,
    color: opt.ColorOpt = "auto",
) -> None:
    """List the rules, or explain one."""
    from checker.report import make_console, render_rules
    from checker.selection import select_rules

    chosen = select_rules([code]) if code else select_rules()
    render_rules(chosen, make_console(color.value), explain=code is not None)


def _run(request: Request, quiet: bool = False) -> Result:
    """Run the pipeline; say on stderr what was skipped or warned about."""
    from checker.pipeline import run
    from checker.report import progress_bar

    with progress_bar(quiet) as progress:
        result = run(dataclasses.replace(request, progress=progress))
    corpus = result.corpus
    for text in result.notes:
        note(f"warning: {text}")
    if not quiet:
        if request.new and result.indexed:
            note(
                f"--new: judged with the {len(corpus.articles)} report(s) of their series in"
                f" the index {request.index} as last written ('factlint index' updates it)"
            )
        for skipped in corpus.skipped:
            note(f"skipped {skipped.path}: {skipped.reason}")
        for warning in (w for a in corpus.articles for w in a.warnings):
            note(f"warning: {warning}")
    if not corpus.articles and not corpus.skipped:
        note("no reports found (.txt, .md, .jsonl)")
    return result


def _run_plain(paths: list[str], output: Path | None) -> Corpus:
    """The pipeline with the discovered config's reading settings, every rule."""
    settings = settings_from(None, False, paths=paths)
    settings.refuse_overwriting(output)
    return _run(settings.request()).corpus


app.command("pre-commit")(pre_commit)


def main() -> None:
    """The console script: the command line inside the process boundary (checker.entry)."""
    from checker.entry import run_process

    run_process(app)


if __name__ == "__main__":  # pragma: no cover
    main()
