"""Copies of one story: placed by a dated copy, one occurrence when none is dated, and never
joined by the few sentences of background an agency repeats every year."""

from __future__ import annotations

from pathlib import Path

from checker.cues import fingerprints
from checker.models import Corpus, Verdict
from checker.occurrence import copied
from checker.pipeline import check
from rules import all_rules

# An invented wire story about an invented yearly vote, a sentence a line.
STORY = [
    "The Harbour Assembly on Tuesday voted to condemn the Westmark fishing ban for the 14th year in a row.",
    "The vote was 151 in favour and 3 against, with 9 abstentions, the assembly said.",
    "Delegates from the island states spoke for more than two hours before the vote was called.",
    "The ban was first imposed in 1997 after a dispute over the northern fishing grounds.",
    "Westmark's envoy Tomas Reller told the assembly that the measure protected stocks of cod.",
    "Fishing communities on the islands say the ban has cost them their livelihoods for decades.",
]
# What an agency repeats in every year's story: background, not news of one vote.
BACKGROUND = [
    "Westmark has long been criticised by its neighbours for the way it manages the northern seas.",
    "The assembly's resolutions are not binding, but they carry the weight of world opinion.",
]


def _write(folder: Path, reports: dict[str, str]) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return check([str(folder)], all_rules())


def _report(lines: list[str], published: str | None = None) -> str:
    head = f"---\npublished: {published}\n---\n" if published else ""
    return head + "\n\n".join(lines) + "\n"


def _changed(lines: list[str], old: str, new: str) -> list[str]:
    return [line.replace(old, new) for line in lines]


def _stem(path: str) -> str:
    return Path(path).stem


def test_prints_ignore_case_and_punctuation_and_skip_short_sentences() -> None:
    long = "The vote was 151 in favour and 3 against, with 9 abstentions, the assembly said."
    assert fingerprints([long]) == fingerprints([long.upper().replace(",", "")])
    assert fingerprints([long]) != fingerprints([long.replace("151", "152")])
    assert fingerprints(["The vote was held on Tuesday."]) == ()


def test_copies_share_most_sentences_and_background_is_not_enough() -> None:
    story = fingerprints(STORY)
    assert copied(story, fingerprints(_changed(STORY, "151", "152"))) == len(STORY) - 1
    other_year = fingerprints([*BACKGROUND, *(line.replace("14th", "15th") + " Later." for line in STORY)])
    assert copied(fingerprints([*BACKGROUND, *STORY]), other_year) == 0


def test_undated_copies_of_one_story_are_one_occurrence_and_their_tallies_conflict(tmp_path: Path) -> None:
    corpus = _write(
        tmp_path / "c",
        {"wire": _report(STORY), "reprint": _report(_changed(STORY, "151 in favour", "152 in favour"))},
    )
    occurrences = {_stem(p): o for p, o in corpus.occurrences.items()}
    assert occurrences["wire"].year is None and occurrences["reprint"].year is None
    assert occurrences["wire"].copies and occurrences["wire"].copies == occurrences["reprint"].copies
    tally = [f for f in corpus.findings if "reprint" in " ".join(f.articles) and f.slot.startswith("tally")]
    assert [f.verdict for f in tally] == [Verdict.CONFLICT], tally
    assert "year unknown" in tally[0].occurrence


def test_undated_copies_whose_count_differs_conflict_on_the_count(tmp_path: Path) -> None:
    corpus = _write(
        tmp_path / "c",
        {"wire": _report(STORY), "reprint": _report(_changed(STORY, "14th year", "15th year"))},
    )
    counts = [f for f in corpus.findings if f.rule == "FL101"]
    assert [f.verdict for f in counts] == [Verdict.CONFLICT], counts


def test_undated_copies_that_agree_give_nothing(tmp_path: Path) -> None:
    corpus = _write(tmp_path / "c", {"wire": _report(STORY), "reprint": _report(STORY)})
    assert corpus.findings == [] or all(f.verdict is not Verdict.CONFLICT for f in corpus.findings)


