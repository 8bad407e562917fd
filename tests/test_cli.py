"""The command line as a user runs it: `python -m checker ...` in a subprocess (and the
`factlint` console script and typer's CliRunner where they add something)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import version as installed_version
from pathlib import Path

import networkx as nx
import pytest
from conftest import factlint, one_error_line

import checker
from rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ANSI = "\x1b["

README_KEYS = {
    "top": {"version", "summary", "articles", "claims", "conflicts", "skipped"},
    "summary": {"articles", "skipped", "claims", "findings", "by_verdict", "suppressed"},
    "article": {
        "path",
        "title",
        "outlet",
        "url",
        "published",
        "series",
        "event_year",
        "event_meeting",
        "event_date",
        "evidence",
        "warnings",
    },
    "evidence": {"source", "detail", "claim"},
    "claim": {
        "id",
        "article",
        "line",
        "span",
        "quote",
        "event",
        "kind",
        "family",
        "slot",
        "value",
        "display",
        "qualifier",
        "polarity",
        "counted",
        "years",
        "year",
        "meeting",
        "attributed",
    },
    "conflict": {
        "id",
        "rule",
        "name",
        "event",
        "series",
        "occurrence",
        "slot",
        "verdict",
        "severity",
        "sides",
        "explanation",
        "suppressed",
    },
    "side": {"value", "claims", "articles", "years"},
    "skipped": {"path", "reason"},
}
VERDICTS = {"conflict", "variant", "unresolved", "time-shift"}


def json_of(*args: str, **kwargs) -> dict:
    done = factlint(*args, **kwargs)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def num(path: str) -> str:
    return Path(path.split("#")[0]).name[:3]


@pytest.fixture(scope="module")
def seeds_json() -> str:
    """stdout of `check seeds --format json`, run once for the tests that only read it."""
    done = factlint("check", "seeds", "--format", "json")
    assert done.returncode in (0, 1), done.stderr  # the exit code is pinned on its own
    return done.stdout


# ------------------------------------------------------------------ check and exit codes


def test_check_seeds_exits_0_and_prints_a_report() -> None:
    done = factlint("check", "seeds")
    assert done.returncode == 0, done.stdout + done.stderr
    assert factlint("check", "seeds", "--fail-on", "conflict").returncode == 0
    assert "FL101" in done.stdout and "time-shift" in done.stdout.lower()
    assert done.stderr == ""


def test_check_seeds_folder_with_trailing_slash_as_in_the_readme() -> None:
    done = factlint("check", "seeds/", "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    assert [num(a["path"]) for a in json.loads(done.stdout)["articles"]] == [
        "000",
        "001",
        "002",
        "003",
        "004",
    ]


def test_console_script_factlint_gives_what_python_m_checker_gives(seeds_json: str) -> None:
    script = Path(sys.executable).parent / "factlint"
    if not script.exists():
        pytest.skip("console script not installed next to this interpreter")
    done = subprocess.run(
        [str(script), "check", "seeds", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    assert done.stdout == seeds_json


def test_fail_on_time_shift_exits_1_on_the_seeds() -> None:
    assert factlint("check", "seeds", "--fail-on", "time-shift").returncode == 1


def test_fail_on_variant_exits_1_on_the_seeds() -> None:
    assert factlint("check", "seeds", "--fail-on", "variant").returncode == 1


def test_missing_path_exits_2_with_one_line() -> None:
    line = one_error_line(factlint("check", "no/such/folder"))
    assert "no/such/folder" in line


def test_bad_option_exits_2_with_one_line() -> None:
    line = one_error_line(factlint("check", "seeds", "--no-such-option"))
    assert "--no-such-option" in line


def test_bad_option_value_exits_2_with_one_line() -> None:
    one_error_line(factlint("check", "seeds", "--format", "xml"))
    one_error_line(factlint("check", "seeds", "--fail-on", "everything"))


def test_unknown_rule_in_select_exits_2_with_one_line() -> None:
    line = one_error_line(factlint("check", "seeds", "--select", "FL999"))
    assert "FL999" in line


# ------------------------------------------------------------------ the JSON report


def test_json_report_has_version_1_and_the_documented_keys(seeds_json: str) -> None:
    data = json.loads(seeds_json)
    assert data["version"] == 2
    assert set(data) == README_KEYS["top"]
    assert set(data["summary"]) == README_KEYS["summary"]
    assert set(data["summary"]["by_verdict"]) == VERDICTS
    assert data["articles"] and data["claims"] and data["conflicts"]
    for article in data["articles"]:
        assert set(article) == README_KEYS["article"]
        for evidence in article["evidence"]:
            assert set(evidence) == README_KEYS["evidence"]
    for claim in data["claims"]:
        assert set(claim) == README_KEYS["claim"]
    for finding in data["conflicts"]:
        assert set(finding) == README_KEYS["conflict"]
        for side in finding["sides"]:
            assert set(side) == README_KEYS["side"]
    assert data["skipped"] == []


def test_json_report_is_consistent_with_itself(seeds_json: str) -> None:
    data = json.loads(seeds_json)
    paths = [a["path"] for a in data["articles"]]
    assert paths == sorted(paths) and all(p.startswith("seeds/") for p in paths)  # as given
    claim_ids = [c["id"] for c in data["claims"]]
    assert len(set(claim_ids)) == len(claim_ids)
    assert {c["article"] for c in data["claims"]} <= set(paths)
    finding_ids = [f["id"] for f in data["conflicts"]]
    assert len(set(finding_ids)) == len(finding_ids)
    severity = {"conflict": "error", "variant": "warning", "unresolved": "warning", "time-shift": "info"}
    for finding in data["conflicts"]:
        assert finding["verdict"] in VERDICTS
        assert finding["severity"] == severity[finding["verdict"]]
        assert len(finding["sides"]) >= 2
        for side in finding["sides"]:
            assert set(side["claims"]) <= set(claim_ids)
            assert set(side["articles"]) <= set(paths)
    summary = data["summary"]
    assert summary["articles"] == len(data["articles"])
    assert summary["claims"] == len(data["claims"])
    assert summary["findings"] == sum(summary["by_verdict"].values())
    assert summary["findings"] == len([f for f in data["conflicts"] if not f["suppressed"]])


def test_json_claims_point_at_their_line_of_the_file(seeds_json: str) -> None:
    data = json.loads(seeds_json)
    for claim in data["claims"]:
        raw = (ROOT / claim["article"]).read_text(encoding="utf-8")
        start, end = claim["span"]
        assert raw.count("\n", 0, start) + 1 == claim["line"], claim
        words = raw[start:end].translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
        assert " ".join(words.split()) in " ".join(claim["quote"].split()), claim


def test_json_report_is_byte_identical_across_runs(seeds_json: str) -> None:
    again = factlint("check", "seeds", "--format", "json")
    assert again.stdout == seeds_json
    assert seeds_json.endswith("\n")


def test_json_report_is_byte_identical_across_hash_seeds() -> None:
    runs = [
        factlint("check", "seeds", "--format", "json", env={"PYTHONHASHSEED": seed}).stdout
        for seed in ("0", "123")
    ]
    assert runs[0] == runs[1]
    runs = [
        factlint("claims", "seeds", "--format", "json", env={"PYTHONHASHSEED": seed}).stdout
        for seed in ("0", "123")
    ]
    assert runs[0] == runs[1]


def test_json_report_is_byte_identical_whatever_order_the_files_were_copied_in(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    outputs = []
    for label, order in (("forward", seeds), ("backward", seeds[::-1])):
        corpus = tmp_path / label / "corpus"
        corpus.mkdir(parents=True)
        for seed in order:
            shutil.copy(seed, corpus / seed.name)
        outputs.append(factlint("check", "corpus", "--format", "json", cwd=tmp_path / label).stdout)
    assert outputs[0] and outputs[0] == outputs[1]


def test_output_option_writes_the_report_to_a_file(tmp_path: Path, seeds_json: str) -> None:
    out = tmp_path / "report.json"
    done = factlint("check", "seeds", "--format", "json", "--output", str(out))
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout == ""
    assert out.read_text(encoding="utf-8") == seeds_json
    text = tmp_path / "report.txt"
    assert factlint("check", "seeds", "-o", str(text)).returncode in (0, 1)
    written = text.read_text(encoding="utf-8")
    assert "FL101" in written and ANSI not in written


def test_output_never_overwrites_a_report_being_checked(tmp_path: Path) -> None:
    """-o naming one of the reports read is refused (exit 2) and the report is left as it
    was; an output file that is not a report may sit beside them."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    victim = sorted(corpus.iterdir())[0]
    before = victim.read_bytes()
    done = factlint("check", str(corpus), "-f", "markdown", "-o", str(victim))
    assert done.returncode == 2 and "is one of the reports being checked" in done.stderr
    assert victim.read_bytes() == before
    beside = corpus / "report.json"
    beside.write_text("{}", encoding="utf-8")
    assert factlint("check", str(corpus), "-f", "json", "-o", str(beside)).returncode in (0, 1)
    assert json.loads(beside.read_text(encoding="utf-8"))["version"] == 2


