"""Generate a benchmark corpus of news reports about invented recurring events (issue 6).

Usage:
    python benchmarks/generate.py N OUTDIR [--seed S] [--events E] [--plant-rate R]
                                  [--style template|realistic]

Writes N Markdown reports (front matter: title, outlet, published) to OUTDIR, and
OUTDIR/expected.json with the planted contradictions. The same N and seed give the same bytes.

The corpus covers E invented recurring events (default max(10, N // 250)) of five kinds: an
annual UN General Assembly vote on an invented topic (tally, co-sponsors, countries voting
against, lead sponsors), a city marathon (edition count), a provincial parliament's budget
vote (tally, streak of on-time budgets), a film festival (ordinal edition) and a literary
prize (jury vote). Each event has its own invented place name and host country, named in
every report's title and first sentence, so a reader can tell events of one kind apart. Each
occurrence (event + year) has one truth; every report states a random part of it in varied
wording, with background sentences and numbers that are not claims ("the 193-member body",
"cost 2.5 billion", "in 1962", "42.195 kilometres").

A share of the reports (R, default 0.05) carries one planted contradiction with another report
of the same occurrence that states the true value: a wrong ordinal (FL101), a wrong tally
(FL302) or a wrong date (FL401). expected.json lists each as {file, partner, rule, slot,
event, year, true, planted, quote}; it also maps every report to its event and year, so a
benchmark can check that series clustering keeps the events apart.

Two styles write the same plan (the same reports about the same occurrences, the same plants).
`template` (the default, bytes unchanged) is short reports in a fixed set of wordings close to
the ones the extractor was written for. `realistic` is text shaped like a scraped wire story: a
story of 400-900 words (real wire copy), with a byline and a dateline ("By Anna Kowal, Reuters",
"VELMOR, Chile (AP) --"), quotes from a roster of invented officials per event, background
paragraphs, a true sentence about last or next year's edition now and then, claims in several
paraphrases each ("for the 12th year running", "marking the 12th straight year", "a text tabled
for the twelfth consecutive year", "passed 131-4"), export junk between paragraphs ("[ad_1]",
"Advertisement", share and subscribe lines, "[Photo] ..." captions, "Read more: ..." links,
sign-offs) and encoding noise drawn per report: typographic quotes, mojibake ("â€™"
for a typographic apostrophe), non-breaking spaces or "&nbsp;" after numbers, a BOM before the
front matter or a stray one inside, CRLF line ends. Background figures are drawn once per
occurrence, so reports of one event and year agree on everything but the plant. expected.json
then names the style, and each plant's quote is the sentence as written, noise included; a run
reports how many plants factlint finds in wordings it may not read yet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

LAST_YEAR = 2024
FIRST_REPORT_YEAR = 1996
KINDS = ("assembly", "marathon", "budget", "festival", "prize")
PLANT_SLOTS = {"ordinal": "FL101", "tally": "FL302", "event-date": "FL401"}
TALLY_KINDS = ("assembly", "budget", "prize")

# Canonical country names factlint knows (checker/data/entities.yaml); none is also a
# common first name or an English word.
COUNTRIES = (
    "Albania",
    "Algeria",
    "Angola",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bangladesh",
    "Belgium",
    "Bolivia",
    "Botswana",
    "Brazil",
    "Bulgaria",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Chile",
    "Colombia",
    "Costa Rica",
    "Croatia",
    "Cyprus",
    "Denmark",
    "Ecuador",
    "Egypt",
    "Estonia",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Ghana",
    "Greece",
    "Guatemala",
    "Honduras",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Ireland",
    "Italy",
    "Jamaica",
    "Japan",
    "Kazakhstan",
    "Kenya",
    "Kyrgyzstan",
    "Latvia",
    "Lebanon",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Mali",
    "Malta",
    "Mauritius",
    "Mexico",
    "Moldova",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Namibia",
    "Nepal",
    "Netherlands",
    "New Zealand",
    "Nigeria",
    "Norway",
    "Oman",
    "Pakistan",
    "Panama",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Romania",
    "Rwanda",
    "Senegal",
    "Serbia",
    "Slovakia",
    "Slovenia",
    "South Africa",
    "Spain",
    "Sri Lanka",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Tanzania",
    "Thailand",
    "Tunisia",
    "Turkey",
    "Uganda",
    "Uruguay",
    "Uzbekistan",
    "Vietnam",
    "Zambia",
    "Zimbabwe",
)
OPPONENTS = (
    "Belarus",
    "Cuba",
    "Iran",
    "Nicaragua",
    "Russia",
    "Syria",
    "Venezuela",
    "Eritrea",
    "Myanmar",
    "Laos",
    "Burundi",
    "Zimbabwe",
    "Sudan",
    "Tajikistan",
    "Turkmenistan",
)
LEADS = (
    "the European Union",
    "Japan",
    "Canada",
    "Norway",
    "Mexico",
    "Australia",
    "Chile",
    "Ireland",
    "Costa Rica",
    "New Zealand",
    "Switzerland",
    "Ghana",
)
OUTLETS = (
    "The Northern Ledger",
    "Harbor Courier",
    "Daily Meridian",
    "Valley Wire",
    "The Evening Post",
    "Coastal Times",
    "Capital Dispatch",
    "The Morning Record",
    "Riverside Chronicle",
    "The Continental",
    "Metro Observer",
    "The Plains Gazette",
    "World Desk",
    "The Standard Review",
    "Lakeshore News",
    "The Atlas Report",
    "Summit Daily",
    "The Civic Mirror",
    "Bayline Press",
    "The Weekly Compass",
)
FIRST_NAMES = (
    "Anna",
    "Tomas",
    "Lena",
    "Marco",
    "Ines",
    "Pavel",
    "Sara",
    "Dmitri",
    "Clara",
    "Emil",
    "Nadia",
    "Oskar",
    "Rosa",
    "Felix",
    "Mira",
    "Jonas",
    "Alma",
    "Viktor",
    "Helga",
    "Ruben",
    "Petra",
    "Andres",
    "Yara",
    "Goran",
    "Lucia",
    "Samir",
)
LAST_NAMES = (
    "Kowal",
    "Reyner",
    "Marsh",
    "Okafor",
    "Lindqvist",
    "Duarte",
    "Haldane",
    "Petrov",
    "Castell",
    "Brandt",
    "Moreau",
    "Szabo",
    "Tanaka",
    "Quint",
    "Varga",
    "Ellery",
    "Norrell",
    "Abara",
    "Fenwick",
    "Ostrova",
    "Calder",
    "Mbeki",
    "Horvath",
    "Santini",
)
SYLLABLES = (
    "vel",
    "mor",
    "kes",
    "trin",
    "ar",
    "len",
    "dor",
    "bra",
    "sal",
    "min",
    "tho",
    "ren",
    "gal",
    "wick",
    "os",
    "ta",
    "ri",
    "van",
    "bel",
    "cor",
    "na",
    "ly",
    "ther",
    "quin",
    "zan",
    "dra",
    "fel",
    "mar",
    "ost",
    "lun",
    "pel",
    "ka",
    "sor",
    "vin",
    "hal",
    "eb",
)
FEATURES = (
    "Wetlands",
    "Basin",
    "Delta",
    "Highlands",
    "Gulf",
    "Steppe",
    "Archipelago",
    "Plateau",
    "Lagoon",
    "Forest",
    "Valley",
    "Glacier",
)
CAUSES = (
    "the protection of the {P} {F}",
    "the recovery of the {P} {F}",
    "water sharing in the {P} {F}",
    "demining in the {P} {F}",
    "the rights of herders in the {P} {F}",
    "the safety of fishers in the {P} {F}",
)
FIELDS = ("Poetry", "Fiction", "Nonfiction", "Translation", "Children's Literature", "Drama")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WORDS = {
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
    10: "tenth",
    11: "eleventh",
    12: "twelfth",
    13: "thirteenth",
    14: "fourteenth",
    15: "fifteenth",
    16: "sixteenth",
    17: "seventeenth",
    18: "eighteenth",
    19: "nineteenth",
    20: "twentieth",
    30: "thirtieth",
    40: "fortieth",
}
TENS = {20: "twenty", 30: "thirty", 40: "forty"}
UNITS = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
}


# ---------------------------------------------------------------- events and their truth


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    place: str
    country: str
    start: int  # first year of the series
    month: int  # held on the nth weekday of this month
    weekday: int
    nth: int
    fixed: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def name(self) -> str:
        return self.fixed["name"]


@dataclass(frozen=True)
class Truth:
    """One occurrence: what is true of the event in one year."""

    date: dt.date
    ordinal: int
    tally: tuple[int, int, int] | None
    facts: dict


def make_events(rng: random.Random, count: int) -> list[Event]:
    """Invent `count` events, kinds in turn, each with a unique place; countries repeat only
    past len(COUNTRIES) events."""
    places = _place_names(rng, count)
    countries = rng.sample(COUNTRIES, len(COUNTRIES))
    events = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        place = places[i]
        country = countries[i % len(COUNTRIES)]
        month, weekday = {
            "assembly": (12, rng.choice((1, 2, 3))),
            "marathon": (rng.choice((4, 5, 9, 10)), 6),
            "budget": (rng.choice((11, 12)), 3),
            "festival": (rng.choice((2, 6, 9, 10)), 4),
            "prize": (rng.choice((3, 5, 10, 11)), 3),
        }[kind]
        nth = rng.choice((2, 3))
        start = rng.randint(1960, 2003)
        events.append(
            Event(
                f"E{i:04d}",
                kind,
                place,
                country,
                start,
                month,
                weekday,
                nth,
                _fixed(rng, kind, place, country),
            )
        )
    return events


def _place_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3))))
        if 5 <= len(word) <= 11 and word not in seen:
            seen.add(word)
            names.append(word.capitalize())
    return names


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _fixed(rng: random.Random, kind: str, place: str, country: str) -> dict:
    """Facts of an event that hold every year."""
    feature = rng.choice(FEATURES)
    others = [c for c in OPPONENTS if c != country]
    if kind == "assembly":
        cause = rng.choice(CAUSES).format(P=place, F=feature)
        leads = rng.sample([x for x in LEADS if x != country], rng.choice((1, 1, 2)))
        return {
            "name": f"the resolution on {cause}",
            "cause": cause,
            "feature": feature,
            "leads": leads,
            "opponents": rng.sample(others, rng.randint(2, 5)),
            "envoy": _person(rng),
        }
    if kind == "marathon":
        return {"name": f"{place} Marathon", "director": _person(rng)}
    if kind == "budget":
        return {
            "name": f"{place} provincial parliament",
            "minister": _person(rng),
            "seats": rng.choice((81, 101, 121, 151)),
        }
    if kind == "festival":
        title = rng.choice(("Film Festival", "International Film Festival"))
        return {
            "name": f"{place} {title}",
            "president": _person(rng),
            "prize": f"Golden {rng.choice(('Heron', 'Lynx', 'Anchor', 'Lantern', 'Reed'))}",
        }
    field_ = rng.choice(FIELDS)
    return {
        "name": f"{place} Prize for {field_}",
        "field": field_,
        "chair": _person(rng),
        "jury": rng.choice((5, 7, 9)),
    }


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def truth(seed: int, event: Event, year: int) -> Truth:
    """The facts of one occurrence, the same whatever else is generated."""
    rng = random.Random(f"{seed}:{event.id}:{year}")
    date = nth_weekday(year, event.month, event.weekday, event.nth)
    f = event.fixed
    facts: dict = {}
    tally = None
    if event.kind == "assembly":
        against = rng.sample(f["opponents"], rng.randint(1, len(f["opponents"])))
        tally = (rng.randint(110, 185), len(against), rng.randint(1, 60))
        facts.update(against=against, cosponsors=rng.randint(18, 95))
    elif event.kind == "budget":
        yes = rng.randint(f["seats"] // 2 + 1, f["seats"] - 10)
        no = rng.randint(5, f["seats"] - yes - 2)
        tally = (yes, no, rng.randint(1, f["seats"] - yes - no))
        facts.update(total=round(rng.uniform(2, 40), 1), growth=round(rng.uniform(0.5, 6.5), 1))
    elif event.kind == "prize":
        yes = rng.randint(f["jury"] // 2 + 1, f["jury"] - 1)
        tally = (yes, f["jury"] - yes, 0)
        facts.update(winner=_person(rng), entries=rng.randint(90, 400))
    elif event.kind == "marathon":
        facts.update(
            runners=rng.randint(40, 400) * 100,
            men=_person(rng),
            women=_person(rng),
            men_time=f"2:0{rng.randint(4, 9)}:{rng.randint(10, 59)}",
            nationality=rng.choice(("Kenya", "Ethiopia", "Uganda", "Morocco")),
        )
    else:
        facts.update(
            films=rng.randint(80, 260),
            countries=rng.randint(20, 70),
            winner=_person(rng),
            visitors=rng.randint(20, 150) * 1000,
        )
    return Truth(date, year - event.start + 1, tally, facts)


# ---------------------------------------------------------------- phrasing


def ordinal(n: int, rng: random.Random) -> str:
    """16 as "16th" or, now and then, "sixteenth"."""
    if rng.random() < 0.3 and n <= 49:
        if n in WORDS:
            return WORDS[n]
        if n > 20 and n % 10:
            return f"{TENS[n - n % 10]}-{UNITS[n % 10]}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def date_phrase(date: dt.date, published: dt.date, style: str) -> str:
    """ "on Sunday", "on April 14", "on Sunday, April 14" or "on Dec. 14"."""
    month = MONTH_NAMES[date.month - 1]
    if style == "weekday":
        return f"on {WEEKDAYS[date.weekday()]}"
    if style == "full":
        return f"on {WEEKDAYS[date.weekday()]}, {month} {date.day}"
    if style == "abbr" and len(month) > 5:
        return f"on {month[:3]}. {date.day}"
    return f"on {month} {date.day}"


def date_style(rng: random.Random, date: dt.date, published: dt.date) -> str:
    styles = ["month", "full", "abbr"] + (["weekday"] * 3 if (published - date).days <= 4 else [])
    return rng.choice(styles)


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass
class Report:
    """One report as planned: what occurrence it speaks of and what it must say."""

    name: str
    event: Event
    year: int
    outlet: str
    published: dt.date
    forced: set[str] = field(default_factory=set)  # slots it must state
    plant: dict | None = None  # {slot, true, planted}
    quote: str = ""  # the sentence that carries the planted value
    stated: dict[str, str] = field(default_factory=dict)  # slot -> sentence, once rendered


# Per kind: lead(ctx) -> sentence with the date; facts: slot -> list of phrasings;
# background: sentences with numbers that are not claims, and plain filler.


class Ctx:
    """What a phrasing may use: the event, the occurrence's truth and the report's own values."""

    def __init__(
        self,
        rng,
        event: Event,
        t: Truth,
        report: Report,
        date: dt.date,
        ordinal_value: int,
        tally: tuple[int, int, int] | None,
    ) -> None:
        self.rng, self.e, self.t, self.r = rng, event, t, report
        self.f, self.x = event.fixed, t.facts
        self.P, self.C = event.place, event.country
        self.date = date
        self.when = date_phrase(date, report.published, date_style(rng, date, report.published))
        self.n = ordinal_value
        self.ord = ordinal(ordinal_value, rng)
        self.tally = tally

    def who(self) -> str:
        return _person(self.rng)


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _lead_assembly(c: Ctx, with_ordinal: bool) -> str:
    streak = f" for the {c.ord} consecutive year" if with_ordinal else ""
    return c.rng.choice(
        (
            f"The UN General Assembly {c.when} adopted a resolution on {c.f['cause']} in {c.C}{streak}.",
            f"{_cap(c.when)}, the UN General Assembly adopted its annual resolution on "
            f"{c.f['cause']}, a region of {c.C}{streak}.",
            f"A resolution on {c.f['cause']} in {c.C} was adopted by the UN General Assembly "
            f"{c.when}{streak}.",
        )
    )


def _lead_marathon(c: Ctx, with_ordinal: bool) -> str:
    runners = f"{c.x['runners']:,}"
    if with_ordinal:
        return c.rng.choice(
            (
                f"The {c.P} Marathon was held {c.when} for the {c.ord} time, with some {runners} "
                f"runners crossing the bridges of {c.P}, {c.C}.",
                f"Some {runners} runners lined up in {c.P}, {c.C}, {c.when} as the city's marathon "
                f"took place for the {c.ord} consecutive year.",
                f"The {c.ord} edition of the {c.P} Marathon was held {c.when} in {c.C}, drawing "
                f"some {runners} runners.",
            )
        )
    return c.rng.choice(
        (
            f"The {c.P} Marathon was held {c.when}, with some {runners} runners crossing the "
            f"bridges of {c.P}, {c.C}.",
            f"Some {runners} runners took to the streets of {c.P}, {c.C}, {c.when} as the city "
            f"marathon was held in cool weather.",
        )
    )


def _lead_budget(c: Ctx, with_ordinal: bool) -> str:
    streak = (
        f", passing it before the December deadline for the {c.ord} consecutive year" if with_ordinal else ""
    )
    return c.rng.choice(
        (
            f"Lawmakers in {c.C}'s {c.P} province approved the regional budget for "
            f"{c.r.year + 1} {c.when}{streak}.",
            f"The {c.P} provincial parliament in {c.C} passed next year's budget {c.when}{streak}.",
        )
    )


def _lead_festival(c: Ctx, with_ordinal: bool) -> str:
    if with_ordinal:
        return c.rng.choice(
            (
                f"The {c.f['name']}, held for the {c.ord} time, opened in {c.P}, {c.C}, {c.when}.",
                f"The {c.ord} edition of the {c.f['name']} was held in {c.C}, opening {c.when} "
                f"in the old town of {c.P}.",
            )
        )
    return f"The {c.f['name']} was held in {c.P}, {c.C}, opening {c.when} with a gala screening."


def _lead_prize(c: Ctx, with_ordinal: bool) -> str:
    winner = c.x["winner"]
    if with_ordinal and "ordinal" in c.r.forced:
        # factlint reads a count in a clause with "won" as the winner's streak, so a planted
        # or partner count is never put there (the other reports still use that wording).
        return (
            f"The {c.f['name']} was awarded {c.when} for the {c.ord} time, at a ceremony "
            f"held in {c.P}, {c.C}."
        )
    if with_ordinal:
        return c.rng.choice(
            (
                f"The {c.f['name']} was awarded {c.when} for the {c.ord} time, at a ceremony held in "
                f"{c.P}, {c.C}.",
                f"{winner} won the {c.f['name']} {c.when}, the {c.ord} edition of the award, at a "
                f"ceremony in {c.P}, {c.C}.",
            )
        )
    return f"{winner} won the {c.f['name']} {c.when} at a ceremony held in {c.P}, {c.C}."


LEADS_BY_KIND: dict[str, Callable[[Ctx, bool], str]] = {
    "assembly": _lead_assembly,
    "marathon": _lead_marathon,
    "budget": _lead_budget,
    "festival": _lead_festival,
    "prize": _lead_prize,
}


def _ordinal_sentence(c: Ctx) -> str:
    k = c.e.kind
    if k == "assembly":
        return c.rng.choice(
            (
                f"It was the {c.ord} consecutive year that the assembly passed the text.",
                f"The resolution has now been adopted for {c.n} consecutive years.",
                f"This year's vote marks the {c.ord} time the assembly has taken up the issue.",
            )
        )
    if k == "budget":
        return c.rng.choice(
            (
                f"It is the {c.ord} straight year that the budget has been approved before the deadline.",
                f"The chamber has now passed the budget on time for {c.n} consecutive years.",
            )
        )
    if k == "marathon":
        return c.rng.choice(
            (
                f"This year's race was the {c.ord} edition of the {c.P} Marathon.",
                f"The race was held for the {c.ord} consecutive year.",
            )
        )
    if k == "festival":
        # factlint drops "This is ..." standing alone on a line as broadcast boilerplate
        # ("This is KBS News."), so a planted or partner count is never written that way.
        safe = (
            f"The festival is being held for the {c.ord} time.",
            f"This year's festival is the {c.ord} edition.",
        )
        risky = (f"This is the {c.ord} edition of the festival.",)
        return c.rng.choice(safe if "ordinal" in c.r.forced else safe + risky)
    return c.rng.choice(
        (f"It was the {c.ord} edition of the prize.", f"The prize was awarded for the {c.ord} time.")
    )


def _start_sentence(c: Ctx) -> str:
    s = c.e.start
    return c.rng.choice(
        {
            "assembly": (
                f"The assembly has adopted the resolution every year since {s}.",
                f"The text was first adopted in {s}.",
            ),
            "budget": (f"The chamber has met its budget deadline every year since {s}.",),
            "marathon": (
                f"The race was first run in {s}.",
                f"The marathon has been held every year since {s}.",
            ),
            "festival": (
                f"The festival was first held in {s}.",
                f"The festival has taken place every year since {s}.",
            ),
            "prize": (f"The prize has been awarded annually since {s}.", f"The award was launched in {s}."),
        }[c.e.kind]
    )


def _tally_sentence(c: Ctx) -> str:
    yes, no, abst = c.tally
    if c.e.kind == "assembly":
        return c.rng.choice(
            (
                f"The resolution passed by a vote of {yes}-{no}, with {abst} abstentions.",
                f"It was adopted by {yes} votes to {no}, with {abst} abstentions.",
                f"In the recorded vote, {yes} countries voted in favour, {no} against and {abst} abstained.",
            )
        )
    if c.e.kind == "budget":
        return c.rng.choice(
            (
                f"The spending plan was approved by {yes} votes to {no}, with {abst} abstentions.",
                f"Lawmakers voted {yes}-{no} for the plan, with {abst} abstentions.",
            )
        )
    return c.rng.choice(
        (
            f"The {c.f['jury']}-member jury chose the book by a vote of {yes}-{no}.",
            f"Jurors said the winner was picked by {yes} votes to {no}, after a long debate.",
        )
    )


def _fact_sentences(c: Ctx) -> dict[str, list[str]]:
    """Optional claims of the kind, by slot, true for the occurrence."""
    k, f, x = c.e.kind, c.f, c.x
    out: dict[str, list[str]] = {}
    if k == "assembly":
        leads = join_names(f["leads"])
        out["lead-sponsor"] = [
            c.rng.choice((f"The resolution was led by {leads}.", f"The text was drafted by {leads}."))
        ]
        out["sponsor-count"] = [
            c.rng.choice(
                (
                    f"The text was co-sponsored by {x['cosponsors']} countries.",
                    f"It drew {x['cosponsors']} co-sponsors this year.",
                )
            )
        ]
        against = join_names(x["against"])
        verb = "voted against" if len(x["against"]) > 1 else "voted against the text"
        first, rest = x["against"][0], x["against"][1:]
        out["vote"] = [
            c.rng.choice((f"{against} {verb}.", f"{first} voted against, as did {join_names(rest)}."))
            if rest
            else f"{against} {verb}."
        ]
        out["person"] = [
            f'"The {c.P} {f["feature"]} cannot wait another year," {c.C}\'s '
            f"ambassador, {f['envoy']}, told the assembly."
        ]
    elif k == "marathon":
        out["winners"] = [
            f"{x['nationality']}'s {x['men']} won the men's race in "
            f"{x['men_time']}, and {x['women']} took the women's title."
        ]
        out["person"] = [f'"The city was out in force," race director {f["director"]} said.']
    elif k == "budget":
        out["person"] = [
            f'Finance chief {f["minister"]} said the plan "keeps the province on a steady course".'
        ]
    elif k == "festival":
        out["winners"] = [f"The top prize, the {f['prize']}, went to a debut by {x['winner']}."]
        out["person"] = [f"{f['president']}, the jury president, said the selection was bold."]
    else:
        out["person"] = [f"{f['chair']} said the jury had read every book twice."]
    return out


_LENGTHS = (0, 2, 3, 4, 6, 8, 10, 12, 14, 16, 20, 24, 30, 40)  # filler sentences in a report
_SUBJECTS = {
    "assembly": (
        "Several delegations",
        "Diplomats at the assembly",
        "Rights groups",
        "Observers in New York",
        "Officials from the region",
        "Supporters of the text",
    ),
    "marathon": (
        "Local businesses",
        "Runners at the finish",
        "Organisers",
        "Residents along the route",
        "The city's transport authority",
        "Charity groups",
    ),
    "budget": (
        "The opposition",
        "Economists",
        "Business groups",
        "Local mayors",
        "Unions",
        "Members of the ruling coalition",
    ),
    "festival": (
        "Critics",
        "Distributors",
        "Young directors",
        "Local cinemas",
        "Festival-goers",
        "The organisers",
    ),
    "prize": (
        "Publishers",
        "Booksellers",
        "Critics",
        "The shortlisted authors",
        "Librarians",
        "Readers' groups",
    ),
}
_PREDICATES = (
    "said the event had become part of the region's identity",
    "expressed hope that the tradition would continue",
    "pointed to growing interest from abroad",
    "warned that funding for the coming years remained uncertain",
    "called for better planning and clearer rules",
    "praised the work of hundreds of volunteers",
    "noted that attention to the issue had grown steadily",
    "raised concerns about costs and transparency",
    "argued that more should be done for younger people",
    "welcomed the outcome but asked for patience",
    "described the atmosphere as calm and orderly",
    "said they would review the arrangements before next season",
    "questioned whether the current format still worked",
    "highlighted the role of local partners",
)
_CONNECTIVES = ("although", "because", "even as", "and added that", "while stressing that")
_CLAUSES = (
    "the weather had been kind this time",
    "the practical details still had to be worked out",
    "the public response had exceeded expectations",
    "several questions remained open",
    "the preparations had started months in advance",
    "the media attention had been unusually strong",
    "not everyone agreed with the decision",
)
_QUOTES = (
    "We have worked hard for this moment",
    "It is a proud day for everyone involved",
    "There is still a lot of work ahead",
    "This shows what people can do together",
    "We will keep pushing for more",
    "Nobody expected such a strong response",
)


def _filler(c: Ctx, count: int) -> list[str]:
    """Sentences with no checkable number: reactions, context, quotes."""
    r = c.rng
    out = []
    for _ in range(count):
        roll = r.random()
        subject = r.choice(_SUBJECTS[c.e.kind])
        if roll < 0.6:
            out.append(f"{subject} {r.choice(_PREDICATES)}.")
        elif roll < 0.85:
            out.append(f"{subject} {r.choice(_PREDICATES)}, {r.choice(_CONNECTIVES)} {r.choice(_CLAUSES)}.")
        else:
            out.append(f'"{r.choice(_QUOTES)}," {_person(r)} said.')
    return out


def _background(c: Ctx) -> list[str]:
    """Sentences with numbers that are not claims, and plain filler."""
    r, k, P = c.rng, c.e.kind, c.P
    y_old = r.randint(1900, min(c.e.start - 1, 1990))
    common = [
        f"The city of {P} has about {r.randint(2, 40) / 10:.1f} million inhabitants.",
        f"Local records show the first settlement in {P} dates from {y_old}.",
        f"Tickets for the closing event cost {r.randint(8, 60)} euros.",
        f"Coverage was streamed to about {r.randint(2, 90)} million viewers.",
        f"Temperatures reached {r.randint(4, 31)} degrees in the afternoon.",
    ]
    return common + _BACKGROUND[k](c, r, P, y_old)


def _bg_assembly(c: Ctx, r: random.Random, P: str, y_old: int) -> list[str]:
    return [
        "The 193-member body took up dozens of texts at the same sitting.",
        f"Restoring the {P} {c.f['feature']} is expected to cost ${r.randint(11, 49) / 10} "
        "billion over a decade.",
        f"About {r.randint(10, 60)} percent of the {c.f['feature'].lower()} has been lost "
        f"since {r.randint(1950, 1990)}, according to a survey.",
        f"The region covers some {r.randint(2, 90) * 1000:,} square kilometres.",
        "Resolutions of the assembly are not legally binding but carry political weight.",
        "Diplomats said the negotiations on the wording had been difficult.",
    ]


def _bg_marathon(c: Ctx, r: random.Random, P: str, y_old: int) -> list[str]:
    return [
        "The course measures 42.195 kilometres and crosses the river twice.",
        f"The course record of 2:0{r.randint(3, 6)}:{r.randint(10, 59)} was set in {r.randint(1995, 2015)}.",
        f"Organisers said the race raised {r.randint(5, 40) / 10} million euros for charity.",
        f"About {r.randint(200, 900)} volunteers staffed {r.randint(12, 30)} drink stations.",
        "Spectators lined the route from the old harbour to the finish.",
    ]


def _bg_budget(c: Ctx, r: random.Random, P: str, y_old: int) -> list[str]:
    return [
        f"The spending plan totals {c.x['total']} billion, up {c.x['growth']} percent from the year before.",
        f"The chamber has {c.f['seats']} seats.",
        f"Public debt in the province stood at {r.randint(20, 90)} percent of output in "
        f"{r.randint(1998, 2012)}.",
        f"Teachers and nurses will get a {r.randint(2, 6)} percent pay rise.",
        "The opposition said the plan did too little for rural areas.",
    ]


def _bg_festival(c: Ctx, r: random.Random, P: str, y_old: int) -> list[str]:
    return [
        f"This year's programme includes {c.x['films']} films from {c.x['countries']} countries.",
        f"Organisers expect about {c.x['visitors']:,} visitors.",
        f"The festival's budget is {r.randint(12, 60) / 10} million euros.",
        f"The main venue, built in {y_old}, seats {r.randint(400, 1800)} people.",
        "Critics praised the strong line-up of first features.",
    ]


def _bg_prize(c: Ctx, r: random.Random, P: str, y_old: int) -> list[str]:
    return [
        f"The jury considered {c.x['entries']} entries.",
        f"The prize carries an award of {r.randint(10, 100) * 1000:,} euros.",
        f"The winning book runs to {r.randint(120, 640)} pages.",
        "The shortlist was announced in the spring.",
        "Booksellers reported a jump in sales after the shortlist came out.",
    ]


_BACKGROUND = {
    "assembly": _bg_assembly,
    "marathon": _bg_marathon,
    "budget": _bg_budget,
    "festival": _bg_festival,
    "prize": _bg_prize,
}


def _written_from(report: Report, seed: int, rng: random.Random) -> Ctx:
    """What a report's text is written from: the event's truth of its year, with the value a
    planted contradiction changes."""
    t = truth(seed, report.event, report.year)
    plant = report.plant or {}
    date = plant.get("planted") if plant.get("slot") == "event-date" else t.date
    n = plant.get("planted") if plant.get("slot") == "ordinal" else t.ordinal
    tally = tuple(plant["planted"]) if plant.get("slot") == "tally" else t.tally
    return Ctx(rng, report.event, t, report, date, n, tally)


def render(report: Report, seed: int) -> str:
    """The text of one report, front matter included."""
    e = report.event
    c = _written_from(report, seed, random.Random(f"{seed}:{report.name}"))
    rng, plant, tally = c.rng, report.plant or {}, c.tally
    ordinal_in_lead = "ordinal" in report.forced and rng.random() < 0.5 or rng.random() < 0.3
    lead = LEADS_BY_KIND[e.kind](c, ordinal_in_lead)
    stated = {"event-date": lead} | ({"ordinal": lead} if ordinal_in_lead else {})
    if not ordinal_in_lead and ("ordinal" in report.forced or rng.random() < 0.4):
        stated["ordinal"] = _ordinal_sentence(c)
    if rng.random() < 0.35 and plant.get("slot") != "ordinal":
        stated["start-year"] = _start_sentence(c)
    if tally and ("tally" in report.forced or rng.random() < 0.55):
        stated["tally"] = _tally_sentence(c)
    for slot, sentences in sorted(_fact_sentences(c).items()):
        if rng.random() < 0.5:
            stated[slot] = " ".join(sentences)
    report.stated = stated
    body = [v for k, v in stated.items() if v is not lead]
    background = _background(c)
    body.extend(rng.sample(background, rng.randint(1, min(6, len(background)))))
    body.extend(_filler(c, rng.choice(_LENGTHS)))
    rng.shuffle(body)
    report.quote = _planted_quote(report, c, [lead, *body])
    paragraphs = [[lead]]
    for sentence in body:
        if len(paragraphs[-1]) < rng.choice((1, 2, 3)):
            paragraphs[-1].append(sentence)
        else:
            paragraphs.append([sentence])
    front = (
        f'---\ntitle: "{_title(c)}"\noutlet: "{report.outlet}"\n'
        f"published: {report.published.isoformat()}\n---\n\n"
    )
    return front + "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def _planted_quote(report: Report, c: Ctx, sentences: list[str]) -> str:
    """The sentence that states the planted value."""
    if not report.plant:
        return ""
    slot = report.plant["slot"]
    if slot == "event-date":
        marks = [c.when]
    elif slot == "ordinal":
        marks = [f"the {c.ord} ", f"{c.n} consecutive"]
    else:
        marks = [f"{c.tally[0]}-", f"{c.tally[0]} votes", f"{c.tally[0]} countries"]
    return next((s for s in sentences if any(m.lower() in s.lower() for m in marks)), "")


def _title(c: Ctx) -> str:
    P, k, f, x = c.P, c.e.kind, c.f, c.x
    if k == "assembly":
        options = (
            f"UN backs resolution on {P} {f['feature']} again",
            f"General Assembly adopts {P} {f['feature']} text",
            f"{c.C}: UN vote on the {P} {f['feature']}",
        )
    elif k == "marathon":
        options = (
            f"Thousands run the {P} Marathon",
            f"{P} Marathon: record field in {c.C}",
            f"Crowds cheer {P} marathon runners",
        )
    elif k == "budget":
        options = (
            f"{P} lawmakers pass budget on time",
            f"{P} province approves spending plan",
            f"{c.C}: {P} parliament backs budget",
        )
    elif k == "festival":
        options = (
            f"{P} film festival opens",
            f"Curtain rises on {P} festival",
            f"{P} festival opens with gala in {c.C}",
        )
    else:
        options = (
            f"{x['winner']} wins {P} Prize",
            f"{P} Prize for {f['field']} awarded",
            f"{P} literary prize goes to {x['winner']}",
        )
    return c.rng.choice(options)


# ---------------------------------------------------------------- the realistic style
#
# Real wire copy is longer than the templates, says each claim in many wordings, and arrives
# with what a web export leaves in it: ad markers, share and subscribe lines, photo captions,
# related links, bylines and datelines, and broken encodings. The realistic style writes that,
# so a benchmark measures extraction cost and recall on text shaped like the real thing.

STYLES = ("template", "realistic")
WIRES = ("Reuters", "AP", "AFP", "dpa", "EFE", "Xinhua", "ANSA")
WORDS_PER_REPORT = (400, 900)  # real wire stories
_TYPOGRAPHY = (  # straight to typographic quotes, as a CMS does; why: mojibake starts from these
    (re.compile(r"(?<![\w.,!?'])\""), "\u201c"),
    (re.compile(r"\""), "\u201d"),
    (re.compile(r"'"), "\u2019"),
    (re.compile(r" -- "), " \u2014 "),
)
_MOJIBAKE = {  # UTF-8 read as Windows-1252
    "\u2019": "\u00e2\u20ac\u2122",
    "\u201c": "\u00e2\u20ac\u0153",
    "\u201d": "\u00e2\u20ac\u009d",
    "\u2014": "\u00e2\u20ac\u201d",
    "\u00e9": "\u00c3\u00a9",
}
_NBSP = re.compile(r"(?<=\d) (?=[A-Za-z%])|(?<=\bNo\.) |(?<=\bMr\.) |(?<=\bDr\.) ")


@dataclass(frozen=True)
class Noise:
    """Which encoding faults one report has; each is drawn once per report."""

    curly: bool  # typographic quotes and dashes
    mojibake: bool  # ... then mis-decoded (only with curly)
    nbsp: str  # "" or what a space after a number or an abbreviation became: U+00A0 or &nbsp;
    bom: bool  # a UTF-8 BOM before the front matter
    stray_bom: bool  # a BOM inside the text, where two exports were glued
    crlf: bool  # Windows line ends

    @staticmethod
    def draw(rng: random.Random) -> Noise:
        curly = rng.random() < 0.6
        return Noise(
            curly=curly,
            mojibake=curly and rng.random() < 0.4,
            nbsp=rng.choice(("", "", "", "\u00a0", "\u00a0", "&nbsp;")),
            bom=rng.random() < 0.15,
            stray_bom=rng.random() < 0.08,
            crlf=rng.random() < 0.3,
        )

    def inline(self, text: str) -> str:
        """The faults that act inside a line: the same on a sentence as on the whole text."""
        if self.curly:
            for pattern, repl in _TYPOGRAPHY:
                text = pattern.sub(repl, text)
        if self.mojibake:
            text = "".join(_MOJIBAKE.get(ch, ch) for ch in text)
        if self.nbsp:
            text = _NBSP.sub(self.nbsp, text)
        return text


def _wordcount(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _official(c: Ctx) -> tuple[str, int, str]:
    """One of the event's invented officials: name, age in the report's year, title. Each keeps
    one title and one birth year in every report, so the reports agree on who holds which post."""
    name, born, title = c.rng.choice(_roster(c.e))
    return name, c.r.year - born, title


def _roster(e: Event) -> list[tuple[str, int, str]]:
    r, P, C = random.Random(f"{e.id}:{e.place}:officials"), e.place, e.country
    titles = {
        "assembly": (
            f"{C}'s deputy permanent representative to the United Nations",
            "a senior diplomat who took part in the talks",
            f"a spokesperson for {C}'s foreign ministry",
            "the head of a regional rights group",
        ),
        "marathon": (
            "the race director",
            f"the deputy mayor of {P}",
            "the head of the local athletics federation",
            "a spokesperson for the organisers",
        ),
        "budget": (
            "the province's finance minister",
            "the leader of the opposition in the chamber",
            f"the speaker of the {P} parliament",
            "an economist at a regional bank",
        ),
        "festival": (
            "the festival's artistic director",
            "the head of programming",
            f"{C}'s culture minister",
            "a distributor attending the market",
        ),
        "prize": (
            "the chair of the jury",
            "the director of the foundation that runs the prize",
            "a publisher whose author was shortlisted",
            "a literary critic",
        ),
    }[e.kind]
    names: list[str] = []
    while len(names) < len(titles):
        name = _person(r)
        if name not in names:
            names.append(name)
    return [(name, r.randint(1940, 1975), title) for name, title in zip(names, titles, strict=True)]


_SPOKEN = (
    "We have worked hard for this moment, and it shows",
    "It is a proud day for everyone involved",
    "There is still a lot of work ahead of us",
    "This shows what people can do when they work together",
    "We will keep pushing for more, not less",
    "Nobody expected such a strong response",
    "I think the message is clear",
    "We listened, we changed what needed changing, and we are here again",
    "It was not easy, and I won't pretend it was",
    "People here care about this more than outsiders think",
    "Our partners kept their word, and so did we",
    "What matters now is what happens next",
)


def _quote_paragraph(c: Ctx) -> str:
    """A quote from an invented official, in one of the shapes wire copy uses."""
    r = c.rng
    first, second = r.sample(_SPOKEN, 2)
    name, age, title = _official(c)
    return r.choice(
        (
            f'"{first}," said {name}, {title}.',
            f'"{first}," {name}, {age}, {title}, told reporters. "{second}."',
            f'{_cap(title.removeprefix("the "))} {name} said: "{first}. {second}."'
            if title.startswith("the ")
            else f'{name}, {title}, said: "{first}. {second}."',
            f'"{first}," {name} said in a statement, adding: "{second}."',
        )
    )


def _lead_realistic(c: Ctx, with_ordinal: bool) -> str:
    """The first sentence, with the date and, now and then, the count, in paraphrase."""
    r, P, C, f, o = c.rng, c.P, c.C, c.f, c.ord
    k = c.e.kind
    if k == "assembly":
        tail = r.choice(
            (
                f" for the {o} year running",
                f", marking the {o} straight year it has backed the text",
                f" in a text tabled for the {o} consecutive year",
            )
        )
        return r.choice(
            (
                f"The UN General Assembly {c.when} endorsed a resolution on {f['cause']} in {C}"
                f"{tail if with_ordinal else ''}.",
                f"Member states {c.when} backed a call by the UN General Assembly for {f['cause']}, "
                f"in {C}{tail if with_ordinal else ''}.",
            )
        )
    if k == "marathon":
        runners = f"{c.x['runners']:,}"
        if with_ordinal:
            return r.choice(
                (
                    f"Some {runners} runners set off through {P}, {C}, {c.when} in the {o} running of the "
                    f"city's marathon.",
                    f"The {P} Marathon, now in its {o} year, drew some {runners} runners to the streets "
                    f"of the {C} city {c.when}.",
                )
            )
        return f"Some {runners} runners set off through the streets of {P}, {C}, {c.when} for the marathon."
    if k == "budget":
        tail = r.choice((f" for the {o} year in a row", f", keeping its on-time record for a {o} year"))
        return (
            f"Lawmakers in {C}'s {P} province {c.when} passed the budget for {c.r.year + 1} before the "
            f"December deadline{tail if with_ordinal else ''}."
        )
    if k == "festival":
        if with_ordinal:
            return r.choice(
                (
                    f"The {f['name']} opened {c.when} in {P}, {C}, with its {o} edition.",
                    f"Now in its {o} year, the {f['name']} opened {c.when} in the old town of {P}, {C}.",
                )
            )
        return f"The {f['name']} opened {c.when} in {P}, {C}, with a gala screening."
    if with_ordinal and "ordinal" not in c.r.forced:
        return (
            f"{c.x['winner']} {c.when} won the {f['name']}, an award given for the {o} time this year, "
            f"at a ceremony in {P}, {C}."
        )
    if with_ordinal:
        return f"The {f['name']} was presented {c.when} for the {o} time, at a ceremony in {P}, {C}."
    return f"{c.x['winner']} {c.when} won the {f['name']} at a ceremony in {P}, {C}."


def _ordinal_realistic(c: Ctx) -> str:
    r, o, n = c.rng, c.ord, c.n
    return r.choice(
        {
            "assembly": (
                f"It was the {o} year running that the assembly has adopted the text.",
                f"The assembly has now endorsed the measure {n} years in a row.",
                f"The text, tabled for the {o} consecutive year, drew little debate.",
                f"This was the {o} straight year the resolution passed.",
            ),
            "budget": (
                f"It is the {o} year in a row that the chamber has met its deadline.",
                f"The province has now passed its budget on time {n} years running.",
                f"That makes it the {o} consecutive on-time budget.",
            ),
            "marathon": (
                f"This was the {o} running of the race.",
                f"The race, now in its {o} year, has grown steadily.",
                f"This year's race was the {o} edition of the event.",
            ),
            "festival": (
                f"The festival is now in its {o} year.",
                f"This year's {o} edition is the largest so far, organisers said.",
                f"The festival is being staged for the {o} time.",
            ),
            "prize": (
                f"The award was given for the {o} time.",
                f"It was the {o} year the prize has been handed out.",
            ),
        }[c.e.kind]
    )


def _start_realistic(c: Ctx) -> str:
    s, k = c.e.start, c.e.kind
    thing = {"assembly": "The text", "budget": "The deadline rule", "marathon": "The race"}.get(
        k, "The festival" if k == "festival" else "The prize"
    )
    return c.rng.choice(
        (
            f"{thing}, first put forward in {s}, has been a fixture ever since.",
            f"{thing} dates back to {s}.",
            f"{thing} has run every year since {s}.",
            f"Since its launch in {s}, {thing.lower()} has rarely changed shape.",
        )
    )


def _tally_realistic(c: Ctx) -> str:
    yes, no, abst = c.tally
    r = c.rng
    if c.e.kind == "assembly":
        return r.choice(
            (
                f"The text passed with {yes} in favour, {no} against and {abst} abstentions.",
                f"It was adopted by {yes} votes to {no}, with {abst} countries abstaining.",
                f"The tally was {yes} for and {no} against, with {abst} abstentions.",
                f"In the recorded vote, the text won {yes} votes, with {no} against and {abst} abstaining.",
            )
        )
    if c.e.kind == "budget":
        return r.choice(
            (
                f"The bill passed {yes}-{no}, with {abst} abstentions.",
                f"{yes} lawmakers voted for the bill and {no} against, while {abst} abstained.",
                f"The plan cleared the chamber by {yes} votes to {no}, with {abst} abstentions.",
            )
        )
    return r.choice(
        (
            f"The jury picked the book by {yes} votes to {no}.",
            f"The decision came on a {yes}-{no} vote of the {c.f['jury']}-member jury.",
        )
    )


def _facts_realistic(c: Ctx) -> dict[str, str]:
    """The other claims of a kind, in wordings of their own."""
    r, k, f, x = c.rng, c.e.kind, c.f, c.x
    out: dict[str, str] = {}
    if k == "assembly":
        leads = join_names(f["leads"])
        against = x["against"]
        out["lead-sponsor"] = r.choice(
            (
                f"The resolution was put forward by {leads}.",
                f"{leads} drafted the text and steered it through negotiations.",
            )
        )
        out["sponsor-count"] = r.choice(
            (
                f"It had {x['cosponsors']} co-sponsors.",
                f"The text was co-sponsored by {x['cosponsors']} countries.",
            )
        )
        out["vote"] = r.choice(
            (
                f"{join_names(against)} voted against.",
                f"Among those voting no were {join_names(against)}."
                if len(against) > 1
                else f"{against[0]} voted no.",
            )
        )
    elif k == "marathon":
        out["winners"] = (
            f"{x['men']} of {x['nationality']} won the men's race in {x['men_time']}, while "
            f"{x['women']} won the women's title."
        )
    elif k == "festival":
        out["winners"] = f"The {f['prize']}, the top prize, went to a debut by {x['winner']}."
    return out


def _other_occurrence(c: Ctx, seed: int) -> str:
    """A true sentence about last year's or next year's edition: a claim about another time."""
    e, year, r = c.e, c.r.year, c.rng
    if year - 1 > e.start and r.random() < 0.5:
        prev = truth(seed, e, year - 1)
        if prev.tally and r.random() < 0.5:
            return f"Last year, the vote went {prev.tally[0]} to {prev.tally[1]}."
        month = MONTH_NAMES[prev.date.month - 1]
        return f"Last year's edition, the {ordinal(prev.ordinal, r)}, was held in {month}."
    if year < LAST_YEAR:
        return f"Organisers said next year's edition would be held in {MONTH_NAMES[e.month - 1]} as usual."
    return ""


def _junk(c: Ctx, outlet: str) -> list[str]:
    """Lines a web export leaves between paragraphs."""
    r, P, C = c.rng, c.P, c.C
    caption = r.choice(
        (
            f"[Photo] Crowds gather in central {P}. ({_person(r)}/{r.choice(WIRES)})",
            f"[Photo] A view of the old town of {P}, {C}. Photo: {_person(r)}",
            "[Photo] Officials speak to the press. (File photo)",
        )
    )
    related = r.choice(
        (
            f"Read more: {C} unveils plan for new rail links",
            f"Read more: Storms cause delays across {C}",
            f"Related: What the {P} vote means for the region",
            f"RELATED: Inside {P}'s quiet revival",
        )
    )
    return [
        "Advertisement",
        "ADVERTISEMENT",
        "Share this article",
        "Share on Facebook Share on Twitter Share via Email",
        f"Subscribe to {outlet} for the latest news",
        "Sign up for our daily briefing newsletter",
        caption,
        related,
        "Continue reading below",
    ]


def _byline(c: Ctx, outlet: str, wire: str) -> list[str]:
    r, when = c.rng, c.r.published
    clock = f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}"
    stamp = f"{MONTH_NAMES[when.month - 1]} {when.day}, {when.year} {clock} GMT"
    return r.choice(
        (
            [f"By {_person(r)}, {wire}"],
            [f"By {_person(r)} and {_person(r)}"],
            [f"By {_person(r).upper()} | {outlet}", f"Published {stamp}"],
            [f"{_person(r)}", f"{outlet} correspondent"],
            [],
        )
    )


def _dateline(c: Ctx, wire: str) -> str:
    if c.e.kind == "assembly":
        return c.rng.choice(("UNITED NATIONS", "NEW YORK")) + f" ({wire}) -- "
    return f"{c.P.upper()}, {c.C} ({wire}) -- " if c.rng.random() < 0.5 else f"{c.P.upper()} -- "


def _sign_off(c: Ctx, outlet: str) -> list[str]:
    r = c.rng
    return r.choice(
        (
            [f"(Reporting by {_person(r)} in {c.P}; Editing by {_person(r)})"],
            [f"\u00a9 {c.r.published.year} {outlet}. All rights reserved."],
            [f"(Reporting by {_person(r)}; Editing by {_person(r)})", "Our Standards: The Trust Principles."],
            [],
        )
    )


def render_realistic(report: Report, seed: int) -> str:
    """One report at wire-story length, with export junk, a byline and encoding noise."""
    c = _written_from(report, seed, random.Random(f"{seed}:{report.name}:realistic"))
    rng, plant, tally = c.rng, report.plant or {}, c.tally
    noise = Noise.draw(rng)
    wire = rng.choice(WIRES)
    ordinal_in_lead = "ordinal" in report.forced and rng.random() < 0.5 or rng.random() < 0.3
    lead = _dateline(c, wire) + _lead_realistic(c, ordinal_in_lead)
    stated = {"event-date": lead} | ({"ordinal": lead} if ordinal_in_lead else {})
    if not ordinal_in_lead and ("ordinal" in report.forced or rng.random() < 0.4):
        stated["ordinal"] = _ordinal_realistic(c)
    if rng.random() < 0.35 and plant.get("slot") != "ordinal":
        stated["start-year"] = _start_realistic(c)
    if tally and ("tally" in report.forced or rng.random() < 0.55):
        stated["tally"] = _tally_realistic(c)
    for slot, sentence in sorted(_facts_realistic(c).items()):
        if rng.random() < 0.5:
            stated[slot] = sentence
    report.stated = stated
    report.quote = noise.inline(stated[plant["slot"]]) if plant else ""
    story = [lead] + _claim_paragraphs(c, [v for v in stated.values() if v is not lead], seed)
    story = _lengthen(c, story)
    text = _export(c, report, story, noise, wire)
    return text.replace("\n", "\r\n") if noise.crlf else text


def _claim_paragraphs(c: Ctx, claims: list[str], seed: int) -> list[str]:
    """The claim sentences, each in a paragraph with a sentence of context or a quote."""
    r = c.rng
    other = _other_occurrence(c, seed) if r.random() < 0.3 else ""
    paragraphs = []
    for sentence in claims + ([other] if other else []):
        extra = _filler(c, 1) if r.random() < 0.5 else []
        paragraphs.append(" ".join([sentence, *extra]))
    for _ in range(r.randint(1, 3)):
        paragraphs.append(_quote_paragraph(c))
    r.shuffle(paragraphs)
    return paragraphs


_CONTEXT = {  # background paragraphs of a wire story: history, stakes, the wider picture
    "assembly": (
        "The {F} stretches across several provinces of {C} and into two neighbouring countries. "
        "Scientists have warned for years that it is under pressure from farming, dams and a "
        "warming climate.",
        "Supporters of the text say it keeps international attention on the {P} {F} at a time "
        "when funding for regional programmes is falling. Critics call it symbolic.",
        "The resolution asks the Secretary-General to report back on progress and urges member "
        "states to share data and expertise with the authorities in {C}.",
        "Negotiations on the wording took several weeks this autumn, diplomats said, with the "
        "main disagreements over references to national sovereignty and to financing.",
        "Around {pct} percent of the people living near the {F} depend on it for their income, "
        "according to a study published by a university in {C}.",
        "General Assembly resolutions are not legally binding, but supporters say they shape "
        "how donors and development banks set their priorities.",
        "Delegates from {C} have lobbied for the text since it was first proposed, arguing that "
        "the region's problems cannot be solved by one country alone.",
    ),
    "marathon": (
        "The course starts near the old harbour of {P}, loops through the historic centre and "
        "finishes in front of the town hall. It is known as one of the flatter routes in {C}.",
        "Roads across central {P} were closed from early morning, and the city's transport "
        "authority ran extra trains to carry spectators to the course.",
        "The race has become one of the best-known sporting events in {C}, drawing amateur "
        "runners from across the region as well as a small elite field.",
        "Medical teams treated a number of runners for exhaustion near the finish, organisers "
        "said, but no serious incidents were reported.",
        "Hotels in {P} reported occupancy of about {pct} percent over the weekend, according to "
        "the local tourism office.",
        "Many of the runners were raising money for charities, and several ran in costume, to "
        "the delight of the crowds lining the route.",
    ),
    "budget": (
        "The province of {P} is one of the most populous regions of {C}, and its budget pays for "
        "schools, hospitals and regional roads.",
        "Under the province's charter, the budget must be approved before the end of the year, "
        "or spending is frozen at the previous year's level.",
        "The opposition said the plan relied on optimistic forecasts for tax revenue and did too "
        "little for rural districts.",
        "Ratings agencies have watched the province closely since its debt rose sharply during "
        "the economic downturn, when unemployment reached about {pct} percent.",
        "Unions welcomed the pay rise for public-sector workers but said it did not make up for "
        "years of inflation.",
        "Members of the ruling coalition said the budget would keep the province's finances on a "
        "stable footing while investing in transport and housing.",
    ),
    "festival": (
        "The festival has grown from a small gathering of local film clubs into one of the main "
        "cinema events in {C}, with a film market and industry talks.",
        "Screenings take place in cinemas across {P}, as well as in an open-air venue on the main "
        "square when the weather allows.",
        "This year's programme puts an emphasis on first and second features, and on films from "
        "countries rarely seen at international festivals.",
        "Tickets for the opening gala sold out within hours, organisers said, and many screenings "
        "were fully booked before the festival began.",
        "Distributors said the market had been busier than expected, with about {pct} percent more "
        "accredited buyers than a year ago.",
        "The jury, made up of directors, actors and critics from several countries, will announce "
        "the winners at the closing ceremony.",
    ),
    "prize": (
        "The prize is one of the most prestigious literary awards in {C}, and winning it usually "
        "brings a sharp rise in sales and translation deals.",
        "The shortlist was announced in the spring and included debut authors alongside established names.",
        "Jurors read the submitted books over several months before meeting in {P} to decide the winner.",
        "Publishers in {C} say the prize has helped bring new readers to serious literature at a "
        "time when book sales have been falling.",
        "The winner also receives a residency in {P} and support for translation of the book into "
        "other languages.",
        "Booksellers reported that sales of shortlisted titles rose by about {pct} percent in the "
        "weeks before the ceremony.",
    ),
}


def _context(c: Ctx) -> list[str]:
    """The kind's background paragraphs, filled in for this event, in a drawn order."""
    feature = c.f.get("feature", "region")
    same = _occurrence_rng(c)  # a figure is the same in every report of the occurrence
    paragraphs = [p.format(P=c.P, C=c.C, F=feature, pct=same.randint(11, 78)) for p in _CONTEXT[c.e.kind]]
    c.rng.shuffle(paragraphs)
    return paragraphs


