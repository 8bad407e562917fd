"""Benchmark suite (issue 6): speed, memory and recall of factlint on generated corpora.

Usage:
    python benchmarks/run.py [--sizes 1000 10000] [--full] [--seed 0] [--workdir DIR]
                             [--profile] [--no-baseline] [--no-write] [--output BENCHMARKS.md]
                             [--style template|realistic]

For each N (default 1,000 and 10,000; --full adds 100,000) it generates a corpus with
benchmarks/generate.py and measures, each in its own process:

- extraction throughput: reading the corpus, then checker.extract over every report
  (reports/s and MB/s of report text);
- `factlint check DIR --format json`: wall, CPU and peak memory (the child's own rusage);
- recall of the planted contradictions in DIR/expected.json, the conflicts nobody planted,
  and whether series clustering kept the invented events apart;
- claims whose value contradicts the generator's truth (extractor misreads);
- `factlint index` cold, warm (nothing changed) and after one report changed, with the peak
  memory of each, and one new report against the index of N reports (`check --new F
  --corpus DIR`, median of 5 runs, start-up included).

Once: CLI start-up (`factlint --version`, median of 7 runs) and, at N = 1,000, a naive baseline
that compares every pair of sentences holding a number with rapidfuzz. --profile runs cProfile
over one `factlint check` at each N and keeps the top functions.

Results print as a table and replace the marked sections of BENCHMARKS.md (the hand-written
analysis around them is kept). --style realistic measures the same on the generator's
realistic corpus (wire-story length, junk, paraphrases, encoding noise); its figures are
printed only, as the marked sections hold the template corpus's. Every command is recorded so
it can be repeated by hand with /usr/bin/time -v.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import pstats
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

import generate  # noqa: E402  (benchmarks/generate.py)

PYTHON = sys.executable
FACTLINT = str(Path(PYTHON).with_name("factlint"))
TARGETS = {  # issue 6, on a 2-core machine
    "scaling": 12.0,  # time(100k) / time(10k)
    "memory_100k_mb": 2048,
    "check_10k_s": 20.0,
    "index_100k_s": 180.0,
    "new_report_s": 0.5,
    "startup_s": 0.25,
}


# ---------------------------------------------------------------- running a measured process


@dataclass
class Run:
    cmd: list[str]
    wall: float
    user: float
    sys: float
    maxrss_mb: float
    exit: int
    stderr: str = ""

    @property
    def shown(self) -> str:
        return shown(self.cmd)


def shown(cmd: list[str]) -> str:
    """A command as one would type it at the repository root."""
    return " ".join(_short(c) if re.fullmatch(r"[\w./$=:-]+", _short(c)) else shlex.quote(c) for c in cmd)


def run_measured(cmd: list[str], stdout: Path | None = None, cwd: Path | None = None) -> Run:
    """Run cmd to completion; wall time, and CPU and peak RSS from the child's own rusage."""
    with tempfile.TemporaryFile() as err, open(stdout, "wb") if stdout else open(os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return Run(
        cmd, wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, text[-2000:]
    )


WORK_DIRS: list[str] = []  # corpora folders, shown as $WORK in the recorded commands


def _short(arg: str) -> str:
    """Commands are recorded as one would type them at the repository root."""
    for work in WORK_DIRS:
        if arg.startswith(work):
            return "$WORK" + arg[len(work) :]
    if arg.startswith(str(REPO) + "/"):
        return arg[len(str(REPO)) + 1 :]
    return arg


# ---------------------------------------------------------------- the measurements


def measure_generate(n: int, outdir: Path, seed: int, style: str = "template") -> dict:
    if outdir.exists():
        shutil.rmtree(outdir)
    styled = [] if style == "template" else ["--style", style]
    run = run_measured([PYTHON, str(HERE / "generate.py"), str(n), str(outdir), "--seed", str(seed), *styled])
    if run.exit:
        raise SystemExit(f"generate failed: {run.stderr}")
    size = sum(f.stat().st_size for f in outdir.glob("*.md"))
    return {"seconds": run.wall, "bytes": size, "command": run.shown}


def measure_extraction(corpus: Path) -> dict:
    """Reading and extraction throughput, timed inside a fresh process."""
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    run = run_measured([PYTHON, __file__, "_extract", str(corpus)], stdout=out)
    if run.exit:
        raise SystemExit(f"extraction failed: {run.stderr}")
    result = json.loads(out.read_text())
    out.unlink()
    result["command"] = shown([PYTHON, __file__, "_extract", str(corpus)])
    return result


def _extract_main(corpus: str) -> None:
    """In-process: read the corpus, then time checker.extract over every report."""
    from checker.articles import read_reports
    from checker.extract import extract_claims
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    t0 = time.perf_counter()
    read = read_reports([corpus], lex=lex)
    t1 = time.perf_counter()
    claims = sum(len(extract_claims(a, lex)) for a in read.articles)
    t2 = time.perf_counter()
    size = sum(len(a.raw.encode("utf-8")) for a in read.articles)
    n = len(read.articles)
    print(
        json.dumps(
            {
                "reports": n,
                "bytes": size,
                "claims": claims,
                "read_s": t1 - t0,
                "extract_s": t2 - t1,
                "reports_per_s": n / (t2 - t1),
                "mb_per_s": size / 1e6 / (t2 - t1),
            }
        )
    )


def measure_check(corpus: Path, output: Path, runs: int = 1) -> dict:
    """The whole `factlint check DIR --format json`: wall, CPU, peak memory (medians of runs;
    the machine is shared, so CPU time is the steadier figure)."""
    done = []
    for _ in range(runs):
        run = run_measured(
            [FACTLINT, "check", str(corpus), "--format", "json", "-o", str(output)], cwd=corpus.parent
        )
        if run.exit not in (0, 1):
            raise SystemExit(f"factlint check failed ({run.exit}): {run.stderr}")
        done.append(run)
    med = statistics.median
    return {
        "wall": med(r.wall for r in done),
        "user": med(r.user for r in done),
        "sys": med(r.sys for r in done),
        "maxrss_mb": max(r.maxrss_mb for r in done),
        "walls": [r.wall for r in done],
        "runs": runs,
        "exit": done[0].exit,
        "command": f"/usr/bin/time -v {done[0].shown}",
    }


def measure_index_cold(corpus: Path, index: Path) -> dict | None:
    """`factlint index DIR` into a fresh index file, reading with every CPU."""
    if not _has_index():
        return None
    index.unlink(missing_ok=True)
    return _index_run(corpus, index)


def measure_index_warm(corpus: Path, index: Path) -> dict | None:
    """`factlint index DIR` again over the unchanged corpus: nothing is re-read."""
    if not _has_index() or not index.exists():
        return None
    return _index_run(corpus, index)


def measure_index_change(corpus: Path, index: Path) -> dict | None:
    """`factlint index DIR` after one report changed (a sentence added at its end): that report
    is read again and only the series it leaves and joins are gathered again. The report is
    put back as it was afterwards (the index then holds the changed text; a later run reads
    it again)."""
    if not _has_index() or not index.exists():
        return None
    reports = sorted(corpus.glob("r*.md"))
    report = reports[len(reports) // 2]
    original = report.read_bytes()
    try:
        report.write_bytes(original + b"\nThe organisers said the next edition would follow.\n")
        return _index_run(corpus, index)
    finally:
        report.write_bytes(original)


def _index_run(corpus: Path, index: Path) -> dict:
    run = run_measured([FACTLINT, "index", str(corpus), "--index", str(index), "--quiet"], cwd=corpus.parent)
    if run.exit:
        raise SystemExit(f"factlint index failed ({run.exit}): {run.stderr}")
    return {
        "seconds": run.wall,
        "cpu": run.user + run.sys,
        "maxrss_mb": run.maxrss_mb,
        "bytes": index.stat().st_size,
        "command": run.shown,
    }


NEW_REPORT_RUNS = 5


def measure_new_report(corpus: Path, index: Path, expected: dict) -> dict | None:
    """One new report checked against the index of N reports (`check --new F --corpus DIR`).
    The new report is a copy, outside the corpus, of a report with a planted contradiction,
    so the check must also find that contradiction against the indexed corpus."""
    if not _has_index() or not index.exists() or not expected["planted"]:
        return None
    planted = expected["planted"][0]
    new = corpus.parent / f"{corpus.name}-new.md"
    shutil.copyfile(corpus / planted["file"], new)
    out = corpus.parent / f"{corpus.name}-new.json"
    runs = [
        run_measured(
            [
                FACTLINT,
                "check",
                "--new",
                str(new),
                "--corpus",
                str(corpus),
                "--index",
                str(index),
                "--format",
                "json",
                "-o",
                str(out),
                "--quiet",
            ],
            cwd=corpus.parent,
        )
        for _ in range(NEW_REPORT_RUNS)
    ]
    for run in runs:
        if run.exit not in (0, 1):
            raise SystemExit(f"factlint check --new failed ({run.exit}): {run.stderr}")
    run = sorted(runs, key=lambda r: r.wall)[len(runs) // 2]  # the median run
    findings = json.loads(out.read_text())
    found = any(
        f["rule"] == planted["rule"]
        and f["verdict"] == "conflict"
        and any(new.name in map(os.path.basename, side["articles"]) for side in f["sides"])
        for f in findings["conflicts"]
    )
    return {
        "seconds": run.wall,
        "cpu": run.user + run.sys,
        "maxrss_mb": run.maxrss_mb,
        "found_planted": found,
        "command": run.shown,
        "runs": sorted(round(r.wall, 3) for r in runs),
    }


def _has_index() -> bool:
    return subprocess.run([FACTLINT, "index", "--help"], capture_output=True).returncode == 0


def measure_startup(runs: int = 7) -> dict:
    """`factlint --version`, median of several runs after one warm-up."""
    cmd = [FACTLINT, "--version"]
    run_measured(cmd)
    walls = [run_measured(cmd).wall for _ in range(runs)]
    return {
        "median": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "runs": runs,
        "command": shown(cmd),
    }


def measure_baseline(corpus: Path, expected: dict) -> dict:
    """The naive way, timed in its own process: rapidfuzz over all pairs of number sentences."""
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    run = run_measured([PYTHON, __file__, "_baseline", str(corpus)], stdout=out)
    if run.exit:
        raise SystemExit(f"baseline failed: {run.stderr}")
    result = json.loads(out.read_text())
    out.unlink()
    pairs = {tuple(p) for p in result.pop("flagged_pairs")}
    hits = [p for p in expected["planted"] if tuple(sorted((p["file"], p["partner"]))) in pairs]
    result.update(
        wall=run.wall,
        maxrss_mb=run.maxrss_mb,
        planted=len(expected["planted"]),
        planted_flagged=len(hits),
        command=shown([PYTHON, __file__, "_baseline", str(corpus)]),
    )
    return result


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])|\n\s*\n")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def _baseline_main(corpus: str) -> None:
    """Every pair of sentences holding a number: similar wording (ratio >= 80) but different
    numbers is flagged as a contradiction."""
    from rapidfuzz import fuzz, process

    sentences: list[tuple[str, str]] = []
    for path in sorted(Path(corpus).glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        sentences += [(path.name, s.strip()) for s in _SENTENCE.split(body) if _NUMBER.search(s)]
    texts = [s for _, s in sentences]
    t0 = time.perf_counter()
    flagged: set[tuple[str, str]] = set()
    compared = 0
    for i, text in enumerate(texts):
        rest = texts[i + 1 :]
        compared += len(rest)
        for _, _score, j in process.extract(text, rest, scorer=fuzz.ratio, score_cutoff=80, limit=None):
            a, b = sentences[i], sentences[i + 1 + j]
            if a[0] != b[0] and _NUMBER.findall(a[1]) != _NUMBER.findall(b[1]):
                flagged.add(tuple(sorted((a[0], b[0]))))
    elapsed = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "sentences": len(texts),
                "pairs": compared,
                "compare_s": elapsed,
                "flagged": len(flagged),
                "flagged_pairs": sorted(flagged),
            }
        )
    )


