"""Amounts agree within the rounding of the less precise of the two, in one unit only."""

from __future__ import annotations

from checker.kinds.amount import KIND

B = 1e9


def test_equal_within_the_rounding_of_the_less_precise() -> None:
    assert KIND.compatible((4.2 * B, "USD", 0.1 * B, "exact"), (4180e6, "USD", 1e6, "exact"))
    assert not KIND.compatible((300 * B, "USD", B, "exact"), (250 * B, "USD", B, "exact"))
    assert not KIND.compatible((300 * B, "USD", B, "exact"), (301 * B, "USD", B, "exact"))


def test_different_units_never_agree() -> None:
    assert not KIND.compatible((300 * B, "USD", B, "exact"), (300 * B, "EUR", B, "exact"))


def test_a_qualified_amount_is_a_range() -> None:
    assert KIND.compatible((100 * B, "USD", B, "more-than"), (300 * B, "USD", B, "exact"))
    assert not KIND.compatible((100 * B, "USD", B, "less-than"), (300 * B, "USD", B, "exact"))


def test_a_length_in_miles_agrees_with_km() -> None:
    mile = 1.609344
    assert KIND.compatible((42.195, "km", 0.001, "exact"), (26.2 * mile, "km", 0.1 * mile, "exact"))


def test_when_an_amount_is_due_is_part_of_it() -> None:
    by, start = (300 * B, "USD", B, "exact", "by 2035"), (300 * B, "USD", B, "exact", "from 2035")
    assert not KIND.compatible(by, start)
    assert KIND.compatible(by, (300 * B, "USD", B, "exact", ""))  # one report leaves it out
    assert KIND.compatible(by, (300 * B, "USD", B, "exact"))  # a value kept without it


def test_a_currency_known_by_its_word_is_shown_after_the_amount() -> None:
    from types import SimpleNamespace

    def shown(amount: float, unit: str) -> str:
        return KIND.compact(SimpleNamespace(value=(amount, unit, 1, "exact")))

    assert shown(153000, "crowns") == "153000 crowns"
    assert shown(100000, "CHF") == "CHF 100000"
    assert shown(5e6, "USD") == "$5m"
    assert shown(2, "strokes") == "2 strokes"