_FIGURES = {  # paragraphs dense with figures that are not claims about the occurrence, as wire copy is
    "assembly": (
        "The {F} lost an estimated {pct} percent of its area between {y1} and {y2}, according to a "
        "report by a regional research institute, and some {k},000 people were displaced by floods "
        "there in {y3}.",
        "Donors pledged ${m} million for the region at a conference in {y2}, but aid agencies say "
        "less than half of that has been paid, and a {small}-year programme run by the World Bank "
        "ends in {y4}.",
        "An earlier attempt to negotiate a binding treaty collapsed in {y1} after {small} rounds of "
        "talks, when {small2} governments walked out over the question of funding.",
    ),
    "marathon": (
        "Entry fees ranged from {e1} to {e2} euros, and about {pct} percent of the runners came from "
        "abroad, most of them from neighbouring countries.",
        "The race brings an estimated {m} million euros into the local economy each year, according "
        "to a study the city commissioned in {y2}, and supports about {k}00 seasonal jobs.",
        "Temperatures at the start were around {t1} degrees, rising to {t2} by midday, and medics "
        "handed out {k},000 bottles of water along the last {small} kilometres.",
    ),
    "budget": (
        "Spending on health rises by {d1} percent to {m1} billion, while the education budget grows "
        "to {m2} billion, with {k}00 new teaching posts.",
        "The province expects a deficit of {d1} percent of output next year, down from {d2} percent "
        "in {y2}, and debt service will take about {pct} cents of every euro of tax raised.",
        "Unemployment in the province stood at {d2} percent in {y3}, against a national average of "
        "{d1} percent, and {k},000 households receive housing support.",
    ),
    "festival": (
        "A single screening costs {e1} euros and a festival pass {e2}, and about {pct} percent of the "
        "tickets were sold online before the opening.",
        "Of the films in the main competition, {small} are directed by women, up from {small2} a "
        "decade ago, and {small3} are first features.",
        "The old town's cinemas, the oldest of which opened in {y1}, have a combined {k},000 seats, "
        "and a new multiplex is due to open in {y4}.",
    ),
    "prize": (
        "Past winners include a novelist whose book went on to sell more than {k}00,000 copies in "
        "{small} languages, and a poet who won at the age of {age}.",
        "Sales of the shortlisted titles rose by about {pct} percent in the {small} weeks before the "
        "ceremony, according to a booksellers' association founded in {y1}.",
        "The foundation that runs the prize was set up in {y1} with a gift of {m} million, and its "
        "reading programme reached {k},000 schoolchildren in {y3}.",
    ),
}


