"""People and roles: "Chilean Ambassador to the UN Ana Rojas", "Anna Berg, the country's
finance minister", and a named speaker ("Ana Rojas had also warned", "said Ana Rojas").

Every person a report names is read, so one name spelled two ways can be found (FL501): besides
a title of office, a word for what the person is or does ("the chef Nigella Lawson", "Oleh
Psiuk, the band's frontman"), an apposition said of people ("Simon Stiell, head of the UNFCCC",
"Ana Ruiz, who won"), a royal style ("Catherine, Princess of Wales") or a name the report uses
again, its surname alone ("Salvador Sobral ... Sobral said") or whole in another sentence. Only
a title of office is a role compared across reports; a name inside a quotation is read for its
spelling alone (the spelling is the report's, the role the speaker's)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from checker.cache import compile_pattern
from checker.extract.base import Context, Draft
from checker.lexicon import Lexicon, first_letter_guard, longest_first, phrase_alternation, phrases_re
from checker.text import LazyPattern, Sentence, key_words, look
from checker.wording import name_key

_HONORIFIC = r"(?:(?:H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sir|Dame)\s+)?"


def _name_pattern(lex: Lexicon, wide: bool = False) -> str:
    """Two to four capitalised words, none of them a word that never names a person. Wide, a
    name may also start with an accented capital ("Åkerman"), hold a lower-case particle ("André
    Corrêa do Lago") and a prefixed part ("Sultan al-Jaber"): what the person reader uses."""
    stop = "|".join(longest_first(re.escape(w) for w in lex.words("not_name_words")))
    if not wide:
        token = (
            rf"(?:(?!(?:{stop})\b)[A-Z][\w'\u00c0-\u024f]+(?:-[A-Za-z][\w\u00c0-\u024f]*)?"
            rf"|[A-Z]\.)"
        )
        # every name (and honorific) starts with a capital: a cheap look before the lookbehind
        return (
            rf"(?=[A-Z])(?<![\w'\u00c0-\u024f-]){_HONORIFIC}"
            rf"(?P<name>{token}(?:\s+{token}){{1,3}})"
        )
    return (
        rf"(?=[A-Z\u00c0-\u00de])(?<![\w'\u2019\u00c0-\u024f-]){_HONORIFIC}(?P<name>{_wide_name(lex, stop)})"
    )


def _wide_name(lex: Lexicon, stop: str, words: str = "{1,3}") -> str:
    particles = "|".join(re.escape(w) for w in lex.words("holder_particles"))
    token = (
        rf"(?:(?!(?:{stop})\b)[A-Z\u00c0-\u00de][\w'\u2019\u00c0-\u024f]+(?:-[A-Za-z][\w\u00c0-\u024f]*)?"
        rf"|(?:al|el)-[A-Z][\w\u00c0-\u024f]+|[A-Z]\.)"
    )
    # a lower-case particle stands inside a name, never at its end
    return rf"{token}(?:\s+(?:(?:{particles})\s+)?{token}){words}"


@cache
def _gate(lex: Lexicon) -> re.Pattern[str]:
    """A cheap first look: a person is named here only beside a title or a speech verb."""
    return phrases_re(sorted(_titles(lex) | set(lex.words("speech_verbs"))))


@cache
def _noun_gate(lex: Lexicon) -> re.Pattern[str]:
    """A cheap first look for the other cues: a word for a person, an apposition, a style."""
    return phrases_re(
        lex.words("person_nouns")
        + lex.words("person_appositions")
        + lex.words("royal_styles")
        + lex.words("person_leads")
        + lex.words("presenter_leads")
        + lex.words("person_group_nouns")
        + lex.words("byline_leads")
    )


@cache
def _gate_words(lex: Lexicon) -> frozenset[str]:
    return key_words(sorted(_titles(lex) | set(lex.words("speech_verbs"))))


@cache
def _noun_gate_words(lex: Lexicon) -> frozenset[str]:
    return key_words(
        lex.words("person_nouns")
        + lex.words("person_appositions")
        + lex.words("royal_styles")
        + lex.words("person_leads")
        + lex.words("presenter_leads")
        + lex.words("person_group_nouns")
        + lex.words("byline_leads")
    )


def _titles(lex: Lexicon) -> set[str]:
    return set(lex.title_forms())


def _alt(words: set[str] | tuple[str, ...], group: str, capitals: bool = False) -> str:
    """The forms in any case; with capitals, a title's short form ("pm", "mp") in capitals
    only ("Polish PM Ana Ruiz", not "at 4 pm Ana Ruiz")."""
    forms = longest_first(words)
    short = [f for f in forms if capitals and _ABBREVIATION.fullmatch(f)]
    long = [re.escape(f).replace(r"\ ", r"\s+") for f in forms if f not in short]
    short = [re.escape(f.upper()) for f in short]
    return f"(?P<{group}>" + "|".join([f"(?i:{'|'.join(long)})", *short]) + ")"


_ABBREVIATION = LazyPattern(r"[a-z]{2,3}")


_END = r"(?=[\s,.;:'\u2019)]|$)"
_BYLINE_END = r"(?=\s*(?:[,&|(\u2022\u00b7]|and\s|$))"


@cache
def _patterns(lex: Lexicon) -> tuple[LazyPattern, ...]:
    """Names beside a title of office: before it, after it, or a speaker's name (each pattern
    compiled when a sentence first holds its words)."""
    _NAME = _name_pattern(lex, wide=True)  # noqa: N806 - reads as the constant it is within the patterns
    forms = _titles(lex)
    title = _alt(forms, "title", capitals=True)
    suffix = r"(?P<suffix>\s+(?:to|of|for|at)\s+(?:the\s+)?[\w.'\- ]{1,40}?)?"
    speech = "|".join(re.escape(v) for v in lex.words("speech_verbs"))
    stop = "|".join(re.escape(w) for w in lex.words("not_name_words"))
    one = rf"(?P<name>(?!(?:{stop})\b)[A-Z\u00c0-\u00de][\w\u00c0-\u024f-]{{3,}})"
    return (
        LazyPattern(rf"{first_letter_guard(forms)}(?<![\w-]){title}{suffix},?\s+{_NAME}{_END}"),
        LazyPattern(
            rf"{_NAME},\s+(?:the\s+|a\s+|an\s+)?(?P<pre>[^,;]{{0,50}}?)"
            # "the conference president's spokeswoman": a title with a possessive is another's
            rf"(?<![\w-]){title}(?![\w-])(?!['\u2019]s\b)"
        ),
        LazyPattern(rf"{_NAME}\s+(?:(?:had|has|also|then|later)\s+){{0,2}}(?:{speech})\b"),
        # "said Simon Stiell, head of ...": the speaker named after the verb
        # "warned Ana Ruiz of Ocean Watch": the speaker's body after the name
        LazyPattern(rf"(?<![\w-])(?:{speech})\s+{_NAME}(?=\s*[,.;]|$|\s+of\s+(?:the\s+)?[A-Z])"),
        # "President Obama": one word after a title, the surname, when no capital follows
        LazyPattern(rf"{first_letter_guard(forms)}(?<![\w-]){title}\s+{one}(?![\w'\u2019-])(?!\s+[A-Z])"),
        # "a first year for Ana Ruiz as regatta secretary": the role the name is given "as"
        LazyPattern(
            rf"{_NAME}\s+as\s+(?:the\s+|its\s+|their\s+)?(?:(?!an?\s)[a-z][\w-]*\s+)?{title}(?![\w-])"
        ),
    )


@cache
def _title_keys(lex: Lexicon) -> tuple[frozenset[str], ...]:
    """For each of _patterns, the words one of which it cannot match without."""
    titles, speech = key_words(_titles(lex)), key_words(lex.words("speech_verbs"))
    return (titles, titles, speech, speech, titles, titles)


@cache
def _noun_keys(lex: Lexicon) -> tuple[frozenset[str], ...]:
    """For each of _noun_patterns, the words one of which it cannot match without."""
    nouns = key_words(lex.words("person_nouns"))
    return (
        key_words(lex.words("person_leads")),
        key_words(lex.words("presenter_leads") + lex.words("person_group_nouns")),
        key_words(lex.words("person_group_nouns")),
        nouns,
        nouns,
        key_words(lex.words("person_appositions")),
        key_words(lex.words("royal_styles")),
        key_words(lex.words("byline_leads")),
        key_words(lex.words("byline_leads")),
    )


@cache
def _noun_patterns(lex: Lexicon) -> tuple[LazyPattern, ...]:
    """Names beside a word for a person, an apposition said of people, or a royal style (each
    compiled when a sentence first holds its words)."""
    _NAME = _name_pattern(lex, wide=True)  # noqa: N806 - reads as the constant it is within the patterns
    noun = _alt(lex.words("person_nouns"), "noun")
    styles = "|".join(re.escape(w) for w in lex.words("royal_styles"))
    apposition = _alt(lex.words("person_appositions"), "app")
    lead = _alt(lex.words("person_leads"), "lead")
    hosts = _alt(lex.words("presenter_leads") + lex.words("person_group_nouns"), "lead")
    groups = _alt(lex.words("person_group_nouns"), "lead")
    bylines = "|".join(re.escape(w) for w in lex.words("byline_leads"))  # as written: "By", not "by"
    stop = "|".join(longest_first(re.escape(w) for w in lex.words("not_name_words")))
    other = _wide_name(lex, stop)
    return (
        LazyPattern(rf"(?<![\w-]){lead}\s+{_NAME}{_END}"),
        # "hosted by Ana Ruiz and Tom Berg": the first name; "Presenters Ana Ruiz and Tom Berg": each
        LazyPattern(rf"(?<![\w-]){hosts}\s+{_NAME}(?=,?\s+(?:and|&)\s+[A-Z\u00c0-\u00de])"),
        LazyPattern(rf"(?<![\w-]){groups}\s+{other},?\s+(?:and|&)\s+{_NAME}{_END}"),
        LazyPattern(rf"(?<![\w-]){noun},?\s+{_NAME}{_END}"),
        LazyPattern(rf"{_NAME},\s+(?:the\s+|a\s+|an\s+)?(?P<pre>[^,;]{{0,40}}?)(?<![\w-]){noun}(?![\w-])"),
        LazyPattern(rf"{_NAME},\s+{apposition}\b"),
        LazyPattern(
            # the name is the first name, its style what the person is ("Catherine", "Princess of Wales")
            rf"(?<![\w-])(?P<name>[A-Z\u00c0-\u00de][\w\u00c0-\u024f]{{2,}}),\s+(?P<noun>(?:{styles})\s+of\s+[A-Z]\w+)"
        ),
        # the writers of a report: "By Ana Ruiz, CNN", "By Ana Ruiz & Tom Berg" (each name)
        LazyPattern(rf"(?<![\w-])(?:{bylines})\s+{_NAME}{_BYLINE_END}"),
        LazyPattern(rf"(?<![\w-])(?:{bylines})\s+{other}\s*(?:&|and)\s+{_NAME}{_BYLINE_END}"),
    )


@cache
def _plain(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(_name_pattern(lex, wide=True))


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    text = sentence.text
    taken: list[tuple[int, int]] = []
    for m, titled in _matches(text, ctx):
        span = m.span("name")
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        if titled and m.groupdict().get("title") and _past(text, m.start("title"), ctx.lex):
            continue
        if _AT_A_PLACE.search(text[: span[0]]):
            continue  # "in Rio de Janeiro", "Observers in New York said": a place
        tied = titled is not None and _tied_elsewhere(m.groupdict().get("pre"), ctx.lex)
        if tied and (titled or not _said_of_people(m.group("pre"), ctx.lex)):
            continue  # "Ana Ruiz, who met the conference president": the title is another's
        if titled and _portfolio(m, ctx.lex):
            continue  # "Minister of Ecology and Natural Resources": no name, the office's words
        body = ctx.article.text[ctx.article.body_start :]
        styled = _styled_surname(m.group("name"), ctx.lex)
        if styled:  # "Professor Ruiz": the full name the report gives, or no name read
            name = _full_name(body, styled, ctx.lex)
            name = name if " " in name else None
        else:
            name = _person_name(m.group("name"), ctx.lex)
        if name and titled is None:
            at = max(0, m.group("name").find(name))  # "the Netherlands' Duncan Laurence": after the owner
            name = _bare_name(ctx, name, text[: span[0] + at], text[span[1] :])
        if name and titled and " " not in name:  # "President Diaz"; a stage name stays ("the singer Nemo")
            name = _full_name(body, name, ctx.lex)
        if not name or _cut_short(name, text[span[1] :]):
            continue  # "Simonetta Som [...]": the stored copy stops inside the name
        if titled is False and name.split()[-1] in ctx.lex.word_set("not_person_words"):
            continue  # "the church on Dockside Road, who ...": the relative is said of a person before it
        if not (titled is False or m.groupdict().get("title")) and _organisation(name, ctx.lex):
            continue  # "Ocean Watch said": with a speech verb alone, an organisation speaks
        office = bool(titled and m.groupdict().get("title"))
        if not office and _entrant(body, name, ctx.lex, ctx.numbers.ordinal):
            continue  # "Sweden's Ana Ruiz came second": an entry's act, read by the result families
        if not office and _quoted_title(body, name):
            continue  # the report writes "“Silver Lining”" elsewhere: the title of a song or a work
        taken.append(span)
        yield _draft(sentence, m, name, None if tied else titled, ctx)


def _matches(text: str, ctx: Context) -> Iterator[tuple[re.Match[str], bool | None]]:
    """Every name with its cue: True beside a title of office or as a speaker (a role read),
    False beside another word for a person, None for a bare name (read only if the report uses
    it again)."""
    seen = look(text)  # a look at its words first: the gates' long alternations cost more
    if seen.any_of(_gate_words(ctx.lex)) and _gate(ctx.lex).search(text):
        for pattern, needs in zip(_patterns(ctx.lex), _title_keys(ctx.lex), strict=True):
            if seen.any_of(needs):  # a pattern runs only where the words it is built on stand
                for m in pattern.finditer(text):
                    yield m, True
    if seen.any_of(_noun_gate_words(ctx.lex)) and _noun_gate(ctx.lex).search(text):
        for pattern, needs in zip(_noun_patterns(ctx.lex), _noun_keys(ctx.lex), strict=True):
            if seen.any_of(needs):
                for m in pattern.finditer(text):
                    yield m, False
    if "\u201d," in text or '",' in text:
        for m in _after_quote(ctx.lex).finditer(text):
            yield m, True
    for m in _plain(ctx.lex).finditer(text):
        yield m, None


@cache
def _after_quote(lex: Lexicon) -> re.Pattern[str]:
    """A name right after a quotation and a comma, before its verb ("With the words “...”, Ana
    Ruiz closed the talks"): the speaker of the quotation, a person though no speech verb follows."""
    return compile_pattern(rf"[\u201d\"],\s+{_name_pattern(lex, wide=True)}(?=\s+[a-z])")


def _draft(sentence: Sentence, m: re.Match[str], name: str, titled: bool | None, ctx: Context) -> Draft:
    text, span = sentence.text, m.span("name")
    at = m.group("name").find(name)
    if at >= 0:  # the name's own words: a possessive, a word before or after it left out
        span = (span[0] + at, span[0] + at + len(name))
    groups = m.groupdict()
    title = _title_head(groups.get("title"), ctx.lex) if titled else None
    if title and groups.get("title") and _deputy(text, m.start("title")):
        title = title if title.startswith("deputy") else f"deputy {title}"
    org = _org(ctx, text, m) if title else None
    noun = groups.get("noun") if titled is False else None  # a word tied to another is not shown
    shown = _role_text(org, title) if title or not noun else " ".join(noun.split())
    extra: dict[str, object] = {
        "name": name,
        "title": title,
        "org": org,
        "role": f"{org or '?'}/{title or '?'}",
    }
    if title and title == _title_head(groups.get("title"), ctx.lex):  # a deputy holds no sole role
        extra.update(_holds(text, m, ctx.lex))
    if sentence.is_quoted(span[0]):
        # a speaker's words give the role, the report gives the spelling: only the name is read
        extra.update(title=None, org=None, role="?/?", spelling_only=True, holds=None, holds_at=None)
        extra.update(holds_edition=None, holds_event=None)
    return Draft(
        family="person",
        slot=f"person:{name_key(name)}",
        value=name,
        display=f"{name} ({shown})",
        span=span,
        extra=extra,
    )


def _person_name(raw: str, lex: Lexicon) -> str | None:
    """A name as a person is called: a possessive left out ("Netta Barzilai's song"), a
    surname alone no common word."""
    tokens = raw.split()
    cut = max((i + 1 for i, t in enumerate(tokens[:-1]) if _POSSESSIVE.search(t)), default=0)
    tokens = tokens[cut:]  # "Ukraine's Crimea": not a name
    if cut and len(tokens) < 2:
        return None  # "singer Ana Ruiz's Tout l'univers": what follows an owner is a thing of theirs
    first = set(tokens[0].lower().split("-")) if tokens else set()
    if first & lex.word_set("past_role_words"):
        return None  # "Ex-president Tom Berg": a role held before, about another time
    while len(tokens) > 2 and tokens[0].lower() in _titles(lex):
        tokens.pop(0)  # "Chairman Ana Ruiz" at the start of a sentence: the title left out
    things = lex.word_set("not_person_words") | lex.word_set("name_styles")
    while len(tokens) > 2 and tokens[0].rstrip(".") in things:  # "Climate Chief Ana Ruiz", "Prof. Ana Ruiz"
        tokens.pop(0)
    raw = _POSSESSIVE.sub("", " ".join(tokens))
    if " " not in raw:  # a surname after a title of office
        ok = (
            raw not in lex.word_set("not_name_words")
            and raw not in lex.word_set("holder_not_name")
            and not lex.entity(raw)
            and raw.lower() not in lex.word_set("stopwords")
        )
        return raw if ok else None
    return _clean_name(raw, lex)


_POSSESSIVE = LazyPattern(r"(?:'s|\u2019s|s'|s\u2019)$")
_CUT = LazyPattern(r"\s*\[(?:\.\.\.|\u2026)\]")


def _cut_short(name: str, after: str) -> bool:
    """A name right before the mark of a cut copy ("[...]") whose last word is of three letters
    or fewer: most likely a longer word cut short ("Simonetta Som [...]")."""
    return _CUT.match(after) is not None and len(name.split()[-1]) <= 3


_AT_A_PLACE = LazyPattern(r"\b(?:in|at|near|In|At|Near)\s+$")


def _styled_surname(raw: str, lex: Lexicon) -> str | None:
    """The surname of a style and a surname ("Professor Ruiz", "Sheikh Diallo"), or None."""
    tokens = raw.split()
    if len(tokens) != 2 or tokens[0].rstrip(".") not in lex.word_set("name_styles"):
        return None
    return _POSSESSIVE.sub("", tokens[1])


def _bare_name(ctx: Context, name: str, before: str, after: str = "") -> str | None:
    """A bare name is a person's when the report uses it again (its first or last word alone,
    or the whole name in another sentence) or gives an age right after it ("Tomas Reyner, 45,
    a distributor") and no "the" stands before it ("the Green Room").
    It ends before a word the report also writes in lower case or one that never names a
    person ("Duncan Laurence Wins Eurovision" in a headline is Duncan Laurence)."""
    if re.search(r"(?:\b(?:the|The)\s+|[\"\u201c\u2018'])$", before):
        return None  # "the Green Room"; a name in quotation marks is a song's or a motto's
    body = ctx.article.text[ctx.article.body_start :]
    particles = ctx.lex.word_set("holder_particles")
    things = ctx.lex.word_set("not_person_words")
    stop = ctx.lex.word_set("holder_not_name") | things | ctx.lex.word_set("name_styles")

    def common(word: str) -> bool:
        return word in stop or word not in particles and _lower_case_too(body, word)

    tokens = name.split()
    start = next((i for i, w in enumerate(tokens) if not common(w)), len(tokens))
    words: list[str] = []
    for word in tokens[start:]:  # a word before the name is left out ("Climate Chief Ana Ruiz")
        if word in things:
            return None  # "Globe Arena": the name of a place or a thing
        if common(word):
            break
        words.append(word)
    while words and words[-1] in particles:
        words.pop()
    if len(words) < 2:
        return None
    kept = " ".join(words)
    aged = kept == name and _AGE_AFTER.match(after) is not None
    return kept if aged or _recurs(body, kept) else None


# an age set off right after a name: "Ana Ruiz, 27, won", "Ana Ruiz, 27 year old,", "Ana Ruiz (27)"
_AGE_AFTER = LazyPattern(r"\s*(?:,\s*\d{1,2}(?:\s*,|[- ]years?[- ]old\b)|\(\d{1,2}\))")
# an age of one person: not a range of ages ("men aged 18 to 60")
_AGE = LazyPattern(
    r"(?<![\w-])\d{1,2}[- ]years?[- ]old(?![\w-])|\baged\s+\d{1,2}\b(?!\s*(?:to|-|\u2013|and|or)\s*\d)", re.I
)


@lru_cache(maxsize=512)  # a report's words: only the report being read is asked about
def _lower_case_too(body: str, word: str) -> bool:
    lower = word.lower()
    if lower not in body:  # a substring test first: most names are never written in lower case
        return False
    return re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", body) is not None


@lru_cache(maxsize=256)
def _recurs(body: str, name: str) -> bool:
    words = name.split()
    if body.count(name) > 1 and not _common(body, words[-1]):
        return True
    return any(_alone(body, word) for word in {words[0], words[-1]})


def _common(body: str, word: str) -> bool:
    """A word too short to tell, or one the report also writes in lower case ("Fund", "fund")."""
    return len(word) < 4 or _lower_case_too(body, word)


def _word_spans(body: str, word: str) -> Iterator[tuple[int, int]]:
    """Where a word stands whole in the text (not inside another word or a possessive's
    other half): str.find, as a pattern compiled for every name would cost more."""
    at = body.find(word)
    while at != -1:
        end = at + len(word)
        before = body[at - 1] if at else " "
        after = body[end] if end < len(body) else " "
        if not (before.isalnum() or before in "_'\u2019-") and not (after.isalnum() or after in "_-"):
            yield at, end
        at = body.find(word, at + 1)


@lru_cache(maxsize=256)
def _alone(body: str, word: str) -> bool:
    """The report calls the person by one word of the name ("Sobral said", "Salvador went")."""
    if _common(body, word):
        return False
    for start, end in _word_spans(body, word):
        before = body[max(0, start - 30) : start].split()
        after = body[end : end + 30].split()
        if before and before[-1].lower() == "the":
            continue  # "the Castro regime", "the Obama administration": a family's name, a modifier
        alone_before = not before or not before[-1][:1].isupper() or before[-1][-1:] in '.!?"'
        if alone_before and not (after and after[0][:1].isupper()):
            return True
    return False


@cache
def _name_at_end(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(_name_pattern(lex) + r"\s*$")


def person_name_ending(lex: Lexicon, text: str) -> str | None:
    """The person named at the very end of a piece of text, a title before it left out
    ("Councillor Maria Lopez" gives "Maria Lopez"), or None."""
    m = _name_at_end(lex).search(text)
    if m is None:
        return None
    tokens = m.group("name").split()
    titles = {w.lower() for w in lex.title_forms()}
    while tokens and tokens[0].lower() in titles:
        tokens.pop(0)
    return _clean_name(" ".join(tokens), lex) if tokens else None


def _past(text: str, title_start: int, lex: Lexicon) -> bool:
    """ "former Cuban leader", "ex-president": a role held before, a word or two between."""
    words = re.split(r"[\s-]+", text[max(0, title_start - 30) : title_start].lower())[-3:]
    return any(w in lex.word_set("past_role_words") for w in words)


def _deputy(text: str, title_start: int) -> bool:
    """ "deputy UN ambassador": a deputy, though a word stands between."""
    return (
        re.search(r"\b(?:deputy|vice)\s+(?:\S+\s+)?$", text[max(0, title_start - 25) : title_start], re.I)
        is not None
    )


def _clean_name(raw: str, lex: Lexicon) -> str | None:
    stop = lex.word_set("not_name_words")
    styles = lex.word_set("name_styles")  # "Grandmaster Teodor Vasko" is Teodor Vasko
    tokens = raw.split()
    while tokens and (tokens[0] in stop or tokens[0].removesuffix("'s") in stop or tokens[0] in styles):
        tokens.pop(0)
    while tokens and tokens[-1] in stop:
        tokens.pop()
    if len([t for t in tokens if len(t) > 2]) < 2 or any(t in stop for t in tokens):
        return None
    name = " ".join(tokens)
    if lex.entity(name) or any(lex.entity(t) for t in tokens if len(t) > 3):
        return None
    return name


def _title_head(form: str | None, lex: Lexicon) -> str | None:
    if not form:
        return None
    form = " ".join(form.lower().split())
    for head, forms in sorted((lex.vocab.get("titles") or {}).items()):
        if form in forms:
            return head
    return form


def _org(ctx: Context, text: str, m: re.Match[str]) -> str | None:
    if m.groupdict().get("pre") is not None:
        region = m.group("pre")
    else:
        # the words just before the title, within its clause: not "support from Spain, UN ..."
        region = re.split(r"[,;:()\"\u201c\u201d]", text[max(0, m.start("title") - 40) : m.start("title")])[
            -1
        ]
    region += (
        " " + text[m.end("title") : m.start("name") if m.start("name") > m.end("title") else m.end("title")]
    )
    found = ctx.lex.find_entities(region)
    if m.start("name") > m.start("title"):  # "Ambassador Ana Ruiz of Chile": the country after the name
        of = re.match(r"\s*,?\s*of\s+(?:the\s+)?", text[m.end("name") :])
        after = (
            ctx.lex.find_entities(text[m.end("name") + of.end() : m.end("name") + of.end() + 40])
            if of
            else []
        )
        found += [(a, b, e) for a, b, e in after if a == 0 and e.kind == "country"]
    countries = [e.name for _, _, e in found if e.kind == "country"]
    others = [e.name for _, _, e in found if e.kind != "country"]
    return (countries or others or [None])[0]


@lru_cache(maxsize=512)
def _quoted_title(body: str, name: str) -> bool:
    """The whole name alone in quotation marks somewhere in the report: a work's title."""
    at = body.find(name)
    while at != -1:  # only where a quotation mark opens just before the name (compiling the
        # pattern of every name read would cost more than the reading)
        if _opens_quote(body[max(0, at - 4) : at].rstrip()):
            quoted = rf"[\"\u201c\u2018']\s*{re.escape(name)}\s*[,.!?]?[\"\u201d\u2019'](?![\w])"
            if compile_pattern(quoted).search(body, max(0, at - 3)):
                return True
        at = body.find(name, at + 1)
    return False


_OPENING_QUOTES = frozenset({'"', "\u201c", "\u2018", "'"})


def _opens_quote(before: str) -> bool:
    """Whether the text before a name ends with a quotation mark that opens (after a space or
    at the start), not one that closes a quotation (',"' before "Ana Ruiz said")."""
    if before[-1:] not in _OPENING_QUOTES:
        return False
    return len(before) == 1 or before[-2].isspace() or before[-2] in "([{\u2014\u2013-:"


def _organisation(name: str, lex: Lexicon) -> bool:
    return name.split()[-1] in lex.word_set("organisation_words")


def _role_text(org: str | None, title: str | None) -> str:
    if not title:
        return "role not stated"
    return f"{org} {title}" if org else title


# ---------------------------------------------------------------- roles one person holds


def _tied_elsewhere(pre: str | None, lex: Lexicon) -> bool:
    """Words between a name and the title after it that tie the title to someone else ("Ana
    Ruiz, who met the conference president", "a critic of the president")."""
    if not pre:
        return False
    return any(w in lex.word_set("role_tie_breaks") for w in re.findall(r"[\w'-]+", pre.lower()))


def _said_of_people(pre: str, lex: Lexicon) -> bool:
    """ "Nadia Quint, a publisher whose author ...": a relative said of people makes the name
    a person's, though the word for a person after it is another's."""
    words = set(re.findall(r"[\w'-]+", pre.lower()))
    return bool(words & lex.word_set("person_appositions"))


def _portfolio(m: re.Match[str], lex: Lexicon) -> bool:
    """Capitalised words after "<title> of ..." that go on naming the office, not a person:
    after "and" ("Minister of Industry and Advanced Technology") or ending in a word for a
    thing ("Chair of the Harbor Subsidiary Body")."""
    suffix = m.groupdict().get("suffix")
    if not suffix:
        return False
    last = m.group("name").split()[-1]
    return re.search(r"(?:\band|&)\s*$", suffix) is not None or last in lex.word_set("not_person_words")


def _holds(text: str, m: re.Match[str], lex: Lexicon) -> dict[str, str | None]:
    """The role of one holder at the report's occurrence that a title gives ("holds"), and the
    body it is held at ("holds_at": "Sweden's ambassador to the UN"); none where the title's
    form is not of such a role (sole_roles in roles.yaml), its scope is not named next to it,
    or it may be another edition's ("last year's conference president", "then-ambassador",
    a sentence that names a year)."""
    spec = (lex.vocab.get("sole_roles") or {}).get(" ".join(m.group("title").lower().split()))
    near = _words_before(text, m)
    if not spec or _other_time(near, text, lex):
        return {}
    after = [text[m.end("title") : m.end("title") + 60]]
    if m.start("name") > m.end("title"):  # "Foreign Minister Bruno Diaz of Chile"
        after = [text[m.end("title") : m.start("name")], text[m.end("name") : m.end("name") + 40]]
    if spec["of"] == "event":
        scope = _event_scope(near, after[0], lex)
        if scope is None:
            return {}
        where, edition = scope
        # an edition named by its number ("COP28 President") is one whatever the report's year
        return {
            "holds": spec["as"] + (f":{where}" if where else ""),
            "holds_edition": where if edition else None,
            "holds_event": True,
        }
    country, body = _whose(near, after, lex)
    owner = country if spec["of"] == "country" else body
    if owner is None:
        return {}
    return {"holds": f"{spec['as']}:{owner}", "holds_at": body if spec["of"] == "country" else None}


_A_YEAR = LazyPattern(r"(?<![\w$€£.,/-])(?:19|20)\d\d(?![\w/-])")


def _other_time(near: str, text: str, lex: Lexicon) -> bool:
    """Words before a title that make it another time's ("former", "then-ambassador"), or a
    year in the sentence: the holder may be that year's, not the report's."""
    found = lex.phrase_re("role_other_time")
    near = " ".join(near.split()[-3:])  # the title's own words: "last year's conference"
    return bool(found.search(near) or found.search(near.replace("-", " ")) or _A_YEAR.search(text))


def _words_before(text: str, m: re.Match[str]) -> str:
    """The words just before a title, within its clause: "Sweden's UN" in "..., and Sweden's
    UN ambassador"; after a name, the words between it and its title ("the country's")."""
    if m.groupdict().get("pre") is not None:
        return m.group("pre")
    before = text[max(0, m.start("title") - 40) : m.start("title")]
    return re.split(r"[,;:.()\"\u201c\u201d]|\b(?:and|by|with|of|to|for)\b", before)[-1]


_OF = LazyPattern(r"^\s*,?\s*(?:of|at|for)\s+(?:the\s+|this\s+year's\s+)?([\w'-]+(?:\s+[\w'-]+){0,2})", re.I)
_LABEL = LazyPattern(r"^([a-z]+)\s?(\d{1,3})$")


def _event_scope(near: str, after: str, lex: Lexicon) -> tuple[str, bool] | None:
    """Where a role of the event is held, and whether that is one edition whatever the year:
    ("", False) the occurrence ("conference president", "the chair of the talks"), ("cop29",
    True) an edition named by its number ("COP29 President"), ("general assembly", False) the
    body that meets ("General Assembly President"); None where no such word is next to it."""
    before = [w.removesuffix("'s").removesuffix("\u2019s") for w in near.split()[-2:]]
    found = _OF.match(after)
    following = found.group(1).split() if found else []
    events = lex.word_set("role_event_words")
    for words in (before[-2:], before[-1:], following[:2], following[:1]):
        label = _LABEL.match(" ".join(words).lower())
        if label and label.group(1) in events:
            return f"{label.group(1)}{label.group(2)}", True
        if len(words) == 1 and words[0].lower() in events:
            return "", False
    bodies = lex.word_set("role_body_words")
    for words in (before, following[-2:]):
        if words and words[-1].lower() in bodies:  # "General Assembly President": its body
            named = words[-2:] if len(words) > 1 and words[-2][:1].isupper() else words[-1:]
            return " ".join(named).lower(), False
    return None


def _whose(near: str, after: list[str], lex: Lexicon) -> tuple[str | None, str | None]:
    """The country whose role a title is ("Sweden's", "Swedish", "of Sweden") and where it is
    held ("UN", "to the United Nations", "in Cairo"): each only from the words next to the title
    (or, "of Chile", just after the name)."""
    country: str | None = None
    body: str | None = None
    for _, _, entity in lex.find_entities(near):
        if entity.kind == "country":
            country = entity.name
        else:
            body = entity.name
    for at, words in enumerate(after):
        tail = _POSTED.match(words)
        if tail is None or at and tail.group(1).lower() != "of":
            continue  # after the name, "in Geneva" is where the person spoke, not a posting
        prep, rest = tail.group(1).lower(), tail.group(2)
        found = lex.find_entities(rest)
        entity = found[0][2] if found and found[0][0] == 0 else None
        if prep == "of" and entity is not None and entity.kind == "country":
            country = country or entity.name
        elif prep != "of" and body is None:  # "to Egypt", "in Cairo": the posting
            body = entity.name if entity is not None else _capitalised(rest)
    return country, body


_POSTED = LazyPattern(r"^\s*,?\s*(of|to|at|in)\s+(?:the\s+)?(.{1,40})", re.I)


def _capitalised(words: str) -> str | None:
    found = re.match(r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)*", words)
    return found.group() if found else None


@lru_cache(maxsize=256)
def _full_name(body: str, surname: str, lex: Lexicon) -> str:
    """A surname alone ("President Diaz") as the one full name the report gives it ("Bruno
    Diaz"); as written where the report gives none, or two ("Ana Diaz", "Luis Diaz")."""
    found = {
        name for m in _before_surname(surname).finditer(body) if (name := _named(m.group(1), surname, lex))
    }
    return found.pop() if len(found) == 1 else surname


@lru_cache(maxsize=256)
def _before_surname(surname: str) -> re.Pattern[str]:
    word = r"[A-Z\u00c0-\u00de][\w'\u2019\u00c0-\u024f-]+"
    return compile_pattern(rf"(?<![\w'\u2019-])((?:{word}\s+){{1,2}}){re.escape(surname)}(?![\w'\u2019-])")


def _named(before: str, surname: str, lex: Lexicon) -> str | None:
    """The full name some capitalised words and a surname make, a title or a word that starts
    a sentence left out ("Foreign Minister Bruno Diaz", "Yesterday Bruno Diaz")."""
    skip = (
        lex.word_set("holder_not_name")
        | lex.word_set("not_person_words")
        | lex.word_set("not_name_words")
        | lex.word_set("name_styles")
    )
    tokens = before.split()
    cut = max((i + 1 for i, t in enumerate(tokens) if _POSSESSIVE.search(t)), default=0)
    tokens = tokens[cut:]  # "Sweden's Loreen": no full name
    while tokens and (tokens[0] in skip or tokens[0].lower() in _titles(lex)):
        tokens.pop(0)
    if not tokens or any(t in skip or t.lower() in _titles(lex) for t in tokens):
        return None
    return _clean_name(" ".join([*tokens, surname]), lex)


# ---------------------------------------------------------------- entrants of a contest


@lru_cache(maxsize=32)
def _report_sentences(body: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"(?<=[.!?])\s+|\n+", body) if p.strip())


@cache
def _entrant_res(lex: Lexicon, ordinal: str) -> tuple[LazyPattern, LazyPattern, LazyPattern]:
    """What ties a name to a contest's result: a verb after it, a thing it owns, a lead before
    (each compiled when first tried: most names are tied by the first or by none)."""
    verbs = phrase_alternation(lex.words("entrant_verbs"))
    place = phrase_alternation(lex.words("entrant_place_verbs"))
    rank = rf"(?:in\s+)?(?:the\s+)?(?:{ordinal}|last|top|bottom)"
    after = LazyPattern(
        # an aside: "Ana Ruiz, 27 year old, won", "Ana Ruiz of Kenya won", "Ana Ruiz, who won"
        r"^(?:\s*,[^,;:]{1,80},|\s*\([^)]*\)|,\s+who|\s+of\s+(?:the\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)?\s+"
        r"(?:(?:has|have|had|was|were|is|are|been|now|also|finally|then|meanwhile|eventually)\s+){0,3}"
        r"(?:and\s+(?:his|her|their|its)\s+[^,;]{0,40}?\s+)?"  # "Ana Ruiz and her song "Fuego" beat"
        rf"(?:(?P<verb>{verbs})|(?:{place})\s+{rank})(?![\w-])(?P<object>(?:\s+(?:the|a|an))?\s+[\w-]+)?",
        re.I,
    )
    owns = LazyPattern(
        rf"^['\u2019]s?\s+(?:[\w-]+\s+){{0,3}}?(?:{phrase_alternation(lex.words('entrant_things'))})\b", re.I
    )
    lead = LazyPattern(
        rf"(?<![\w-])(?:{phrase_alternation(lex.words('entrant_leads'))}),?\s+(?:[\w'\u2019.-]+\s+){{0,3}}$",
        re.I,
    )
    return after, owns, lead


@lru_cache(maxsize=512)
def _entrant(body: str, name: str, lex: Lexicon, ordinal: str) -> bool:
    """Whether the report ties the name (whole, or its last word alone) to a result of the
    contest and gives it no age: an entry's act, not a person read for the person family."""
    after, owns, lead = _entrant_res(lex, ordinal)
    openers = lex.word_set("holder_not_name") | lex.word_set("not_name_words")
    sentences = _report_sentences(body)
    tied = False
    for sentence in sentences:
        for m in _mentions(sentence, name, body, openers, last=True):
            rest = sentence[m.end() :]
            verb = after.match(rest)
            if verb and _won_what(verb, lex):
                verb = None
            if verb or owns.match(rest) or lead.search(sentence[: m.start()]):
                tied = True
                break
        if tied:
            break
    return tied and not _aged(body, name, openers)


def _won_what(verb: re.Match[str], lex: Lexicon) -> bool:
    """ "won the election": a result that is not the contest's."""
    word = (verb.group("object") or "").split()
    return bool(verb.group("verb")) and bool(word) and word[-1].lower() in lex.word_set("entrant_not_won")


def _aged(body: str, name: str, openers: frozenset[str]) -> bool:
    """An age the report gives the name: right after a mention, or in the sentence of a mention
    (any word of the name alone) or the two after it ("... the 25-year-old's song")."""
    sentences = _report_sentences(body)
    for i, sentence in enumerate(sentences):
        for m in _mentions(sentence, name, body, openers, last=True, first=True):
            if _AGE_AFTER.match(sentence[m.end() :]):
                return True
            if any(_AGE.search(s) for s in sentences[i : i + 3]):
                return True
    return False


def _mentions(
    sentence: str, name: str, body: str, openers: frozenset[str], last: bool = False, first: bool = False
) -> list[re.Match[str]]:
    words = name.split()
    if words[-1] not in sentence and words[0] not in sentence:
        return []  # most sentences of a report never name the person: a substring test is cheap
    forms = [name]
    if last and len(words) > 1 and not _common(body, words[-1]):
        forms.append(words[-1])
    if first and len(words) > 1 and not _common(body, words[0]):
        forms.append(words[0])
    found = []
    for form in forms:
        if form not in sentence:
            continue
        for m in re.finditer(rf"(?<![\w'\u2019-]){re.escape(form)}(?![\w-])", sentence):
            if form == name or not _in_another_name(sentence, m, openers):
                found.append(m)
    return found


def _in_another_name(sentence: str, m: re.Match[str], openers: frozenset[str]) -> bool:
    """A word of the name next to another capitalised word: part of another name ("Dmitri
    Okafor won" is not Emil Okafor), unless that word only opens the sentence ("Yesterday")."""
    before = sentence[: m.start()].split()
    after = sentence[m.end() :].split()
    named_before = bool(before) and before[-1][:1].isupper()
    if named_before and len(before) == 1:
        named_before = before[-1] not in openers
    return named_before or bool(after and after[0][:1].isupper() and after[0][:1].isalpha())