# ---------------------------------------------------------------- scoring against the plan


def score(findings: dict, expected: dict) -> dict:
    """Recall of the planted contradictions, conflicts nobody planted, series purity."""
    base = os.path.basename
    conflicts = [f for f in findings["conflicts"] if f["verdict"] == "conflict"]
    by_rule: dict[str, list[list[set[str]]]] = defaultdict(list)
    for f in conflicts:
        by_rule[f["rule"]].append([{base(a) for a in s["articles"]} for s in f["sides"]])
    missed = [p for p in expected["planted"] if not _found(p, by_rule[p["rule"]])]
    planted_files = {p["file"] for p in expected["planted"]}
    unplanted = [
        f for f in conflicts if not any(planted_files & {base(a) for a in s["articles"]} for s in f["sides"])
    ]
    reports = expected["reports"]
    series: dict[str, Counter] = defaultdict(Counter)
    for a in findings["articles"]:
        series[a["series"]][reports[base(a["path"])][0]] += 1
    mixed_findings = [
        f["id"]
        for f in findings["conflicts"]
        if len({reports[base(a)][0] for side in f["sides"] for a in side["articles"]}) > 1
    ]
    events_in: dict[str, set[str]] = defaultdict(set)
    for label, events in series.items():
        for event in events:
            events_in[event].add(label)
    return {
        "planted": len(expected["planted"]),
        "missed": missed,
        "conflicts": len(conflicts),
        "unplanted": unplanted,
        "unplanted_by_rule": dict(Counter(f["rule"] for f in unplanted)),
        "series": len(series),
        "events": len(expected["events"]),
        "mixed_series": {k: dict(v) for k, v in series.items() if len(v) > 1},
        "split_events": {k: sorted(v) for k, v in events_in.items() if len(v) > 1},
        "mixed_findings": mixed_findings,
        "findings": findings["summary"]["findings"],
        "claims": findings["summary"]["claims"],
    }