def _figures(c: Ctx) -> list[str]:
    """The kind's paragraphs of figures, the same in every report of the occurrence."""
    same = random.Random(f"{c.e.id}:{c.e.place}:{c.r.year}:figures")
    year = c.r.year
    values = {
        "P": c.P,
        "C": c.C,
        "F": c.f.get("feature", "region"),
        "pct": same.randint(12, 68),
        "k": same.randint(2, 90),
        "m": same.randint(12, 480) / 10,
        "m1": same.randint(11, 40) / 10,
        "m2": same.randint(41, 90) / 10,
        "d1": same.randint(11, 39) / 10,
        "d2": same.randint(40, 95) / 10,
        "e1": same.randint(8, 25),
        "e2": same.randint(30, 140),
        "t1": same.randint(4, 14),
        "t2": same.randint(15, 29),
        "small": same.randint(3, 9),
        "small2": same.randint(2, 9),
        "small3": same.randint(2, 6),
        "age": same.randint(24, 81),
        "y1": same.randint(1950, 1990),
        "y2": same.randint(1991, year - 2),
        "y3": same.randint(1995, year - 1),
        "y4": year + same.randint(2, 6),
    }
    paragraphs = [p.format(**values) for p in _FIGURES[c.e.kind]]
    c.rng.shuffle(paragraphs)
    return paragraphs


