"""TQ4xx: French number, time and date formats, and the conversions behind them."""
from decimal import Decimal

import pytest

from tqcheck.io.text import read_document
from tqcheck.text.numbers import (
    english_date, english_time, french_date_to_english, french_month_to_english,
    french_number_to_english, french_time_to_english, french_weekday_to_english, group_thousands,
    month_number, parse_english_time, parse_french_time, parse_number,
)

from conftest import SEED
from helpers import run_rules


# (text, [(code, line, column, end_column, text, suggestion), ...])
FLAGGED = [
    # TQ401 french-thousands-separator
    ("some 2 500 American soldiers are stationed in Iraq", [
        ("TQ401", 1, 6, 11, "2 500", "2,500"),
    ]),
    ("a budget of 12 500 000 euros", [
        ("TQ401", 1, 13, 23, "12 500 000", "12,500,000"),
    ]),
    ("about 1\u202f000 people and 2\u00a0500 more", [
        ("TQ401", 1, 7, 12, "1\u202f000", "1,000"),
        ("TQ401", 1, 24, 29, "2\u00a0500", "2,500"),
    ]),
    ("a rise to 2 500,5 tonnes, from 1 to 100 000 people", [
        ("TQ401", 1, 11, 18, "2 500,5", "2,500.5"),
        ("TQ401", 1, 37, 44, "100 000", "100,000"),
    ]),
    ("a 10 000-strong force, between 2 000 and 3 000 people", [
        ("TQ401", 1, 3, 9, "10 000", "10,000"),
        ("TQ401", 1, 32, 37, "2 000", "2,000"),
        ("TQ401", 1, 42, 47, "3 000", "3,000"),
    ]),
    # TQ402 decimal-comma
    ("inflation reached 4,9 % in December", [
        ("TQ402", 1, 19, 22, "4,9", "4.9"),
    ]),
    ("tickets cost 12,75 euros, a rise of 0,5 points and a 1234,5 km route", [
        ("TQ402", 1, 14, 19, "12,75", "12.75"),
        ("TQ402", 1, 37, 40, "0,5", "0.5"),
        ("TQ402", 1, 54, 60, "1234,5", "1,234.5"),
    ]),
    ("a 1,5-tonne bomb and 3,1416", [
        ("TQ402", 1, 3, 6, "1,5", "1.5"),
        ("TQ402", 1, 22, 28, "3,1416", "3.1416"),
    ]),
    # TQ403 french-time
    ("the attack occurred around 4h30 in the morning", [
        ("TQ403", 1, 28, 32, "4h30", "4:30 a.m."),
    ]),
    ("a curfew from 21h to 6h, from 9h-17h", [
        ("TQ403", 1, 15, 18, "21h", "9 p.m."),
        ("TQ403", 1, 22, 24, "6h", "6 a.m."),
        ("TQ403", 1, 31, 33, "9h", "9 a.m."),
        ("TQ403", 1, 34, 37, "17h", "5 p.m."),
    ]),
    ("the meeting starts at 17 h 30, or at 17H30, the statement came at 12H00 (1000 GMT)", [
        ("TQ403", 1, 23, 30, "17 h 30", "5:30 p.m."),
        ("TQ403", 1, 38, 43, "17H30", "5:30 p.m."),
        ("TQ403", 1, 67, 72, "12H00", "noon"),
    ]),
    ("he will speak at 9h, at 0h30 and at 00h00 and 12h15", [
        ("TQ403", 1, 18, 20, "9h", "9 a.m."),
        ("TQ403", 1, 25, 29, "0h30", "12:30 a.m."),
        ("TQ403", 1, 37, 42, "00h00", "midnight"),
        ("TQ403", 1, 47, 52, "12h15", "12:15 p.m."),
    ]),
    ("the blast at 8h05, 17h GMT", [
        ("TQ403", 1, 14, 18, "8h05", "8:05 a.m."),
        ("TQ403", 1, 20, 23, "17h", "5 p.m."),
    ]),
    ("the race lasted 2h15, he ran in 1h30 min", [  # durations: no mechanical fix
        ("TQ403", 1, 17, 21, "2h15", None),
        ("TQ403", 1, 33, 37, "1h30", None),
    ]),
    # TQ404 day-first-date
    ("the decree of 15/12/2022 was published", [
        ("TQ404", 1, 15, 25, "15/12/2022", "December 15, 2022"),
    ]),
    ("elections on 3/1/2020 were postponed, signed on 15.12.2022 in Paris, dated 15-12-2022", [
        ("TQ404", 1, 14, 22, "3/1/2020", "January 3, 2020"),
        ("TQ404", 1, 49, 59, "15.12.2022", "December 15, 2022"),
        ("TQ404", 1, 76, 86, "15-12-2022", "December 15, 2022"),
    ]),
    ("on 25/12/21 in Bethlehem, and on 03.01.2020", [
        ("TQ404", 1, 4, 12, "25/12/21", None),
        ("TQ404", 1, 34, 44, "03.01.2020", "January 3, 2020"),
    ]),
    # TQ405 french-month-weekday
    ("the attack of 3 janvier 2020 was not claimed", [
        ("TQ405", 1, 17, 24, "janvier", "January"),
    ]),
    ("On Lundi 3 Janvier, the president spoke.", [
        ("TQ405", 1, 4, 9, "Lundi", "Monday"),
        ("TQ405", 1, 12, 19, "Janvier", "January"),
    ]),
    ("elections in Mars 2022 and in mai 2022", [
        ("TQ405", 1, 14, 18, "Mars", "March"),
        ("TQ405", 1, 31, 34, "mai", "May"),
    ]),
    ("the 1er mai rally and the 14 Juillet parade, le 3 mars dernier", [
        ("TQ405", 1, 9, 12, "mai", "May"),
        ("TQ405", 1, 30, 37, "Juillet", "July"),
        ("TQ405", 1, 51, 55, "mars", "March"),
    ]),
    ("from Lundi to Vendredi and lundi et mardi", [
        ("TQ405", 1, 6, 11, "Lundi", "Monday"),
        ("TQ405", 1, 15, 23, "Vendredi", "Friday"),
        ("TQ405", 1, 28, 33, "lundi", "Monday"),
        ("TQ405", 1, 37, 42, "mardi", "Tuesday"),
    ]),
    ("the vote of 3 Mars, in août 2021, mid-septembre, fevrier, decembre, le 2 AOÛT", [
        ("TQ405", 1, 15, 19, "Mars", "March"),
        ("TQ405", 1, 24, 28, "août", "August"),
        ("TQ405", 1, 39, 48, "septembre", "September"),
        ("TQ405", 1, 50, 57, "fevrier", "February"),
        ("TQ405", 1, 59, 67, "decembre", "December"),
        ("TQ405", 1, 74, 78, "AOÛT", "AUGUST"),
    ]),
    ("First paragraph.\\nThe attack of 3 janvier.", [
        ("TQ405", 3, 17, 24, "janvier", "January"),
    ]),
]

