"""The HTML report (issue 9): one self-contained page, report text never markup, byte-identical
output, and, where Chromium is installed, the page as a person sees it in a browser."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.html import render_html
from checker.models import Article, Claim, Corpus, Finding, Occurrence, Side, Skipped, Verdict
from checker.pipeline import check
from rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

PWN = "<script>document.body.setAttribute('data-pwned','1')</script>"
IMG = "\"><img src=x onerror=document.body.setAttribute('data-pwned','1')>"
# The tags the page is built from: report text must never add another one.
PAGE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "footer",
    "section",
    "article",
    "figure",
    "figcaption",
    "div",
    "span",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "b",
    "i",
    "a",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "mark",
    "br",
    "details",
    "summary",
    "svg",
    "defs",
    "pattern",
    "g",
    "rect",
    "circle",
    "line",
    "path",
    "text",
    "tspan",
}


class _Tags(HTMLParser):
    """Every start tag and attribute of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def tags_of(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return check([str(SEEDS)], all_rules())


@pytest.fixture(scope="module")
def seeds_page(seeds: Corpus) -> str:
    return render_html(seeds)


def hostile_reports(folder: Path) -> Path:
    """Two reports of one 2020 vote that disagree, with markup in their text, front matter and
    file name."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / (IMG.replace("/", "") + ".txt")).write_text(
        "---\n"
        f'title: "{PWN}"\n'
        "outlet: '\"><img src=x onerror=alert(1)>'\n"
        'url: "https://evil.example/x.js"\n'
        "published: 2020-12-17\n"
        "---\n"
        f"{PWN} The UN General Assembly adopted the resolution on human rights in North Korea "
        "for the 16th consecutive year.\n\n"
        "The resolution was adopted by consensus on Wednesday.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "---\npublished: 2020-12-17\n---\n"
        "The UN General Assembly adopted a resolution on human rights in North Korea for the "
        f"17th consecutive year {IMG}.\n\n"
        "The resolution was adopted by a recorded vote of 116 to 20 with 53 abstentions on "
        "Wednesday.\n",
        encoding="utf-8",
    )
    return folder


def synthetic_corpus() -> Corpus:
    """A corpus built by hand, markup in every string a report can supply (independent of
    what the extractors read)."""
    path_a, path_b = f"news/{IMG}.txt", "news/<b>bold</b>.md"
    series = f"Series {PWN}"
    quote_a = f"{PWN} The assembly adopted the resolution for the 16th consecutive year."
    quote_b = f"The assembly adopted it {IMG} for the 17th consecutive year."
    claims = (
        Claim(
            id="C1",
            article=path_a,
            line=3,
            start=0,
            end=len(quote_a),
            value_start=quote_a.index("16th"),
            value_end=quote_a.index("16th") + 4,
            quote=quote_a,
            matched="16th",
            family="recurrence",
            slot="ordinal",
            value=16,
            display="16th consecutive year",
        ),
        Claim(
            id="C2",
            article=path_b,
            line=5,
            start=0,
            end=len(quote_b),
            value_start=quote_b.index("17th"),
            value_end=quote_b.index("17th") + 4,
            quote=quote_b,
            matched="17th",
            family="recurrence",
            slot="ordinal",
            value=17,
            display="17th consecutive year",
        ),
        Claim(
            id="C3",
            article=path_b,
            line=6,
            start=0,
            end=len(quote_b),
            value_start=0,
            value_end=4,
            quote=quote_b,
            matched=IMG,
            family="participation",
            slot=f"sponsor:{PWN}",
            value=True,
            display=f"{PWN} a co-sponsor",
            extra=(("actor", PWN),),
        ),
    )
    articles = (
        Article(
            path=path_a,
            raw="",
            text="",
            body_start=0,
            title=PWN,
            outlet=IMG,
            url="https://evil.example/x.js",
            warnings=(f"warning {PWN}",),
        ),
        Article(path=path_b, raw="", text="", body_start=0),
    )
    occurrences = {
        path_a: Occurrence(series=series, year=2020, meeting=None, meeting_known=True),
        path_b: Occurrence(series=series, year=None, meeting=None, meeting_known=True),
    }
    findings = (
        Finding(
            id="F1",
            rule="FL101",
            name="ordinal-year",
            series=series,
            slot="ordinal:series",
            verdict=Verdict.UNRESOLVED,
            sides=(
                Side(value=f"16th {PWN}", claims=("C1",), articles=(path_a,), years=(2020,)),
                Side(value=f"17th {IMG}", claims=("C2",), articles=(path_b,), years=()),
            ),
            explanation=f"The year of {path_b} is unknown {PWN}",
            occurrence=IMG,
        ),
    )
    return Corpus(
        articles=articles,
        claims=claims,
        occurrences=occurrences,
        findings=findings,
        skipped=(Skipped(path=f"{IMG}.bin", reason=PWN),),
    )


# ---------------------------------------------------------------- escaping


def assert_inert(page: str) -> None:
    """No tag, attribute or URL came from report text."""
    for tag, attrs in tags_of(page):
        assert tag in PAGE_TAGS, f"report text made a <{tag}> element"
        for name, value in attrs:
            assert not name.startswith("on"), f"report text made an event handler: {name}"
            assert "pwned" not in name and "pwned" not in (value if name != "title" else ""), (
                tag,
                name,
                value,
            )
            if name in ("href", "src", "xlink:href"):
                assert value is None or value.startswith("#"), f"{tag} {name}={value!r}"
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()


def test_report_text_is_escaped_everywhere():
    page = render_html(synthetic_corpus())
    assert_inert(page)
    # shown as text, with the value highlighted inside the escaped sentence
    assert (
        "&lt;script&gt;document.body.setAttribute(&#x27;data-pwned&#x27;,&#x27;1&#x27;)"
        "&lt;/script&gt; The assembly adopted the resolution for the <mark>16th</mark>" in page
    )
    assert "&quot;&gt;&lt;img src=x onerror=" in page
    assert "news/&lt;b&gt;bold&lt;/b&gt;.md:5" in page
    assert "https://evil.example/x.js" in page  # as text in the reports table, never a link


def test_hostile_reports_through_the_pipeline(tmp_path):
    corpus = check([str(hostile_reports(tmp_path / "hostile"))], all_rules())
    assert corpus.findings, "the two hostile reports should disagree"
    page = render_html(corpus)
    assert_inert(page)
    assert (
        "&lt;script&gt;document.body.setAttribute(&#x27;data-pwned&#x27;,&#x27;1&#x27;)&lt;/script&gt;"
    ) in page
    assert "onerror=document.body.setAttribute" in page  # the text, inert


def test_control_and_bidi_characters_are_neutralised():
    corpus = synthetic_corpus()
    claim = corpus.claims[0]
    quote = "Evil\x1b[31m \u202eoverride\u202c \ud800 for the 16th year."
    odd = Claim(
        **{
            **{f: getattr(claim, f) for f in claim.__slots__},
            "quote": quote,
            "value_start": quote.index("16th"),
            "value_end": quote.index("16th") + 4,
        }
    )
    page = render_html(
        Corpus(
            corpus.articles, (odd, *corpus.claims[1:]), corpus.occurrences, corpus.findings, corpus.skipped
        )
    )
    page.encode("utf-8")  # no lone surrogate left
    assert "\x1b" not in page and "\u202e" not in page
    assert "<mark>16th</mark>" in page


# ---------------------------------------------------------------- content


def test_every_finding_and_the_timeline_are_on_the_page(seeds, seeds_page):
    assert seeds.findings
    assert seeds_page.count('<svg class="timeline"') == len({o.series for o in seeds.occurrences.values()})
    for finding in seeds.findings:
        assert f'id="{finding.id}"' in seeds_page
        assert f'href="#{finding.id}"' in seeds_page
        assert f"<code>{finding.rule}</code> {finding.name}" in seeds_page
    # one claim-graph picture per finding; every quoted claim with file:line and its value marked
    assert seeds_page.count('<svg class="cgraph"') == len(seeds.findings)
    claims = {c.id: c for c in seeds.claims}
    for finding in seeds.findings:
        for side in finding.sides:
            for cid in side.claims:
                assert f"{claims[cid].article}:{claims[cid].line}</code>" in seeds_page
    assert "<mark>" in seeds_page
    # the report of unknown year stands apart in the timeline
    assert "year unknown" in seeds_page
    # the summary
    for verdict in Verdict:
        assert f"</b> {verdict.value}</span>" in seeds_page
    assert "reports read" in seeds_page and "claims" in seeds_page


def test_the_page_is_self_contained(seeds_page):
    assert_inert(seeds_page)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", seeds_page, re.I)
    assert "@import" not in seeds_page
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", seeds_page, re.I)
    assert "@font-face" not in seeds_page
    assert "http://" not in seeds_page and "https://" not in seeds_page
    assert "Content-Security-Policy" in seeds_page and "default-src 'none'" in seeds_page


def test_no_findings_still_renders(seeds):
    page = render_html(Corpus(seeds.articles, seeds.claims, seeds.occurrences, (), ()))
    assert "No findings" in page
    assert '<svg class="timeline"' in page
    empty = render_html(Corpus((), ()))
    assert "<h1>" in empty and "No findings" in empty


# ---------------------------------------------------------------- determinism


def test_byte_identical_in_one_process(seeds):
    assert render_html(seeds) == render_html(seeds)
    assert render_html(check([str(SEEDS)], all_rules())) == render_html(seeds)


def test_byte_identical_across_hash_seeds():
    code = (
        "import sys; from checker.pipeline import check; from checker.html import render_html;"
        " from rules import all_rules;"
        " sys.stdout.buffer.write(render_html(check(['seeds'], all_rules())).encode('utf-8'))"
    )
    digests = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, env=env, timeout=120
        )
        assert done.returncode == 0, done.stderr.decode()
        digests.add(hashlib.sha256(done.stdout).hexdigest())
    assert len(digests) == 1


# ---------------------------------------------------------------- in a browser


def chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


needs_chromium = pytest.mark.skipif(
    chromium() is None,
    reason="Chromium is not installed (apt-get install chromium); the browser test needs it",
)


def run_chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
        page.as_uri(),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C.UTF-8"}
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def console_lines(stderr: str) -> list[str]:
    """What the page said on the console: script errors, CSP violations, console.* calls."""
    return [line for line in stderr.splitlines() if re.search(r":CONSOLE[:(]", line) or "Uncaught" in line]


def png_pixels_vary(data: bytes) -> tuple[int, int, bool]:
    """Width, height, and whether the decoded image is more than one colour (stdlib only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = len(raw) // height
    rows = {raw[y * stride + 1 : (y + 1) * stride] for y in range(0, height, 50)}  # skip filter byte
    colours = {row[i : i + 3] for row in rows for i in range(0, len(row) - 3, 4 * 37)}
    return width, height, len(rows) > 5 and len(colours) > 8


@needs_chromium
def test_in_chromium(tmp_path, seeds):
    corpus = check([str(SEEDS), str(hostile_reports(tmp_path / "hostile"))], all_rules())
    page = tmp_path / "report.html"
    page.write_text(render_html(corpus), encoding="utf-8")

    # the page as a browser builds it: every finding, the timelines, and no injected script ran
    dom = run_chromium(tmp_path, page, "--dump-dom")
    assert '<svg class="timeline"' in dom.stdout
    for finding in corpus.findings:
        assert f'id="{finding.id}"' in dom.stdout
    assert "document.body.setAttribute(" in dom.stdout  # the hostile text is there, as text
    assert not re.search(r"<[a-z][^>]*\sdata-pwned", dom.stdout), "an injected script ran"
    assert not re.search(r"<img\b", dom.stdout)
    assert console_lines(dom.stderr) == [], console_lines(dom.stderr)

    # the screenshot: a real picture, not a blank page
    shot = tmp_path / "report.png"
    done = run_chromium(tmp_path, page, f"--screenshot={shot}", "--window-size=1280,2000")
    assert console_lines(done.stderr) == []
    data = shot.read_bytes()
    assert len(data) > 50_000
    width, height, varied = png_pixels_vary(data)
    assert (width, height) == (1280, 2000)
    assert varied, "the screenshot is one flat colour"


@needs_chromium
def test_console_check_would_see_an_error(tmp_path):
    """The control for the console check: a page with a failing script is noticed."""
    page = tmp_path / "control.html"
    page.write_text(
        "<!DOCTYPE html><title>control</title><script>console.error('factlint-control');"
        "missingFunction();</script>",
        encoding="utf-8",
    )
    done = run_chromium(tmp_path, page, "--dump-dom")
    lines = console_lines(done.stderr)
    assert any("factlint-control" in line for line in lines), done.stderr[-2000:]
    assert any("Uncaught" in line for line in lines)


# ---------------------------------------------------------------- command line


def test_check_format_html_writes_the_page(tmp_path, seeds):
    out = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "seeds", "--format", "html", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<svg class="timeline"' in page
    assert page.count('<article class="finding ') == len(seeds.findings)
    assert "seeds/000_cae03861725b6189.txt:" in page


def test_claim_graph_shows_every_side_of_a_large_finding():
    base = synthetic_corpus()
    path = base.articles[0].path
    many = tuple(
        Claim(
            id=f"C{i:02d}",
            article=path,
            line=i,
            start=0,
            end=20,
            value_start=0,
            value_end=4,
            quote=f"the 16th year, line {i}",
            matched="16th",
            family="recurrence",
            slot="ordinal",
            value=16,
            display="16th",
        )
        for i in range(10, 40)
    )
    finding = Finding(
        id="F9",
        rule="FL101",
        name="ordinal-year",
        series=base.findings[0].series,
        slot="ordinal:series",
        verdict=Verdict.CONFLICT,
        sides=(
            Side("16th", tuple(c.id for c in many), (path,), (2020,)),
            Side("17th", ("C2",), (base.articles[1].path,), ()),
        ),
        explanation="The counts cannot all be true.",
    )
    page = render_html(Corpus(base.articles, (*base.claims, *many), base.occurrences, (finding,), ()))
    graph = page[page.index('<svg class="cgraph"') :]
    graph = graph[: graph.index("</svg>")]
    assert "(C2)</title>" in graph  # the lone other side is drawn
    assert "more claims" in graph
    assert "more quotes of this value</summary>" in page
    assert page.count("the <mark>16th</mark> year, line") == 30  # folded, not dropped