def _occurrence_rng(c: Ctx) -> random.Random:
    """Background figures drawn once per occurrence: reports of one event and year agree on
    them, as real reports do, so any conflict between them is factlint's, not the generator's."""
    return random.Random(f"{c.e.id}:{c.e.place}:{c.r.year}:background")


def _lengthen(c: Ctx, story: list[str]) -> list[str]:
    """Background and reaction paragraphs until the story reaches its drawn length."""
    r = c.rng
    target = r.randint(*WORDS_PER_REPORT)
    context = _context(c)
    figures = _figures(c)
    pool = _background(Ctx(_occurrence_rng(c), c.e, c.t, c.r, c.date, c.n, c.tally))
    r.shuffle(pool)
    while _wordcount(story) < target:
        roll = r.random()
        if roll < 0.3 and context:
            paragraph = context.pop()
        elif roll < 0.45 and figures:
            paragraph = figures.pop()
        elif roll < 0.65 and pool:
            paragraph = " ".join(pool.pop() for _ in range(min(len(pool), r.randint(1, 3))))
        elif roll < 0.8:
            paragraph = _quote_paragraph(c)
        else:
            paragraph = " ".join(_filler(c, r.randint(2, 4)))
        story.insert(r.randint(2, len(story)) if len(story) > 2 else len(story), paragraph)
    return story