# ------------------------------------------------------------------ select and ignore


def test_select_fl101_yields_only_fl101_findings() -> None:
    data = json_of("check", "seeds", "--format", "json", "--select", "FL101")
    assert data["conflicts"], "the seeds have an FL101 time-shift"
    assert {f["rule"] for f in data["conflicts"]} == {"FL101"}


def test_select_by_name_and_by_family() -> None:
    by_name = json_of("check", "seeds", "--format", "json", "--select", "ordinal-year")
    assert {f["rule"] for f in by_name["conflicts"]} == {"FL101"}
    family = json_of("check", "seeds", "--format", "json", "--select", "FL1")
    assert family["conflicts"] and all(f["rule"].startswith("FL1") for f in family["conflicts"])


def test_ignore_fl501_drops_the_name_variant_and_nothing_else(seeds_json: str) -> None:
    full = json.loads(seeds_json)
    data = json_of("check", "seeds", "--format", "json", "--ignore", "FL501")
    assert "FL501" in {f["rule"] for f in full["conflicts"]}
    assert "FL501" not in {f["rule"] for f in data["conflicts"]}
    assert "variant" not in {f["verdict"] for f in data["conflicts"]}
    assert data["conflicts"] == [f for f in full["conflicts"] if f["rule"] != "FL501"]