def _found(planted: dict, findings: list[list[set[str]]]) -> bool:
    """A conflict of the planted rule puts the planted file and its partner on different sides."""
    target, partner = planted["file"], planted["partner"]
    for sides in findings:
        with_target = [s for s in sides if target in s]
        with_partner = [s for s in sides if partner in s and target not in s]
        if with_target and with_partner:
            return True
    return False


AUDITED = ("ordinal", "event-date", "start-year", "tally", "sponsor-count", "lead-sponsor", "vote")


def audit(findings: dict, expected: dict, seed: int) -> dict:
    """Extraction against what the generator wrote: claims whose value contradicts it
    (planted values excepted), and stated values no claim was read from."""
    corpus = generate.plan(expected["reports_count"], seed)
    by_name = {r.name: r for r in corpus.reports}
    write = generate.render_realistic if expected.get("style") == "realistic" else generate.render
    for report in corpus.reports:
        write(report, seed)  # fills report.stated
    wrong: dict[str, list[dict]] = defaultdict(list)
    counted: Counter = Counter()
    slots_of: dict[str, set[str]] = defaultdict(set)
    for claim in findings["claims"]:
        report = by_name[os.path.basename(claim["article"])]
        slot = claim["slot"].split(":")[0]
        counted[slot] += 1
        slots_of[report.name].add(slot)
        if not _agrees(claim, report, seed):
            wrong[slot].append(
                {
                    "file": report.name,
                    "quote": claim["quote"],
                    "counted": claim["counted"],
                    "value": claim["value"],
                    "display": claim["display"],
                }
            )
    unread: dict[str, list[dict]] = defaultdict(list)
    stated: Counter = Counter()
    for report in corpus.reports:
        for slot in AUDITED:
            if slot in report.stated:
                stated[slot] += 1
                if slot not in slots_of[report.name]:
                    unread[slot].append({"file": report.name, "sentence": report.stated[slot]})
    return {"checked": dict(counted), "wrong": dict(wrong), "stated": dict(stated), "unread": dict(unread)}