def _export(c: Ctx, report: Report, story: list[str], noise: Noise, wire: str) -> str:
    """Front matter, byline, the story with junk lines between paragraphs, a sign-off."""
    r = c.rng
    junk = _junk(c, report.outlet)
    lines = (["[ad_1]"] if r.random() < 0.3 else []) + _byline(c, report.outlet, wire)
    for i, paragraph in enumerate(story):
        lines.append(noise.inline(paragraph))
        if i and r.random() < 0.18:
            lines.append(r.choice(junk))
    lines += _sign_off(c, report.outlet)
    if r.random() < 0.3:
        lines.append("[ad_2]")
    if noise.stray_bom:
        at = r.randint(1, len(lines) - 1)
        lines[at] = "\ufeff" + lines[at]
    front = (
        f'---\ntitle: "{noise.inline(_title(c))}"\noutlet: "{report.outlet}"\n'
        f"published: {report.published.isoformat()}\n---\n\n"
    )
    return ("\ufeff" if noise.bom else "") + front + "\n\n".join(lines) + "\n"


# ---------------------------------------------------------------- the corpus plan


@dataclass
class Corpus:
    seed: int
    events: list[Event]
    reports: list[Report]
    planted: list[dict]


def plan(n: int, seed: int = 0, events: int | None = None, plant_rate: float = 0.05) -> Corpus:
    """Decide every report's occurrence, outlet, date and plant; no text yet."""
    rng = random.Random(seed)
    evs = make_events(rng, events or default_events(n))
    occurrences = [(e, y) for e in evs for y in range(max(e.start + 1, FIRST_REPORT_YEAR), LAST_YEAR + 1)]
    rng.shuffle(occurrences)
    groups: dict[tuple[str, int], list[Report]] = {}
    specs: list[Report] = []
    i = 0
    while len(specs) < n:
        e, year = occurrences[i % len(occurrences)]
        i += 1
        for _ in range(min(n - len(specs), rng.choice((1, 2, 2, 3, 3, 4, 5)))):
            t_date = nth_weekday(year, e.month, e.weekday, e.nth)
            published = t_date + dt.timedelta(days=rng.choice((0, 1, 1, 1, 2, 3, 6, 9)))
            report = Report("", e, year, rng.choice(OUTLETS), published)
            specs.append(report)
            groups.setdefault((e.id, year), []).append(report)
    order = list(range(n))
    rng.shuffle(order)
    for report, index in zip(specs, order, strict=True):
        report.name = f"r{index:06d}.md"
    planted = _plant(rng, groups, n, plant_rate, seed)
    return Corpus(seed, evs, specs, planted)


