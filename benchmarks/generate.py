"""Generate a benchmark corpus of news reports about invented recurring events (issue 6).

Usage:
    python benchmarks/generate.py N OUTDIR [--seed S] [--events E] [--plant-rate R]

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
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
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


def render(report: Report, seed: int) -> str:
    """The text of one report, front matter included."""
    e, year = report.event, report.year
    rng = random.Random(f"{seed}:{report.name}")
    t = truth(seed, e, year)
    plant = report.plant or {}
    date = plant.get("planted") if plant.get("slot") == "event-date" else t.date
    n = plant.get("planted") if plant.get("slot") == "ordinal" else t.ordinal
    tally = tuple(plant["planted"]) if plant.get("slot") == "tally" else t.tally
    c = Ctx(rng, e, t, report, date, n, tally)
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


def texts(corpus: Corpus):
    """Yield (file name, text) for every report, in file-name order."""
    for report in sorted(corpus.reports, key=lambda r: r.name):
        yield report.name, render(report, corpus.seed)


def expected(corpus: Corpus) -> dict:
    """The planted contradictions and the event of every report, for expected.json."""

    def value(v):
        return v.isoformat() if isinstance(v, dt.date) else v

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
    return {
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
    n: int, outdir: str | Path, seed: int = 0, events: int | None = None, plant_rate: float = 0.05
) -> dict:
    """Write n reports and expected.json to outdir; return the expected dict."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    corpus = plan(n, seed, events, plant_rate)
    for name, text in texts(corpus):
        (out / name).write_text(text, encoding="utf-8")
    result = expected(corpus)
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
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    result = generate(args.n, args.outdir, args.seed, args.events, args.plant_rate)
    print(
        f"wrote {args.n} reports about {len(result['events'])} events and "
        f"{len(result['planted'])} planted contradictions to {args.outdir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
