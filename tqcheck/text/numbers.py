"""Numbers, clock times, months and dates in French and English: parsers and conversions.

Plain conversions (French number, 24-hour time, month and date to their English
forms, and parsers for both languages' numbers and times), shared by the format
rules (TQ4xx) and the source comparison (TQ911)::

    parse_number("2 500", "fr") == parse_number("2,500", "en")      # 2500
    french_number_to_english("4,9 %") == "4.9%"
    french_time_to_english("16h30") == "4:30 p.m." and parse_english_time("4:30 p.m.") == (16, 30)
    french_date_to_english("3 janvier 2020") == "January 3, 2020"

English forms follow AP style as used by AFP's English wire: commas between
thousands ("2,500", also in four-digit numbers other than years), a decimal
point ("4.9"), the 12-hour clock with lower-case "a.m."/"p.m." and no ":00"
("5 p.m.", "5:30 p.m."), "noon" and "midnight", and dates as "December 15, 2022"
with the month spelled out (the style of AFP's English copy; AP would abbreviate
to "Dec. 15, 2022", which these rules also accept since they never look at English dates).
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .data import table, word_list

#: Spaces French uses between digit groups: ordinary, no-break, narrow no-break, thin.
GROUP_SPACES = " \u00a0\u202f\u2009"
#: One digit-group space, as a regex class.
G = f"[{GROUP_SPACES}]"
#: Spaces between a number and its unit or suffix: ordinary, no-break, narrow no-break.
SP = "[ \u00a0\u202f]"

ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
SPACE_NAMES = {" ": "a space", "\u00a0": "a no-break space", "\u202f": "a narrow no-break space",
                "\u2009": "a thin space"}


# --------------------------------------------------------------------------- conversions


@lru_cache(maxsize=None)
def months() -> dict[str, tuple[str, int]]:
    return {row[0]: (row[1], int(row[2])) for row in table("numbers_french_months.tsv")}


@lru_cache(maxsize=None)
def weekdays() -> dict[str, str]:
    return {row[0]: row[1] for row in table("numbers_french_weekdays.tsv")}


@lru_cache(maxsize=None)
def label_words() -> frozenset[str]:
    return frozenset(word_list("numbers_label_words.txt"))


def french_month_to_english(name: str) -> str | None:
    """'janvier' / 'Février' / 'aout' -> 'January' / 'February' / 'August'; None if not a French month."""
    hit = months().get(name.strip().lower())
    return hit[0] if hit else None


def french_weekday_to_english(name: str) -> str | None:
    """'lundi' / 'Dimanche' -> 'Monday' / 'Sunday'; None if not a French weekday."""
    return weekdays().get(name.strip().lower())


def month_number(name: str) -> int | None:
    """The month number of a French or English month name ('mars', 'March', 'Mar.' -> 3)."""
    key = name.strip().lower().rstrip(".")
    if key in months():
        return months()[key][1]
    for i, month in enumerate(ENGLISH_MONTHS, start=1):
        if key == month.lower() or (len(key) >= 3 and month.lower().startswith(key) and key != "ma"):
            return i
    return None


def group_thousands(digits: str) -> str:
    """'2500' -> '2,500'; '12500000' -> '12,500,000' (digits only)."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return ",".join(parts)


_FRENCH_NUMBER_RE = re.compile(
    rf"^([+\-\u2212]?)(\d{{1,3}}(?:{G}\d{{3}})+|\d+)(?:,(\d+))?(?:{G}?(%))?$"
)


def french_number_to_english(text: str) -> str | None:
    """A French-formatted number in English form, or None if ``text`` is not one.

    '2 500' -> '2,500', '12 500 000' -> '12,500,000', '4,9' -> '4.9', '4,9 %' -> '4.9%',
    '2 500,75' -> '2,500.75', '12500' -> '12,500'. A bare four-digit integer ('2020')
    is left as it is: it may be a year, which English writes without a comma.
    """
    m = _FRENCH_NUMBER_RE.match(text.strip())
    if not m:
        return None
    sign, integer, decimals, percent = m.groups()
    digits = re.sub(G, "", integer)
    grouped = digits != integer or len(digits) > 4 or decimals is not None
    out = group_thousands(digits) if grouped else digits
    if decimals is not None:
        out += "." + decimals
    return ("-" if sign else "") + out + (percent or "")


