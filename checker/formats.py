"""Machine and review formats of the conflict report: SARIF 2.1.0, GitHub workflow commands,
and a Markdown summary for a pull-request comment.

Report text (quotes, values, paths, series names) is untrusted: every format neutralises it
for its reader, so a report can neither inject workflow commands nor markup.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.baseline import key_text
from checker.cache import compile_pattern
from checker.locations import file_of
from checker.models import Article, Claim, Corpus, Finding, Side
from checker.report import articles_named, claims_named, inert, summary
from checker.rule import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
MARKDOWN_ROWS = 50  # a pull-request comment holds at most 65,536 characters
QUOTE_CHARS = 300


# ---------------------------------------------------------------- shared


def primary(
    finding: Finding, claims: dict[str, Claim], changed: Collection[str] | None = None
) -> tuple[Side, Claim | None]:
    """The side and claim a finding is located on: a changed report's claim when there is one,
    else the first claim (by file and line) of the first side."""
    for side in finding.sides:
        own = _claims_of(side, claims)
        if changed is not None:
            own = [c for c in own if c.article in changed]
        if own:
            return side, own[0]
    first = finding.sides[0]
    found = _claims_of(first, claims)
    return first, found[0] if found else None


def _claims_of(side: Side, claims: dict[str, Claim]) -> list[Claim]:
    found = [claims[c] for c in side.claims if c in claims]
    return sorted(found, key=lambda c: (c.article, c.line, c.start))


def message(finding: Finding) -> str:
    """One sentence for any format: the verdict, the values, the explanation."""
    values = " vs ".join(f'"{side.value}"' for side in finding.sides)
    return f"{finding.verdict.value}: {values}. {finding.explanation}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _counts(corpus: Corpus, findings: Sequence[Finding]) -> str:
    counted = summary(corpus, findings)
    text = ", ".join(f"{n} {v}" for v, n in counted["by_verdict"].items() if n) or "no findings"
    return text + (f" ({counted['suppressed']} suppressed)" if counted["suppressed"] else "")


# ---------------------------------------------------------------- SARIF


def to_sarif(
    corpus: Corpus,
    findings: Sequence[Finding],
    rules: Iterable[Rule],
    levels: dict[str, str] | None = None,
    changed: Collection[str] | None = None,
) -> str:
    """A SARIF 2.1.0 log: one run, one result per finding on its primary claim."""
    rules = sorted(rules, key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    claims = claims_named(corpus, findings)
    articles = articles_named(corpus, claims)
    driver = {
        "name": "factlint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_sarif_rule(r, (levels or {}).get(r.code)) for r in rules],
    }
    results = [_sarif_result(f, claims, articles, index, changed) for f in findings]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(rule: Rule, level: str | None) -> dict[str, Any]:
    doc = inspect.getdoc(type(rule)) or rule.summary()
    default = level or getattr(rule, "severity", None) or "error"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": rule.example() or rule.summary()},
        "help": {"text": doc},
        "defaultConfiguration": {"level": SARIF_LEVEL[default]},
        "properties": {"compares": rule.slot_class.value},
    }


def _sarif_result(
    finding: Finding,
    claims: dict[str, Claim],
    articles: dict[str, Article],
    index: dict[str, int],
    changed: Collection[str] | None,
) -> dict[str, Any]:
    side, claim = primary(finding, claims, changed)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": SARIF_LEVEL[finding.severity],
        "message": {"text": message(finding)},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if claim is not None:
        result["locations"] = [{"physicalLocation": _physical(claim, articles)}]
    related = [(other, c) for other in finding.sides for c in _claims_of(other, claims) if other is not side]
    if related:
        result["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": _physical(c, articles),
                "message": {"text": f'other side: "{other.value}"'},
            }
            for i, (other, c) in enumerate(related, start=1)
        ]
    fingerprint = hashlib.sha256(key_text(finding, claims).encode("utf-8")).hexdigest()
    result["partialFingerprints"] = {"factlintFinding/v1": fingerprint}
    result["properties"] = {
        "verdict": finding.verdict.value,
        "series": finding.series,
        "occurrence": finding.occurrence or None,
        "finding": finding.id,
    }
    if finding.suppressed:
        result["suppressions"] = [
            {"kind": "inSource", "justification": f"{finding.rule} is ignored in a report's front matter"}
        ]
    return result


def _physical(claim: Claim, articles: dict[str, Article]) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": _uri(file_of(claim, articles))},
        "region": {"startLine": claim.line, "snippet": {"text": claim.quote}},
    }


def _uri(path: str) -> str:
    """A file's URI reference: every character but letters, digits, '-._~' and the '/'
    between folders percent-encoded as UTF-8 (space, '#', '%', '?', ':', non-ASCII)."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace(os.sep, "/"), safe="/")


# ---------------------------------------------------------------- GitHub


def to_github(
    corpus: Corpus, findings: Sequence[Finding], quiet: bool = False, changed: Collection[str] | None = None
) -> str:
    """One workflow command a finding (suppressed ones only counted), then a summary line."""
    claims = claims_named(corpus, findings)
    articles = articles_named(corpus, claims)
    lines = [_github_line(f, claims, articles, changed) for f in findings if not f.suppressed]
    if not quiet:
        lines.append(f"factlint: {_plural(len(corpus.articles), 'report')}, {_counts(corpus, findings)}")
    return "".join(line + "\n" for line in lines)


