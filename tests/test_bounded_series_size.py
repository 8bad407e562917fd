"""A series holds one event's reports: two events whose names share no word are never
gathered into one, however their reports are written, so a series stays the size of a real
series as an archive grows (what bounds the memory of judging one series at a time)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import profiles_of

from checker.series import EVENT_MARK, gather_series

# invented events, each with a unique place; a title ending in the event's name, then a
# first sentence opening with it, as wire stories are often written
EVENTS = {
    "arcor": ("Thousands run the Arcor Marathon", "The Arcor Marathon was held on Sunday in Arcor, Chile."),
    "belren": (
        "Thousands run the Belren Marathon",
        "The Belren Marathon was held on Sunday in Belren, Peru.",
    ),
    "minkes": (
        "Novel by Anna Marsh wins the Minkes Prize",
        "The Minkes Prize for Fiction went to Anna Marsh on Tuesday.",
    ),
    "lygalta": (
        "Play by Anna Marsh wins the Lygalta Prize",
        "The Lygalta Prize for Drama went to Anna Marsh on Tuesday.",
    ),
}


def _write(folder: Path) -> list[Path]:
    paths = []
    for place, (title, lead) in EVENTS.items():
        for year in (2011, 2012, 2013):
            path = folder / f"{place}-{year}.md"
            path.write_text(
                f'---\ntitle: "{title}"\npublished: {year}-05-02\n---\n\n{lead} Crowds lined the route.\n',
                encoding="utf-8",
            )
            paths.append(path)
    return paths


@pytest.fixture(scope="module")
def profiles(tmp_path_factory: pytest.TempPathFactory) -> list:
    return profiles_of(_write(tmp_path_factory.mktemp("series-size")))


def test_a_title_and_a_first_sentence_give_the_event_name_each_not_one_name_of_both(profiles: list) -> None:
    # run together, "... the Arcor Marathon The Arcor Marathon was held" gave "arcor marathon
    # arcor", whose word "marathon" joined every marathon so written
    for p in profiles:
        place = Path(p.path).name.split("-")[0]
        names = {t[1:] for t, _ in p.terms if t.startswith(EVENT_MARK)}
        assert names == {place}, p.path


def test_events_sharing_no_name_word_are_gathered_apart(profiles: list) -> None:
    model = gather_series(profiles)
    events: dict[int, set[str]] = {}
    for path, index in model.members.items():
        events.setdefault(index, set()).add(Path(path).name.split("-")[0])
    assert sorted(sorted(e) for e in events.values()) == [[place] for place in sorted(EVENTS)]
