"""The holder kind's comparison: when two reports name the same winner, host, organiser or chair."""

from __future__ import annotations

import pytest

from checker.kinds.holder import KIND


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((("person", "eliud kipchoge"),), (("person", "kipchoge"),)),  # a name written short
        ((("person", "petra mede"),), (("person", "pedra mede"),)),  # a spelling: FL501's to judge
        ((("organization", "ebu"),), (("organization", "european broadcasting union"),)),  # acronym
        ((("country", "Sweden"),), (("person", "loreen"),)),  # a singer wins for a country
        ((("place", "baku"),), (("country", "Azerbaijan"),)),  # a city hosts in a country
        ((("place", "oslo"), ("place", "bergen")), (("place", "bergen"),)),  # co-hosts, one left out
    ],
)
def test_one_holder_named_two_ways(a: tuple, b: tuple) -> None:
    assert KIND.compatible(a, b) and KIND.compatible(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((("person", "eliud kipchoge"),), (("person", "eliud kiprono"),)),  # two surnames
        ((("country", "Italy"),), (("country", "Malta"),)),
        ((("place", "baku"),), (("place", "tbilisi"),)),
        ((("country", "Sweden"), ("person", "loreen")), (("country", "Finland"),)),
    ],
)
def test_different_holders_disagree(a: tuple, b: tuple) -> None:
    assert not KIND.compatible(a, b) and not KIND.compatible(b, a)
