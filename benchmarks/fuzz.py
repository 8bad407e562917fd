"""Fuzz the whole pipeline with corpora written in the claim phrasing of real reports.

Usage:
    python benchmarks/fuzz.py [--cases N] [--seed S] [--jobs J] [--show CASE]

Each case builds one corpus from `random.Random(f"{seed}/{case}")` (stdlib only): 2 to 6
reports in a temporary folder, as .md with YAML front matter some of the time (title, outlet,
url, published; dates such as 9999-12-31, 0001-01-01, 2020-02-30, or none at all; stray YAML),
as .txt, and sometimes as a .jsonl feed of several records (and a bad line or two). Sentences
come from templates of the shapes real reports use for each claim family: ordinal years ("for
the 25th consecutive year"), first years ("since 1992"), tallies ("187 votes to 3, with 2
abstentions"), vote positions, co-sponsor counts, adoption ("adopted without a vote"), dates
and weekdays with and without a year, people with titles and ages, conference ordinals
("COP28"), points and places in a song contest, counts of countries, money ("$100 billion a
year") and finishing times, plus sentences that mix them up ("It passed 120-8-50, up from 1992,
when it got 59 votes in favor."). The fillers are random numbers (0, huge, negative, with
commas, in words), years (1, 1992, 2999, 10000), dates, weekdays, names (non-ASCII, very long),
ordinals, money and times, and the sentences are salted with export junk (`[ad_1]`,
`[녹취: …]`, bylines, URLs), control characters, stray YAML and mixed scripts.

Every corpus then goes through the pipeline in this process: `checker.pipeline.check` with all
rules; every output format (text, JSON, SARIF, GitHub, Markdown, HTML, the claims table and
the timeline, the GraphML graph); and the claim index (`check_indexed` twice with a database
in the temporary folder: the second run reuses the index, and both must give the findings of
the plain check). A case fails when any step raises, when a skipped entry's reason starts with
"internal error", when an output is not what its format promises (JSON that does not parse),
or when the index changes the findings. A failing corpus is shrunk (reports, records, front
matter lines and sentences left out one at a time while the same failure stays) and printed.

The run prints how many corpora ran and failed, and for each failure its seed/case, what
failed and the minimal corpus; it exits 1 on any failure. `--show CASE` prints one case's
corpus and runs it. Timings: docs/robustness.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import multiprocessing
import os
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

Pick = Callable[[str], str]

# ---------------------------------------------------------------- fillers

NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "five",
    "nine",
    "eleven",
    "twelve",
    "fifteen",
    "nineteen",
    "twenty",
    "twenty-two",
    "thirty one",
    "forty-four",
    "fifty-nine",
    "ninety-nine",
    "hundred",
    "one hundred",
    "a dozen",
    "dozens",
    "a handful",
    "none",
)
ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "fifteenth",
    "sixteenth",
    "twentieth",
    "twenty-first",
    "twenty-fifth",
    "thirty third",
    "fortieth",
    "ninety-ninth",
    "hundredth",
    "last",
    "umpteenth",
    "zeroth",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
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
    "Jan.",
    "Feb.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Dec",
    "AUGUST",
    "march",
)
GIVEN = (
    "Ana",
    "Jamal",
    "Ingrid",
    "Kim",
    "Maria",
    "Olusegun",
    "Tetsuo",
    "Priya",
    "Lars",
    "José",
    "Zoë",
    "Łukasz",
    "Nguyễn",
    "Søren",
    "Chloé",
    "Dmitri",
    "Amélie",
    "Björk",
    "Ahmed",
    "Lee",
    "Mary-Kate",
    "O'Brien",
    "Jean-Luc",
    "A.",
    "H. E.",
    "Şükrü",
)
FAMILY = (
    "Rojas",
    "Okafor",
    "Lindqvist",
    "Sung-ho",
    "Pérez-Ñúñez",
    "Berg",
    "Tanaka",
    "Mwangi",
    "Dubois",
    "Al-Hashimi",
    "Kowalczyk",
    "Thị Minh",
    "Żółć",
    "Ó Súilleabháin",
    "Van der Berg",
    "da Silva",
    "McAllister",
    "Ivanova",
    "Müller-Lüdenscheidt",
)
SCRIPT_NAMES = (
    "Василий Небензя",
    "김성 대사",
    "ⴰⵎⴰⵣⵉⵖ Tifinagh",
    "محمد العلي",
    "李 明",
    "Ελένη Παπαδοπούλου",
    "Kim Сергей",
    "Ana\u0301 Rojas",
    "דוד כהן",
    "Nguyễn Thị Minh Khai",
    "J. R. R. Tolkien",
    "Mr. Smith",
    "Dr. Ana Rojas",
)
TITLES = (
    "Ambassador",
    "Foreign Minister",
    "foreign minister",
    "President",
    "Prime Minister",
    "Secretary-General",
    "Climate Minister",
    "UN envoy",
    "deputy UN ambassador",
    "Environment Minister",
    "COP president",
    "head of UN Climate Change",
    "spokesperson",
    "Ambassador to the UN",
    "Vice President",
    "chief negotiator",
    "Minister of Foreign Affairs",
    "executive director",
    "host",
    "presenter",
    "coach",
    "Sen.",
    "Gov.",
)
COUNTRIES = (
    "the US",
    "the United States",
    "Israel",
    "Palau",
    "the Marshall Islands",
    "Micronesia",
    "North Korea",
    "China",
    "Russia",
    "Cuba",
    "Japan",
    "South Korea",
    "the European Union",
    "the EU",
    "Australia",
    "Ukraine",
    "Sweden",
    "Italy",
    "the Netherlands",
    "Norway",
    "Pakistan",
    "India",
    "Brazil",
    "Fiji",
    "Chile",
    "Côte d'Ivoire",
    "Freedonia",
    "the U.S.",
    "U.K.",
    "Syria",
    "Iran",
    "Belarus",
    "Nicaragua",
    "Venezuela",
    "Egypt",
    "Azerbaijan",
    "Switzerland",
    "Türkiye",
    "the Holy See",
    "Palestine",
    "Ruritania",
    "the DPRK",
    "Pyongyang",
    "Seoul",
)
CITIES = (
    "Dubai",
    "Sharm el-Sheikh",
    "Belém",
    "Baku",
    "Tel Aviv",
    "Glasgow",
    "Katowice",
    "Madrid",
    "Bonn",
    "Paris",
    "Stockholm",
    "Turin",
    "Malmö",
    "Liverpool",
    "Basel",
    "NEW YORK",
    "UNITED NATIONS",
    "GENEVA",
    "Kraków",
    "Reykjavík",
    "東京",
    "Москва",
)
AGENCIES = ("Yonhap", "AP", "AFP", "Xinhua", "Reuters", "Kyodo", "dpa", "IPS", "UPI", "")
SONGS = (
    "\u201cPaper Lanterns\u201d",
    '"2031"',
    "'Low Orbit'",
    "\u201cSilent Harbour",
    "\u00abAurora Line\u00bb",
    '"Tin Drum"',
    "\u201c\u201d",
    '""',
    "'Marea' (Tide)",
)
URLS = (
    "https://example.com/news/2019/12/15/cop25-ends?utm=fuzz&x=1",
    "www.example.org",
    "http://例え.テスト/記事#1",
    "",
    "not a url",
    "https://example.com/" + "a" * 300,
)
JUNK = (
    "[ad_1]",
    "[ad_2]",
    "[녹취: 김 대사]",
    "[앵커]",
    "[기자]",
    "[Image: _XQ40217]",
    "[Images: 2021-03-02_1130b, 2021-03-02_1145]",
    "By Jane Doe, Staff Writer",
    "By JANE DOE Associated Press",
    "Share this article",
    "Comments (0)",
    "Follow us on X",
    *URLS[:3],
    "(c) 2024 Example Media. All rights reserved.",
    "This story will be updated.",
    "[...]",
    "___",
    "---",
    "title: stray yaml: in the body",
    "published: 9999-12-31",
    "- item",
    "key: [open",
    "Ассамблея adopted 決議 by 多数",
    "١٢٣ ٤٥٦",
    "\u202eRTL override\u202c",
    "\u200b\u200b",
    "\x07\x1b[31mred\x1b[0m",
    "\x0b\x0c",
    "\u2028",
    "\x85",
    "\ufeff",
    "\t\t",
    "3/10",
    "Photo: AFP",
    "READ MORE:",
    "***",
    "\\",
    "{}",
    "<script>alert(1)</script>",
    "&amp;",
    "%s %d {0} {name}",
    "\u0000",
)
CONTROL = "\x01\x02\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\u2028\u2029\u200b\u200e\u202e\ufeff"


def number(rng: random.Random) -> str:
    """A cardinal as reports print it, or not quite: 0, huge, negative, with commas, in words."""
    kind = rng.choices(range(10), weights=(30, 18, 6, 5, 5, 5, 10, 3, 3, 3))[0]
    if kind == 0:
        return str(rng.randint(0, 200))
    if kind == 1:
        return str(rng.randint(0, 999))
    if kind == 2:
        return f"{rng.randint(1000, 10**9):,}"
    if kind == 3:
        return str(rng.randint(10**6, 10**40))
    if kind == 4:
        return str(-rng.randint(0, 999))
    if kind == 5:
        return rng.choice(("0", "00", "007", "1,000", "999", "1000", "4294967296", "1e9"))
    if kind == 6:
        return rng.choice(NUMBER_WORDS)
    if kind == 7:
        return f"{rng.randint(0, 999)}.{rng.randint(0, 99)}"
    if kind == 8:
        return f"{rng.randint(1, 99)},{rng.randint(0, 9999)}"  # a comma in the wrong place
    return rng.choice(("1,2,3", "12-", "-", "½", "٣", "１２３", "3 1/2"))


def year(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return str(rng.randint(1985, 2030))
    return rng.choice(
        (
            "0",
            "1",
            "99",
            "999",
            "1000",
            "1066",
            "1800",
            "1899",
            "1900",
            "1992",
            "1999",
            "2000",
            "2099",
            "2999",
            "9999",
            "10000",
            "99999",
            "-44",
            "'92",
        )
    )


def ordinal(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        n = rng.randint(1, 60)
    elif kind < 0.6:
        n = rng.choice((0, 100, 101, 111, 112, 113, 499, 500, 501, 999, 1000, 2024, 9999, 123456789, 10**25))
    else:
        return rng.choice(ORDINAL_WORDS)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    if rng.random() < 0.1:
        suffix = rng.choice(("th", "st", "nd", "rd", "TH", ""))  # "1th", "22th"
    return f"{n}{suffix}"


def weekday(rng: random.Random) -> str:
    day = rng.choice(WEEKDAYS)
    return rng.choice((day, day, day, day.lower(), day.upper(), day + "'s", day[:3] + "."))


def month(rng: random.Random) -> str:
    return rng.choice(MONTHS)


def day(rng: random.Random) -> str:
    if rng.random() < 0.85:
        return str(rng.randint(1, 31))
    return rng.choice(("0", "00", "32", "99", "29", "30", "31"))


def dom(rng: random.Random) -> str:
    d = rng.choice((1, 2, 3, 4, 11, 12, 13, 16, 21, 22, 23, 28, 29, 30, 31, 0, 32, 99))
    suffix = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return f"{d}{suffix}"


def date(rng: random.Random) -> str:
    """A date as written, whole or in part: "Dec. 17", "17 December 2014", "the 31st"."""
    shapes: tuple[Callable[[], str], ...] = (
        lambda: f"{month(rng)} {day(rng)}",
        lambda: f"{month(rng)} {day(rng)}, {year(rng)}",
        lambda: f"{day(rng)} {month(rng)} {year(rng)}",
        lambda: f"{day(rng)} {month(rng)}",
        lambda: f"{weekday(rng)}, {month(rng)} {day(rng)}",
        lambda: f"{weekday(rng)} [{month(rng)} {day(rng)} {year(rng)}]",
        lambda: f"the {dom(rng)}",
        lambda: f"the {dom(rng)} of {month(rng)}",
        lambda: rng.choice(
            (
                "February 30",
                "Feb. 29, 2001",
                "February 29, 2000",
                "Dec. 31, 9999",
                "January 1, 1",
                "June 31",
                "the 31st",
                "Thursday, February 30",
            )
        ),
    )
    return rng.choice(shapes)()


def name(rng: random.Random) -> str:
    """A person's name: plain, accented, in another script, with initials, or very long."""
    kind = rng.random()
    if kind < 0.6:
        return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    if kind < 0.8:
        return rng.choice(SCRIPT_NAMES)
    if kind < 0.9:
        parts = [rng.choice(GIVEN + FAMILY) for _ in range(rng.randint(5, 40))]
        return " ".join(parts)
    return rng.choice(GIVEN) + " " + "".join(rng.choice("Aaeiouñß-'") for _ in range(rng.randint(50, 400)))


