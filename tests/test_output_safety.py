"""No line of any output can be driven by report text: the text report, claims and timeline
as a CI log reads them, GitHub workflow commands, GraphML, Markdown for a pull-request
comment and SARIF locations, each fed reports written to break them."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
import pytest
from conftest import factlint as run_factlint
from rich.cells import cell_len

from checker.formats import md
from checker.graph import build_graph, write_graph, xml_safe
from checker.locations import record_file
from checker.pipeline import check
from checker.report import inert
from rules import all_rules

SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"

COMMANDS = "::error file=x::pwned ::warning::x ##[error]old ##vso[task.setvariable]y"
FILLER = "and the sentence runs on with plain words, enough of them that any width breaks it somewhere before"


def hostile_quote(count: str) -> str:
    """A long sentence with a count claim and workflow commands at several offsets, so that
    at 40, 80 and 120 columns one of them falls where a line is wrapped."""
    parts = [
        f"The UN General Assembly adopted a resolution on North Korean human rights for "
        f"the {count} consecutive year, {COMMANDS}"
    ]
    for n in range(1, 9):
        parts.append(FILLER[: 7 * n] + " " + COMMANDS)
    return " ".join(parts) + "."


SERIES = "::error file=s::series ##[warning]named by a report"


def report(count: str, published: str) -> str:
    return (
        f'---\npublished: {published}\nseries: "{SERIES}"\n---\n'
        f"{hostile_quote(count)} \x1b[2J\x1b]0;title\x07 \x9b31m \u202eevil\u202c\n"
    )


def factlint(
    *args: str, cwd: Path, columns: int | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """factlint with stdout a pipe (not a terminal), as in a CI job."""
    env = {"COLUMNS": str(columns)} if columns is not None else {}
    return run_factlint(*args, cwd=cwd, env={**env, **(extra_env or {})})


def runner_would_act(line: str) -> bool:
    """What the GitHub Actions runner treats as a command: '::name ...::' once leading white
    space is trimmed, or the older '##[name]' anywhere in the line (Azure: '##vso[')."""
    trimmed = line.lstrip()
    return (trimmed.startswith("::") and "::" in trimmed[2:]) or "##[" in line or "##vso[" in line


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "a.md").write_text(report("16th", "2020-12-17"), encoding="utf-8")
    (folder / "::warning::b ##[error]x.md").write_text(report("15th", "2020-12-18"), encoding="utf-8")
    return folder


# ------------------------------------------------------------------ text output


@pytest.mark.parametrize("columns", [40, 80, 120])
@pytest.mark.parametrize("command", ["check", "claims", "timeline"])
def test_text_output_has_no_line_a_report_starts(hostile: Path, command: str, columns: int) -> None:
    done = factlint(command, ".", cwd=hostile, columns=columns)
    assert done.returncode in (0, 1), done.stderr
    out = done.stdout
    # the hostile text is shown, made inert (at 40 columns the claims table folds words)
    shown = {
        "check": ["CONFLICT", "pwned", "named by a report"],
        "timeline": ["named"],
        "claims": ["pwned", "15th"] if columns > 40 else [" claims"],
    }[command]
    assert all(word in out for word in shown), out
    for line in out.splitlines():
        assert not runner_would_act(line), line
        assert not re.match(r"\s*::", line), line
        # a line starts with white space or with the frame of a panel, table or heading:
        # report text, wrapped or not, never begins at the left margin
        assert not line or line[0] == " " or "\u2500" <= line[0] <= "\u257f", line
    assert "::" not in out and "##" not in out
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)


def test_quote_continuation_lines_hang_under_the_quote(hostile: Path) -> None:
    out = factlint("check", ".", cwd=hostile, columns=80).stdout.splitlines()
    start = next(i for i, line in enumerate(out) if line.startswith("      ./a.md:"))
    following = out[start + 1 : start + 4]
    assert all(line.startswith("        ") and line[8] != " " for line in following), following
    assert all(cell_len(line) <= 80 for line in out)


def test_color_always_changes_nothing_but_adds_escapes(hostile: Path) -> None:
    done = factlint("check", ".", "--color", "always", cwd=hostile, columns=80)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)
    assert "\x1b" not in plain and "pwned" in plain
    assert not any(runner_would_act(line) for line in plain.splitlines())
    assert not any(runner_would_act(line) for line in done.stdout.splitlines())


@pytest.mark.parametrize("columns", [40, 120])
def test_rules_output_starts_no_command(tmp_path: Path, columns: int) -> None:
    for args in (("rules",), ("rules", "FL101")):
        done = factlint(*args, cwd=tmp_path, columns=columns)
        assert done.returncode == 0 and "FL101" in done.stdout
        assert not any(runner_would_act(line) for line in done.stdout.splitlines())


def test_inert_neutralises_controls_and_command_markers() -> None:
    hostile = (
        "a\x00b\x07c\x1b[31md\x7fe\x85f\x9bg\u202eh\u2066i\u200ej\ufeffk\u2028l\u2029m"
        "\ud800n\ufffeo\U000f0000p\xa0q\tr\ns ::x:: ## ###"
    )
    shown = inert(hostile)
    assert shown == inert(shown)  # applying it twice changes nothing
    assert "::" not in shown and "##" not in shown
    assert all(c.isprintable() or c == "\u200b" for c in shown), repr(shown)
    assert shown.replace("\u200b", "").endswith("::x:: ## ###")
    assert "\x1b" not in shown and "\x9b" not in shown and "\u202e" not in shown
    assert "q r s" in shown  # white space (tab, line break, no-break space) is a space
    assert inert("Kim Seong: 16th") == "Kim Seong: 16th"


# ------------------------------------------------------------------ GitHub


def _unescape(text: str, props: bool) -> str:
    """The runner's unescaping (ActionCommand.cs): its replacements, in its order."""
    pairs = [("%0D", "\r"), ("%0A", "\n")]
    pairs += [("%3A", ":"), ("%2C", ",")] if props else []
    for escaped, raw in [*pairs, ("%25", "%")]:
        text = text.replace(escaped, raw)
    return text


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command parsed as the runner parses it (TryParseV2)."""
    trimmed = line.lstrip()
    assert trimmed.startswith("::")
    end = trimmed.index("::", 2)
    info = trimmed[2:end]
    name, _, rest = info.partition(" ")
    props = {}
    for part in filter(None, rest.strip().split(",")):
        key, _, value = part.partition("=")
        props[key] = _unescape(value, props=True)
    return name, props, _unescape(trimmed[end + 2 :], props=False)


@pytest.mark.skipif(os.name == "nt", reason="file names with line breaks need a POSIX file system")
def test_github_properties_and_message_reach_the_runner_unchanged(tmp_path: Path) -> None:
    name = "50%,a:b\r\n::error::c.md"
    quote_a = "The UN General Assembly adopted the resolution for the 16th consecutive year."
    quote_b = (
        "The UN General Assembly adopted the resolution for the 15th consecutive year, "
        "100% sure: ::error file=x::pwned %0A%25 \r::warning::y"
    )
    (tmp_path / name).write_text(f"---\npublished: 2020-12-17\n---\n{quote_a}\n", encoding="utf-8")
    (tmp_path / "z.md").write_text(f"---\npublished: 2020-12-18\n---\n{quote_b}\n", encoding="utf-8")
    done = factlint("check", ".", "--format", "github", "--select", "FL101", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.split("\n")
    assert lines[-1] == "" and lines[-2].startswith("factlint: ")
    commands = lines[:-2]
    assert len(commands) == 1 and "\r" not in done.stdout
    level, props, message = _parse_command(commands[0])
    assert level == "error"
    assert props["file"] == f"./{name}" and props["line"] == "4"
    assert props["title"] == "FL101 ordinal-year"
    assert "::error file=x::pwned %0A%25" in message  # the quote, exactly as written
    assert message.count("\n") == 1  # the one line break factlint puts in


# ------------------------------------------------------------------ GraphML


CONTROLS = "\x01\x0b\x0c\x1b[31m\x7f\x9b\ufffe\uffff"


def test_graphml_is_well_formed_whatever_the_reports_hold(tmp_path: Path) -> None:
    (tmp_path / f"a{CONTROLS[:3]}.md").write_text(
        f'---\ntitle: "t\\x01"\npublished: 2020-12-17\nseries: "s\\x0bx\\x1b\\ufffe"\n---\n'
        f"The UN General Assembly adopted a resolution {CONTROLS} on North Korean human rights "
        f"for the 16th consecutive year.\n",
        encoding="utf-8",
    )
    records = [
        {
            "id": f"r{CONTROLS}",
            "published": "2020-12-18",
            "text": f"The UN General Assembly adopted a resolution {CONTROLS} on North "
            "Korean human rights for the 15th consecutive year.",
        }
    ]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "claims.graphml"
    done = factlint("graph", ".", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    ET.parse(out)  # well-formed XML 1.0
    read = nx.read_graphml(out)
    corpus = check([str(tmp_path)], all_rules())
    built = build_graph(corpus)
    assert read.number_of_nodes() == built.number_of_nodes()
    assert sum(1 for _ in read.edges()) >= 1
    text = out.read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text)
    quotes = [d["quote"] for _, d in read.nodes(data=True) if d.get("kind") == "claim"]
    assert quotes and all("\ufffd" in q and "North Korean" in q for q in quotes)
    assert any(n.startswith("series:s\ufffdx") for n in read.nodes)


def test_graphml_keeps_nodes_apart_that_differ_only_in_control_characters(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    for node in ("report:a\x01", "report:a\x02", "report:a\ufffd"):
        g.add_node(node, kind="report", label=node, year=2020)
        g.add_edge(node, "series:s\x1b", key="reports-on\x00", kind="reports-on")
    safe = xml_safe(g)
    assert safe.number_of_nodes() == 4 and safe.number_of_edges() == 3
    assert "report:a\ufffd" in safe  # a clean id keeps its name
    path = tmp_path / "g.graphml"
    write_graph(g, str(path))
    ET.parse(path)
    assert nx.read_graphml(path).number_of_nodes() == 4
    assert g.has_node("report:a\x01")  # the graph given is left as it was


# ------------------------------------------------------------------ Markdown


LINKY = [
    "visit https://evil.example/x or HTTP://Evil.example/y, www.x.com and "
    "<https://evil.example/z> ftp://files.example/f",
    "mail boss@evil.example or mailto:a@b.example; [click](https://evil.example/c) "
    "![img](https://evil.example/i.png)",
    '<img src=x onerror=alert(1)> <a href="https://evil.example">a</a> &lt;b&gt; '
    "@octocat and @org/team fixed #123 and GH-7",
    "owner/repo#9 :smile: :100: `tick` ``two`` *b* _i_ ~~s~~ $x$ \\[esc\\] | pipe",
]


def _rendered(markdown: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def test_markdown_shows_report_text_literally_and_links_nothing(tmp_path: Path) -> None:
    head = "---\npublished: 2020-12-{}\nseries: rights\n---\nThe UN General Assembly adopted "
    for n, words in enumerate(LINKY):  # each under the length a quote is cut to
        (tmp_path / f"a{n}.md").write_text(
            head.format(17) + f"a resolution for the 16th consecutive year, {words}.\n", encoding="utf-8"
        )
    (tmp_path / "b.md").write_text(
        head.format(18) + "a resolution for the 15th consecutive year.\n", encoding="utf-8"
    )
    done = factlint("check", ".", "--format", "markdown", "--select", "FL101", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    derived = []  # the report text in the comment: table cells 3-5 and the quotes
    for line in out.splitlines():
        if line.startswith("| **"):
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) == 7, line  # a pipe from a report is escaped: five columns
            derived += cells[3:6]
        elif line.startswith("- **FL"):
            derived.append(line.split("** ", 1)[1])
    reported = "\n".join(derived)
    assert "evil" in reported and "octocat" in reported and "./a0.md" in reported
    # what GitHub would link in the source: URLs, www. names, e-mails, mentions, references
    assert not re.search(r"(?i)[a-z]+:/", reported)
    assert not re.search(r"(?i)(?<![\w\u200b])www\.", reported)
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w", reported)
    assert not re.search(r"@[A-Za-z0-9]", reported)
    assert not re.search(r"#\d|GH-\d", reported, re.IGNORECASE)
    assert not re.search(r":[a-z0-9_+-]+:", reported)  # :smile:, and ":100:" after a line
    # Markdown and HTML that would render: nothing unescaped
    assert not re.search(r"(?<!\\)[<>\[\]`*_~|$!]", reported)
    assert "](" not in reported.replace("\\](", "")
    page = _rendered(out)
    assert "<a " not in page and "<img" not in page and "<script" not in page
    tags = set(re.findall(r"<([a-z0-9]+)", page))
    assert tags <= {
        "h2",
        "p",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "strong",
        "ul",
        "li",
        "details",
        "summary",
    }, tags
    shown = html.unescape(page).replace("\u200b", "")
    for literal in (
        "https://evil.example/x",
        "[click](https://evil.example/c)",
        "<img src=x onerror=alert(1)>",
        "@octocat",
        "#123",
        ":smile:",
        "`tick`",
        "*b* _i_ ~~s~~",
        "&lt;b&gt;",
        "| pipe",
    ):
        assert literal in shown, literal


def test_md_escapes_one_value() -> None:
    assert md("a\nb | <i>") == "a b \\| &lt;i&gt;"
    assert md("x.md:100:") == "x.md:\u200b100:"
    assert md("https://e.example") == "https\\:\u200b//e.example"
    assert md("WWW.e.example a@b.example #1") == "WWW\u200b.e.example a@\u200bb.example \\#\u200b1"


# ------------------------------------------------------------------ SARIF


def _schema_validator():
    import jsonschema

    assert SARIF_SCHEMA.is_file(), f"the SARIF 2.1.0 schema is expected at {SARIF_SCHEMA}"
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


URI_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*")


def test_sarif_locations_point_at_the_jsonl_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "news 100%é#1"
    folder.mkdir()
    lines = [
        {
            "id": "a#b",
            "published": "2020-12-17",
            "text": "The UN General Assembly "
            "adopted a resolution on North Korean human rights for the 16th consecutive year.",
        },
        {
            "id": "c d.jsonl#2",
            "published": "2020-12-18",
            "text": "The UN General Assembly "
            "adopted a resolution on North Korean human rights for the 15th consecutive year.",
        },
    ]
    feed = folder / "feed.JSONL"
    feed.write_text(json.dumps(lines[0]) + "\n\n" + json.dumps(lines[1]) + "\n", encoding="utf-8")
    done = factlint("check", ".", "--format", "sarif", "--select", "FL101", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    log = json.loads(done.stdout)
    errors = [e.message for e in _schema_validator().iter_errors(log)]
    assert errors == []
    results = log["runs"][0]["results"]
    assert len(results) == 1
    places = [results[0]["locations"][0]["physicalLocation"]]
    places += [r["physicalLocation"] for r in results[0]["relatedLocations"]]
    assert sorted(p["region"]["startLine"] for p in places) == [1, 3]
    file_lines = feed.read_text(encoding="utf-8").split("\n")
    for place in places:
        uri = place["artifactLocation"]["uri"]
        assert URI_REFERENCE.fullmatch(uri), uri  # spaces, '#', '%', non-ASCII encoded
        assert unquote(uri) == "./news 100%é#1/feed.JSONL"
        assert (tmp_path / unquote(uri)).is_file()
        record = json.loads(file_lines[place["region"]["startLine"] - 1])
        assert (
            record["text"] in place["region"]["snippet"]["text"]
            or place["region"]["snippet"]["text"] in record["text"]
        )
    github = factlint("check", ".", "--format", "github", "--select", "FL101", cwd=tmp_path)
    _, props, message = _parse_command(github.stdout.splitlines()[0])
    assert props["file"] == "./news 100%é#1/feed.JSONL" and props["line"] in ("1", "3")
    assert "feed.JSONL:3:" in message or "feed.JSONL:1:" in message


def test_record_file_finds_the_file_whatever_the_id_or_folders_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert record_file("x/feed.jsonl#a#b") == "x/feed.jsonl"
    assert record_file("x/feed.jsonl#id.jsonl#2") == "x/feed.jsonl"
    assert record_file("x/Feed.JSONL#1") == "x/Feed.JSONL"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.jsonl#z").mkdir()
    (tmp_path / "d.jsonl#z" / "feed.jsonl").write_text("", encoding="utf-8")
    assert record_file("d.jsonl#z/feed.jsonl#a") == "d.jsonl#z/feed.jsonl"