def _agrees(claim: dict, report: generate.Report, seed: int) -> bool:
    """Whether one extracted claim says what the generator meant by the sentence it read."""
    e, year = report.event, report.year
    plant = report.plant or {}
    if claim["attributed"]:
        return True
    if claim["counted"]:  # the generator writes counts of the series only
        return claim["slot"] != "ordinal"
    slot, value = claim["slot"].split(":")[0], claim["value"]
    offsets = claim["years"] or [0]
    if len(offsets) != 1:
        return True
    t = generate.truth(seed, e, year + offsets[0])
    if slot == "ordinal":
        return value in (t.ordinal, plant.get("planted"))
    if slot == "start-year":
        return value == e.start
    if slot == "event-date":
        wanted = {t.date.isoformat()}
        if plant.get("slot") == "event-date":
            wanted.add(plant["planted"].isoformat())
        return _date_text(value) in wanted
    if slot == "tally" and t.tally:
        tallies = [t.tally] + ([tuple(plant["planted"])] if plant.get("slot") == "tally" else [])
        got = (value["for"], value["against"], value["abstain"])
        return any(all(g is None or g == w for g, w in zip(got, tally, strict=True)) for tally in tallies)
    if slot == "sponsor-count":
        return value["min"] <= t.facts.get("cosponsors", -1) <= value["max"]
    if slot == "vote":
        return claim["slot"].split(":", 1)[1] in t.facts.get("against", ())
    if slot == "lead-sponsor":
        leads = {x.removeprefix("the ") for x in e.fixed.get("leads", ())}
        return set(value) == leads
    if slot == "adoption":
        return value == "recorded-vote"
    return True


def _date_text(value: Any) -> str:
    if isinstance(value, dict):
        value = [value.get(k) for k in ("year", "month", "day")]
    if isinstance(value, (list, tuple)) and all(value[:3]):
        return f"{value[0]:04d}-{value[1]:02d}-{value[2]:02d}"
    return str(value)


# ---------------------------------------------------------------- profiling


def profile(corpus: Path, out: Path, top: int = 18) -> dict:
    """cProfile over one check, run in one process (`run.py _check`: the pipeline with one
    reading process, then the JSON report) so that the digest is seen too."""
    stats_file = out.with_suffix(".prof")
    run = run_measured(
        [PYTHON, "-m", "cProfile", "-o", str(stats_file), __file__, "_check", str(corpus)], cwd=corpus.parent
    )
    if run.exit:
        raise SystemExit(f"profiled check failed: {run.stderr}")
    result = profile_rows(stats_file, top)
    result.update(
        wall=run.wall,
        command=shown([PYTHON, "-m", "cProfile", "-s", "tottime", __file__, "_check", str(corpus)]),
    )
    return result