def title(rng: random.Random) -> str:
    return rng.choice(TITLES)


def age(rng: random.Random) -> str:
    return rng.choice((str(rng.randint(18, 95)), "0", "1", "130", "-3", "1000", "forty-two"))


def country(rng: random.Random) -> str:
    return rng.choice(COUNTRIES)


def countries(rng: random.Random) -> str:
    """A list of countries: two or three, or a long one (a recorded vote names them all)."""
    count = rng.choice((2, 2, 3, 3, 4, 6, rng.randint(10, 200)))
    names = [country(rng) for _ in range(count)]
    joiner = rng.choice((", ", ", ", " ", ", and ", "; "))
    return joiner.join(names[:-1]) + rng.choice((" and ", ", and ", ", ")) + names[-1]


def city(rng: random.Random) -> str:
    return rng.choice(CITIES)


def money(rng: random.Random) -> str:
    shapes: tuple[Callable[[], str], ...] = (
        lambda: f"${number(rng)} billion a year",
        lambda: f"US${number(rng)}bn",
        lambda: f"${rng.randint(0, 9)}.{rng.randint(0, 9)} trillion",
        lambda: f"€{number(rng)} million",
        lambda: f"${number(rng)} billion annually by {year(rng)}",
        lambda: f"${number(rng)} billion annually starting in {year(rng)}",
        lambda: f"{number(rng)} billion dollars",
        lambda: rng.choice(("$-5 billion", "$0", "$", "$$$", "£1", "¥100 trillion", "$1.3tn")),
    )
    return rng.choice(shapes)()