def parse_number(text: str, lang: str = "fr") -> Decimal | None:
    """The value of a number written the French ('fr') or English ('en') way, or None.

    French: space-like thousands separators, decimal comma ('2 500', '4,9 %').
    English: comma thousands separators, decimal point ('2,500', '4.9%').
    A percent sign is ignored, so '4,9 %' and '4.9%' both give 4.9.
    """
    s = text.strip().replace("\u2212", "-")
    if s.endswith("%"):
        s = s[:-1].rstrip(GROUP_SPACES)
    if lang == "fr":
        if not re.fullmatch(rf"[+-]?(?:\d{{1,3}}(?:{G}\d{{3}})+|\d+)(?:,\d+)?", s):
            return None
        s = re.sub(G, "", s).replace(",", ".")
    elif lang == "en":
        if not re.fullmatch(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+", s):
            return None
        s = s.replace(",", "")
    else:
        raise ValueError(f"lang must be 'fr' or 'en', not {lang!r}")
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - the patterns above only pass valid numbers
        return None


def english_time(hour: int, minute: int | None = None) -> str:
    """A 24-hour clock time in AP style: (17, 30) -> '5:30 p.m.', (9, 0) -> '9 a.m.',
    (12, 0) -> 'noon', (0, 0) -> 'midnight', (0, 30) -> '12:30 a.m.'."""
    if not 0 <= hour <= 23 or not (minute is None or 0 <= minute <= 59):
        raise ValueError(f"not a clock time: {hour}:{minute}")
    if not minute:
        if hour == 0:
            return "midnight"
        if hour == 12:
            return "noon"
    h12 = hour % 12 or 12
    suffix = "a.m." if hour < 12 else "p.m."
    return f"{h12}:{minute:02d} {suffix}" if minute else f"{h12} {suffix}"


_FRENCH_TIME_RE = re.compile(rf"^(\d{{1,2}}){SP}?[hH](?:{SP}?(\d{{2}}))?$")
_ENGLISH_TIME_RE = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\.?$", re.I)


def parse_french_time(text: str) -> tuple[int, int | None] | None:
    """'17h30' / '17 h 30' / '17H' -> (17, 30) / (17, 30) / (17, None); None if not a clock time."""
    m = _FRENCH_TIME_RE.match(text.strip())
    if not m:
        return None
    hour, minute = int(m.group(1)), (int(m.group(2)) if m.group(2) else None)
    if hour > 23 or (minute is not None and minute > 59):
        return None
    return hour, minute


def french_time_to_english(text: str) -> str | None:
    """'16h30' -> '4:30 p.m.', '9h' -> '9 a.m.', '12h00' -> 'noon'; None if not a French time."""
    parsed = parse_french_time(text)
    return english_time(*parsed) if parsed else None


def parse_english_time(text: str) -> tuple[int, int] | None:
    """'4:30 p.m.' -> (16, 30), '9 a.m.' -> (9, 0), 'noon' -> (12, 0), 'midnight' -> (0, 0)."""
    s = text.strip().lower()
    if s in ("noon", "midday"):
        return 12, 0
    if s == "midnight":
        return 0, 0
    m = _ENGLISH_TIME_RE.match(s)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if m.group(3) == "p" else 0)
    return hour, minute


def english_date(day: int, month: int, year: int | None = None, weekday: str | None = None) -> str:
    """(3, 1, 2020) -> 'January 3, 2020'; (9, 12) -> 'December 9'; with weekday 'Monday, January 3, 2020'."""
    if year is not None:
        _dt.date(year, month, day)  # raises ValueError on an impossible date
    elif not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(f"not a date: {day}/{month}")
    out = f"{ENGLISH_MONTHS[month - 1]} {day}"
    if year is not None:
        out += f", {year}"
    return f"{weekday}, {out}" if weekday else out


_NUMERIC_DATE_RE = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")


def french_date_to_english(text: str) -> str | None:
    """A French date in English form, or None if ``text`` is not one.

    '3 janvier 2020' -> 'January 3, 2020', '1er mai' -> 'May 1',
    'lundi 3 janvier 2022' -> 'Monday, January 3, 2022', '15/12/2022' -> 'December 15, 2022'
    (numeric dates are read day first, as French writes them).
    """
    s = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    m = _NUMERIC_DATE_RE.match(s)
    try:
        if m:
            return english_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        parts = s.split(" ")
        weekday = french_weekday_to_english(parts[0]) if parts else None
        if weekday:
            parts = parts[1:]
        if len(parts) not in (2, 3):
            return None
        day = 1 if parts[0].lower() in ("1er", "premier") else (int(parts[0]) if parts[0].isdigit() else None)
        month = months().get(parts[1].lower())
        year = int(parts[2]) if len(parts) == 3 and re.fullmatch(r"\d{4}", parts[2]) else None
        if day is None or month is None or (len(parts) == 3 and year is None):
            return None
        return english_date(day, month[1], year, weekday)
    except ValueError:
        return None


@lru_cache(maxsize=None)
def month_weekday_pattern() -> re.Pattern:
    names = sorted(set(months()) | set(weekdays()), key=lambda s: (-len(s), s))
    return re.compile(rf"(?<![\w@#/.])({'|'.join(map(re.escape, names))})(?![\w@]|\.\w)", re.I)


def case_like(word: str, english: str) -> str:
    return english.upper() if word.isupper() and len(word) > 1 else english


# --------------------------------------------------------------------------- rules


_PREV_WORD = re.compile(rf"(\w+|[-–—])\.?{SP}*$")
#: Words that chain two numbers, times or dates ("from 9h to 17h", "lundi et mardi").
CHAIN_WORDS = frozenset({"to", "and", "or", "et", "ou", "au", "à", "-", "–", "—"})


def prev_word(text: str, start: int) -> str:
    """The word (or dash) just before ``start``, lowercased ("" if none)."""
    m = _PREV_WORD.search(text, max(0, start - 24), start)
    return m.group(1).lower() if m else ""

