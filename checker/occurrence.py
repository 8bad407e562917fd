"""Place each report in its occurrence: series + year + meeting, with the evidence for each."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from checker.cache import compile_pattern
from checker.cues import held_every, url_date, weekday_date
from checker.lexicon import Lexicon, default_lexicon, longest_first
from checker.models import Article, Claim, Digest, Evidence, Occurrence
from checker.stages import NUMBERED, Stage, by_label, concluding, named_stage
from checker.text import Sentence, default_numbers, split_sentences

MEETING_GAP_DAYS = 12  # dates further apart than this within a year are different meetings
STALE_DAYS = 60  # an event date this long before publication is not the report's own event
STALE_DATE = "another-event"  # the evidence naming such a date: the claim is compared nowhere


@dataclass(frozen=True, slots=True)
class _Dated:
    date: dt.date | None
    year: int | None
    evidence: tuple[Evidence, ...]
    published: dt.date | None = None  # the day the report was published, where known to the day


def resolve_occurrences(digests: list[Digest], series: dict[str, str]) -> dict[str, Occurrence]:
    """Resolve every report's year and meeting, strongest evidence first. A count never dates
    its report: it is compared, and a miscount would move its report to another year."""
    articles = tuple(d.article for d in digests)
    by_article: dict[str, list[Claim]] = {d.article.path: list(d.claims) for d in digests}
    prints = {d.article.path: d.prints for d in digests}
    dated = {d.article.path: _date_report(d) for d in digests}
    years = {
        d.article.path: _year(dated[d.article.path], by_article[d.article.path], d.edition_label)
        for d in digests
    }
    years.update(_placed_by_copied_text(years, prints, series))  # a copy first: the surest
    latest = {d.article.path: d.latest_year for d in digests}
    names = {d.article.path: d.lead_names for d in digests}
    shared = _unless_narrated_later(
        _placed_by_shared_content(years, by_article, series), latest, years, series
    )
    years.update(_unless_named_otherwise(shared, years, names, series, by_article))
    years.update(
        _unless_narrated_later(_placed_by_calendar(years, dated, by_article, series), latest, years, series)
    )
    actors = {d.article.path: d.lead_actors for d in digests}
    by_names = _placed_by_lead_names(years, names, actors, series)
    years.update(_unless_narrated_later(by_names, latest, years, series))
    # copies of a report placed by a value it shares follow it, even where that value was
    # changed in the copy: the change is then compared within the year, not left open
    years.update(_placed_by_copied_text(years, prints, series))
    stages = {d.article.path: d.stage for d in digests}
    meetings = _meetings(articles, dated, stages, series)
    meetings.update(
        _meetings_by_edition_count(meetings, years, by_article, series, _title_re(default_lexicon()))
    )
    datelines = {d.article.path: d.dateline_place for d in digests}
    by_dateline = _placed_by_dateline(meetings, years, by_article, datelines, series, dated)
    kept = _unless_narrated_later(
        {p: (y, [e]) for p, (y, _, e) in by_dateline.items()}, latest, years, series
    )
    for path in kept:
        year, meeting, why = by_dateline[path]
        dated_here = years[path][0] is None  # the evidence is then the year's, told once
        if dated_here:
            years[path] = (year, [*years[path][1], why])
        meetings[path] = (meeting, True, None if dated_here else why)
    open_paths = sorted(p for p, (year, _) in years.items() if year is None or not meetings[p][1])
    copies = _copies_of_one_story(open_paths, prints, series)
    out: dict[str, Occurrence] = {}
    for a in articles:
        year, evidence = years[a.path]
        meeting, known, why = meetings[a.path]
        out[a.path] = Occurrence(
            series=series[a.path],
            year=year,
            meeting=meeting,
            meeting_known=known,
            date=dated[a.path].date,
            evidence=tuple(evidence) + ((why,) if why else ()),
            copies=copies.get(a.path),
        )
    return out


def _date_report(digest: Digest) -> _Dated:
    evidence: list[Evidence] = []
    article, claims = digest.article, digest.claims
    reference = article.published
    if reference:
        evidence.append(Evidence("published", f"published {reference.isoformat()}"))
    else:
        reference = digest.dateline
        if reference:
            evidence.append(Evidence("dateline", f"dateline {reference.isoformat()}"))
    addressed = None if reference else url_date(article.url)
    if addressed:
        # an address dated to the day is a publication date; to the month it gives the year
        evidence.append(
            Evidence(
                "address", f"its address is dated {addressed[0].isoformat()[: 10 if addressed[1] else 7]}"
            )
        )
        reference = addressed[0] if addressed[1] else None
    event = next((c for c in claims if c.is_event_day), None)
    date = resolve_date(event.value, reference) if event else None
    if date and event and reference and (reference - date).days > STALE_DAYS:
        # news tells of days just past: a date months before the report's own is another event's
        why = f"'{event.display}' is {(reference - date).days} days before it: another event's date"
        evidence.append(Evidence(STALE_DATE, why, event.id))
        date = None
    elif date and event:
        evidence.append(Evidence("event-date", f"'{event.display}' read as {date.isoformat()}", event.id))
    year = date.year if date else reference.year if reference else addressed[0].year if addressed else None
    return _Dated(date, year, tuple(evidence), reference)


def resolve_date(value: tuple, reference: dt.date | None) -> dt.date | None:
    """Turn (year, month, day, weekday) into a date, counting back from a reference date."""
    year, month, day, weekday = value
    if year and month and day:
        return _safe_date(year, month, day)
    if reference is None:
        return None
    # counted in day numbers: a reference at either end of the calendar (9999-12-31,
    # 0001-01-01) leaves no day beyond it rather than a date out of range
    limit = reference.toordinal() + 1
    for back in range(0, 370):
        day_number = limit - back
        if day_number > _LAST_DAY:
            continue
        if day_number < 1:
            break
        candidate = dt.date.fromordinal(day_number)
        if month and candidate.month != month:
            continue
        if day and candidate.day != day:
            continue
        if weekday is not None and candidate.weekday() != weekday and not (month and day):
            continue
        if back == 0 and weekday is None and not (month and day):
            continue  # a bare "on the 16th" is never the day after publication
        return candidate
    return None


_LAST_DAY = dt.date.max.toordinal()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_DATELINE = compile_pattern(r"(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)")


def dateline(article: Article, sentences: list[Sentence] | None = None) -> dt.date | None:
    """A date with its year standing alone near the top of the body is the report's date."""
    if sentences is None:
        sentences = split_sentences(article.text, article.body_start)
    for sentence in sentences[:3]:
        m = _DATELINE.match(sentence.text)
        if m and len(sentence.text) < 40:
            month = default_numbers().month_number(m.group("month"))
            if month:
                return _safe_date(int(m.group("year")), month, int(m.group("day")))
    # "on Saturday (13.05.17)" near the top: the day of the event the lead tells, confirmed by
    # its weekday; the report was written then or soon after
    for sentence in sentences[:_LEAD_SENTENCES]:
        found = weekday_date(sentence.text, default_numbers().lex.weekdays)
        if found:
            return found[0]
    return None