CORRECT = [
    # numbers
    "In fact, some 2,500 American soldiers and 1,000 soldiers from coalition member countries are stationed.",
    "a rise of 4.9 percent, or 12,000,000 dollars, 0.5 points and 4.9%",
    "in 2020 500 people died, and in 2021 300 more",
    "Boeing 737 800 and chapter 3 100 pages, flight 447 200 miles out, page 3 100",
    "call +33 1 234 567 890 or 01 45 67 89 00 or 555 123 4567",
    "On March 3 500 protesters marched, on Dec. 9 200 more; he won 3 100-meter races.",
    "chapters 1,2 and 3, then sections 4, 5,6 or 7",
    "the point at 48.85,2.35 on the map; 1,00,000 rupees",
    "On January 3, 2020, and again on December 9, 2021, officials met.",
    "Covid-19 hit in 2020; the G7 and G20 met; 5G and 4G; Windows 10 and iOS 16.2.",
    # times
    "the attack occurred around 4:30 a.m. (8:30 p.m. Sunday EST)",
    "a 24h news channel with a 48h deadline, open 24h/24, 7j/7",
    "the 3h-long meeting at H&M about 5G; H1N1, 2H2O and 4x4",
    "she sleeps 8h a night and ran 3.5h, a 2h drive, the 12h shift, after 12h of talks",
    "officials met at 10 a.m. local time and again at noon; 17:30 GMT",
    "The 4x100m relay and 100h of work and at 25h.",
    # dates
    "add 1/2 cup of sugar; the 24/7 news cycle after 9/11 and the 7/7 bombings",
    "the final on 2022-12-15 ended 3-1; the 2021-22 season; 1999-2000",
    "the form dated 12/15/2022 and the 05/05/2022 vote, version 1.2.2020, IP 10.12.2022.1",
    "impossible dates 31/02/2020 and 13/13/2020",
    # months and weekdays
    "On January 3, 2020, and again on December 9, officials met on Monday.",
    "Mars is the fourth planet, and Bruno Mars sang at Mardi Gras.",
    "the Mars 2020 rover, 3 Mars bars, a mai tai at Mars Inc.; the scandal mars his legacy",
    "Avril Lavigne, Mai Khoi, Marshal Alphonse Juin, Baron Samedi, Janvier Street, mardi gras",
    "Mid-Mars and the Vendredi novel; Marshal Juin landed in 1944",
]