def clock(rng: random.Random) -> str:
    """A finishing time or an hour: "2:05:04", "4:00 a.m.", "99:99:99"."""
    shapes: tuple[Callable[[], str], ...] = (
        lambda: f"{rng.randint(0, 9)}:{rng.randint(0, 59):02}:{rng.randint(0, 59):02}",
        lambda: f"{rng.randint(0, 99)}:{rng.randint(0, 99):02}:{rng.randint(0, 99):02}",
        lambda: f"{rng.randint(0, 2)}:{rng.randint(0, 59):02}:{rng.randint(0, 59):02}.{rng.randint(0, 9)}",
        lambda: f"{rng.randint(1, 12)}:{rng.randint(0, 59):02} {rng.choice(('a.m.', 'p.m.'))}",
        lambda: rng.choice(("11pm CET", "2h 05m 04s", "0:00:00", "24:00", "2:05:04", "a little after 4 am")),
    )
    return rng.choice(shapes)()


def cop(rng: random.Random) -> str:
    n = rng.choice((str(rng.randint(1, 35)), "0", "1000", "99999", "28", "XXVIII"))
    return rng.choice((f"COP{n}", f"COP {n}", f"COP-{n}", f"Cop{n}", f"Pre-COP{n}"))


def place(rng: random.Random) -> str:
    return rng.choice(ORDINAL_WORDS[:12] + ("last", "26th", "0th", "1st", "second-to-last"))


def song(rng: random.Random) -> str:
    return rng.choice(SONGS)


def agency(rng: random.Random) -> str:
    return rng.choice(AGENCIES)