# ------------------------------------------------------------------ rules


def test_rules_lists_every_registered_code() -> None:
    done = factlint("rules", "--color", "never")
    assert done.returncode == 0, done.stderr
    codes = [r.code for r in all_rules()]
    assert len(codes) >= 10
    for code in codes:
        assert code in done.stdout


def test_rules_fl101_explains_the_rule() -> None:
    done = factlint("rules", "FL101", "--color", "never")
    assert done.returncode == 0, done.stderr
    assert "FL101" in done.stdout and "ordinal" in done.stdout
    assert "Bad" in done.stdout and "Good" in done.stdout


def test_rules_unknown_code_exits_2_with_one_line() -> None:
    one_error_line(factlint("rules", "FL999"))


# ------------------------------------------------------------------ claims, stdin, jsonl


def test_claims_json_parses_and_lists_the_claims() -> None:
    data = json_of("claims", "seeds", "--format", "json")
    assert data["version"] == 2
    assert data["claims"]
    assert {c["slot"] for c in data["claims"]} >= {"ordinal", "sponsor-count", "lead-sponsor"}
    assert {num(c["article"]) for c in data["claims"]} == {"000", "001", "002", "003", "004"}


def test_claims_table_names_file_and_line() -> None:
    done = factlint("claims", "seeds", "--color", "never")
    assert done.returncode == 0, done.stderr
    assert "claims" in done.stdout and "ordinal" in done.stdout


def test_stdin_dash_is_read_as_a_report() -> None:
    text = (SEEDS / "003_77804f016754a9e1.txt").read_text(encoding="utf-8")
    data = json_of("claims", "-", "--format", "json", stdin=text)
    assert data["claims"]
    assert {c["article"] for c in data["claims"]} == {"-"}
    assert 14 in {c["value"] for c in data["claims"] if c["slot"] == "ordinal"}
    done = factlint("check", "-", "--format", "json", stdin=text)
    assert done.returncode == 0, done.stderr
    assert [a["path"] for a in json.loads(done.stdout)["articles"]] == ["-"]


