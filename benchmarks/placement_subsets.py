"""Placement against what else is in the folder: random subsets of a gold set, every report placed
right or not at all.

Usage:
    python benchmarks/placement_subsets.py [DATA_DIR] [--subsets N] [--share F] [--show]

A report's year may come from other reports (a copy, a shared value, a name of its lead that
only reports of one year give), so it depends on which reports are in the folder. This copies
DATA_DIR/corpus/*.md as benchmarks/accuracy.py does (the annotator's event_year left out), reads
each report once, then gathers series and places reports in N seeded random subsets holding
each report with probability F; it counts the placements and those in a year other than the
gold's. The whole corpus is the first subset.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.accuracy import DEFAULT_DATA, FRONT_MATTER, copy_corpus  # noqa: E402
from checker.articles import make_article  # noqa: E402
from checker.digest import digest  # noqa: E402
from checker.lexicon import default_lexicon  # noqa: E402
from checker.models import Digest  # noqa: E402
from checker.occurrence import resolve_occurrences  # noqa: E402
from checker.series import assign_series  # noqa: E402


@dataclass(frozen=True)
class Misplaced:
    subset: int
    report: str
    year: int
    gold: int
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    subsets: int
    placements: int
    reports_seen: int
    wrong: tuple[Misplaced, ...]


def gold_years(data_dir: Path) -> dict[str, int | None]:
    """The annotator's event year of every report."""
    years: dict[str, int | None] = {}
    for f in sorted((data_dir / "corpus").glob("*.md")):
        m = FRONT_MATTER.match(f.read_text(encoding="utf-8"))
        meta = yaml.safe_load(m.group(1)) if m else {}
        years[f.name] = (meta or {}).get("event_year")
    return years


def read_all(data_dir: Path) -> dict[str, Digest]:
    lex = default_lexicon()
    with tempfile.TemporaryDirectory() as tmp:
        copy_corpus(data_dir, Path(tmp))
        return {
            p.name: digest(make_article(p.name, p.read_text(encoding="utf-8"), lex), lex)
            for p in sorted(Path(tmp).glob("*.md"))
        }


def measure(data_dir: Path, subsets: int = 40, share: float = 0.6) -> Result:
    gold, digests = gold_years(data_dir), read_all(data_dir)
    placements = seen = 0
    wrong: list[Misplaced] = []
    for number in range(subsets):
        rnd = random.Random(number)
        names = sorted(digests) if number == 0 else [n for n in sorted(digests) if rnd.random() < share]
        chosen = [digests[n] for n in names]
        occurrences = resolve_occurrences(chosen, assign_series(chosen))
        for path, occurrence in sorted(occurrences.items()):
            seen += 1
            if occurrence.year is None:
                continue
            placements += 1
            if gold.get(path) is not None and occurrence.year != gold[path]:
                why = tuple(e.detail for e in occurrence.evidence)
                wrong.append(Misplaced(number, path, occurrence.year, gold[path], why))
    return Result(subsets, placements, seen, tuple(wrong))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--subsets", type=int, default=40)
    parser.add_argument("--share", type=float, default=0.6, help="chance a report is in a subset")
    parser.add_argument("--show", action="store_true", help="list every misplaced report")
    args = parser.parse_args(argv)
    result = measure(Path(args.data_dir), args.subsets, args.share)
    print(
        f"{result.subsets} subsets: {result.placements} of {result.reports_seen} report placements made, "
        f"{len(result.wrong)} in a wrong year"
    )
    if args.show:
        for m in result.wrong:
            print(f"  subset {m.subset}: {m.report} placed {m.year}, gold {m.gold}: {'; '.join(m.evidence)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