def profile_rows(stats_file: Path, top: int = 18) -> dict:
    """The functions with the most own and total time in a cProfile stats file."""
    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt

    def rows(key: str) -> list[dict]:
        entries = sorted(stats.stats.items(), key=lambda kv: -kv[1][2 if key == "tottime" else 3])
        if key == "cumtime":  # the pipeline's own stages, not the wrappers around them
            entries = [
                e
                for e in entries
                if e[0][0].endswith(".py") and ("/checker/" in e[0][0] or "/rules/" in e[0][0])
            ]
        return [
            {
                "function": _where(func),
                "calls": cc,
                "tottime": tt,
                "cumtime": ct,
                "share": (tt if key == "tottime" else ct) / total,
            }
            for func, (cc, _nc, tt, ct, _callers) in entries[:top]
        ]

    return {"total": total, "tottime": rows("tottime"), "cumtime": rows("cumtime")}


def _check_main(corpus: str) -> None:
    """In-process: the whole check with one reading process, then the JSON report."""
    from checker.pipeline import check
    from checker.report import to_json
    from rules import all_rules

    try:
        result = check([corpus], all_rules(), jobs=1)
    except TypeError:  # a pipeline that reads in this process anyway
        result = check([corpus], all_rules())
    to_json(result)


def _where(func: tuple[str, int, str]) -> str:
    path, line, name = func
    if path == "~":
        return name
    for marker in ("/checker/", "/rules/", "/site-packages/", "/lib/python3"):
        if marker in path:
            path = path[path.index(marker) + 1 :]
            break
    return f"{path}:{line} {name}"


# ---------------------------------------------------------------- the run and its report


@dataclass
class Results:
    machine: dict
    date: str
    seed: int
    sizes: dict[int, dict] = field(default_factory=dict)
    startup: dict | None = None
    baseline: dict | None = None
    profiles: dict[int, dict] = field(default_factory=dict)
    commands: list[str] = field(default_factory=list)


def machine() -> dict:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem_kb = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
    git = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True
    )
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "os": platform.platform(terse=True),
        "revision": git.stdout.strip() or "unknown",
    }


def bench_size(
    n: int, workdir: Path, seed: int, results: Results, with_profile: bool, style: str = "template"
) -> None:
    corpus = workdir / f"n{n}"
    say = _say
    say(f"N={n}: generating")
    gen = measure_generate(n, corpus, seed, style)
    expected = json.loads((corpus / "expected.json").read_text())
    say(f"N={n}: extraction")
    ext = measure_extraction(corpus)
    say(f"N={n}: factlint check")
    out = workdir / f"n{n}.json"
    chk = measure_check(corpus, out, runs=3 if n <= 1000 else 1)
    findings = json.loads(out.read_text())
    quality = score(findings, expected)
    misreads = audit(findings, expected, seed)
    entry = {"n": n, "generate": gen, "extract": ext, "check": chk, "quality": quality, "audit": misreads}
    index = workdir / f"n{n}.sqlite"
    say(f"N={n}: factlint index")
    entry["index_cold"] = measure_index_cold(corpus, index)
    entry["index_warm"] = measure_index_warm(corpus, index)
    entry["index_change"] = measure_index_change(corpus, index)
    say(f"N={n}: one new report against the index")
    entry["new_report"] = measure_new_report(corpus, index, expected)
    for key in ("index_cold", "index_warm", "index_change", "new_report"):
        if entry.get(key):
            results.commands.append(entry[key]["command"])
    if with_profile:
        say(f"N={n}: profiling")
        entry_profile = profile(corpus, workdir / f"n{n}-profile.json")
        results.profiles[n] = entry_profile
        results.commands.append(entry_profile["command"])
    results.sizes[n] = entry
    results.commands += [gen["command"], chk["command"], ext["command"]]
    say(
        f"N={n}: check {chk['wall']:.1f} s, {chk['maxrss_mb']:.0f} MB, "
        f"missed {len(quality['missed'])}/{quality['planted']}"
    )