def test_reports_of_two_years_sharing_background_stay_apart(tmp_path: Path) -> None:
    later = [
        "The Harbour Assembly on Tuesday voted to condemn the Westmark fishing ban for the 15th year "
        "in a row.",
        "The vote was 158 in favour and 2 against, with 6 abstentions, the assembly said.",
        "This year the island states asked for a study of the cod stocks before the next vote.",
        "Westmark's new envoy Ilse Brandt said the ban would be reviewed within two years.",
    ]
    corpus = _write(
        tmp_path / "c", {"first": _report([*BACKGROUND, *STORY]), "second": _report([*BACKGROUND, *later])}
    )
    occurrences = {_stem(p): o for p, o in corpus.occurrences.items()}
    assert occurrences["first"].copies is None and occurrences["second"].copies is None
    assert not [f for f in corpus.findings if f.verdict is Verdict.CONFLICT], corpus.findings
    assert any(f.verdict is Verdict.UNRESOLVED for f in corpus.findings)


def test_an_undated_copy_of_a_dated_report_is_placed_in_its_year(tmp_path: Path) -> None:
    corpus = _write(
        tmp_path / "c",
        {"dated": _report(STORY, "2019-10-30"), "copy": _report([*STORY, "Reporting by a stringer."])},
    )
    placed = {_stem(p): o for p, o in corpus.occurrences.items()}["copy"]
    assert placed.year == 2019
    assert any(e.source == "copied-text" and "dated" in e.detail for e in placed.evidence), placed.evidence


def test_a_copy_of_dated_reports_of_two_years_is_not_placed(tmp_path: Path) -> None:
    corpus = _write(
        tmp_path / "c",
        {
            "a": _report(STORY, "2019-10-30"),
            "b": _report(STORY, "2020-10-28"),  # a copy run again a year later: the years disagree
            "copy": _report(STORY),
        },
    )
    assert {_stem(p): o for p, o in corpus.occurrences.items()}["copy"].year is None


def test_an_undated_report_is_placed_by_the_weekday_and_day_a_dated_report_gives(tmp_path: Path) -> None:
    corpus = _write(
        tmp_path / "c",
        {
            "dated": _report(
                ["The Harbour Assembly voted on Tuesday, October 29, to condemn the ban."], "2019-10-30"
            ),
            "other": _report(
                ["The Harbour Assembly voted on Wednesday, October 28, to condemn the ban."], "2020-10-29"
            ),
            "undated": _report(["On Tuesday, October 29, the Harbour Assembly again condemned the ban."]),
            "no-weekday": _report(["On October 29 the Harbour Assembly again condemned the ban."]),
            # the day and month of one edition only, in a series whose date moves: its weekday
            # is wrong, which the check then finds
            "wrong-weekday": _report(["On Monday, October 29, the Harbour Assembly condemned the ban."]),
        },
    )
    placed = {_stem(p): o for p, o in corpus.occurrences.items()}
    assert placed["wrong-weekday"].year == 2019
    assert any("another weekday" in e.detail for e in placed["wrong-weekday"].evidence)
    assert placed["undated"].year == 2019
    assert any(e.source == "calendar" and "dated" in e.detail for e in placed["undated"].evidence)
    assert placed["no-weekday"].year is None  # the same day and month recur every year


