"""The numbers, clock times and dates of a segment, read into keys both languages share.

``source_numbers`` reads French and ``translation_numbers`` English (French formats
left in it are read too) into comparable keys (``n:2500``, ``t:16:30``, ``d:3/1``)::

    source_numbers("2 500 soldats, 4,9 %, 16h30, 3 janvier 2020")
    translation_numbers("2,500 soldiers, 4.9 percent, 4:30 p.m., January 3, 2020")

give the same keys. A number written in digits must have a counterpart; number
words ("douze", "twelve", "second") only serve as counterparts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from .data import table
from .numbers import (
    ENGLISH_MONTHS,
    G,
    SP,
    english_date,
    english_time,
    french_number_to_english,
    month_number,
    parse_number,
)
from .ordinals import english_ordinal, roman_to_int
from .sentences import debris_token_spans




@dataclass(frozen=True)
class NumberMention:
    """A number, time or date found in a segment.

    ``keys`` are what the mention offers the other side; it has a counterpart
    when one of its ``needs`` is a subset of the other side's keys. ``hard``
    mentions (written in digits) must have a counterpart; soft ones (number
    words, month names) only serve as counterparts. ``english`` is how the
    value reads in English, for messages and suggestions.
    """

    start: int
    end: int
    text: str
    keys: frozenset[str]
    needs: tuple[frozenset[str], ...]
    hard: bool
    english: str

    @property
    def kind(self) -> str:
        """t (a time), d (a date), n (a number) or s (a code compared as written)."""
        prefixes = {k[0] for k in self.keys}
        return next((p for p in "tdns" if p in prefixes), "n")

    def matched_by(self, keys: frozenset[str] | set[str]) -> bool:
        return any(need <= keys for need in self.needs)


def _num_key(value: Decimal) -> str:
    return "n:" + format(abs(value).normalize(), "f")


@lru_cache(maxsize=None)
def _number_words(lang: str) -> dict[str, int]:
    return {row[0]: int(row[1]) for row in table(f"fidelity_number_words_{lang}.tsv")}




@lru_cache(maxsize=None)
def _multipliers(lang: str) -> dict[str, int]:
    """Words (and abbreviations) that multiply the number before them, in ``lang`` (fidelity_multipliers.tsv)."""
    return {row[0]: 10 ** int(row[2]) for row in table("fidelity_multipliers.tsv") if row[1] in (lang, "both")}


@lru_cache(maxsize=None)
def _multiplier_re(lang: str) -> re.Pattern:
    words = sorted(_multipliers(lang), key=lambda w: (-len(w), w))
    return re.compile(rf"{SP}*({'|'.join(words)})(?!\w)", re.I)


_MULTIPLIER_EN = {10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}
_CURRENCY_SUFFIX_RE = re.compile(r"(m|bn)(?!\w)")

_NUMBER_RE = re.compile(
    rf"(?<![\w.,])(?:(?<!\d{G})\d{{1,3}}(?:{G}\d{{3}})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)*)"
)
_ORDINAL_SUFFIX_RE = re.compile(r"(?:er|re|ème|eme|e|st|nd|rd|th)(?![\w])")
_ROMAN_ORDINAL_RE = re.compile(r"(?<![\w])([IVXLC]{2,}|[IVX])(?:e|er|ème|eme)(?![\w])")
_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
# French clock times, as TQ403 reads them: 16h30, 16 h 30, 9h, 12H00.
_FRENCH_TIME_RE = re.compile(rf"(?<![\w.,:/])(\d{{1,2}}){SP}?[hH](?:{SP}?(\d{{2}}))?(?!\w|-[^\W\d_]|/)")
_AMPM_RE = re.compile(rf"(?<![\w.,:])(\d{{1,2}})(?:[:.](\d{{2}}))?{SP}*([aApP])\.?{SP}?[mM](?:\.|(?!\w))")
_CLOCK_RE = re.compile(r"(?<![\w.,:])(\d{1,2}):(\d{2})(?![\d:])")
_GMT_RE = re.compile(rf"(?<![\w.,:])([01]\d|2[0-3])([0-5]\d){SP}*(?:GMT|UTC)\b")
_NUMERIC_DATE_RE = re.compile(r"(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2((?:18|19|20)\d\d)(?![\w/.-]\d|\d)")
_DECADE_RE = re.compile(r"(?<![\w])['’‘]?(\d)0s(?!\w)")
# "2022-23": a season or fiscal year, the second year shortened (AP style).
_YEAR_RANGE_RE = re.compile(r"(?<![\w.,])((?:19|20)\d\d)[-–/](\d\d)(?![\w.,]?\d)")
# "le 14-Juillet", "le 11-Septembre": a holiday or an event's name; its English name has no number.
_NAMED_DAY_RE = re.compile(r"(?<![\w.,])(\d{1,2})-([A-ZÉ][a-zéû]+)(?!\w)")
# A parenthetical conversion added for English readers: "($110 million)", "(six miles)", "(0830 GMT)".
_CONVERSION_RE = re.compile(
    r"\((?=[^()]*(?:[$£€¥]|\b(?:GMT|UTC|miles?|feet|foot|inch(?:es)?|yards?|pounds?|ounces?|gallons?|"
    r"acres?|Fahrenheit)\b|°F))[^()]{1,80}\)"
)

_KNOCKOUT = {"seizièmes": 32, "huitièmes": 16, "quarts": 8}
_KNOCKOUT_RE = re.compile(r"(?<!\w)(seizièmes|huitièmes|quarts)\s+de\s+finale", re.I)

_EN_MONTHS = "|".join(ENGLISH_MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"


@lru_cache(maxsize=None)
def _french_months() -> str:
    months = {row[0] for row in table("numbers_french_months.tsv")}
    return "|".join(sorted(months, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=None)
def _date_patterns(lang: str) -> tuple[tuple[re.Pattern, bool], ...]:
    """(pattern, month first?) for day-and-month dates; English ones also read French month names."""
    fr = f"(?i:{_french_months()})"
    if lang == "fr":
        return ((re.compile(rf"(?<![\w.,])(1er|1re|premier|\d{{1,2}}){SP}+({fr})(?!\w)"), False),)
    months = f"(?:{_EN_MONTHS}|{fr})"
    month_day = re.compile(rf"(?<![\w])({months}){SP}+(\d{{1,2}})(?:st|nd|rd|th)?(?![\w])")
    day_month = re.compile(
        rf"(?<![\w.,])(\d{{1,2}})(?:st|nd|rd|th|er|e)?(?:{SP}+of)?{SP}+({months})(?!\w)"
    )
    return (month_day, True), (day_month, False)


@lru_cache(maxsize=None)
def _month_name_re(lang: str) -> re.Pattern:
    fr = f"(?i:{_french_months()})"
    return re.compile(rf"(?<![\w])({fr})(?!\w)" if lang == "fr" else rf"(?<![\w])({_EN_MONTHS}|{fr})(?!\w)")


def _word_value(word: str, lang: str) -> int | None:
    """'douze' -> 12, 'vingt-sept' -> 27, 'quatre-vingt-dix' -> 90, 'twenty-one' -> 21; None otherwise."""
    words = _number_words(lang)
    parts = [p for p in word.lower().split("-") if p not in ("et", "and")]
    for n, p in enumerate(parts):  # "five-year", "deux-roues": the leading number words
        if p not in words:
            parts = parts[:n]
            break
    if not parts:
        return None
    total = 0
    for p in parts:
        v = words[p]
        if 0 < total < v and (v in (100, 1000) or (v == 20 and lang == "fr")):  # quatre-vingts, deux-cents
            total *= v
        else:
            total += v
    return total


class _Scanner:
    """Finds mentions in order of precedence; what one extractor takes, later ones do not see."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.work = text
        self.found: list[NumberMention] = []

    def take(self, start: int, end: int, keys, needs, hard: bool, english: str) -> None:
        self.found.append(NumberMention(
            start, end, self.text[start:end], frozenset(keys), tuple(frozenset(n) for n in needs), hard, english,
        ))
        self.work = self.work[:start] + "\x00" * (end - start) + self.work[end:]

    def finditer(self, pattern: re.Pattern) -> Iterator[re.Match]:
        # Matches are taken against the text as it was when the scan started, so a
        # take() during the loop cannot shift offsets; skip what an earlier extractor took.
        snapshot = self.work
        for m in pattern.finditer(snapshot):
            if "\x00" not in self.work[m.start():m.end()]:
                yield m

    def multiplier(self, end: int) -> tuple[int, int]:
        m = _multiplier_re(self.lang).match(self.work, end)
        if m:
            return _multipliers(self.lang)[m.group(1).lower()], m.end()
        if end > 0 and self.work[end - 1].isdigit():
            start = end - 1
            while start > 0 and (self.work[start - 1].isdigit() or self.work[start - 1] in ".,"):
                start -= 1
            if start > 0 and self.work[start - 1] in "$€£":
                c = _CURRENCY_SUFFIX_RE.match(self.work, end)
                if c:
                    return (10**6 if c.group(1) == "m" else 10**9), c.end()
        return 1, end