def default_events(n: int) -> int:
    return max(10, n // 250)


def _plant(
    rng: random.Random, groups: dict[tuple[str, int], list[Report]], n: int, rate: float, seed: int
) -> list[dict]:
    """Give a share of the reports one wrong value, against a partner stating the true one."""
    want = max(1, round(n * rate)) if rate > 0 else 0
    candidates = sorted((g for g in groups.values() if len(g) >= 2), key=lambda g: (g[0].event.id, g[0].year))
    rng.shuffle(candidates)
    planted: list[dict] = []
    for turn, group in enumerate(candidates[:want]):
        target, partner = rng.sample(group, 2)
        e, year = target.event, target.year
        slot = ("ordinal", "event-date", "tally")[turn % 3]
        if slot == "tally" and e.kind not in TALLY_KINDS:
            slot = ("ordinal", "event-date")[turn // 3 % 2]
        t = truth(seed, e, year)
        true_value, wrong = _wrong(rng, slot, t)
        target.plant = {"slot": slot, "true": true_value, "planted": wrong}
        target.forced.add(slot)
        partner.forced.add(slot)
        planted.append({"target": target, "partner": partner, "slot": slot})
    return planted


def _wrong(rng: random.Random, slot: str, t: Truth):
    if slot == "ordinal":  # never below 2: factlint reads "the first time" as no count
        return t.ordinal, max(
            2, t.ordinal + rng.choice((-2, -1, 1, 2))
        ) if t.ordinal > 3 else t.ordinal + rng.choice((1, 2))
    if slot == "event-date":
        return t.date, t.date - dt.timedelta(days=rng.choice((1, 2)))
    yes, no, abst = t.tally
    shifts = (-2, -1, 1, 2) if yes < 20 else (-9, -5, -3, -2, 2, 3, 5, 9)
    return t.tally, (max(1, yes + rng.choice(shifts)), no, abst)


# ---------------------------------------------------------------- writing


def texts(corpus: Corpus, style: str = "template"):
    """Yield (file name, text) for every report, in file-name order."""
    write = render_realistic if style == "realistic" else render
    for report in sorted(corpus.reports, key=lambda r: r.name):
        yield report.name, write(report, corpus.seed)


def expected(corpus: Corpus, style: str = "template") -> dict:
    """The planted contradictions and the event of every report, for expected.json."""

    def value(v):  # as JSON has it, so the returned dict equals expected.json read back
        return v.isoformat() if isinstance(v, dt.date) else list(v) if isinstance(v, tuple) else v

    planted = [
        {
            "file": p["target"].name,
            "partner": p["partner"].name,
            "rule": PLANT_SLOTS[p["slot"]],
            "slot": p["slot"],
            "event": p["target"].event.id,
            "year": p["target"].year,
            "true": value(p["target"].plant["true"]),
            "planted": value(p["target"].plant["planted"]),
            "quote": p["target"].quote,
        }
        for p in corpus.planted
    ]
    # the template corpus keeps the bytes it always had; another style names itself
    named = {} if style == "template" else {"style": style}
    return named | {
        "generator": "benchmarks/generate.py",
        "version": 1,
        "seed": corpus.seed,
        "reports_count": len(corpus.reports),
        "events": [
            {
                "id": e.id,
                "kind": e.kind,
                "name": e.name,
                "place": e.place,
                "country": e.country,
                "start": e.start,
            }
            for e in corpus.events
        ],
        "planted": sorted(planted, key=lambda p: p["file"]),
        "reports": {r.name: [r.event.id, r.year] for r in sorted(corpus.reports, key=lambda r: r.name)},
    }


def generate(
    n: int,
    outdir: str | Path,
    seed: int = 0,
    events: int | None = None,
    plant_rate: float = 0.05,
    style: str = "template",
) -> dict:
    """Write n reports and expected.json to outdir; return the expected dict."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; one of {', '.join(STYLES)}")
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    corpus = plan(n, seed, events, plant_rate)
    for name, text in texts(corpus, style):
        # newline="" keeps the CRLF line ends a realistic report was given
        with open(out / name, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    result = expected(corpus, style)
    (out / "expected.json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--events", type=int, default=None, help="number of recurring events (default max(10, N // 250))"
    )
    parser.add_argument(
        "--plant-rate",
        type=float,
        default=0.05,
        help="share of reports with a planted contradiction (default 0.05)",
    )
    parser.add_argument(
        "--style",
        choices=STYLES,
        default="template",
        help="template: short reports in fixed wordings (default); realistic: wire-story length "
        "with export junk, bylines, paraphrases and encoding noise",
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    result = generate(args.n, args.outdir, args.seed, args.events, args.plant_rate, args.style)
    print(
        f"wrote {args.n} reports about {len(result['events'])} events and "
        f"{len(result['planted'])} planted contradictions to {args.outdir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