def _github_line(
    finding: Finding, claims: dict[str, Claim], articles: dict[str, Article], changed: Collection[str] | None
) -> str:
    side, claim = primary(finding, claims, changed)
    props = []
    if claim is not None and claim.article != "-":
        props += [f"file={gh_property(file_of(claim, articles))}", f"line={claim.line}"]
    props.append(f"title={gh_property(f'{finding.rule} {finding.name}')}")
    lines = [message(finding)]
    for other in finding.sides:
        found = _claims_of(other, claims) if other is not side else []
        if found:
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            lines.append(
                f'Other side "{other.value}": {file_of(found[0], articles)}:'
                f"{found[0].line}: {_short(found[0].quote)}{more}"
            )
    level = GITHUB_LEVEL[finding.severity]
    return f"::{level} {','.join(props)}::{gh_data(chr(10).join(lines))}"


# ---------------------------------------------------------------- concise


def to_concise(corpus: Corpus, findings: Sequence[Finding], changed: Collection[str] | None = None) -> str:
    """One line a finding, 'path:line:col: CODE [verdict] message', for editors and grep."""
    claims = claims_named(corpus, findings)
    articles = articles_named(corpus, claims)
    lines = []
    for finding in findings:
        _, claim = primary(finding, claims, changed)
        where = (
            f"{file_of(claim, articles)}:{claim.line}:{claim.column}" if claim is not None else finding.series
        )
        values = " vs ".join(f'"{side.value}"' for side in finding.sides)
        text = f"{where}: {finding.rule} [{finding.verdict.value}] {values}. {finding.explanation}"
        if finding.suppressed:
            text += " (suppressed)"
        lines.append(inert(" ".join(_plain(text).split())))  # nothing a CI runner acts on
    return "".join(line + "\n" for line in lines)


def _short(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "\u2026"


def _plain(text: str) -> str:
    """Keep line breaks (escaped later); other control characters become inert."""
    return "".join(c if c in "\r\n" or c.isprintable() else (" " if c.isspace() else "\ufffd") for c in text)


def gh_data(text: str) -> str:
    """Escape a workflow command's message: nothing in it can end the line."""
    return _plain(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """Escape a workflow command's property value (also ':' and ',')."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")


# ---------------------------------------------------------------- Markdown


def to_markdown(corpus: Corpus, findings: Sequence[Finding]) -> str:
    """A compact pull-request comment: counts, a table of findings, the quotes folded away."""
    claims = claims_named(corpus, findings)
    articles = articles_named(corpus, claims)
    out = [
        f"## factlint: {_counts(corpus, findings)}",
        "",
        f"{_plural(len(corpus.articles), 'report')} checked, "
        f"{_plural(len(corpus.claims), 'claim')}"
        + (f", {len(corpus.skipped)} skipped" if corpus.skipped else "")
        + ".",
        "",
    ]
    if not findings:
        return "\n".join(out)
    shown = findings[:MARKDOWN_ROWS]
    out += ["| verdict | rule | event | values | where |", "|---|---|---|---|---|"]
    for finding in shown:
        out.append(_md_row(finding, claims, articles))
    if len(findings) > len(shown):
        out += ["", f"…and {len(findings) - len(shown)} more (see the full report)."]
    out += ["", "<details><summary>Quotes</summary>", ""]
    for finding in shown:
        for side in finding.sides:
            for claim in _claims_of(side, claims):
                out.append(_md_quote(finding, claim, articles))
    out += ["", "</details>", ""]
    return "\n".join(out)


def _md_row(finding: Finding, claims: dict[str, Claim], articles: dict[str, Article]) -> str:
    verdict = f"**{finding.verdict.value}**"
    if finding.suppressed:
        verdict += " (suppressed)"
    event = md(finding.series) + (f" {md(finding.occurrence)}" if finding.occurrence else "")
    values = " vs ".join(md(side.value) for side in finding.sides)
    where = ", ".join(
        dict.fromkeys(
            md(f"{file_of(c, articles)}:{c.line}") for side in finding.sides for c in _claims_of(side, claims)
        )
    )
    return f"| {verdict} | {finding.rule} {finding.name} | {event} | {values} | {where} |"


def _md_quote(finding: Finding, claim: Claim, articles: dict[str, Article]) -> str:
    where = md(f"{file_of(claim, articles)}:{claim.line}:")  # ":100:" is no emoji here
    return f"- **{finding.rule}** {where} {md(_short(claim.quote))}"


_MD_ESCAPES = {c: "\\" + c for c in "\\`*_[]()|~$#!{}"}
_MD_ESCAPES.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Besides Markdown, GitHub links what it recognises in plain text: bare URLs, www. names,
# e-mail addresses and @mentions, #123 and GH-123 references, :emoji: codes; some of it
# after rendering, where backslashes are gone. An invisible zero-width space in each keeps
# it plain text (and the ':' of '://' is escaped as well).
_MD_LINKISH = compile_pattern(
    r"(?<=:)(?=//)|(?<=[@#])|(?<=www)(?=\.)|(?<=gh)(?=-\d)"
    r"|(?<=:)(?=[\w+-]+:)",
    re.IGNORECASE,
)


def md(text: str) -> str:
    """Report text made inert for Markdown/HTML: one line, every markup character escaped,
    nothing GitHub would turn into a link, a mention, a reference or an emoji."""
    flat = _MD_LINKISH.sub("\u200b", " ".join(inert(" ".join(text.split())).split()))
    return "".join(_MD_ESCAPES.get(c, c) for c in flat).replace(":\u200b//", "\\:\u200b//")