def _time_keys(hour: int, minute: int) -> tuple[set, list]:
    key = f"t:{hour}:{minute:02d}"
    numbers = {f"n:{hour}"} | ({f"n:{minute}"} if minute else set())
    return {key} | numbers, [{key}, numbers]


def _valid_date(day: int, month: int, year: int) -> bool:
    try:
        english_date(day, month, year)
    except ValueError:
        return False
    return True


def _dates(sc: _Scanner, lang: str) -> None:
    if lang == "fr":
        for m in sc.finditer(_NAMED_DAY_RE):
            month = month_number(m.group(2))
            if month:
                day = int(m.group(1))
                sc.take(m.start(), m.end(), {f"d:{day}/{month}", f"n:{day}", f"m:{month}"}, [], False, m.group(0))
    for m in sc.finditer(_NUMERIC_DATE_RE):
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        orders = [(a, b)] if lang == "fr" else [(a, b), (b, a)]
        orders = [(d, mo) for d, mo in orders if _valid_date(d, mo, year)]
        if not orders:
            continue
        keys = {f"d:{d}/{mo}" for d, mo in orders} | {f"n:{year}"} | {f"m:{mo}" for _, mo in orders}
        needs = [{f"d:{d}/{mo}", f"n:{year}"} for d, mo in orders]
        d, mo = orders[0]
        sc.take(m.start(), m.end(), keys, needs, True, english_date(d, mo, year))
    for pattern, month_first in _date_patterns(lang):
        for m in sc.finditer(pattern):
            day_text, month_text = (m.group(2), m.group(1)) if month_first else (m.group(1), m.group(2))
            day = 1 if day_text.lower() in ("1er", "1re", "premier") else int(day_text)
            month = month_number(month_text)
            if month is None or not 1 <= day <= 31:
                continue
            keys = {f"d:{day}/{month}", f"n:{day}", f"m:{month}"}
            sc.take(m.start(), m.end(), keys, [{f"d:{day}/{month}"}, {f"n:{day}", f"m:{month}"}], True,
                    english_date(day, month))
    for m in sc.finditer(_month_name_re(lang)):
        month = month_number(m.group(1))
        if month and (lang == "fr" or m.group(1)[0].isupper()):
            sc.take(m.start(), m.end(), {f"m:{month}"}, [], False, ENGLISH_MONTHS[month - 1])