def _say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def table(results: Results) -> str:
    """The results as a Markdown table, one column per N."""
    ns = sorted(results.sizes)
    s = results.sizes
    rows: list[tuple[str, Callable[[dict], str]]] = [
        ("corpus size (MB)", lambda e: f"{e['generate']['bytes'] / 1e6:.1f}"),
        ("claims extracted", lambda e: f"{e['quality']['claims']:,}"),
        ("extraction, reports/s", lambda e: f"{e['extract']['reports_per_s']:,.0f}"),
        ("extraction, MB/s", lambda e: f"{e['extract']['mb_per_s']:.2f}"),
        ("reading the files (s)", lambda e: f"{e['extract']['read_s']:.2f}"),
        (
            "`factlint check` wall (s), median",
            lambda e: f"{e['check']['wall']:.1f} ({e['check']['runs']} run(s))",
        ),
        (
            "`factlint check` CPU user+sys of the main process (s)",
            lambda e: f"{e['check']['user'] + e['check']['sys']:.1f}",
        ),
        ("`factlint check` peak memory (MB)", lambda e: f"{e['check']['maxrss_mb']:,.0f}"),
        ("`factlint index` cold, wall (s)", lambda e: _opt(e["index_cold"])),
        ("`factlint index` warm, wall (s)", lambda e: _opt(e["index_warm"])),
        ("`factlint index` one report changed, wall (s)", lambda e: _opt(e.get("index_change"))),
        ("`factlint index` cold / warm / one changed, peak memory (MB)", _index_memory),
        ("one new report vs index of N (s)", lambda e: _opt(e["new_report"])),
        (
            "planted contradictions found",
            lambda e: (
                f"{e['quality']['planted'] - len(e['quality']['missed']):,} / {e['quality']['planted']:,}"
            ),
        ),
        ("conflicts nobody planted", lambda e: f"{len(e['quality']['unplanted'])}"),
        ("series found / events generated", lambda e: f"{e['quality']['series']} / {e['quality']['events']}"),
        (
            "series mixing events / events split",
            lambda e: f"{len(e['quality']['mixed_series'])} / {len(e['quality']['split_events'])}",
        ),
        ("findings whose reports span events", lambda e: str(len(e["quality"]["mixed_findings"]))),
        (
            "claims contradicting the generator",
            lambda e: "{:,}".format(sum(len(v) for v in e["audit"]["wrong"].values())),
        ),
        (
            "stated values no claim was read from",
            lambda e: str(sum(len(v) for v in e["audit"]["unread"].values())),
        ),
    ]
    lines = ["| measure | " + " | ".join(f"N = {n:,}" for n in ns) + " |", "|---|" + "---:|" * len(ns)]
    lines += [f"| {name} | " + " | ".join(fn(s[n]) for n in ns) + " |" for name, fn in rows]
    return "\n".join(lines)


def _index_memory(entry: dict) -> str:
    runs = [entry.get(key) for key in ("index_cold", "index_warm", "index_change")]
    return " / ".join(f"{r['maxrss_mb']:.0f}" if r else "n/a" for r in runs)


def _opt(value: dict | None) -> str:
    if value is None:
        return "not available yet"
    if "found_planted" not in value:  # the reading workers' CPU and memory are not the
        return f"{value['seconds']:.2f}"  # main process's: only the wall time is whole
    found = ", planted found" if value["found_planted"] else ", **planted missed**"
    return f"{value['seconds']:.2f} (CPU {value['cpu']:.1f}, {value['maxrss_mb']:,.0f} MB{found})"


def targets(results: Results) -> str:
    """The issue's targets against what was measured."""
    s = results.sizes
    rows = []

    def row(name: str, measured: str, ok: bool | None) -> None:
        verdict = "not measured" if ok is None else ("met" if ok else "**not met**")
        rows.append(f"| {name} | {measured} | {verdict} |")

    def ratios(big: int, small: int) -> tuple[float, float, str]:
        wall = s[big]["check"]["wall"] / s[small]["check"]["wall"]
        cpu = _cpu(s[big]) / _cpu(s[small])
        return wall, cpu, f"wall {wall:.1f}, main-process CPU {cpu:.1f}"

    if 10000 in s and 100000 in s:
        wall, cpu, text = ratios(100000, 10000)
        row("time(100k) / time(10k) <= 12", text, wall <= TARGETS["scaling"])
    elif 1000 in s and 10000 in s:
        text = ratios(10000, 1000)[2]
        row("time(100k) / time(10k) <= 12", f"100k not run; time(10k) / time(1k): {text}", None)
    else:
        row("time(100k) / time(10k) <= 12", "-", None)
    if 100000 in s:
        mem = s[100000]["check"]["maxrss_mb"]
        row("memory at 100k < 2 GB", f"{mem:,.0f} MB", mem < TARGETS["memory_100k_mb"])
    else:
        row("memory at 100k < 2 GB", "100k not run", None)
    if 10000 in s:
        wall = s[10000]["check"]["wall"]
        row(
            "full check of 10k < 20 s",
            f"{wall:.1f} s wall, {_cpu(s[10000]):.1f} s CPU",
            wall < TARGETS["check_10k_s"],
        )
    for key, name, limit in (
        ("index_cold", "index of 100k < 3 min (2 cores)", TARGETS["index_100k_s"]),
        ("new_report", "one new report vs index of 100k < 0.5 s", TARGETS["new_report_s"]),
    ):
        if 100000 in s and s[100000][key]:
            value = s[100000][key]["seconds"]
            row(name, f"{value:.2f} s", value < limit)
        else:
            largest = max((n for n in s if s[n][key]), default=None)
            row(
                name,
                "100k not run"
                + (f"; {s[largest][key]['seconds']:.2f} s at N = {largest:,}" if largest else ""),
                None,
            )
    if results.startup:
        med = results.startup["median"]
        row("`factlint --version` < 0.25 s", f"{med:.3f} s (median)", med < TARGETS["startup_s"])
    missed = sum(len(e["quality"]["missed"]) for e in s.values())
    row("zero planted contradictions missed", f"{missed} missed", missed == 0)
    return "\n".join(["| target | measured | |", "|---|---|---|", *rows])