def junk(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return "".join(rng.choice(CONTROL) for _ in range(rng.randint(1, 6)))
    return rng.choice(JUNK)


FILLERS: dict[str, Callable[[random.Random], str]] = {
    "n": number,
    "year": year,
    "ord": ordinal,
    "weekday": weekday,
    "month": month,
    "day": day,
    "dom": dom,
    "date": date,
    "name": name,
    "title": title,
    "age": age,
    "country": country,
    "countries": countries,
    "city": city,
    "money": money,
    "time": clock,
    "cop": cop,
    "place": place,
    "song": song,
    "agency": agency,
    "junk": junk,
}

# ---------------------------------------------------------------- themes and templates

# A theme gives the body that acts and the thing it acts on, so that the reports of a corpus
# read as reports of one recurring event (and the rules have something to compare).
THEMES: tuple[dict[str, tuple[str, ...]], ...] = (
    {
        "body": (
            "the General Assembly",
            "the UN General Assembly",
            "the 193-member assembly",
            "the world body",
            "the assembly",
        ),
        "topic": (
            "the resolution against the trade embargo",
            "the text on the embargo",
            "the embargo resolution",
            "the motion",
        ),
        "lead": (
            "{body} again condemned the trade embargo against Cuba on {weekday}.",
            "{body} voted on {date} to urge an end to the embargo against Cuba.",
            "UN members backed Cuba's call to lift the embargo for the {ord} time.",
        ),
    },
    {
        "body": ("the Third Committee", "the General Assembly", "the UN rights committee"),
        "topic": ("the human rights resolution", "the resolution on abductions", "the text"),
        "lead": (
            "{body} adopted a resolution on human rights in North Korea on {weekday}.",
            "A UN committee passed the North Korea rights resolution on the {dom}.",
            "The plenary of {body} adopted the North Korea resolution on {date}.",
        ),
    },
    {
        "body": ("the climate summit", "the conference", "negotiators", "the UN climate talks"),
        "topic": ("the climate deal", "the agreement", "the loss and damage fund", "the decision"),
        "lead": (
            "The {cop} climate summit in {city} approved a climate deal on {weekday}.",
            "Negotiators at the UN climate conference in {city} struck a deal on {date}.",
            "Nearly {n} countries agreed a climate deal at {cop} in {city}.",
        ),
    },
    {
        "body": ("the Song Contest", "the grand final", "the semi-final", "the contest"),
        "topic": ("the Eurovision Song Contest", "the final", "the vote"),
        "lead": (
            "{country} won the Eurovision Song Contest in {city} on {weekday}.",
            "{name} won the {ord} Eurovision Song Contest for {country} with {n} points.",
            "The Eurovision semi-final in {city} sent {n} countries to the final.",
        ),
    },
    {
        "body": ("the city marathon", "the race", "the marathon"),
        "topic": ("the marathon", "the course record", "the men's race"),
        "lead": (
            "{name} won the Lakeshore City Marathon on {weekday} in {time}.",
            "The {ord} Lakeshore City Marathon was held on {date}.",
            "Runners from {n} countries started the Lakeshore City Marathon.",
        ),
    },
)

# Invented sentences of the shapes real reports use, one list a claim family. A placeholder
# {kind} takes a fresh filler each time it appears.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "ordinal-year": (
        "For the {ord} consecutive year, {body} called for an end to {topic}.",
        "It was the {ord} straight year that {body} backed {topic}.",
        "{body} adopted {topic} for {n} consecutive years.",
        "{topic} passed for the {ord} time in a row.",
        "This is the {ord} year in a row that {topic} has been approved.",
        "Last year {topic} was adopted for the {ord} consecutive year.",
        "The vote marks the {ord} successive year of defeat for the measure.",
        "{body} has voted on {topic} for {n} years in a row, the {ord} such vote.",
        "It is the {ord} time that {body} has adopted {topic} without a vote.",
        "The vote came at the {ord} session of the United Nations General Assembly.",
        "{topic} was adopted at the {ord} regular session of the General Assembly in {year}.",
    ),
    "first-year": (
        "The vote has been held every year since {year}.",
        "{topic} was first adopted in {year}.",
        "The annual vote, which first passed in {year}, drew {n} votes in favour.",
        "It has passed each year since {year}, when {n} countries voted in favor.",
        "The series began in {year} and has run annually since then.",
        "{body} has renewed {topic} every year since {year}, except in {year}.",
        "The first such event was held in {city} in {month} {year}.",
    ),
    "tally": (
        "{topic} passed {n}-{n}-{n}.",
        "It was adopted by a vote of {n} to {n}, with {n} abstentions.",
        "The tally was {n} in favour, {n} against and {n} abstentions.",
        "{n} countries voted for the text and {n} voted against, while {n} abstained.",
        "The text was approved by {n} votes to {n}, with {n} abstaining.",
        "A year earlier the vote was {n}-{n}.",
        "Last year's tally was {n} votes in favor to {n} opposed.",
        "The board in the hall showed {n} in favor to {n} opposed, with {n} abstention.",
        "{body} voted {n}-{n} to approve {topic}.",
        "The vote was {n} for, {n} against, and {n} abstentions.",
    ),
    "vote-position": (
        "{country} and {country} voted against.",
        "Only {country} and {country} voted against the text, while {country} abstained.",
        "{country}, {country} and {country} abstained.",
        "Voting against were {country} and {country}.",
        "The vote was {n} against ({country}, {country}), with {n} abstention ({country}).",
        "{country} sided with {country} in voting no.",
        "{country} did not vote against this year, and {country} abstained for the first time.",
        "As in {year}, {country}, {country} and {country} abstained.",
        '{country} joined {country} in voting "no."',
        "{countries} voted against, as did {country}.",
        "Voting no were {countries}.",
        "{n} against ({countries}), with {n} abstentions ({countries}).",
        "{countries} abstained, together with {country}.",
    ),
    "co-sponsor": (
        "The text had {n} co-sponsors.",
        "It was co-sponsored by {country} and more than {n} countries.",
        "{country} was not among the co-sponsors this year.",
        "{n} member states signed on as co-sponsors, including {country}.",
        "The draft, led by {country} and {country}, was co-sponsored by {n} nations.",
        "{country} co-sponsored {topic} for the {ord} consecutive year.",
        "The {country}-led resolution drew about {n} sponsors.",
        "The resolution, tabled by {countries}, had {n} co-sponsors including {countries}.",
    ),
    "adoption": (
        "{topic} was adopted without a vote.",
        "{body} adopted {topic} by consensus on {weekday}.",
        "It was put to a recorded vote at the request of {country}.",
        "{country} joined the consensus, but {country} dissociated itself from paragraph {n}.",
        "Hearing no objection, the president banged the gavel.",
        "None of the delegations voted against, and {topic} was declared approved.",
        "The text was adopted by acclamation after {n} hours of talks.",
    ),
    "date": (
        "On {weekday}, {body} adopted {topic}.",
        "{body} voted on {date}.",
        "The vote took place on the {dom}.",
        "{body} approved it on {weekday} [{month} {day} {year}].",
        "{city}, {month} {day} ({agency}) - {body} adopted a resolution on {weekday}.",
        "{month} {day}, {year}",
        "{month} {day}, {n}:{n} p.m.",
        "The deal was struck late {weekday}, and adopted early on {weekday}.",
        "{body} wrapped up on {date}, a day later than planned.",
        "The plenary adopted {topic} on {date}, after the Third Committee passed it on {date}.",
        "The Third Committee approved {topic} on {weekday}, {date}.",
        "On {date} the world approved {topic}.",
    ),
    "person": (
        "{title} {name} said the vote was historic.",
        "{name}, the country's {title}, told reporters it was unfair.",
        "{name}, {age}, {title} of {country}, welcomed the result.",
        "{country}'s {title} {name} had also warned against the move.",
        "\u201cIt is a victory for all of us,\u201d said {name}.",
        "{title} to the UN {name} called it a political ploy.",
        "{name} ({age}) was named {title} in {year}.",
        '"We made it," {name}, {title}, said on {weekday}.',
    ),
    "conference": (
        "The {ord} Conference of the Parties opened in {city}.",
        "{cop} ended in {city} on {weekday}.",
        "Delegates at {cop} agreed the deal after {n} days of talks.",
        "This was the {ord} UN Climate Change Conference.",
        "{cop} president {name} banged the gavel at {time}.",
        "The {ord} round of annual UN talks moves to {city} next year for {cop}.",
        "The {n}-day conference ran from {month} {day} to {day}.",
    ),
    "song-contest": (
        "{name} won the {ord} Eurovision Song Contest with {n} points.",
        "{country} came {place} with {n} points.",
        "{n}. {country} \u2013 {n} points",
        "The jury gave {n} points and the televote {n} points.",
        "{country} finished {place} in the grand final in {city}.",
        "{name} performed {song} and was placed {place} with {n} votes.",
        "{country} topped the televote with {n} points, {n} more than {country}.",
    ),
    "country-count": (
        "Negotiators from {n} countries approved the deal.",
        "More than {n} nations signed on.",
        "{n} countries, in addition to the EU, adopted {topic}.",
        "Some {n} delegates and {n} journalists attended.",
        "The {n}-member world body approved the text.",
        "The gavel came down on a consensus of {n} countries and the European Union.",
        "Almost {n} nations took part, up from {n} in {year}.",
    ),
    "money": (
        "Rich countries pledged {money}.",
        "The goal is {money}.",
        "The fund will reach {money} starting in {year}.",
        "Developing nations had asked for {money}, against an offer of {money}.",
        "The old goal of {money} was met only in {year}.",
    ),
    "finishing-time": (
        "{name} won in {time}, a course record.",
        "{name} crossed the line in {time}, {n} seconds ahead of {name}.",
        "The winner finished in {time} on {weekday}.",
        "{name} ({country}) {time}; {name} ({country}) {time}.",
        "It was the {ord} edition of the race, won in {time}.",
    ),
    "mixed": (
        "It passed {n}-{n}-{n}, up from {year}, when it got {n} votes in favor.",
        "The assembly voted {n} against, {n} in favor in {year}, when the vote was first held.",
        "In {year}, when the vote was first held, {n} voted in favour; this year it was {n}-{n}.",
        "For the {ord} consecutive year since {year}, the text passed {n} to {n} on {weekday}.",
        "{n} countries voted in favor in {year}, {n} against last year and {n} abstained.",
        "The {ord} vote, on {date}, was {n}-{n}-{n}, the same as in {year}, when {country} voted against.",
        "Since {year}, when {n} voted in favour, the tally has grown to {n}, with {n} against in {year}.",
        "{country} voted against for the {ord} time since {year}, on {weekday} the {dom}.",
        "Last year {n} voted in favor, in {year} {n} against, and {n} abstentions this year.",
        "On the {dom}, {n} to {n} in {year} and {n} abstentions on {weekday}.",
        "It was adopted {n} votes to {n} in {year}, when {n} abstained, and by consensus in {year}.",
    ),
}
FAMILIES = tuple(TEMPLATES)
_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, pick: Pick) -> str:
    """The template with each {kind} replaced by pick(kind), drawn afresh for each one."""
    return _SLOT.sub(lambda m: pick(m.group(1)), template)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def random_pick(rng: random.Random, theme: dict[str, tuple[str, ...]]) -> Pick:
    def pick(kind: str) -> str:
        if kind in theme:
            return rng.choice(theme[kind])
        if kind == "name" and theme.get("cast") and rng.random() < 0.6:
            return rng.choice(theme["cast"])
        return FILLERS[kind](rng)

    return pick


