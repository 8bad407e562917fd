"""Stages of an occurrence are data (checker/data/en/stages.yaml): a song contest's semi-final
and final, a championship's heats and final, a bill's readings and an election's rounds are
different meetings of one year, each with its own label, while reports of one stage are still
compared with each other."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.lexicon import default_lexicon
from checker.models import Corpus, Finding, Verdict
from checker.pipeline import check
from checker.stages import named_stage, said_of_whole, stages
from rules import all_rules


def report(published: str, body: str, title: str = "") -> str:
    head = f"title: '{title}'\n" if title else ""
    return f"---\n{head}published: {published}\n---\n{' '.join(body.split())}\n"


def judge(folder: Path, reports: dict[str, str]) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return check([str(folder)], all_rules())


def conflicts(corpus: Corpus, slot_part: str) -> list[Finding]:
    return [f for f in corpus.findings if f.verdict is Verdict.CONFLICT and slot_part in f.slot]


def pairs(findings: list[Finding]) -> set[frozenset[str]]:
    """The pairs of reports the findings set against each other, by file stem."""
    out: set[frozenset[str]] = set()
    for f in findings:
        for i, a in enumerate(f.sides):
            for b in f.sides[i + 1 :]:
                out |= {frozenset((Path(x).stem, Path(y).stem)) for x in a.articles for y in b.articles}
    return out


def meetings(corpus: Corpus) -> dict[str, str | None]:
    return {Path(p).stem: o.meeting for p, o in corpus.occurrences.items()}


# ------------------------------------------------------------------ the vocabulary


def test_every_group_ends_in_one_concluding_stage():
    groups: dict[str, list] = {}
    for stage in stages():
        groups.setdefault(stage.group, []).append(stage)
    assert {"deliberation", "competition", "reading", "election"} <= set(groups)
    for members in groups.values():
        assert [s.order for s in members] == list(range(len(members)))
        assert [s.concluding for s in members] == [False] * (len(members) - 1) + [True]
    labels = [s.label for s in stages()]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize(
    "sentence,label",
    [
        ("The Third Committee adopted the draft on Tuesday.", "committee"),
        ("The General Assembly plenary adopted it on Friday.", "plenary"),
        ("Sixteen songs competed in the second semi-final on Thursday.", "semi-final"),
        ("The semi-final qualifiers were drawn on Monday.", "semi-final"),
        ("The grand final was held on Saturday.", "final"),
        ("She won the final, which was held on Saturday.", "final"),
        ("The swimmers raced in the heats on Friday morning.", "heats"),
        ("The bill passed its second reading on Wednesday.", "second reading"),
        ("The run-off is on Sunday.", "run-off"),
        ("Ten songs are through to the grand final this Saturday.", "semi-final"),
        ("He qualified for Saturday's final with the third time.", "semi-final"),
        ("The Assembly adopted the final text on Friday.", None),
        ("The final day of the conference was Friday.", None),
        ("The final vote was 120-8.", None),
        ("The final results were announced on Sunday.", None),
        ("A heat wave hit the city on Tuesday.", None),
        # one heat is named with its number or its runner; the weather is no heat of a race
        ("She won her heat in 52.1 seconds on Friday.", "heats"),
        ("The second heat was the fastest of the morning.", "heats"),
        ("If the bands can do it in this heat, so can I.", None),
        ("The mayor walked the route in 31-degree heat.", None),
        ("The preview show opened on Monday.", None),
        # a race run in numbered stages: each numbered stage is a meeting of its own
        ("Ana Ruiz won the third stage of the Velden Tour on Wednesday.", "stage 3"),
        ("Ruiz won stage three on Wednesday, beating Eva Lind in a sprint.", "stage 3"),
        ("Eva Lind took stage 14 on Thursday.", "stage 14"),
        ("The seventh stage of the Harbour Rally was cut short by fog on Friday.", "stage 7"),
        ("Lind won the hilly 182-kilometre fourth stage on Thursday.", "stage 4"),
        ("Heading into the fifth stage, Ruiz won Friday's fourth stage.", "stage 4"),
        ("Delegates completed the first stage of the review on Saturday.", None),
        ("Delegates agreed to launch the first stage of the Race to Net Zero scheme.", None),
        ("The council took stage two of its housing plan to a final vote on Tuesday.", None),
        ("Talks entered their second stage on Monday.", None),
        ("The band took the stage third on Saturday.", None),
        # an event's organising body is no stage; a committee that votes on a text is one
        ("The regatta committee, led by its chairman, met on Friday.", None),
        ("The organising committee met on Friday.", None),
        ("The committee backed the draft by 88 votes to 12 on Wednesday.", "committee"),
    ],
)
def test_the_stage_a_sentence_names(sentence, label):
    found = named_stage(sentence, default_lexicon())
    assert (found.label if found else None) == label


@pytest.mark.parametrize(
    "sentence,whole",
    [
        ("In total, 447 crews took part.", True),
        ("At the regatta were 447 crews from 17 countries.", True),
        ("A record 37 countries took part in the contest.", True),
        ("The finalists were drawn from 212 spellers.", True),
        ("Representatives for 26 countries met at the contest's final.", False),
        ("Arden's entry ended 24th out of the 27 participants.", False),
        ("Twenty-six countries performed in the arena on Saturday.", False),
    ],
)
def test_a_count_said_of_the_whole_occurrence(sentence, whole):
    assert said_of_whole(sentence, default_lexicon()) is whole


@pytest.mark.parametrize(
    "sentence,label",
    [
        ("Ten songs went through after the first semi-final of the contest, held on Tuesday.", "semi-final"),
        ("She qualified in the heats of the 400 metres on Friday.", "heats"),
        ("After the semi-final on Tuesday, Ostrava won on Saturday.", None),
        ("The text, which passed the Third Committee last month, was adopted on Friday.", None),
        ("Ana Ruiz sealed the overall title on Sunday, four days after she won the third stage.", None),
        ("A day after Ana Ruiz took the third stage, Eva Lind won stage 4 of the Harbour Tour.", "stage 4"),
        # "after" later in the sentence tells of something else
        (
            "The council voted 6-3 at first reading after an amendment on parking fees failed.",
            "first reading",
        ),
    ],
)
def test_a_stage_in_passing_unless_the_sentence_tells_its_outcome(sentence, label):
    from checker.occurrence import _AFTER_STAGE, _EARLIER_STAGE

    found = named_stage(sentence, default_lexicon(), passing=_EARLIER_STAGE, passing_before=_AFTER_STAGE)
    assert (found.label if found else None) == label


# ------------------------------------------------------------------ through the checker

SEMI = report(
    "2031-05-14",
    """The first semi-final of the Lumina Song Contest was held in Vell on Tuesday. Sixteen
    contestants performed in the arena, and ten went through.""",
    "Ten songs through in the Lumina Song Contest",
)
FINAL = report(
    "2031-05-18",
    """The grand final of the Lumina Song Contest was held in Vell on Saturday. Twenty-six
    contestants performed in the arena, and Ostrava won.""",
    "Ostrava wins the Lumina Song Contest",
)
FINAL_UNNAMED = report(
    "2031-05-18",
    """Ostrava won the Lumina Song Contest in Vell on Saturday, after twenty-six contestants
    performed in the arena.""",
    "Ostrava takes the Lumina Song Contest",
)
FINAL_MISCOUNTED = report(
    "2031-05-18",
    """Ostrava won the Lumina Song Contest in Vell on Saturday, after twenty-five contestants
    performed in the arena.""",
    "Lumina Song Contest: Ostrava wins",
)


def test_a_song_contests_semi_final_and_final_are_different_meetings(tmp_path):
    corpus = judge(
        tmp_path / "contest",
        {"semi": SEMI, "final": FINAL, "unnamed": FINAL_UNNAMED, "miscounted": FINAL_MISCOUNTED},
    )
    # a report that names no stage, dated after the semi-final, is about the final
    assert meetings(corpus) == {
        "semi": "semi-final",
        "final": "final",
        "unnamed": "final",
        "miscounted": "final",
    }
    found = pairs(conflicts(corpus, "entrants")) | pairs(conflicts(corpus, "finalists"))
    found |= pairs(conflicts(corpus, "date"))
    assert not any("semi" in p for p in found), found  # 16 in the semi-final, 26 in the final
    # reports of the final are still compared: 25 against 26, the final's field its finalists
    assert pairs(conflicts(corpus, "finalists")) == {
        frozenset(("miscounted", "final")),
        frozenset(("miscounted", "unnamed")),
    }
    semi_field = [c for c in corpus.claims if Path(c.article).stem == "semi" and c.value == (16, 16)]
    assert [c.slot for c in semi_field] == ["entrants"]


def test_the_field_of_a_final_is_its_finalists_however_it_is_named(tmp_path):
    ranked = report(
        "2031-05-18",
        """Ostrava won the Lumina Song Contest in Vell on Saturday. Arden's entry ended 24th out of the
        27 participants with five points. A total of 37 participants entered this year's contest.
        The finalists were chosen from the 37 contestants.""",
        "Ostrava wins the Lumina Song Contest",
    )
    named = report(
        "2031-05-18",
        """The grand final of the Lumina Song Contest was held in Vell on Saturday, and 26 finalists
        performed before Ostrava won. The first semi-final had been contested by sixteen singers.""",
        "Lumina Song Contest final: Ostrava wins",
    )
    semi = report(
        "2031-05-14",
        """The first semi-final of the Lumina Song Contest was held in Vell on Tuesday. Arden's entry
        ended ninth out of the 17 participants and went through.""",
        "Arden through in the Lumina Song Contest",
    )
    corpus = judge(tmp_path / "field", {"ranked": ranked, "named": named, "semi": semi})
    assert meetings(corpus) == {"ranked": "final", "named": "final", "semi": "semi-final"}
    assert pairs(conflicts(corpus, "finalists")) == {frozenset(("ranked", "named"))}
    whole = {c.slot for c in corpus.claims if Path(c.article).stem == "ranked" and c.value == (37, 37)}
    # the whole contest's field, not the final's, as is the field its finalists were chosen from
    assert whole == {"entrants"}
    assert not conflicts(corpus, "entrants")  # the semi-final's 17 is its own field
    # a field the report of the final gives of a stage it names stays that stage's
    told = {c.slot for c in corpus.claims if Path(c.article).stem == "named" and c.value == (16, 16)}
    assert told == {"entrants:first semi-final"}


def test_a_swimming_championships_heats_and_final_of_one_day(tmp_path):
    heats = report(
        "2031-07-12",
        """The heats of the Kessel Swimming Championship were swum on Friday morning, and 40
        swimmers started.""",
    )
    final = report(
        "2031-07-12",
        """The final of the Kessel Swimming Championship was swum on Friday evening, and eight
        swimmers started.""",
    )
    corpus = judge(tmp_path / "swim", {"heats": heats, "final": final})
    assert meetings(corpus) == {"heats": "heats", "final": "final"}
    assert not conflicts(corpus, "entrants")


def test_a_bills_first_and_second_reading(tmp_path):
    first = report(
        "2031-03-05",
        "The Orlen parliament passed the housing bill 120-8 at its first reading on Tuesday.",
    )
    second = report(
        "2031-03-07",
        "The Orlen parliament passed the housing bill 98-30 at its second reading on Thursday.",
    )
    second_again = report(
        "2031-03-07",
        "On Thursday the Orlen parliament passed the housing bill 98-31 at its second reading.",
    )
    corpus = judge(tmp_path / "bill", {"first": first, "second": second, "again": second_again})
    assert meetings(corpus) == {
        "first": "first reading",
        "second": "second reading",
        "again": "second reading",
    }
    assert pairs(conflicts(corpus, "tally")) == {frozenset(("second", "again"))}
    assert not conflicts(corpus, "date")


def test_an_elections_first_round_and_run_off(tmp_path):
    first = report(
        "2031-04-08",
        "The Varna assembly voted 210-190 for Ana Petrov in the first round of voting on Monday.",
    )
    runoff = report(
        "2031-04-10",
        "The Varna assembly voted 230-170 for Ana Petrov in the run-off on Wednesday.",
    )
    corpus = judge(tmp_path / "election", {"first": first, "runoff": runoff})
    assert meetings(corpus) == {"first": "first round", "runoff": "run-off"}
    assert not conflicts(corpus, "tally") and not conflicts(corpus, "date")


def test_the_final_text_is_not_a_stage(tmp_path):
    committee = report(
        "2031-11-19",
        "The Third Committee of the Orlen Assembly adopted the resolution 120-8 on Tuesday.",
    )
    text = report(
        "2031-12-18",
        "The Orlen Assembly adopted the final text of the resolution 125-8 on Wednesday.",
    )
    plenary = report(
        "2031-12-18",
        "The Orlen Assembly adopted the resolution 125-9 on Wednesday.",
    )
    corpus = judge(tmp_path / "text", {"committee": committee, "text": text, "plenary": plenary})
    placed = meetings(corpus)
    assert placed["committee"] == "committee"
    assert placed["text"] == placed["plenary"] != "final"
    assert pairs(conflicts(corpus, "tally")) == {frozenset(("text", "plenary"))}


def test_the_numbered_stages_of_a_race_are_meetings_of_their_own(tmp_path):
    def stage_report(day: str, weekday: str, number: str, riders: int, winner: str) -> str:
        return report(
            day,
            f"""VELDEN - {winner} won the {number} stage of the Harbour Tour on {weekday}, ahead of a
            bunch sprint. A total of {riders} riders started the stage.""",
            f"{winner} wins the {number} stage of the Harbour Tour",
        )

    corpus = judge(
        tmp_path / "tour",
        {
            "third": stage_report("2031-08-13", "Wednesday", "third", 126, "Ana Ruiz"),
            "third_wire": stage_report("2031-08-13", "Tuesday", "third", 126, "Ana Ruiz"),
            "fourth": stage_report("2031-08-14", "Thursday", "fourth", 124, "Eva Lind"),
        },
    )
    assert meetings(corpus) == {"third": "stage 3", "third_wire": "stage 3", "fourth": "stage 4"}
    # the fourth stage's day and field are its own; the third stage's reports are still compared
    assert pairs(conflicts(corpus, "date")) == {frozenset(("third", "third_wire"))}
    assert not conflicts(corpus, "entrants") and not conflicts(corpus, "finalists")


def test_a_family_names_the_family_it_joins_in_a_stage_by_the_stages_label():
    from checker.families import _family

    family = _family("field", {"kind": "count", "in_stage": {"final": "finalists"}}, "en/families/test.yaml")
    assert family.in_stage == (("final", "finalists"),)
    with pytest.raises(ValueError, match="in_stage takes a stage label and a family"):
        _family("field", {"kind": "count", "in_stage": ["final"]}, "en/families/test.yaml")