def test_jsonl_records_are_reports_whose_claims_point_at_their_line(tmp_path: Path) -> None:
    records = [
        {
            "id": "r2018",
            "published": "2018-12-18",
            "text": "The UN General Assembly adopted a resolution on human rights in North Korea "
            "for the 14th consecutive year.",
        },
        {
            "id": "r2020",
            "published": "2020-12-17",
            "text": "The UN General Assembly adopted a resolution on human rights in North Korea "
            "for the 16th consecutive year since 2005.",
        },
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text(json.dumps(records[0]) + "\n\n" + json.dumps(records[1]) + "\n", encoding="utf-8")
    data = json_of("check", "reports.jsonl", "--format", "json", cwd=tmp_path)
    articles = {a["path"]: a for a in data["articles"]}
    assert len(articles) == 2
    first = next(p for p in articles if "r2018" in p)
    second = next(p for p in articles if "r2020" in p)
    assert articles[first]["published"] == "2018-12-18"
    assert articles[first]["event_year"] == 2018 and articles[second]["event_year"] == 2020
    lines = {c["article"]: set() for c in data["claims"]}
    for claim in data["claims"]:
        lines[claim["article"]].add(claim["line"])
    assert lines == {first: {1}, second: {3}}
    (finding,) = [f for f in data["conflicts"] if f["rule"] == "FL101"]
    assert finding["verdict"] == "time-shift"


# ------------------------------------------------------------------ colour


def test_color_never_has_no_ansi_escape() -> None:
    done = factlint("check", "seeds", "--color", "never")
    assert done.stdout and ANSI not in done.stdout


def test_no_color_env_has_no_ansi_escape() -> None:
    done = factlint("check", "seeds", env={"NO_COLOR": "1"})
    assert done.stdout and ANSI not in done.stdout


def test_plain_output_when_not_a_terminal() -> None:
    done = factlint("check", "seeds")
    assert done.stdout and ANSI not in done.stdout


def test_color_always_has_ansi_escapes() -> None:
    done = factlint("check", "seeds", "--color", "always")
    assert ANSI in done.stdout


def _on_a_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """Run factlint with stdout on a pseudo-terminal, as a user at a shell sees it."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE")
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", *args],
        cwd=ROOT,
        stdout=slave,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env={**base, "TERM": "xterm-256color", **(env or {})},
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a Linux pty")
def test_on_a_terminal_auto_colors_the_report() -> None:
    """The control for the two tests below: the pty harness does see colour."""
    assert ANSI in _on_a_terminal("check", "seeds")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a Linux pty")
def test_on_a_terminal_color_never_has_no_ansi_escape() -> None:
    out = _on_a_terminal("check", "seeds", "--color", "never")
    assert "FL101" in out
    assert ANSI not in out, re.findall(r"\x1b\[[0-9;]*m", out)[:5]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a Linux pty")
def test_on_a_terminal_no_color_env_has_no_ansi_escape() -> None:
    out = _on_a_terminal("check", "seeds", env={"NO_COLOR": "1"})
    assert "FL101" in out
    assert ANSI not in out, re.findall(r"\x1b\[[0-9;]*m", out)[:5]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a Linux pty")
def test_on_a_terminal_reading_many_reports_shows_a_progress_bar(tmp_path: Path) -> None:
    """stderr on a terminal: the bar says what it reads and how far it got; off a terminal
    (every other test) nothing but notes reaches stderr."""
    pty = pytest.importorskip("pty")
    for n in range(40):
        shutil.copytree(SEEDS, tmp_path / f"copy{n}")
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", str(tmp_path), "--no-config", "-j", "1"],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"},
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=120)
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "reading reports" in text and "100%" in text, text[-500:]


# ------------------------------------------------------------------ graph and timeline


def test_graph_writes_graphml_that_networkx_reads(tmp_path: Path) -> None:
    out = tmp_path / "out.graphml"
    done = factlint("graph", "seeds", "-o", str(out))
    assert done.returncode == 0, done.stderr
    g = nx.read_graphml(out)
    kinds = [d.get("kind") for _, d in g.nodes(data=True)]
    assert kinds.count("report") == 5
    claims = json_of("claims", "seeds", "--format", "json")["claims"]
    assert kinds.count("claim") == len(claims)
    assert {"series", "entity"} <= set(kinds)
    edge_kinds = {d.get("kind") for _, _, d in g.edges(data=True)}
    assert {"states", "about", "agrees-with"} <= edge_kinds
    assert "FL101" in {d.get("rule") for _, _, d in g.edges(data=True)}


def test_graph_writes_node_link_json(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    done = factlint("graph", "seeds", "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="edges")
    assert sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "report") == 5
    assert g.number_of_edges() > 0


def test_graph_without_output_is_a_usage_error() -> None:
    one_error_line(factlint("graph", "seeds"))


def test_timeline_lists_2018_before_2020() -> None:
    done = factlint("timeline", "seeds", "--color", "never")
    assert done.returncode == 0, done.stderr
    assert "2018" in done.stdout and "2020" in done.stdout
    assert done.stdout.index("2018") < done.stdout.index("2020")


# ------------------------------------------------------------------ version and CliRunner


def test_python_m_checker_version_prints_the_version() -> None:
    done = factlint("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"factlint {checker.__version__}"
    assert checker.__version__ == installed_version("factlint")


def test_cli_runner_on_the_typer_app_gives_the_same_json(
    monkeypatch: pytest.MonkeyPatch, seeds_json: str
) -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", "seeds", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert result.stdout == seeds_json