def _findings(text):
    return run_rules(text, select=["TQ4"])


@pytest.mark.parametrize("text,expected", FLAGGED, ids=[t for t, _ in FLAGGED])
def test_flagged_spans_and_suggestions(text, expected):
    found = [(f.rule, f.line, f.column, f.end_column, f.text, f.suggestion) for f in _findings(text)]
    assert found == expected


@pytest.mark.parametrize("text", CORRECT)
def test_correct_english_draws_nothing(text):
    found = _findings(text)
    assert not found, [(f.rule, f.text, f.message) for f in found]


def test_ambiguous_date_message_says_so():
    [f] = _findings("elections on 03/01/2020")
    assert "ambiguous" in f.message and "January 3, 2020" in f.message and "March 1, 2020" in f.message
    [f] = _findings("elections on 15/01/2020")
    assert "ambiguous" not in f.message


def test_severities():
    by_code = {f.rule: f.severity.value for f in _findings(
        "2 500 people, 4,9 %, at 17h30, on 15/12/2022, 3 janvier")}
    assert by_code == {"TQ401": "minor", "TQ402": "major", "TQ403": "minor", "TQ404": "major",
                       "TQ405": "major"}


def test_seed_draws_nothing():
    assert not run_rules(read_document(SEED), select=["TQ4"])


# --------------------------------------------------------------------------- conversions

@pytest.mark.parametrize("french,english", [
    ("2 500", "2,500"), ("12\u202f500\u202f000", "12,500,000"), ("4,9", "4.9"), ("4,9 %", "4.9%"),
    ("4,9%", "4.9%"), ("2 500,75", "2,500.75"), ("12500", "12,500"), ("2020", "2020"), ("0,5", "0.5"),
    ("-3,2", "-3.2"), ("1234,5", "1,234.5"), ("abc", None), ("2 50", None),
])
def test_french_number_to_english(french, english):
    assert french_number_to_english(french) == english


@pytest.mark.parametrize("fr,en,value", [
    ("2 500", "2,500", Decimal("2500")), ("4,9 %", "4.9%", Decimal("4.9")),
    ("12 500 000", "12,500,000", Decimal("12500000")), ("0,5", "0.5", Decimal("0.5")),
    ("1\u00a0000,25", "1,000.25", Decimal("1000.25")),
])
def test_parse_number_matches_across_languages(fr, en, value):
    assert parse_number(fr, "fr") == parse_number(en, "en") == value


def test_parse_number_rejects_the_other_convention():
    assert parse_number("2,500", "fr") == Decimal("2.500")  # French reads it as a decimal
    assert parse_number("2 500", "en") is None
    assert parse_number("2,50,0", "en") is None
    assert parse_number("x", "fr") is None
    with pytest.raises(ValueError):
        parse_number("1", "de")


def test_group_thousands():
    assert [group_thousands(d) for d in ("5", "500", "2500", "12500000")] == ["5", "500", "2,500", "12,500,000"]


@pytest.mark.parametrize("hour,minute,english", [
    (17, 30, "5:30 p.m."), (9, None, "9 a.m."), (9, 0, "9 a.m."), (12, 0, "noon"), (12, None, "noon"),
    (0, 0, "midnight"), (0, 30, "12:30 a.m."), (12, 15, "12:15 p.m."), (16, 30, "4:30 p.m."),
    (8, 5, "8:05 a.m."), (23, 59, "11:59 p.m."), (13, None, "1 p.m."),
])
def test_english_time(hour, minute, english):
    assert english_time(hour, minute) == english


def test_english_time_rejects_bad_times():
    for h, m in ((24, 0), (-1, 0), (10, 60)):
        with pytest.raises(ValueError):
            english_time(h, m)