def test_a_copy_follows_the_report_its_shared_tally_placed_and_its_changed_tally_conflicts(
    tmp_path: Path,
) -> None:
    dated = _report(
        [
            "The Harbour Assembly on Tuesday condemned the Westmark fishing ban once again.",
            "The resolution passed with 151 in favour and 3 against, with 9 abstentions.",
            "Island delegates said the ban on the northern fishing grounds had to end.",
        ],
        "2019-10-30",
    )
    # the year before gave another tally: 151-3-9 tells 2019 from its neighbour
    year_before = _report(
        [
            "The Harbour Assembly on Wednesday condemned the Westmark fishing ban once again.",
            "The resolution passed with 147 in favour and 4 against, with 10 abstentions.",
        ],
        "2018-10-31",
    )
    corpus = _write(
        tmp_path / "c",
        {
            "dated": dated,
            "before": year_before,
            "wire": _report(STORY),
            "reprint": _report(_changed(STORY, "151 in", "152 in")),
        },
    )
    placed = {_stem(p): o for p, o in corpus.occurrences.items()}
    assert placed["wire"].year == placed["reprint"].year == 2019
    tally = [f for f in corpus.findings if f.slot.startswith("tally") and "reprint" in " ".join(f.articles)]
    assert Verdict.CONFLICT in {f.verdict for f in tally}, tally


def test_copies_of_a_year_whose_meeting_is_unknown_are_one_occurrence(tmp_path: Path) -> None:
    """A series that meets twice a year (a committee, then the plenary): copies of one story
    dated by the year alone still report one meeting, so their differing tallies conflict."""
    dated = {
        "committee": _report(
            ["The Harbour Assembly committee voted on Tuesday to condemn the ban."], "2019-11-13"
        ),
        "plenary": _report(
            ["The Harbour Assembly plenary voted on Wednesday to condemn the ban."], "2019-12-19"
        ),
    }
    story = ["Dated 2019 in its address.", *STORY]
    corpus = _write(
        tmp_path / "c",
        {
            **dated,
            "wire": "---\nurl: https://news.example/2019/story\n---\n" + "\n\n".join(story) + "\n",
            "reprint": "---\nurl: https://other.example/2019/story\n---\n"
            + "\n\n".join(_changed(story, "151 in", "152 in"))
            + "\n",
        },
    )
    placed = {_stem(p): o for p, o in corpus.occurrences.items()}
    assert placed["wire"].year == 2019 and not placed["wire"].meeting_known
    assert placed["wire"].copies == placed["reprint"].copies
    tally = [f for f in corpus.findings if f.slot.startswith("tally") and "reprint" in " ".join(f.articles)]
    assert Verdict.CONFLICT in {f.verdict for f in tally}, tally


def test_a_report_with_no_event_date_is_in_the_meeting_it_was_published_during(tmp_path: Path) -> None:
    """A series that meets twice a year: a report that gives no day of its event but was
    published while a meeting sat, just after it or in the two weeks before it, tells of that
    meeting; one published between the two is left open."""
    body = ["The Harbour Assembly session on the Westmark fishing ban drew delegates from the islands."]
    reports = {
        "spring": _report(
            ["The Harbour Assembly voted on Tuesday to condemn the Westmark fishing ban."], "2019-05-14"
        ),
        "autumn": _report(
            ["The Harbour Assembly voted on Tuesday to condemn the Westmark fishing ban."], "2019-11-12"
        ),
        "during": _report(body, "2019-11-13"),
        "preview": _report(body, "2019-11-01"),
        "between": _report(body, "2019-08-20"),
    }
    placed = {_stem(p): o for p, o in _write(tmp_path / "m", reports).occurrences.items()}
    autumn = placed["autumn"].meeting
    assert placed["during"].meeting == autumn and placed["during"].meeting_known
    assert placed["preview"].meeting == autumn
    assert placed["spring"].meeting != autumn
    assert not placed["between"].meeting_known


