"""Property-based tests (hypothesis) of the reader, the cleaner, the extractors and the number
readers: arbitrary text and bytes never raise, spans point inside the text and quote it,
cleaning keeps every offset, and a number reads the same in digits and in words.

Runs are bounded (max_examples, no deadline) so the suite stays fast.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from checker.articles import clean, decode, make_article, read_reports, repair
from checker.extract import extract_claims
from checker.lexicon import default_lexicon
from checker.text import default_numbers

LEX = default_lexicon()
NUMBERS = default_numbers()
# derandomize: the same examples on every run, so that CI is as deterministic as factlint
settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.load_profile("deterministic")
BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of the phrasing the extractors look for, so that random text does hold claims.
FRAGMENTS = [
    "for the 16th consecutive year",
    "for the sixteenth straight year",
    "for 16 consecutive years",
    "the 7th time",
    "began in 2005",
    "since 2005",
    "first adopted in 2005",
    "61 co-sponsors",
    "co-sponsored by more than 60 countries",
    "by a vote of 112 to 8",
    "112-8-62",
    "with 116 in favour, 20 against and 53 abstentions",
    "by consensus",
    "without a vote",
    "was adopted",
    "the General Assembly",
    "Japan",
    "South Korea",
    "the European Union",
    "North Korea",
    "China, Russia and Cuba voted against",
    "led by the EU",
    "Japan joined the consensus",
    "Ambassador Kim Song",
    "Samantha Power, the US ambassador",
    "said",
    "on Thursday",
    "on Dec. 17",
    "Wednesday [Oct 28 2009]",
    "last year",
    "[ad_1]",
    "[앵커]",
    "Share this article",
    "---",
    "title: x",
    "\u201cquoted\u201d",
    '"quoted"',
    "(",
    ")",
    "[",
    "]",
    ".",
    ",",
    ";",
    "-",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\r\n",
    "\u00a0",
    "\ufeff",
    "é",
    "북한",
    "\x00",
    "\u2028",
]
claimish = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join)
any_text = st.one_of(
    st.text(max_size=400), claimish, st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
)


def _newlines(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c == "\n"]


# ------------------------------------------------------------------ reading never raises


@BOUNDED
@given(st.binary(max_size=2000))
def test_decode_never_raises_and_gives_text_or_a_reason(data: bytes) -> None:
    decoded = decode(data)
    assert (decoded.text is None) == (decoded.skip is not None)


@BOUNDED
@given(any_text, st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le"]))
@example(text="\x00", codec="utf-16-le")  # the one ambiguous mark, left out below
@example(text="a\x00", codec="utf-16-le")
def test_text_behind_a_bom_decodes_back_to_itself(text: str, codec: str) -> None:
    bom = {
        "utf-8": codecs.BOM_UTF8,
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
    }[codec]
    try:
        data = bom + text.encode(codec)
    except UnicodeEncodeError:  # lone surrogates
        return
    # FF FE 00 00 opens UTF-16-LE text that starts with U+0000 and is the UTF-32-LE mark: it
    # is read as UTF-32, as every BOM sniffer reads it
    assume(not (codec == "utf-16-le" and data.startswith(codecs.BOM_UTF32_LE)))
    assert decode(data).text == text


@BOUNDED
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=400))
def test_utf8_text_without_control_characters_decodes_back_to_itself(text: str) -> None:
    decoded = decode(text.encode("utf-8"))
    assert decoded.text == text and decoded.warning is None


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "b.md", "c.jsonl"]))
def test_read_reports_never_raises_on_arbitrary_file_bytes(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        result = read_reports([str(path)])
        assert len(result.articles) + len(result.skipped) >= (0 if name.endswith("l") else 1)
        for article in result.articles:
            assert len(article.text) == len(article.raw)


@BOUNDED
@given(any_text, st.integers(min_value=-5, max_value=500))
def test_clean_keeps_the_length_and_every_newline(text: str, body_start: int) -> None:
    cleaned = clean(text, body_start, LEX)
    assert len(cleaned) == len(text)
    assert _newlines(cleaned) == _newlines(text)


@BOUNDED
@given(st.one_of(any_text, any_text.map(lambda t: f"---\n{t}\n---\n{t}")))
def test_make_article_never_raises_and_keeps_offsets(text: str) -> None:
    article = make_article("p.md", text, LEX)
    repaired = repair(text)[0]  # characters decoded twice put right ("\x80â€" is "€â€")
    assert article.raw == repaired
    assert len(article.text) == len(repaired) and _newlines(article.text) == _newlines(text)
    assert 0 <= article.body_start <= len(repaired)
    assert article.text[: article.body_start].strip() == ""


# ------------------------------------------------------------------ extraction


@BOUNDED
@given(any_text)
def test_claims_point_inside_the_text_and_quote_their_sentence(text: str) -> None:
    article = make_article("p.txt", text, LEX)
    for claim in extract_claims(article, LEX):
        assert 0 <= claim.start <= claim.value_start <= claim.value_end <= claim.end <= len(text)
        assert claim.value_start < claim.value_end
        sentence = text[claim.start : claim.end]
        assert claim.quote == " ".join(claim.quote.split())  # white space folded
        for word in claim.quote.split():
            assert word in sentence, (word, sentence)
        assert 1 <= claim.line <= text.count("\n") + 1
        assert claim.line == text.count("\n", 0, claim.value_start) + 1


@BOUNDED
@given(claimish)
def test_extraction_is_the_same_twice(text: str) -> None:
    article = make_article("p.txt", text, LEX)
    assert extract_claims(article, LEX) == extract_claims(article, LEX)


# ------------------------------------------------------------------ numbers in words

_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORD_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORD_TENS = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
]


def cardinal_words(n: int) -> str:
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")


def ordinal_words(n: int) -> str:
    if n < 10:
        return _ORD_UNITS[n]
    if n < 20:
        return _ORD_TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return f"{_TENS[tens]}-{_ORD_UNITS[unit]}" if unit else _ORD_TENS[tens]


def ordinal_digits(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99), st.sampled_from([str, str.capitalize, str.upper]))
def test_cardinals_in_words_and_digits_read_the_same(n: int, case) -> None:
    assert NUMBERS.read_cardinal(case(cardinal_words(n))) == n == NUMBERS.read_cardinal(str(n))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99), st.sampled_from([str, str.capitalize, str.upper]))
def test_ordinals_in_words_and_digits_read_the_same(n: int, case) -> None:
    assert NUMBERS.read_ordinal(case(ordinal_words(n))) == n
    assert NUMBERS.read_ordinal(ordinal_digits(n)) == n


def test_the_word_builder_matches_the_examples() -> None:
    assert (cardinal_words(23), ordinal_words(23), ordinal_digits(23)) == (
        "twenty-three",
        "twenty-third",
        "23rd",
    )
    assert NUMBERS.read_cardinal("twenty-three") == 23 == NUMBERS.read_cardinal("23")
    assert NUMBERS.read_ordinal("twenty-third") == 23 == NUMBERS.read_ordinal("23rd")


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 99))
def test_a_recurrence_reads_the_same_in_digits_and_in_words(n: int) -> None:
    values = []
    for ordinal in (ordinal_digits(n), ordinal_words(n)):
        article = make_article("p.txt", f"It was adopted for the {ordinal} consecutive year.", LEX)
        values.append(sorted(c.value for c in extract_claims(article, LEX) if c.family == "recurrence"))
    assert values[0] == values[1] == [n]
