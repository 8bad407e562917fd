"""A series' identity — what finding ids and baseline entries are keyed on — comes from its
own reports (what half of them name it), never from its display name or from other reports."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from conftest import factlint

from checker.articles import make_article
from checker.digest import digest
from checker.lexicon import default_lexicon
from checker.pipeline import judge_digests
from checker.selection import select_rules
from checker.series import identity, profile

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

RACE = {
    "race-2023.md": "---\npublished: 2023-04-17\n---\nTadesse Bekele won the 40th Lakeside City Marathon "
    "on Sunday in 2:07:55.\n",
    "race-2024.md": "---\npublished: 2024-04-15\n---\nKenya's Daniel Kiprop won the 40th Lakeside City "
    "Marathon on Sunday in 2:06:12.\n",
    "race-brief.md": "---\npublished: 2024-04-16\n---\nKenya's Daniel Kiprop won the Lakeside City Marathon "
    "on Sunday in 2:06:21.\n",
}
OTHERS = {
    "festival.md": "---\npublished: 2021-08-02\n---\nThe Brackwater Film Festival opened on Friday with "
    "40 films from 12 countries.\n",
    "budget.md": "---\npublished: 2021-03-10\n---\nThe Brackwater city council approved the 2021 budget on "
    "Tuesday by a vote of 7-2.\n",
    "rights.md": "---\npublished: 2022-05-03\n---\nHuman rights groups in Ruritania praised the human rights "
    "commission of Borduria on Tuesday.\n",
}


def _digests(reports: dict[str, str]) -> list:
    lex = default_lexicon()
    return [digest(make_article(path, text, lex), lex) for path, text in reports.items()]


def test_identity_is_what_half_the_reports_name_whatever_their_order_or_number() -> None:
    profiles = [profile(d) for d in _digests(RACE)]
    whole = identity(profiles)
    assert whole.startswith("event:") and "lakeside" in whole
    for seed in range(5):
        shuffled = random.Random(seed).sample(profiles, len(profiles))
        assert identity(shuffled) == whole
    assert identity(profiles[:2]) == whole


def test_finding_ids_do_not_depend_on_the_display_name_of_the_series() -> None:
    digests = _digests(RACE)

    def ids(name: str) -> list[str]:
        corpus = judge_digests(digests, select_rules(), series={d.article.path: name for d in digests})
        return sorted(f.id for f in corpus.findings)

    assert ids("lakeside marathon")  # there is something to identify
    assert ids("lakeside marathon") == ids("a name the reports never gave")


def test_ids_and_baseline_entries_stay_when_reports_of_other_events_are_added(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    shutil.copytree(SEEDS, tmp_path / "corpus")
    before = factlint("check", "corpus", "-f", "json", "--no-config", cwd=tmp_path)
    assert factlint("baseline", "corpus", "-o", "before.json", "--no-config", cwd=tmp_path).returncode == 0
    for name, text in OTHERS.items():
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    after = factlint("check", "corpus", "-f", "json", "--no-config", cwd=tmp_path)
    assert factlint("baseline", "corpus", "-o", "after.json", "--no-config", cwd=tmp_path).returncode == 0
    seeds = {p.name for p in SEEDS.iterdir()}

    def of_seeds(done) -> list[tuple[str, str]]:
        found = json.loads(done.stdout)["conflicts"]
        return sorted(
            (f["id"], f["slot"])
            for f in found
            if all(Path(a).name in seeds for s in f["sides"] for a in s["articles"])
        )

    assert of_seeds(before) and of_seeds(before) == of_seeds(after)
    entries = json.loads((tmp_path / "before.json").read_text())["entries"]
    assert all(e in json.loads((tmp_path / "after.json").read_text())["entries"] for e in entries)