def sentence(rng: random.Random, theme: dict[str, tuple[str, ...]]) -> str:
    family = rng.choice(FAMILIES)
    return _capital(fill(rng.choice(TEMPLATES[family]), random_pick(rng, theme)))


SPLICES = (
    ", when ",
    ", up from ",
    "; ",
    " and ",
    ", while ",
    " in ",
    ", the same as ",
    " - ",
    " (",
    ", after ",
    ", but ",
    ". ",
    ", which ",
    " last year, ",
    " since ",
)
DIGIT_SCRIPTS = (
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",  # Arabic-Indic
    "\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f",  # Devanagari
    "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19",  # full width
    "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",
)  # superscript
NOISE = "0123456789,.-\u2013;:()[]'\"/ aAé"


def _mutated(rng: random.Random, text: str, theme: dict[str, tuple[str, ...]]) -> str:
    """A sentence as exports garble it: junk inside, no stop, shouting, cut off, quoted,
    run together with another claim, or with characters lost and doubled."""
    roll = rng.random()
    if roll < 0.45:
        return text
    if roll < 0.55:
        words = text.split(" ")
        at = rng.randint(0, len(words))
        return " ".join(words[:at] + [junk(rng)] + words[at:])
    if roll < 0.6:
        return text.rstrip(".")
    if roll < 0.63:
        return text.upper()
    if roll < 0.66:
        return text.replace(" ", "\u00a0")
    if roll < 0.69:
        return text[: rng.randint(0, len(text))] + " [...]"
    if roll < 0.72:
        return f"\u201c{text}\u201d said {name(rng)}."
    if roll < 0.75:
        return text.replace(" ", " " + junk(rng) + " ", 1)
    if roll < 0.77:
        return " ".join([text] * rng.randint(2, 15))  # a run-on paragraph
    if roll < 0.79:
        return text.replace(",", "")
    if roll < 0.82:
        return "".join(c + rng.choice(CONTROL) if rng.random() < 0.05 else c for c in text)
    if roll < 0.84:  # digits of another script, and letters that case-fold into ASCII ones
        digits = rng.choice(DIGIT_SCRIPTS)
        text = text.translate(str.maketrans("0123456789", digits))
        return text.replace("s", "\u017f").replace("k", "\u212a") if rng.random() < 0.5 else text
    if roll < 0.92:  # two claims in one sentence, of any two families
        other = sentence(rng, theme)
        return text.rstrip(".") + rng.choice(SPLICES) + other[:1].lower() + other[1:]
    chars = list(text)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(chars) + 1)
        edit = rng.random()
        if edit < 0.3 and at < len(chars):
            del chars[at]
        elif edit < 0.5 and at < len(chars):
            chars.insert(at, chars[at])
        elif edit < 0.8:
            chars.insert(at, rng.choice(NOISE))
        elif at + 1 < len(chars):
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
    return "".join(chars)


# ---------------------------------------------------------------- corpora


@dataclass
class Record:
    """One report: its metadata lines (YAML front matter, or JSON keys in a feed) and pieces
    of text (sentences with what separates them), each of which the shrinker may leave out."""

    meta: list[str] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    fenced: bool = True  # front matter closed with '---'


@dataclass
class Doc:
    name: str
    kind: str  # "md", "txt" or "jsonl"
    records: list[Record]
    encoding: str = "utf-8"


PUBLISHED = (
    "9999-12-31",
    "0001-01-01",
    "2020-02-30",
    "2016-05",
    "null",
    "''",
    "not a date",
    "2015",
    "2015-12-12T19:26:00Z",
    "[2015-01-01]",
    "{year: 2015}",
    "2019-13-45",
    "2014-10-28 # from the URL",
    "1992-01-01",
    "2999-01-01",
    "1-1-1",
)


