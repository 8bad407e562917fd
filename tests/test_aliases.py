"""The names one person goes by, joined within a series (checker/aliases.py): a report that says
"Lena Holm, who performs as Nova" lets her age under one name be compared with her age under the
other, in every report of the series and only there."""

from __future__ import annotations

from pathlib import Path

from checker.models import Corpus, Verdict
from checker.pipeline import check
from rules import all_rules


def report(published: str, body: str, title: str) -> str:
    return f"---\ntitle: '{title}'\npublished: {published}\n---\n{' '.join(body.split())}\n"


STAGE_NAME = report(
    "2031-05-18",
    """Nova won the Lumina Song Contest in Vell on Saturday night. Ostrava's Nova, whose real name
    is Lena Holm, thanked the juries. The 32-year-old singer wrote the song herself.""",
    "Nova wins the Lumina Song Contest",
)
OWN_NAME = report(
    "2031-05-18",
    """Lena Holm won the Lumina Song Contest in Vell on Saturday night. Lena Holm, 33, wrote the
    song herself.""",
    "Lena Holm wins the Lumina Song Contest",
)


def judged(folder: Path, reports: dict[str, str]) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return check([str(folder)], all_rules())


def age_conflicts(folder: Path, reports: dict[str, str]) -> list[set[str]]:
    corpus = judged(folder, reports)
    return [
        {Path(a).stem for side in f.sides for a in side.articles}
        for f in corpus.findings
        if f.verdict is Verdict.CONFLICT and f.slot.startswith("age")
    ]


def test_an_age_under_a_stage_name_is_compared_with_the_age_under_the_own_name(tmp_path):
    assert age_conflicts(tmp_path / "joined", {"stage": STAGE_NAME, "own": OWN_NAME}) == [{"stage", "own"}]


def test_without_a_report_that_joins_the_names_they_are_two_people(tmp_path):
    unjoined = STAGE_NAME.replace(", whose real name is Lena Holm,", "")
    assert age_conflicts(tmp_path / "apart", {"stage": unjoined, "own": OWN_NAME}) == []


def test_the_age_is_keyed_by_the_own_name_in_the_report_that_names_both(tmp_path):
    corpus = judged(tmp_path / "one", {"stage": STAGE_NAME})
    assert {c.slot for c in corpus.claims if c.slot.startswith("age")} == {"age:lena holm"}


def _winner_conflicts(folder: Path, reports: dict[str, str]) -> list[str]:
    corpus = judged(folder, reports)
    return [f.slot for f in corpus.findings if f.verdict is Verdict.CONFLICT and f.slot.startswith("winner")]


def test_a_role_held_under_either_name_is_held_by_one_person(tmp_path):
    stage_name = report(
        "2031-05-18",
        """Nova won the Lumina Song Contest in Vell on Saturday night. The Velden singer Lena Holm,
        who performs as Nova, thanked the juries.""",
        "Nova wins the Lumina Song Contest",
    )
    own_name = report("2031-05-18", "Lena Holm won the Lumina Song Contest in Vell on Saturday.", "Holm wins")
    assert _winner_conflicts(tmp_path / "joined", {"stage": stage_name, "own": own_name}) == []
    unjoined = stage_name.replace("The Velden singer Lena Holm, who performs as Nova,", "Nova")
    assert _winner_conflicts(tmp_path / "apart", {"stage": unjoined, "own": own_name}) == ["winner"]


def test_a_time_said_of_the_winner_is_the_named_winners_category_by_category(tmp_path):
    named = report(
        "2031-04-13",
        """Daniel Kiprop won the Velden Marathon on Sunday, and Ana Ruiz won the women's race. The
        winning time was 2:05:04.""",
        "Kiprop wins in Velden",
    )
    timed = report("2031-04-13", "Daniel Kiprop won the Velden Marathon on Sunday in 2:05:40.", "Kiprop wins")
    corpus = judged(tmp_path / "marathon", {"a": named, "b": timed})
    found = [f.slot for f in corpus.findings if f.verdict is Verdict.CONFLICT]
    assert found == ["result-time:daniel kiprop"]


def test_another_years_winning_time_is_not_this_years_winners(tmp_path):
    body = """Daniel Kiprop won the Velden Marathon on Sunday in 2:05:04. Last year the winning
    time was 2:07:30."""
    corpus = judged(tmp_path / "years", {"a": report("2031-04-13", body, "Kiprop wins in Velden")})
    times = {c.display: c.slot for c in corpus.claims if c.slot.startswith("result-time")}
    assert times == {"2:05:04": "result-time:daniel kiprop", "2:07:30": "result-time:winner"}