def _cpu(entry: dict) -> float:
    return entry["check"]["user"] + entry["check"]["sys"]


def markdown(results: Results) -> str:
    m = results.machine
    parts = [
        f"Run on {results.date}: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB of "
        f"memory, Python {m['python']}, {m['os']}; factlint at {m.get('revision', '?')}. "
        f"Seed {results.seed}.",
        "",
        table(results),
        "",
        "Peak memory and CPU are the main process's own rusage (with what it reaped); reading "
        "workers a pool reaps are not in them, so with parallel reading wall time is the "
        "figure to compare.",
        "",
        "Targets of issue 6:",
        "",
        targets(results),
        "",
    ]
    if results.startup:
        st = results.startup
        parts += [
            f"CLI start-up, `{st['command']}`: median {st['median']:.3f} s over "
            f"{st['runs']} runs (min {st['min']:.3f}, max {st['max']:.3f}).",
            "",
        ]
    if results.baseline:
        b = results.baseline
        parts += [
            f"Naive baseline at N = 1,000: rapidfuzz `fuzz.ratio` over all "
            f"{b['pairs']:,} pairs of the {b['sentences']:,} sentences that hold a number "
            f"took {b['compare_s']:.1f} s (process wall {b['wall']:.1f} s, one core); it flagged "
            f"{b['flagged']:,} report pairs (similar sentence, different numbers) and among them "
            f"{b['planted_flagged']} of the {b['planted']} planted pairs.",
            "",
        ]
    parts += _quality_notes(results)
    parts += [
        "Commands, from the repository root ($WORK is any scratch folder; "
        "`benchmarks/run.py _extract` and `_baseline` are the in-process timings the "
        "script runs as children):",
        "",
        "```",
    ]
    parts += list(dict.fromkeys(results.commands))
    parts += ["```"]
    return "\n".join(parts)


def _quality_notes(results: Results) -> list[str]:
    out: list[str] = []
    for n, e in sorted(results.sizes.items()):
        q, a = e["quality"], e["audit"]
        if q["missed"]:
            out.append(f"Missed at N = {n:,}:")
            out += [
                f"- {p['rule']} {p['file']} vs {p['partner']}: planted {p['planted']}, true "
                f'{p["true"]} — "{p["quote"]}"'
                for p in q["missed"][:10]
            ]
            out.append("")
        if q["unplanted"]:
            out.append(
                f"Conflicts nobody planted at N = {n:,}, by rule: {q['unplanted_by_rule']}; for example:"
            )
            for f in q["unplanted"][:5]:
                sides = "; ".join(
                    f"{s['value']} ({', '.join(map(os.path.basename, s['articles'][:2]))})"
                    for s in f["sides"][:3]
                )
                out.append(f"- {f['rule']} {f['series']} {f.get('occurrence') or ''}: {sides}")
            out.append("")
        wrong = {k: len(v) for k, v in a["wrong"].items()}
        if wrong:
            out.append(
                f"Claims contradicting the generator at N = {n:,} (of "
                f"{sum(a['checked'].values()):,} claims): {wrong}; for example:"
            )
            for slot, items in sorted(a["wrong"].items()):
                for item in items[:2]:
                    as_ = f" as a count of {item['counted']!r}" if item["counted"] else ""
                    out.append(f'- {slot}: read {item["display"]!r}{as_} from "{item["quote"]}"')
            out.append("")
        unread = {k: f"{len(v)} of {a['stated'][k]}" for k, v in a["unread"].items()}
        if unread:
            out.append(f"Stated values no claim was read from at N = {n:,}: {unread}; for example:")
            for slot, items in sorted(a["unread"].items()):
                for item in items[:2]:
                    out.append(f'- {slot}: "{item["sentence"]}" ({item["file"]})')
            out.append("")
    return out