_LEAD_SENTENCES = 4


def _year(dated: _Dated, claims: list[Claim], label: tuple[int, str] | None = None) -> Placed:
    evidence = list(dated.evidence)
    if dated.year:
        return dated.year, evidence
    if label:
        evidence.append(Evidence("edition-label", f"'{label[1]}' dates its own edition to {label[0]}"))
        return label[0], evidence
    session = next((c for c in claims if c.slot == "session"), None)
    if session is not None:
        year = session.detail("session_year")
        evidence.append(Evidence("session", f"'{session.display}' met in {year}", session.id))
        return year, evidence
    return None, evidence


Placed = tuple[int | None, list[Evidence]]


def _placed_by_shared_content(
    years: dict[str, Placed], by_article: dict[str, list[Claim]], series: dict[str, str]
) -> dict[str, Placed]:
    """Reports with no year of their own that state a distinctive value a dated report of their
    series states (the same tally, the same 583 points) are of that report's year, where every
    such value points to one year and a dated report of a year next to it gives another value
    of its kind: a tally may stay the same from one year to the next ("identical to last
    year's"), so a value is distinctive only where its neighbours are seen to differ."""
    known: dict[tuple[str, str, str], dict[int, Claim]] = defaultdict(dict)
    seen: dict[tuple[str, str], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path, (year, _) in sorted(years.items()):
        if year is not None:
            for claim in filter(_distinctive, by_article[path]):
                for value in _shared_values(claim):
                    known[(series[path], claim.slot, value)].setdefault(year, claim)
                    seen[(series[path], claim.family)][year].add(value)
    placed: dict[str, Placed] = {}
    cadence = _cadences(years, series)
    for path, (year, evidence) in sorted(years.items()):
        if year is not None:
            continue
        found = [
            (y, claim, theirs)
            for claim in filter(_distinctive, by_article[path])
            for value in _shared_values(claim)
            # a value dated reports of two years state ("112 km" of a course) marks neither year
            if len(dated := known.get((series[path], claim.slot, value), {})) == 1
            for y, theirs in dated.items()
            if _neighbour_differs(seen[(series[path], claim.family)], y, value, cadence.get(series[path], 1))
        ]
        if found and len({y for y, _, _ in found}) == 1:
            # the evidence cited is a number where one is shared: a town may host twice
            y, claim, theirs = min(found, key=lambda f: f[1].kind == "holder")
            why = f"'{claim.display}' is also in {theirs.article}, a report of {y}"
            placed[path] = (y, [*evidence, Evidence("shared-content", why, claim.id)])
    return placed


def _neighbour_differs(by_year: dict[int, set[str]], year: int, value: str, step: int) -> bool:
    """Whether a dated report of the edition before or after gives another value of the family."""
    return any((values := by_year.get(near)) and value not in values for near in (year - step, year + step))


def _cadences(years: dict[str, Placed], series: dict[str, str]) -> dict[str, int]:
    """Each series' years between editions (see held_every)."""
    dated: dict[str, set[int]] = defaultdict(set)
    for path, (year, _) in years.items():
        if year is not None:
            dated[series[path]].add(year)
    return {name: held_every(held) for name, held in dated.items()}


def _placed_by_calendar(
    years: dict[str, Placed],
    dated: dict[str, _Dated],
    by_article: dict[str, list[Claim]],
    series: dict[str, str],
) -> dict[str, Placed]:
    """A report with no year whose event falls on a weekday, day and month ("on Tuesday,
    October 29") that a dated report of its series gives as its event's date is of that
    report's year: the same day and month fall on that weekday only every few years. Where
    dated reports of two years give that day, or the report names no weekday, nothing."""
    days: dict[tuple[str, int, int, int | None], set[tuple[int, str]]] = defaultdict(set)
    for path, (year, _) in years.items():
        date = dated[path].date
        if year is not None and date is not None and date.year == year:
            days[(series[path], date.month, date.day, date.weekday())].add((year, path))
            days[(series[path], date.month, date.day, None)].add((year, path))
    moving = _moving_dates(days)
    placed: dict[str, Placed] = {}
    for path, (year, evidence) in sorted(years.items()):
        event = next((c for c in by_article[path] if c.is_event_day), None)
        if year is not None or event is None or None in event.value[1:] or event.value[0]:
            continue
        _, month, day, weekday = event.value
        found = sorted(days.get((series[path], month, day, weekday), ()))
        wrong_day = not found and series[path] in moving
        if wrong_day:
            # "Sunday, October 14" where only 2023's event fell on October 14, a Saturday, and the
            # series' date moves from year to year: 2023's, its weekday an error to be found
            found = sorted(days.get((series[path], month, day, None), ()))
        if found and len({y for y, _ in found}) == 1:
            y, other = found[0]
            why = f"'{event.display}' is the day {other} dates its event, in {y}"
            why += " (on another weekday)" if wrong_day else ""
            placed[path] = (y, [*evidence, Evidence("calendar", why, event.id)])
    return placed


def _moving_dates(days: dict[tuple[str, int, int, int | None], set[tuple[int, str]]]) -> set[str]:
    """Series whose dated reports give two days and months or more for their events: a day
    and a month then tells one edition from another whatever weekday is said."""
    seen: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for name, month, day, weekday in days:
        if weekday is None:
            seen[name].add((month, day))
    return {name for name, dates in seen.items() if len(dates) > 1}


def _unless_narrated_later(
    placed: dict[str, Placed], latest: dict[str, int | None], years: dict[str, Placed], series: dict[str, str]
) -> dict[str, Placed]:
    """Placements by a shared value, a day or a name, less those the report's own text rules
    out: a report that names a year after the one found, a year its series has already held,
    tells of that year as past, so it is not of the year found."""
    held: dict[str, int] = {}
    for path, (year, _) in years.items():
        if year is not None:
            held[series[path]] = max(year, held.get(series[path], year))
    return {
        path: found
        for path, found in placed.items()
        if not (latest.get(path) and found[0] is not None and found[0] < latest[path] <= held[series[path]])
    }


NAME_REPORTS = 2  # dated reports of one year that must give a name for it to date another
NAMES_NEEDED = 1  # names of one year a report's lead must give, and none of another year


def _meetings_by_edition_count(
    meetings: dict[str, tuple[str | None, bool, Evidence | None]],
    years: dict[str, Placed],
    by_article: dict[str, list[Claim]],
    series: dict[str, str],
    titles: re.Pattern[str],
) -> dict[str, tuple[str | None, bool, Evidence | None]]:
    """In a year the series is known to have met in two meetings or more, a report with no
    known meeting whose own edition count ("COP29 in Baku ended with a deal") only the reports
    of one of them give is of that meeting: a side meeting of the year (a preparatory session)
    is not the edition. A count inside a title ("the COP29 President-Designate") is no count of
    the report's own event. The count places no year, and a miscount finds no meeting."""
    counts = {p: _edition_counts(c, titles) for p, c in by_article.items()}
    known: dict[tuple[str, int], set[str]] = defaultdict(set)
    given: dict[tuple[str, int], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path, (meeting, is_known, _) in meetings.items():
        year = years[path][0]
        if is_known and meeting and year is not None:
            known[(series[path], year)].add(meeting)
            for count in counts[path]:
                given[(series[path], year)][count].add(meeting)
    placed: dict[str, tuple[str | None, bool, Evidence | None]] = {}
    for path, (_, is_known, _) in sorted(meetings.items()):
        year = years[path][0]
        key = (series[path], year)
        if is_known or year is None or not counts[path] or len(known.get(key, ())) < 2:
            continue
        held = {m for count in counts[path] for m in given[key].get(count, set())}
        if len(held) == 1:
            (meeting,) = held
            why = f"its edition count is the one the reports of the {meeting} of {year} give"
            placed[path] = (meeting, True, Evidence("meeting", why))
    return placed


def _placed_by_dateline(
    meetings: dict[str, tuple[str | None, bool, Evidence | None]],
    years: dict[str, Placed],
    by_article: dict[str, list[Claim]],
    datelines: dict[str, str | None],
    series: dict[str, str],
    dated: dict[str, _Dated],
) -> dict[str, tuple[int, str, Evidence]]:
    """A report with no known meeting whose dateline names the place ("MADRID -") that placed
    reports give as where one meeting of its series is held, and no other meeting, is of that
    meeting (and its year, where the report has none of its own; another year of its own rules
    the dateline out): a wire files from the venue. It counts only in a series held in
    different places (two others at least): where every meeting is in one city, or a side
    session shares the host city, the dateline tells nothing. The dateline is no claim, so no
    claim places its own report. Where a meeting is held is learned from reports with a date:
    one with none that names a stage ("the plenary") may name the very meeting a date labels
    by its month."""
    held_at: dict[tuple[str, str], set[tuple[int, str]]] = defaultdict(set)
    for path, (meeting, is_known, _) in meetings.items():
        year = years[path][0]
        if is_known and meeting and year is not None and (dated[path].date or dated[path].published):
            for place in _host_places(by_article[path]):
                held_at[(series[path], place)].add((year, meeting))
    places: dict[str, set[str]] = defaultdict(set)
    for name, place in held_at:
        places[name].add(place)
    placed: dict[str, tuple[int, str, Evidence]] = {}
    for path, (_, is_known, _) in sorted(meetings.items()):
        own, place = years[path][0], datelines.get(path)
        if is_known or not place or len(places[series[path]] - {place}) < DATELINE_OTHER_PLACES:
            continue
        held = held_at.get((series[path], place), set())
        if len(held) != 1:
            continue
        ((year, meeting),) = held
        if own is not None and own != year:
            continue
        why = f"its dateline names {place.title()}, where only the {meeting} of {year} is said to be held"
        placed[path] = (year, meeting, Evidence("dateline-venue", why))
    return placed


DATELINE_OTHER_PLACES = 2  # other places the series is held in, for a dateline to mean its venue


def _host_places(claims: list[Claim]) -> set[str]:
    """The places a report says its own occurrence is held in."""
    return {
        str(value)
        for c in claims
        if c.slot == "host" and not c.attributed and c.year_offsets == (0,) and isinstance(c.value, tuple)
        for part, value in c.value
        if part == "place"
    }


def _edition_counts(claims: list[Claim], titles: re.Pattern[str]) -> set[int]:
    """The counts a report gives of its own edition this year: not of a sub-series, another
    year, nor inside a person's title."""
    return {
        c.value
        for c in claims
        if c.slot == "ordinal"
        and not c.counted
        and c.year_offsets == (0,)
        and isinstance(c.value, int)
        and not titles.match(c.quote, c.value_end - c.start)  # the quote is the claim's sentence
    }


@cache
def _title_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.title_forms()
    body = "|".join(re.escape(w) for w in longest_first(words)) or r"(?!x)x"
    return compile_pattern(rf"[\s-]*(?:{body})(?![\w])", re.I)


def _placed_by_lead_names(
    years: dict[str, Placed],
    names: dict[str, tuple[str, ...]],
    actors: dict[str, tuple[str, ...]],
    series: dict[str, str],
) -> dict[str, Placed]:
    """A report with no year whose lead gives a proper name ("Dubai", "Jaber") that, in its
    series, only dated reports of one year give in theirs (two of them at least), and no name
    only another year's reports give, is of that year: the hosts, places and people of an
    edition. A name one dated report alone gives dates nothing ("Global" in one headline), nor
    one that few reports of other years could have given, nor a country alone, and a lead
    sentence recalling another edition ("last year's host") gives no names."""
    placed: dict[str, Placed] = {}
    for path, only in sorted(_named_years(years, names, series).items()):
        if len(only) == 1 and _enough_names(next(iter(only.values())), actors.get(path, ())):
            ((y, found),) = only.items()
            why = f"its lead names {', '.join(found)}, as only reports of {y} in its series do"
            placed[path] = (y, [*years[path][1], Evidence("lead-names", why)])
    return placed


def _named_years(
    years: dict[str, Placed],
    names: dict[str, tuple[str, ...]],
    series: dict[str, str],
    least: int = NAME_REPORTS,
) -> dict[str, dict[int, list[str]]]:
    """For each report with no year, the years whose dated reports alone give a name its lead
    gives, with those names: `least` reports of that year at least, and, where more than one is
    asked for, enough reports of other years without it for its absence to mean anything."""
    given: dict[tuple[str, str], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    held: dict[str, Counter[int]] = defaultdict(Counter)
    for path, (year, _) in years.items():
        if year is not None:
            held[series[path]][year] += 1
            for name in names.get(path, ()):
                given[(series[path], name)][year].add(path)
    out: dict[str, dict[int, list[str]]] = {}
    for path, (year, _) in years.items():
        if year is not None:
            continue
        only: dict[int, list[str]] = defaultdict(list)
        for name in names.get(path, ()):
            by_year = given.get((series[path], name), {})
            if len(by_year) == 1:
                ((y, reports),) = by_year.items()
                if least == 1 or len(reports) >= least and _absent_enough(held[series[path]], y):
                    only[y].append(name)
        out[path] = only
    return out


def _unless_named_otherwise(
    placed: dict[str, Placed],
    years: dict[str, Placed],
    names: dict[str, tuple[str, ...]],
    series: dict[str, str],
    by_article: dict[str, list[Claim]],
) -> dict[str, Placed]:
    """Placements by a shared value, less those made by a host town whose lead gives a name only
    another year's reports give, were it one report: a town may host again, the evidence
    disagrees, and a wrong year is worse than none."""
    named = _named_years(years, names, series, least=1)

    def by_a_town(path: str, cited: str | None) -> bool:
        return any(c.id == cited and c.kind == "holder" for c in by_article[path])

    return {
        p: found
        for p, found in placed.items()
        if not (set(named.get(p, {})) - {found[0]} and by_a_town(p, found[1][-1].claim))
    }


def _enough_names(found: list[str], actors: tuple[str, ...]) -> bool:
    """One name of an edition's own (a host city, its president) dates a report; a country or
    body alone does not, for they take part year after year ("Italy" won one contest and sings
    in every other)."""
    return len(found) >= NAMES_NEEDED and (len(found) > 1 or found[0] not in actors)


def _absent_enough(held: Counter[int], year: int) -> bool:
    """Whether dated reports of enough other years lack a name for its absence to mean
    anything: in a folder of one year and one other report, every name of that year is
    "only" its own ("Korean" in three reports of 2020 and not in the one of 2018)."""
    others = [n for y, n in held.items() if y != year]
    return len(others) >= NAME_ABSENT_YEARS and sum(others) >= NAME_ABSENT_REPORTS


NAME_ABSENT_YEARS = 2  # other years, with dated reports, that must lack a name
NAME_ABSENT_REPORTS = 4  # and dated reports of theirs


COPIED_SHARE = 0.5  # of the shorter report's long sentences: boilerplate is a few, a copy most
COPIED_LEAST = 2


def copied(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many long sentences two reports share, where they share enough to be copies of one
    story (a wire story and its reprints, a report and its corrected copy); else 0. A few
    sentences of background an agency repeats every year ("X has long been labeled one of the
    worst ...") are not enough: those are a small part of each report."""
    shared = len(set(a) & set(b))
    if shared >= COPIED_LEAST and shared >= COPIED_SHARE * min(len(a), len(b)):
        return shared
    return 0


def _placed_by_copied_text(
    years: dict[str, Placed], prints: dict[str, tuple[str, ...]], series: dict[str, str]
) -> dict[str, Placed]:
    """A report with no year that is a copy of dated reports of its series, all of one year,
    is of that year."""
    placed: dict[str, Placed] = {}
    sharing = _sharing(prints, series, sorted(p for p, (year, _) in years.items() if year is None))
    for path, (year, evidence) in sorted(years.items()):
        if year is not None:
            continue
        found = sorted(
            (other_year, other, shared)
            for other in sharing.get(path, ())
            if (other_year := years[other][0]) is not None and (shared := copied(prints[path], prints[other]))
        )
        if found and len({y for y, _, _ in found}) == 1:
            y, other, shared = found[0]
            why = f"{shared} of its sentences are also in {other}, a report of {y}: copies of one story"
            placed[path] = (y, [*evidence, Evidence("copied-text", why)])
    return placed


def _sharing(
    prints: dict[str, tuple[str, ...]], series: dict[str, str], wanted: list[str]
) -> dict[str, set[str]]:
    """For each wanted report, the reports of its series it shares a long sentence with
    (looked up by sentence, so a large folder is not compared pair by pair)."""
    if not wanted:
        return {}
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(prints):
        for mark in prints[path]:
            holders[(series[path], mark)].append(path)
    out: dict[str, set[str]] = {}
    for path in wanted:
        found: set[str] = set()
        for mark in prints[path]:
            paths = holders[(series[path], mark)]
            if len(paths) <= COMMON_PRINT:  # a sentence in that many reports is a template
                found.update(paths)
        found.discard(path)
        out[path] = found
    return out


COMMON_PRINT = 50


def _copies_of_one_story(
    open_paths: list[str], prints: dict[str, tuple[str, ...]], series: dict[str, str]
) -> dict[str, str]:
    """Reports of one series with no year (or no meeting) that are copies of one story
    (directly or through other copies) report one occurrence, whatever its year or meeting:
    each gets the group's first report as its key. A value they differ on is a conflict, not a
    question of their year."""
    home = {p: p for p in open_paths}

    def root(p: str) -> str:
        while home[p] != p:
            p = home[p]
        return p

    sharing = _sharing({p: prints[p] for p in open_paths}, series, open_paths)
    for a in open_paths:
        for b in sorted(sharing.get(a, ())):
            if a < b and copied(prints[a], prints[b]):
                first, second = sorted((root(a), root(b)))
                home[second] = first
    groups: dict[str, list[str]] = defaultdict(list)
    for p in open_paths:
        groups[root(p)].append(p)
    return {p: key for key, members in groups.items() if len(members) > 1 for p in members}


# A score of this many points, or a count of this many people, is rarely the same two years
# running; a count of members below it (193 nations, 196 parties) is the same every year.
DISTINCTIVE = {"score": 100, "count": 1000}
# A time of a minute or more told to the second is rarely run twice (a margin of seconds is)
DISTINCTIVE_TIME = 60
# a holder named as a town or a venue: a country or a body holds a role year after year
DISTINCTIVE_HOLDERS = ("place", "venue")


def _shared_values(claim: Claim) -> tuple[str, ...]:
    """What a report must share with a dated one to be of its year: the whole value, or for a
    holder each town or venue it names ("Katowice" in "Katowice, Poland"), never its country."""
    if claim.kind != "holder":
        return (repr(claim.value),)
    return tuple(f"{actor}:{name}" for actor, name in claim.value if actor in DISTINCTIVE_HOLDERS)


def _distinctive(claim: Claim) -> bool:
    """A value few occurrences share: a tally of two parts or more, a large exact number, an
    amount written to three figures or more, a time told to the second, or a town or venue
    holding a role."""
    if claim.attributed or claim.year_offsets != (0,) or claim.detail("year") or claim.counted:
        return False
    value = claim.value
    if claim.kind == "tally":
        return sum(v is not None for v in value) >= 2
    if claim.kind == "holder":
        return bool(_shared_values(claim))
    if claim.kind == "amount":
        # "a turnout of 64.6%", "£1.25 million", "£708,750": three significant figures or more, as
        # written; a round sum ("25,000 euros", a prize that may stay the same) is too common
        amount, _, step, qualifier = value[:4]
        figures = str(round(abs(amount) / step)).rstrip("0") if step > 0 else ""
        return qualifier == "exact" and len(figures) >= 3
    if claim.kind == "duration":
        seconds, precision = value  # a finishing time told to the second: "2:05:04", "5:48.6"
        return precision <= 1 and seconds >= DISTINCTIVE_TIME
    if claim.kind in DISTINCTIVE:
        number = value[0] if isinstance(value, tuple) and value[0] == value[-1] else value
        exact = isinstance(number, int | float) and not isinstance(number, bool)
        return exact and number >= DISTINCTIVE[claim.kind]
    return False


def stage(article: Article, claims: list[Claim], lex: Lexicon) -> str | None:
    """The label of the meeting the report's own event sentence names, if it names one."""
    event = next((c for c in claims if c.is_event_day), None)
    if event is None:
        return None
    text = article.text[event.start : event.end]
    found = named_stage(text, lex, passing=_EARLIER_STAGE, passing_before=_AFTER_STAGE)
    return found.label if found else None


# "which passed the Third Committee last month": an earlier stage, not this report's meeting
_EARLIER_STAGE = compile_pattern(
    r"\b(?:last month|earlier|previous|previously|already|a month|weeks? (?:ago|before|earlier))\b",
    re.I,
)
# "after the first round", "following the committee vote": a stage this report's comes after
# ("voting 7-2 at first reading after an amendment failed" is at first reading)
_AFTER_STAGE = compile_pattern(r"\b(?:after|following)\b", re.I)


def _meetings(
    articles: tuple[Article, ...],
    dated: dict[str, _Dated],
    stages: dict[str, str | None],
    series: dict[str, str],
) -> dict[str, tuple[str | None, bool, Evidence | None]]:
    """Meetings of a series come from its calendar: dates that cluster apart, or named stages."""
    by_series: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_series[series[a.path]].append(a)
    out: dict[str, tuple[str | None, bool, Evidence | None]] = {}
    for members in by_series.values():
        dates = [dated[a.path].date for a in members if dated[a.path].date]
        calendar = _calendar(dates)
        named = {a.path: s for a in members if (s := by_label(stages[a.path])) is not None}
        # The series meets more than once a year only on evidence: a year with dates in two
        # parts of its calendar, or an earlier stage named (it implies a later one: a committee
        # a plenary, a semi-final a final). A yearly vote whose date moves from year to year is
        # still one meeting a year, and so is a series whose reports name only its last stage.
        if not _twice_a_year(dates, calendar) and all(s.concluding for s in named.values()):
            out.update({a.path: (None, True, None) for a in members})
            continue
        # Where only a named earlier stage splits the year (no second part of the calendar), a
        # report that names no stage is about the stage that concludes the group, the one the
        # news covers: a song contest's final, not its semi-final.
        implied = None if _twice_a_year(dates, calendar) else _concluding_of(named.values())
        part = _Part(
            calendar,
            _label_meetings(calendar, members, dated, named),
            _named_dates(members, dated, named, calendar),
            implied,
        )
        for a in members:
            out[a.path] = _meeting_of(dated[a.path].date, named.get(a.path), part, dated[a.path].published)
    return out


@dataclass(frozen=True, slots=True)
class _Part:
    """A series' calendar: its parts, the label of each, and the dated reports that name a stage."""

    calendar: list[tuple[int, int]]
    labels: dict[int, str]
    named: dict[tuple[int | None, int], list[tuple[dt.date, Stage]]]  # (part, year) -> named
    implied: Stage | None  # the meeting of a report that names no stage, where the calendar cannot tell


def _concluding_of(named: Iterable[Stage]) -> Stage | None:
    """The concluding stage of the one group the reports name stages of, if one."""
    groups = {s.group: s for s in named}
    return concluding(next(iter(groups.values()))) if len(groups) == 1 else None


def _twice_a_year(dates: list[dt.date], calendar: list[tuple[int, int]]) -> bool:
    parts: dict[int, set[int | None]] = defaultdict(set)
    for date in dates:
        parts[date.year].add(_cluster_of(date, calendar))
    return any(len(p) > 1 for p in parts.values())


def _calendar(dates: list[dt.date]) -> list[tuple[int, int]]:
    """Clusters of day-of-year, as (first, last) day, across all years of a series."""
    days = sorted({d.timetuple().tm_yday for d in dates})
    clusters: list[list[int]] = []
    for day in days:
        if clusters and day - clusters[-1][-1] <= MEETING_GAP_DAYS:
            clusters[-1].append(day)
        else:
            clusters.append([day])
    return [(c[0], c[-1]) for c in clusters]


def _cluster_of(date: dt.date, calendar: list[tuple[int, int]]) -> int | None:
    day = date.timetuple().tm_yday
    return next((i for i, (a, b) in enumerate(calendar) if a <= day <= b), None)


def _label_meetings(
    calendar: list[tuple[int, int]],
    members: list[Article],
    dated: dict[str, _Dated],
    named: dict[str, Stage],
) -> dict[int, str]:
    votes: dict[int | None, Counter[str]] = defaultdict(Counter)
    for a in members:
        date, stage = dated[a.path].date, named.get(a.path)
        if date and stage and stage.group != NUMBERED:  # a race's stages share its weeks
            votes[_cluster_of(date, calendar)][stage.label] += 1
    labels: dict[int, str] = {}
    for i, (first, _) in enumerate(calendar):
        month = (dt.date(2001, 1, 1) + dt.timedelta(days=first - 1)).strftime("%B")
        labels[i] = votes[i].most_common(1)[0][0] if votes[i] else f"{month} meeting"
    return labels


def _named_dates(
    members: list[Article],
    dated: dict[str, _Dated],
    named: dict[str, Stage],
    calendar: list[tuple[int, int]],
) -> dict[tuple[int | None, int], list[tuple[dt.date, Stage]]]:
    out: dict[tuple[int | None, int], list[tuple[dt.date, Stage]]] = defaultdict(list)
    for a in members:
        date, stage = dated[a.path].date, named.get(a.path)
        if date and stage:
            out[(_cluster_of(date, calendar), date.year)].append((date, stage))
    return out


def _meeting_of(
    date: dt.date | None, stage: Stage | None, part: _Part, published: dt.date | None = None
) -> tuple[str | None, bool, Evidence | None]:
    implied = part.implied.label if part.implied and stage is None else None
    if date is None and stage is None and implied is None and published is not None:
        told = _meeting_just_past(published, part)
        if told:
            return told, True, Evidence("meeting", f"published {published.isoformat()}, as the {told} met")
    if date:
        index = _cluster_of(date, part.calendar)
        label = (
            _stage_in_part(date, stage, part, index)
            or implied
            or part.labels.get(index, stage.label if stage else "meeting")
        )
        return label, True, Evidence("meeting", f"dated {date.isoformat()}: the {label}")
    if stage:
        return stage.label, True, Evidence("meeting", f"the report names the {stage.label}")
    if implied:
        return implied, True, Evidence("meeting", f"the report names no earlier stage: the {implied}")
    return (
        None,
        False,
        Evidence(
            "meeting", "the series meets more than once a year and this report gives no date for its meeting"
        ),
    )


def _meeting_just_past(published: dt.date, part: _Part) -> str | None:
    """The meeting a report published during a part of the series' calendar tells of, or just
    after it (news tells of days just past), or in the days before it (a preview); none where
    two parts are that near."""
    day = published.timetuple().tm_yday
    found = [
        i
        for i, (first, last) in enumerate(part.calendar)
        if first - _PREVIEW_DAYS <= day <= last + _NEWS_DAYS
    ]
    return part.labels.get(found[0]) if len(found) == 1 else None


_NEWS_DAYS = 3  # how long after a meeting a report of it is still news of days just past
_PREVIEW_DAYS = 14  # how long before a meeting a report may look ahead to it


def _stage_in_part(date: dt.date, stage: Stage | None, part: _Part, index: int | None) -> str | None:
    """The stage of a dated report where stages share a part of the calendar (a contest's
    semi-final on Tuesday and final on Saturday), or None for the part's own label."""
    if stage is not None:
        # a stage whose meetings the calendar places in another part is mentioned in passing
        elsewhere = any(i != index and other == stage.label for i, other in part.labels.items())
        return None if elsewhere else stage.label
    named = part.named.get((index, date.year), [])
    if not named:
        return None
    near = [(abs((d - date).days), s.order, s) for d, s in named if abs((d - date).days) <= 1]
    if near:
        return min(near, key=lambda n: (n[0], n[1]))[2].label  # the same day as a named report
    if len({s.group for _, s in named}) > 1:
        return None
    last = concluding(named[0][1])
    if last is not None and all(date > d for d, _ in named) and not any(s.concluding for _, s in named):
        return last.label  # after an earlier stage: the stage it leads to
    return None