def test_an_undated_report_is_in_the_meeting_whose_reports_give_its_edition_count(tmp_path: Path) -> None:
    """A year with a preparatory session and the conference: a report of that year with no day
    of its event is of the conference when it gives the conference's edition count as its
    event's own; a count inside a title ("WSC12 President-Designate") tells nothing."""
    reports = {
        "prep": _report(
            [
                "WSC12 President-Designate Ana Ruiz opened the preparatory session of the World Soil "
                "Conference in Arden on Thursday."
            ],
            "2031-10-09",
        ),
        "final": _report(
            ["At WSC12 in Arden, the World Soil Conference agreed a deal on Saturday, delegates said."],
            "2031-11-22",
        ),
        "spring": _report(
            ["The World Soil Conference met in Arden on Saturday for its spring session, delegates said."],
            "2030-05-11",
        ),
        "autumn": _report(
            ["At WSC11 in Arden, the World Soil Conference agreed a deal on Saturday, delegates said."],
            "2030-11-23",
        ),
        "undated": "---\nurl: https://news.example/2031/11/wsc-deal\n---\n"
        "WSC12 in Arden ended with a deal on the World Soil Conference's soil goal.\n",
        "titled": "---\nurl: https://news.example/2031/11/wsc-talks\n---\n"
        "WSC12 President-Designate Ana Ruiz said the World Soil Conference would end with a deal.\n",
    }
    placed = {_stem(p): o for p, o in _write(tmp_path / "e", reports).occurrences.items()}
    assert placed["undated"].year == 2031
    assert placed["undated"].meeting == placed["final"].meeting and placed["undated"].meeting_known
    assert not placed["titled"].meeting_known


def test_an_undated_report_is_in_the_meeting_held_where_its_dateline_was_filed(tmp_path: Path) -> None:
    """A conference held in a different city each year, with a spring session besides: a report
    with no day of its event whose dateline names where only one meeting of the series is said
    to be held is of that meeting (and of its year, where it gives none); a dateline naming no
    venue, or the city of a series always held in one place, tells nothing."""

    def held(city: str, session: str = "") -> list[str]:
        return [f"The World Soil Conference{session} in {city}, Ruritania, agreed a deal on Saturday."]

    reports = {
        "spring": _report(held("Arden", " spring session"), "2030-05-11"),
        "autumn": _report(held("Belmora"), "2030-11-23"),
        "later": _report(held("Corvada"), "2031-11-22"),
        "latest": _report(held("Dunmore"), "2032-11-20"),
        "filed": "---\nurl: https://news.example/2030/11/wsc-deal\n---\n"
        "BELMORA, Ruritania - Delegates of the World Soil Conference agreed a soil deal.\n",
        "elsewhere": "---\nurl: https://news.example/2030/11/wsc-talks\n---\n"
        "HALDEN, Ruritania - Delegates of the World Soil Conference agreed a soil deal.\n",
        "undated": "CORVADA, Ruritania - Delegates of the World Soil Conference agreed a soil deal.\n",
    }
    placed = {_stem(p): o for p, o in _write(tmp_path / "d", reports).occurrences.items()}
    assert placed["filed"].year == 2030
    assert placed["filed"].meeting == placed["autumn"].meeting and placed["filed"].meeting_known
    assert placed["autumn"].meeting != placed["spring"].meeting
    assert placed["elsewhere"].year == 2030 and not placed["elsewhere"].meeting_known
    # with no year of its own, the dateline gives the year too
    assert placed["undated"].year == 2031 and placed["undated"].meeting == placed["later"].meeting


def test_a_dateline_tells_no_meeting_in_a_series_held_in_one_city(tmp_path: Path) -> None:
    """Every meeting in Arden: a dateline ARDEN could be any of them."""
    reports = {
        "spring": _report(
            ["The World Soil Conference spring session in Arden, Ruritania, agreed a deal on Saturday."],
            "2030-05-11",
        ),
        "autumn": _report(
            ["The World Soil Conference in Arden, Ruritania, agreed a deal on Saturday."], "2030-11-23"
        ),
        "later": _report(
            ["The World Soil Conference in Arden, Ruritania, agreed a deal on Saturday."], "2031-11-22"
        ),
        "filed": "---\nurl: https://news.example/2030/11/wsc-deal\n---\n"
        "ARDEN, Ruritania - Delegates of the World Soil Conference agreed a soil deal.\n",
    }
    placed = {_stem(p): o for p, o in _write(tmp_path / "o", reports).occurrences.items()}
    assert not placed["filed"].meeting_known