def _times(sc: _Scanner, lang: str) -> None:
    if lang == "en":
        for m in sc.finditer(_AMPM_RE):
            h12, minute = int(m.group(1)), int(m.group(2) or 0)
            if not 1 <= h12 <= 12 or minute > 59:
                continue
            hour = h12 % 12 + (12 if m.group(3).lower() == "p" else 0)
            keys, needs = _time_keys(hour, minute)
            sc.take(m.start(), m.end(), keys | {f"n:{h12}"}, needs[:1], True, english_time(hour, minute))
        for m in sc.finditer(_GMT_RE):
            hour, minute = int(m.group(1)), int(m.group(2))
            keys, needs = _time_keys(hour, minute)
            sc.take(m.start(), m.start(2) + 2, keys | {f"n:{m.group(1)}{m.group(2)}"}, needs[:1], True,
                    english_time(hour, minute))
    for m in sc.finditer(_CLOCK_RE):  # 16:30 (French writes it too), 4:30 (English: a.m. or p.m.)
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour > 23 or minute > 59:
            continue
        hours = [hour] + ([hour + 12] if lang == "en" and 1 <= hour < 12 else [])
        keys = set().union(*(_time_keys(h, minute)[0] for h in hours))
        sc.take(m.start(), m.end(), keys, [{f"t:{h}:{minute:02d}"} for h in hours], True,
                english_time(hour, minute))
    for m in sc.finditer(_FRENCH_TIME_RE):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour > 23 or minute > 59:
            continue
        keys, needs = _time_keys(hour, minute)
        sc.take(m.start(), m.end(), keys, needs, True, english_time(hour, minute or None))
    words = (("midi", 12), ("minuit", 0)) if lang == "fr" else (("noon", 12), ("midday", 12), ("midnight", 0))
    for word, hour in words:
        for m in sc.finditer(re.compile(rf"(?<!\w){word}(?!\w)", re.I)):
            sc.take(m.start(), m.end(), {f"t:{hour}:00"}, [], False, english_time(hour))


