"""Series gathering reads its profiles pass by pass from a store instead of holding them all:
three passes over every profile, and the reports that name their event or series once more,
with the series a list of the same profiles gives."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest
from conftest import generated_profiles

from checker.index import _PathTable
from checker.series import Profile, gather_series, gather_stored

REPO = Path(__file__).resolve().parents[1]


class _Counting:
    """Profiles made afresh on every read, as a store on disk gives them, with reads counted."""

    def __init__(self, profiles: list[Profile]) -> None:
        self._rows = [(p.path, p.series, p.terms, p.anchors) for p in profiles]
        self.passes = 0
        self.some_read: list[int] = []

    def each(self) -> Iterator[tuple[int, Profile]]:
        self.passes += 1
        for handle, row in enumerate(self._rows):
            yield handle, Profile(*row)

    def some(self, handles: Sequence[int]) -> Iterable[Profile]:
        self.some_read += handles
        return (Profile(*self._rows[h]) for h in handles)


@pytest.fixture(scope="module")
def profiles(tmp_path_factory: pytest.TempPathFactory) -> list[Profile]:
    return generated_profiles(tmp_path_factory.mktemp("bounded") / "corpus", 120, 9)


def _model(model) -> tuple:
    return (
        model.members,
        model.labels,
        dict(model.df),
        model.reports,
        [c.to_dict() for c in model.clusters],
    )


@pytest.mark.parametrize("order", ["path", "reversed"])
def test_a_store_read_pass_by_pass_gathers_what_a_list_gathers(profiles: list[Profile], order: str) -> None:
    given = profiles if order == "path" else profiles[::-1]
    store = _Counting(given)
    assert _model(gather_stored(store)) == _model(gather_series(given))
    assert store.passes == 3
    named = {h for h, p in enumerate(given) if p.series or any(t.startswith("!") for t, _ in p.terms)}
    assert set(store.some_read) <= named and len(store.some_read) == len(set(store.some_read))


def test_what_is_noted_of_every_report_may_be_kept_on_disk(profiles: list[Profile]) -> None:
    """The index keeps each report's series in SQLite tables, not in dicts: the same series."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    tables: list[_PathTable] = []

    def table() -> _PathTable:
        tables.append(_PathTable(conn, f"noted_{len(tables)}"))
        return tables[-1]

    on_disk = gather_stored(_Counting(profiles[::-1]), table)
    in_memory = gather_series(profiles[::-1])
    assert dict(on_disk.members) == in_memory.members
    assert _model(on_disk)[1:] == _model(in_memory)[1:]
    assert len(tables) == 3 and len(on_disk.members) == len({p.path for p in profiles})