def _published(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.2:
        return None
    if roll < 0.6:
        return f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
    return rng.choice(PUBLISHED)


def _yaml_scalar(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.5:
        return json.dumps(text, ensure_ascii=rng.random() < 0.5)  # a quoted YAML string
    if roll < 0.9:
        return text  # plain: a colon or a hash in it may break the YAML, as it does in life
    return "|\n  " + text


def _front_matter(rng: random.Random, theme: dict[str, tuple[str, ...]]) -> list[str]:
    lines = []
    if rng.random() < 0.8:
        headline = (
            fill(rng.choice(theme["lead"]), random_pick(rng, theme))
            if rng.random() < 0.5
            else sentence(rng, theme)
        )
        lines.append("title: " + _yaml_scalar(rng, headline[:120]))
    if rng.random() < 0.7:
        lines.append("outlet: " + _yaml_scalar(rng, rng.choice(AGENCIES) or "Example Daily"))
    if rng.random() < 0.6:
        lines.append("url: " + _yaml_scalar(rng, rng.choice(URLS)))
    published = _published(rng)
    if published is not None:
        lines.append(f"published: {published}")
    if rng.random() < 0.15:
        lines.append(
            rng.choice(
                (
                    "series: " + rng.choice(theme["topic"]),
                    "factlint: {ignore: [FL101, FL999]}",
                    "factlint: {ignore: FL3}",
                    "encoding: cp1252",
                    "event_year: 2016",
                    "partial: true",
                    "title: [unclosed",
                    "published: !!python/object/apply:os.system ['true']",
                    "\ttab: indented",
                    "- a list item",
                    "key: value: other",
                    "&anchor a: *anchor",
                    "published: 2020-02-30",
                    "? complex key",
                    "published:\n  - 2019-01-01",
                    'notes: "' + "x" * rng.randint(0, 3000) + '"',
                    "0001-01-01: published",
                )
            )
        )
    rng.shuffle(lines)
    return lines


def _record(rng: random.Random, theme: dict[str, tuple[str, ...]]) -> Record:
    pieces: list[str] = []
    if rng.random() < 0.3:
        pieces.append(f"{city(rng)}, {month(rng)} {day(rng)} ({agency(rng)}) - ")
    if rng.random() < 0.7:  # the lead names the event, so that reports join one series
        lead = fill(rng.choice(theme["lead"]), random_pick(rng, theme))
        pieces.append(_capital(lead) + rng.choice((" ", "\n\n")))
    if rng.random() < 0.2:
        pieces.append(f"{month(rng)} {day(rng)}, {year(rng)}\n\n")
    for _ in range(rng.randint(1, 12)):
        roll = rng.random()
        if roll < 0.12:
            text = junk(rng)
        elif roll < 0.16:
            text = sentence(rng, rng.choice(THEMES))  # a line about another event
        else:
            text = _mutated(rng, sentence(rng, theme), theme)
        sep = rng.choices((" ", "\n\n", "\n", "\r\n\r\n", "\n\n\n", ""), weights=(40, 40, 8, 4, 4, 4))[0]
        pieces.append(text + sep)
    if rng.random() < 0.02:  # one sentence over the length limit
        pieces.append(" ".join(sentence(rng, theme) for _ in range(rng.randint(30, 60))))
    return Record(pieces=pieces)


def _jsonl_meta(rng: random.Random, number: int) -> list[str]:
    """Keys of a feed record, as "key<TAB>json value" lines."""
    ident = rng.choice(
        (json.dumps(f"r{number}"), str(number), "null", "[1, 2]", json.dumps("dup"), json.dumps("é/../x"))
    )
    meta = [f"id\t{ident}"]
    published = _published(rng)
    if published is not None:
        value = published if published in ("null", "2015") else json.dumps(published)
        meta.append(f"published\t{value}")
    if rng.random() < 0.5:
        meta.append("title\t" + json.dumps(rng.choice(THEMES)["topic"][0]))
    if rng.random() < 0.1:
        meta.append(
            rng.choice(('factlint\t{"ignore": ["FL302"]}', "series\t42", 'outlet\t{"a": 1}', "url\tnull"))
        )
    return meta


def variant(rng: random.Random, full: str) -> str:
    """A name as another outlet spells it: accents dropped, a letter lost, an initial."""
    import unicodedata

    roll = rng.random()
    if roll < 0.3:
        folded = unicodedata.normalize("NFKD", full)
        return "".join(c for c in folded if not unicodedata.combining(c))
    if roll < 0.6 and len(full) > 4:
        at = rng.randrange(1, len(full) - 1)
        return full[:at] + full[at + 1 :]
    if roll < 0.8:
        parts = full.split()
        return " ".join([parts[0][:1] + "."] + parts[1:]) if len(parts) > 1 else full
    return full.upper()


def build_corpus(rng: random.Random) -> list[Doc]:
    """2 to 6 reports of one theme (with the odd stray from another), in files of all kinds."""
    cast = [name(rng) for _ in range(rng.randint(1, 3))]
    cast += [variant(rng, rng.choice(cast)) for _ in range(rng.randint(0, 2))]
    theme = {**rng.choice(THEMES), "cast": tuple(cast)}
    docs: list[Doc] = []
    count = rng.randint(2, 6)
    jsonl = rng.random() < 0.25
    for i in range(count - (1 if jsonl else 0)):
        kind = rng.choices(("md", "txt"), weights=(65, 35))[0]
        record = _record(rng, theme)
        if kind == "md" and rng.random() < 0.85:
            record.meta = _front_matter(rng, theme)
            record.fenced = rng.random() < 0.95
        stem = rng.choice(
            (
                "report",
                "r\u00e9sum\u00e9",
                "nk_story",
                "cop",
                "ev",
                "x y",
                "-dash",
                ".hidden",
                "北",
                "a" * 100,
            )
        )
        encoding = rng.choices(("utf-8", "utf-8-sig", "utf-16", "cp1252"), weights=(90, 4, 3, 3))[0]
        docs.append(Doc(f"{i:02d}_{stem}.{kind}", kind, [record], encoding))
    if jsonl:
        records = []
        for number in range(rng.randint(1, 4)):
            record = _record(rng, theme)
            record.meta = _jsonl_meta(rng, number)
            records.append(record)
        if rng.random() < 0.3:
            records.append(
                Record(
                    meta=[
                        "raw\t"
                        + rng.choice(
                            (
                                "{not json",
                                "[]",
                                '{"text": 5}',
                                '{"text": null}',
                                "",
                                "   ",
                                '"text"',
                                '{"text": "' + "\\ud800" + '"}',
                                "[" * 5000,
                            )
                        )
                    ]
                )
            )
        docs.append(Doc(f"{count - 1:02d}_feed.jsonl", "jsonl", records))
    return docs


def render(doc: Doc) -> str:
    if doc.kind == "jsonl" or not doc.records:
        return "".join(_jsonl_line(r) + "\n" for r in doc.records)
    record = doc.records[0]
    body = "".join(record.pieces)
    if not record.meta:
        return body
    head = "---\n" + "\n".join(record.meta) + "\n"
    return head + ("---\n" if record.fenced else "\n") + body


def _jsonl_line(record: Record) -> str:
    raw = [line for line in record.meta if line.startswith("raw\t")]
    if raw:
        return raw[0][4:]
    fields = [f"{json.dumps(k)}: {v}" for k, v in (line.split("\t", 1) for line in record.meta)]
    fields.append('"text": ' + json.dumps("".join(record.pieces)))
    return "{" + ", ".join(fields) + "}"


def write_corpus(docs: list[Doc], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        text = render(doc)
        try:
            data = text.encode(doc.encoding, errors="strict")
        except UnicodeError:
            data = text.encode("utf-8", errors="surrogatepass")
        (folder / doc.name).write_bytes(data)


# ---------------------------------------------------------------- the pipeline


@dataclass(frozen=True)
class Failure:
    stage: str
    error: str  # exception type and message, or what went wrong
    where: str  # innermost frame in factlint's own code
    trace: str = ""

    @property
    def signature(self) -> tuple[str, str, str]:
        """What makes two failures the same: the stage, the kind of error and where."""
        kind = ": ".join(self.error.split(": ")[: 2 if self.error.startswith("internal") else 1])
        return (self.stage, kind, self.where)


_RULES: list | None = None


def _rules() -> list:
    global _RULES
    if _RULES is None:
        from checker.selection import select_rules

        _RULES = select_rules()
    return _RULES


def _where(err: BaseException) -> str:
    own = [
        f
        for f in traceback.extract_tb(err.__traceback__)
        if f.filename.startswith((str(ROOT / "checker"), str(ROOT / "rules")))
    ]
    frame = (own or traceback.extract_tb(err.__traceback__) or [None])[-1]
    if frame is None:
        return "?"
    return f"{os.path.relpath(frame.filename, ROOT)}:{frame.lineno} in {frame.name}"


def _internal_errors(corpus, stage: str, folder: Path) -> list[Failure]:
    """A report skipped because of an exception inside factlint is a failure too; where it
    was raised is found by digesting that report again outside the boundary."""
    out = []
    for skipped in corpus.skipped:
        if skipped.reason.startswith("internal error"):
            where, trace = (
                _judge_again(folder) if "while judging" in skipped.reason else _digest_again(skipped.path)
            )
            path = os.path.relpath(skipped.path.split("#")[0], folder)
            out.append(Failure(stage, f"{skipped.reason} (report {path})", where, trace))
    return out


def _digest_again(path: str) -> tuple[str, str]:
    from checker import pipeline
    from checker.articles import read_reports
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    try:
        for article in read_reports([path.split("#")[0]], lex=lex).articles:
            if article.path == path:
                pipeline.digest(article, lex)
    except Exception as err:  # noqa: BLE001 - the exception the boundary caught
        return _where(err), traceback.format_exc(limit=-8)
    return "skipped", ""


def _judge_again(folder: Path) -> tuple[str, str]:
    """Where judging fails: the corpus placed in time and judged step by step."""
    from checker import pipeline
    from checker.articles import expand_paths, read_reports
    from checker.engine import run_rules
    from checker.lexicon import default_lexicon
    from checker.occurrence import resolve_occurrences
    from checker.series import assign_series

    lex = default_lexicon()
    try:
        digests = []
        for path in expand_paths([str(folder)], []):
            for article in read_reports([path], lex=lex).articles:
                try:
                    digests.append(pipeline.digest(article, lex))
                except Exception:  # noqa: BLE001, S112 - a report that fails here is not judged
                    continue
        occurrences = resolve_occurrences(digests, assign_series(digests))
        run_rules(_rules(), [c for d in digests for c in d.claims], occurrences)
    except Exception as err:  # noqa: BLE001 - the exception the boundary caught
        return _where(err), traceback.format_exc(limit=-8)
    return "skipped", ""


def _findings_json(corpus) -> list[str]:
    from checker.report import finding_json

    return [json.dumps(finding_json(f), sort_keys=True) for f in corpus.findings]


STAGES = (
    "check",
    "text",
    "claims",
    "timeline",
    "json",
    "sarif",
    "github",
    "markdown",
    "html",
    "graph",
    "index",
    "index-reused",
)


def run_pipeline(
    folder: Path, work: Path, color: str = "never", until: str | None = None, tables: bool = True
) -> list[Failure]:
    """Check the corpus in folder, render every format and round-trip the index (files under
    work), stopping after the stage `until` when given; the failures (empty: none). A step
    that raises ends the run. tables=False leaves out the claims table and the timeline (the
    slowest renderings, which use the text report's code)."""
    from checker import formats
    from checker.graph import build_graph, write_graph
    from checker.html import render_html
    from checker.pipeline import check, check_indexed
    from checker.report import make_console, render_claims, render_text, render_timeline, write_json

    rules = _rules()
    failures: list[Failure] = []
    stage = "check"
    try:
        corpus = check([str(folder)], rules, jobs=1)
        failures += _internal_errors(corpus, stage, folder)
        findings = list(corpus.findings)
        console = make_console(color, file=io.StringIO(), width=100)
        db = str(work / "index.sqlite")
        plain = _findings_json(corpus)
        steps: dict[str, Callable[[], object]] = {
            "text": lambda: (
                render_text(corpus, console, findings),
                render_text(corpus, console, findings, quiet=True),
            ),
            "claims": lambda: render_claims(corpus, console),
            "timeline": lambda: render_timeline(corpus, console),
            "json": lambda: json.loads(_written(lambda out: write_json(corpus, findings, out))),
            "sarif": lambda: json.loads(formats.to_sarif(corpus, findings, rules)),
            "github": lambda: _github_lines(formats.to_github(corpus, findings)),
            "markdown": lambda: formats.to_markdown(corpus, findings),
            "html": lambda: render_html(corpus, findings),
            "graph": lambda: _graphml(
                lambda path: write_graph(build_graph(corpus), path), work / "claims.graphml"
            ),
        }
        for stage in STAGES[1:]:
            if until is not None and STAGES.index(stage) > STAGES.index(until):
                break
            if stage in ("claims", "timeline") and not tables:
                continue
            if stage in steps:
                steps[stage]()
                continue
            indexed = check_indexed([str(folder)], rules, db, jobs=1)
            failures += _internal_errors(indexed, stage, folder)
            if _findings_json(indexed) != plain:
                failures.append(Failure(stage, "findings differ from the plain check", "index round-trip"))
    except Exception as err:  # noqa: BLE001 - any exception is what the fuzzer looks for
        failures.append(
            Failure(
                stage,
                f"{type(err).__name__}: {' '.join(str(err).split())[:200]}",
                _where(err),
                traceback.format_exc(limit=-8),
            )
        )
    return failures


def _github_lines(text: str) -> None:
    """Every line of the GitHub format is one workflow command, or the summary line."""
    for line in text.splitlines():
        if not line.startswith(("::error ", "::warning ", "::notice ", "factlint: ")):
            raise ValueError(f"not a workflow command: {line[:120]!r}")


def _graphml(write: Callable[[str], None], path: Path) -> None:
    """The GraphML is written and parses back as XML."""
    import xml.etree.ElementTree as ET

    write(str(path))
    ET.parse(path)


def _written(write: Callable[[io.StringIO], None]) -> str:
    out = io.StringIO()
    write(out)
    return out.getvalue()


def run_docs(
    docs: list[Doc], color: str = "never", until: str | None = None, tables: bool = True
) -> list[Failure]:
    with tempfile.TemporaryDirectory(prefix="factlint-fuzz-") as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(docs, folder)
        return run_pipeline(folder, Path(tmp), color, until, tables)


def case_rng(seed: int, case: int) -> random.Random:
    return random.Random(f"{seed}/{case}")


def case_docs(seed: int, case: int) -> tuple[list[Doc], str]:
    rng = case_rng(seed, case)
    docs = build_corpus(rng)
    return docs, rng.choice(("never", "always"))


# ---------------------------------------------------------------- shrinking


def _without(docs: list[Doc], path: tuple[int, ...]) -> list[Doc]:
    """A copy of docs with one doc, record, metadata line or piece left out."""
    out = [
        dataclasses.replace(
            d, records=[dataclasses.replace(r, meta=list(r.meta), pieces=list(r.pieces)) for r in d.records]
        )
        for d in docs
    ]
    if len(path) == 1:
        del out[path[0]]
    elif len(path) == 2:
        del out[path[0]].records[path[1]]
    elif path[2] == 0:
        del out[path[0]].records[path[1]].meta[path[3]]
    else:
        del out[path[0]].records[path[1]].pieces[path[3]]
    return out


def _parts(docs: list[Doc]) -> Iterable[tuple[int, ...]]:
    """Every part of a corpus, largest first, from the end (indices stay valid after a cut)."""
    for d in reversed(range(len(docs))):
        yield (d,)
    for d in reversed(range(len(docs))):
        for r in reversed(range(len(docs[d].records))):
            yield (d, r)
    for d in reversed(range(len(docs))):
        for r in reversed(range(len(docs[d].records))):
            record = docs[d].records[r]
            for i in reversed(range(len(record.meta))):
                yield (d, r, 0, i)
            for i in reversed(range(len(record.pieces))):
                yield (d, r, 1, i)


def shrink(docs: list[Doc], failure: Failure, color: str, budget: float = 60.0) -> list[Doc]:
    """Leave out parts one at a time while the same failure stays, until nothing more goes."""
    deadline = time.monotonic() + budget
    changed = True
    while changed and time.monotonic() < deadline:
        changed = False
        for part in list(_parts(docs)):
            if time.monotonic() > deadline:
                break
            try:
                smaller = _without(docs, part)
            except IndexError:  # an earlier cut in this pass moved it
                continue
            if _fails(smaller, failure, color):
                docs, changed = smaller, True
        # then split the pieces into sentences, and try those one by one
        if not changed:
            split = _split_pieces(docs)
            if split is not None and _fails(split, failure, color):
                docs, changed = split, True
    return docs


def _fails(docs: list[Doc], failure: Failure, color: str) -> bool:
    """True when the corpus still fails the same way (run up to the stage that failed)."""
    return failure.signature in {f.signature for f in run_docs(docs, color, failure.stage)}


def _split_pieces(docs: list[Doc]) -> list[Doc] | None:
    """Pieces cut at sentence stops, or None when no piece holds two sentences."""
    out = []
    grew = False
    for d in docs:
        records = []
        for r in d.records:
            pieces = []
            for piece in r.pieces:
                parts = [p for p in re.split(r"(?<=[.;,]\s)", piece) if p]
                grew |= len(parts) > 1
                pieces.extend(parts)
            records.append(dataclasses.replace(r, meta=list(r.meta), pieces=pieces))
        out.append(dataclasses.replace(d, records=records))
    return out if grew else None


def shown(docs: list[Doc]) -> str:
    """The corpus as text, one file after another, control characters escaped."""
    out = []
    for doc in docs:
        text = render(doc)
        visible = "".join(
            c if c == "\n" or (c.isprintable() and c != "\\") else c.encode("unicode_escape").decode("ascii")
            for c in text
        )
        out.append(
            f"  --- {doc.name} ({doc.encoding}) ---\n"
            + "".join(f"  | {line}\n" for line in visible.split("\n"))
        )
    return "".join(out)


# ---------------------------------------------------------------- running cases


TABLES_EVERY = 5  # the claims table and the timeline are drawn for every 5th case


@dataclass
class Result:
    seed: int
    case: int
    seconds: float
    failure: Failure | None = None
    minimal: str = ""


def run_case(seed: int, case: int, minimize: bool = True) -> Result:
    docs, color = case_docs(seed, case)
    started = time.perf_counter()
    failures = run_docs(docs, color, tables=case % TABLES_EVERY == 0)
    seconds = time.perf_counter() - started
    if not failures:
        return Result(seed, case, seconds)
    result = Result(seed, case, seconds, failures[0])
    return _shrunk(result) if minimize else result


def _shrunk(result: Result) -> Result:
    """The result with its failing corpus shrunk to what still fails the same way."""
    assert result.failure is not None
    docs, color = case_docs(result.seed, result.case)
    minimal = shrink(docs, result.failure, color)
    return dataclasses.replace(result, minimal=shown(minimal))


def _run_batch(args: tuple[int, list[int]]) -> list[Result]:
    seed, cases = args
    return [run_case(seed, case, minimize=False) for case in cases]


def run_many(
    seed: int,
    cases: Iterable[int],
    jobs: int = 2,
    minimize_limit: int = 50,
    progress: Callable[[int], None] | None = None,
) -> list[Result]:
    """Run the cases, in `jobs` processes (fork) when more than one; results in case order.
    Then up to minimize_limit failing corpora are shrunk: the first of each kind of failure,
    then the others in case order."""
    cases = list(cases)
    batches = [(seed, cases[i : i + 25]) for i in range(0, len(cases), 25)]
    results: list[Result] = []
    pool = None
    if jobs > 1:
        _rules()  # built once before the fork
        import checker.html  # noqa: F401 - imported before the fork, shared by the workers
        import checker.index  # noqa: F401

        pool = multiprocessing.get_context("fork").Pool(jobs)
    try:
        mapped = pool.imap_unordered(_run_batch, batches) if pool else (_run_batch(b) for b in batches)
        for batch in mapped:
            results += batch
            if progress:
                progress(len(results))
        results.sort(key=lambda r: r.case)
        failed = [r for r in results if r.failure is not None]
        firsts: dict[tuple[str, str, str], Result] = {}
        for r in failed:
            firsts.setdefault(r.failure.signature, r)  # type: ignore[union-attr]
        first_cases = {r.case for r in firsts.values()}
        chosen = [*firsts.values(), *(r for r in failed if r.case not in first_cases)]
        chosen = chosen[:minimize_limit]
        shrunk = pool.map(_shrunk, chosen, chunksize=1) if pool else [_shrunk(r) for r in chosen]
    finally:
        if pool:
            pool.close()
            pool.join()
    by_case = {r.case: r for r in shrunk}
    return [by_case.get(r.case, r) for r in results]


def report(results: list[Result], seed: int, seconds: float, out=sys.stdout) -> int:
    failed = [r for r in results if r.failure is not None]
    slowest = max(results, key=lambda r: r.seconds, default=None)
    print(
        f"fuzz: {len(results)} corpora ran (seed {seed}), {len(failed)} failure(s), "
        f"{seconds:.1f} s" + (f"; slowest case {slowest.case}: {slowest.seconds:.2f} s" if slowest else ""),
        file=out,
    )
    kinds = Counter(r.failure.signature for r in failed if r.failure)
    for (stage, error, where), count in kinds.most_common():
        print(f"  {count} x {stage}: {error} at {where}", file=out)
    for r in failed:
        assert r.failure is not None
        print(
            f"\nseed {r.seed} case {r.case}: {r.failure.stage}: {r.failure.error}\n  at {r.failure.where}",
            file=out,
        )
        if r.minimal:
            print("  minimal corpus:\n" + r.minimal.rstrip("\n"), file=out)
        else:
            print(f"  (not shrunk: rerun with --show {r.case} --seed {r.seed})", file=out)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="corpora to generate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--first", type=int, default=0, help="first case number")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="processes (default 2)")
    parser.add_argument(
        "--minimize-limit",
        type=int,
        default=50,
        help="shrink at most this many failing corpora (the others are listed)",
    )
    parser.add_argument(
        "--show",
        type=int,
        metavar="CASE",
        help="print one case's corpus, run it and print its failure in full",
    )
    args = parser.parse_args(argv)
    if args.show is not None:
        docs, color = case_docs(args.seed, args.show)
        print(shown(docs))
        failures = run_docs(docs, color)
        for failure in failures:
            print(f"{failure.stage}: {failure.error}\n  at {failure.where}\n{failure.trace}")
        print(f"{len(failures)} failure(s)")
        return 1 if failures else 0
    started = time.perf_counter()
    step = max(1, args.cases // 20)

    def progress(done: int) -> None:
        if done % step < 25 and sys.stderr.isatty():
            print(f"\r{done}/{args.cases}", end="", file=sys.stderr, flush=True)

    results = run_many(
        args.seed, range(args.first, args.first + args.cases), args.jobs, args.minimize_limit, progress
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return report(results, args.seed, time.perf_counter() - started)


if __name__ == "__main__":
    sys.exit(main())