def profile_markdown(results: Results) -> str:
    parts = []
    for n, p in sorted(results.profiles.items()):
        parts += [
            f"cProfile, N = {n:,} (profiled run {p['wall']:.1f} s wall, one process; "
            f"`{p['command']}`). Own time:",
            "",
            "| function | calls | own s | share |",
            "|---|---:|---:|---:|",
        ]
        parts += [
            f"| `{r['function']}` | {r['calls']:,} | {r['tottime']:.2f} | {r['share']:.0%} |"
            for r in p["tottime"][:12]
        ]
        parts += [
            "",
            "Total time (inclusive):",
            "",
            "| function | calls | total s | share |",
            "|---|---:|---:|---:|",
        ]
        parts += [
            f"| `{r['function']}` | {r['calls']:,} | {r['cumtime']:.2f} | {r['share']:.0%} |"
            for r in p["cumtime"][:18]
        ]
        parts.append("")
    return "\n".join(parts)


SKELETON = """# Benchmarks

Speed, memory and recall of factlint on generated corpora (issue 6). Re-run with

    .venv/bin/python benchmarks/run.py            # N = 1,000 and 10,000
    .venv/bin/python benchmarks/run.py --full     # adds N = 100,000
    .venv/bin/python benchmarks/run.py --profile  # adds a cProfile of each check

The sections between the markers are rewritten by benchmarks/run.py; the rest is written by
hand.

## Results

<!-- results:start -->
<!-- results:end -->

## Profile

<!-- profile:start -->
<!-- profile:end -->
"""


def write_markdown(path: Path, results: Results) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else SKELETON
    text = _replace(text, "results", markdown(results))
    if results.profiles:
        text = _replace(text, "profile", profile_markdown(results))
    path.write_text(text, encoding="utf-8")


def _replace(text: str, name: str, body: str) -> str:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start not in text:
        text += f"\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body}\n{end}{tail}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_extract"]:
        _extract_main(argv[1])
        return 0
    if argv[:1] == ["_baseline"]:
        _baseline_main(argv[1])
        return 0
    if argv[:1] == ["_check"]:
        _check_main(argv[1])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--full", action="store_true", help="also N = 100,000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where corpora go (default: a temporary folder, removed after)",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile one check per N")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--json", type=Path, default=None, help="also write all figures here")
    parser.add_argument(
        "--from-json", type=Path, default=None, help="render figures saved by --json instead of measuring"
    )
    parser.add_argument(
        "--style",
        choices=generate.STYLES,
        default="template",
        help="the generated corpus's style (realistic: printed only, BENCHMARKS.md is not written)",
    )
    args = parser.parse_args(argv)
    if args.style != "template":
        args.no_write = True  # the marked sections of BENCHMARKS.md are the template corpus's
    if args.from_json:
        results = _from_json(args.from_json)
        print(markdown(results))
        if not args.no_write:
            write_markdown(args.output, results)
        return 0
    sizes = sorted(set(args.sizes + ([100000] if args.full else [])))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="factlint-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    workdir = workdir.resolve()
    WORK_DIRS.append(str(workdir))
    results = Results(machine(), dt.date.today().isoformat(), args.seed)
    try:
        _say("CLI start-up")
        results.startup = measure_startup()
        results.commands.append(results.startup["command"])
        for n in sizes:
            bench_size(n, workdir, args.seed, results, args.profile, args.style)
            if n == 1000 and not args.no_baseline:
                _say("N=1000: naive rapidfuzz baseline")
                expected = json.loads((workdir / "n1000" / "expected.json").read_text())
                results.baseline = measure_baseline(workdir / "n1000", expected)
                results.commands.append(results.baseline["command"])
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    report = markdown(results)
    print(report)
    if results.profiles:
        print(profile_markdown(results))
    if not args.no_write:
        write_markdown(args.output, results)
    if args.json:
        args.json.write_text(json.dumps(_jsonable(results), indent=1, default=str))
    return 0


def _jsonable(results: Results) -> dict:
    return {
        "machine": results.machine,
        "date": results.date,
        "seed": results.seed,
        "sizes": results.sizes,
        "startup": results.startup,
        "baseline": results.baseline,
        "profiles": results.profiles,
        "commands": results.commands,
    }


def _from_json(path: Path) -> Results:
    data = json.loads(path.read_text())
    return Results(
        data["machine"],
        data["date"],
        data["seed"],
        {int(n): e for n, e in data["sizes"].items()},
        data["startup"],
        data["baseline"],
        {int(n): p for n, p in data["profiles"].items()},
        data.get("commands", []),
    )


if __name__ == "__main__":
    sys.exit(main())