@pytest.mark.parametrize("french,parsed,english", [
    ("16h30", (16, 30), "4:30 p.m."), ("17 h 30", (17, 30), "5:30 p.m."), ("17H00", (17, 0), "5 p.m."),
    ("9h", (9, None), "9 a.m."), ("12h00", (12, 0), "noon"), ("00h00", (0, 0), "midnight"),
    ("24h", None, None), ("17h75", None, None), ("H&M", None, None),
])
def test_french_time(french, parsed, english):
    assert parse_french_time(french) == parsed
    assert french_time_to_english(french) == english


@pytest.mark.parametrize("english,parsed", [
    ("4:30 p.m.", (16, 30)), ("4:30 a.m.", (4, 30)), ("9 a.m.", (9, 0)), ("12:15 p.m.", (12, 15)),
    ("12:30 a.m.", (0, 30)), ("noon", (12, 0)), ("midnight", (0, 0)), ("8:30 PM", (20, 30)),
    ("13 p.m.", None), ("teatime", None),
])
def test_parse_english_time(english, parsed):
    assert parse_english_time(english) == parsed


def test_16h30_and_4_30_pm_are_the_same_time():
    h, m = parse_french_time("16h30")
    assert parse_english_time("4:30 p.m.") == (h, m)


def test_month_and_weekday_names():
    assert french_month_to_english("janvier") == "January"
    assert french_month_to_english("Février") == french_month_to_english("fevrier") == "February"
    assert french_month_to_english("AOÛT") == french_month_to_english("aout") == "August"
    assert french_month_to_english("décembre") == french_month_to_english("decembre") == "December"
    assert french_month_to_english("March") is None
    assert french_weekday_to_english("Dimanche") == "Sunday"
    assert french_weekday_to_english("lundi") == "Monday"
    assert french_weekday_to_english("Monday") is None
    assert [month_number(n) for n in ("mars", "March", "Mar.", "sept", "juin", "Dec", "ma", "foo")] == [
        3, 3, 3, 9, 6, 12, None, None]


def test_every_month_and_weekday_is_covered():
    from tqcheck.text.numbers import ENGLISH_MONTHS, months as _months, weekdays as _weekdays
    assert {en for en, _ in _months().values()} == set(ENGLISH_MONTHS)
    assert sorted(n for _, n in _months().values()) == sorted(
        [1, 2, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 11, 12, 12])
    assert set(_weekdays().values()) == {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


@pytest.mark.parametrize("french,english", [
    ("3 janvier 2020", "January 3, 2020"), ("1er mai", "May 1"), ("premier mai 2021", "May 1, 2021"),
    ("9 décembre", "December 9"), ("lundi 3 janvier 2022", "Monday, January 3, 2022"),
    ("15/12/2022", "December 15, 2022"), ("03.01.2020", "January 3, 2020"),
    ("3\u00a0Janvier\u00a02020", "January 3, 2020"),
    ("31 février 2020", None), ("3 March 2020", None), ("janvier", None), ("3 janvier vingt", None),
])
def test_french_date_to_english(french, english):
    assert french_date_to_english(french) == english


def test_english_date():
    assert english_date(3, 1, 2020) == "January 3, 2020"
    assert english_date(9, 12) == "December 9"
    assert english_date(3, 1, 2022, "Monday") == "Monday, January 3, 2022"
    with pytest.raises(ValueError):
        english_date(30, 2, 2020)
    with pytest.raises(ValueError):
        english_date(3, 13)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Une douzaine de soldats, un cinquième de la population, vingt-sept morts et quatre cent mille euros."),
    ("fr", "Un onzième a servi, deux cent et quatre jours, sept millions et demi, l'an un."),
    ("en", "Twenty-seven died, two hundred and fifty were hurt, one in five, a five-year plan, Mazda3."),
    ("en", "Seventy - two percent; twenty one; one-third; none of the ten, tenfold, often."),
])
def test_number_words_are_found_where_they_start_as_a_scan_of_every_letter_finds_them(lang, text):
    """The word patterns are tried only where a number word starts (``_Scanner.match_at``): the same
    mentions as trying them at every position (``finditer``)."""
    from tqcheck.text import numscan, numwords

    def mentions(fast: bool):
        sc = numscan._Scanner(text, lang)
        if not fast:
            sc.match_at = lambda pattern, starts: sc.finditer(pattern)
        numwords.word_numbers(sc, lang)
        return [(m.start, m.end, sorted(m.keys)) for m in sc.found]

    assert mentions(True) == mentions(False) != []
