"""The rule registry: one line a rule, sorted by code. Adding a rule adds one module and one line."""

from __future__ import annotations

from checker.rule import Rule
from rules.adoption_method import AdoptionMethod
from rules.consensus_participation import ConsensusParticipation
from rules.event_date import EventDate
from rules.lead_sponsor import LeadSponsor
from rules.name_variant import NameVariant
from rules.ordinal_year import OrdinalYear
from rules.person_role import PersonRole
from rules.recurrence_arithmetic import RecurrenceArithmetic
from rules.series_start import SeriesStart
from rules.sponsor_count import SponsorCount
from rules.sponsorship import Sponsorship
from rules.vote_position import VotePosition
from rules.vote_tally import VoteTally

REGISTRY: tuple[type[Rule], ...] = (
    OrdinalYear,  # FL101
    SeriesStart,  # FL102
    SponsorCount,  # FL103
    RecurrenceArithmetic,  # FL104
    Sponsorship,  # FL201
    LeadSponsor,  # FL202
    PersonRole,  # FL203
    ConsensusParticipation,  # FL204
    AdoptionMethod,  # FL301
    VoteTally,  # FL302
    VotePosition,  # FL303
    EventDate,  # FL401
    NameVariant,  # FL501
)


def all_rules() -> list[Rule]:
    """One instance of every registered rule, sorted by code."""
    return [cls() for cls in sorted(REGISTRY, key=lambda r: r.code)]