def _numbers(sc: _Scanner, lang: str) -> None:
    if lang == "en":
        for m in sc.finditer(_DECADE_RE):
            if m.group(0)[0].isdigit():
                continue  # "1990s" is a number; this is "’90s" / "'90s"
            d = int(m.group(1)) * 10
            sc.take(m.start(), m.end(), {f"n:{1900 + d}", f"n:{2000 + d}", f"n:{d}"}, [], False, m.group(0))
    for m in sc.finditer(_YEAR_RANGE_RE):
        first = int(m.group(1))
        second = first // 100 * 100 + int(m.group(2))
        if first < second <= first + 10:
            keys = {f"n:{first}", f"n:{second}"}
            sc.take(m.start(), m.end(), keys, [keys], True, f"{first}-{m.group(2)}")
    for m in sc.finditer(_ROMAN_ORDINAL_RE):
        value = roman_to_int(m.group(1), strict=False)
        if value:
            sc.take(m.start(), m.end(), {f"n:{value}"}, [{f"n:{value}"}], True, english_ordinal(value))
    other = "en" if lang == "fr" else "fr"
    for m in sc.finditer(_NUMBER_RE):
        raw = m.group(0)
        value = parse_number(raw, lang)
        if value is None:
            value = parse_number(raw, other)
        factor, end = sc.multiplier(m.end())
        if value is None:  # "1.2.3": compare as written
            key = "s:" + raw
            sc.take(m.start(), m.end(), {key}, [{key}], True, raw)
            continue
        key = _num_key(value * factor)
        english = (french_number_to_english(raw) or raw) if lang == "fr" else raw
        if factor > 1:
            english += " " + _MULTIPLIER_EN[factor]
        else:
            suffix = _ORDINAL_SUFFIX_RE.match(sc.work, end)
            if suffix and raw.isdigit():  # 2e, 1er, 3ème, 21st: the span takes the suffix
                end = suffix.end()
                english = english_ordinal(int(raw)) if lang == "fr" else sc.text[m.start():end]
        sc.take(m.start(), end, {key}, [{key}], True, english)
    if lang == "fr":  # "huitièmes de finale": the last 16
        for m in sc.finditer(_KNOCKOUT_RE):
            sc.take(m.start(), m.end(), {f"n:{_KNOCKOUT[m.group(1).lower()]}"}, [], False, m.group(0))
    for m in sc.finditer(_WORD_RE):
        value = _word_value(m.group(0), lang)
        if value is None:
            continue
        factor, end = sc.multiplier(m.end())
        sc.take(m.start(), end, {_num_key(Decimal(value * factor))}, [], False, str(value * factor))


_ENTITY_RE = re.compile(r"&#?\w+;")


def _mentions(text: str, lang: str) -> list[NumberMention]:
    sc = _Scanner(text, lang)
    # &#39; is markup (TQ805) and "source site-593756" debris (TQ804), not numbers of the article
    sc.work = _ENTITY_RE.sub(lambda m: "\x00" * len(m.group(0)), text)
    for start, end in debris_token_spans(text):
        sc.work = sc.work[:start] + "\x00" * (end - start) + sc.work[end:]
    _dates(sc, lang)
    _times(sc, lang)
    _numbers(sc, lang)
    found = sc.found
    if lang == "en":  # conversions for English readers need no counterpart in the source
        spans = [m.span() for m in _CONVERSION_RE.finditer(text)]
        found = [replace(m, hard=False) if any(a <= m.start and m.end <= b for a, b in spans) else m
                 for m in found]
    return sorted(found, key=lambda m: m.start)


def source_numbers(text: str) -> list[NumberMention]:
    """Numbers, times and dates of a French text."""
    return _mentions(text, "fr")


def translation_numbers(text: str) -> list[NumberMention]:
    """Numbers, times and dates of an English text (French formats left in it are read too)."""
    return _mentions(text, "en")


def number_mismatches(source: str, translation: str) -> tuple[list[NumberMention], list[NumberMention]]:
    """``(missing, added)``: source numbers with no counterpart in the translation, and the reverse."""
    src, mt = source_numbers(source), translation_numbers(translation)
    src_keys = frozenset().union(*(m.keys for m in src)) if src else frozenset()
    mt_keys = frozenset().union(*(m.keys for m in mt)) if mt else frozenset()
    missing = _distinct([m for m in src if m.hard and not m.matched_by(mt_keys)])
    added = _distinct([m for m in mt if m.hard and not m.matched_by(src_keys)])
    return missing, added


def _distinct(mentions: list[NumberMention]) -> list[NumberMention]:
    seen, out = set(), []
    for m in mentions:
        if m.keys not in seen:
            seen.add(m.keys)
            out.append(m)
    return out
