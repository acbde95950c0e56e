"""TQ902-TQ914: the translation against its French source and its references.

Against the references (TQ902, TQ903): runs of reference words with no counterpart
in the translation, and the other way round, found with difflib opcodes over
tokens. Against the source (TQ911-TQ914): numbers, times and dates must carry over
in their English form; names must carry over; a segment must not be a copy of its
source; and its length must be in line with the document's usual ratio.

The number check reads both languages into comparable keys (``n:2500``,
``t:16:30``, ``d:3/1``), reusing the conversions of ``rules/numbers.py``::

    source_numbers("2 500 soldats, 4,9 %, 16h30, 3 janvier 2020")
    translation_numbers("2,500 soldiers, 4.9 percent, 4:30 p.m., January 3, 2020")

give the same keys. A number written in digits must have a counterpart; number
words ("douze", "twelve", "second") only serve as counterparts and are never
reported themselves.
"""
from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from statistics import median
from typing import Iterable, Iterator

from ..model import Document, Segment, Severity
from ..registry import Context, DocumentRule, Rule, SegmentRule, register, select_rules
from ._data import table, word_list
from .names import _fold, distinct, name_candidates, name_key
from .numbers import (
    ENGLISH_MONTHS,
    GROUP_SPACES,
    english_date,
    english_time,
    french_number_to_english,
    month_number,
    parse_number,
)
from .ordinals import english_ordinal
from .sentences import debris_token_spans, is_debris_line


def article_pairs(doc: Document) -> Iterator[tuple[int, Segment, str]]:
    """``(i, segment, source text)`` for each aligned pair; scraping-debris lines (either side)
    are left out: they are TQ804's, not the article's."""
    for i, seg in enumerate(doc.segments):
        src = doc.source.segments[i].text
        if not (is_debris_line(src) or is_debris_line(seg.text)):
            yield i, seg, src


_G = f"[{GROUP_SPACES}]"
_SP = "[ \u00a0\u202f]"

# =========================================================================== numbers


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


_MULTIPLIERS = {
    "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9, "md": 10**9, "mds": 10**9,
    "mrd": 10**9, "mrds": 10**9, "billion": 10**9, "billions": 10**9, "bn": 10**9, "trillion": 10**12,
    "trillions": 10**12, "mille": 10**3, "thousand": 10**3,
}
_MULTIPLIER_EN = {10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}
_MULTIPLIER_RE = re.compile(rf"{_SP}*({'|'.join(sorted(_MULTIPLIERS, key=lambda w: (-len(w), w)))})(?!\w)", re.I)
_CURRENCY_SUFFIX_RE = re.compile(r"(m|bn)(?!\w)")

_NUMBER_RE = re.compile(
    rf"(?<![\w.,])(?:(?<!\d{_G})\d{{1,3}}(?:{_G}\d{{3}})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)*)"
)
_ORDINAL_SUFFIX_RE = re.compile(r"(?:er|re|ème|eme|e|st|nd|rd|th)(?![\w])")
_ROMAN_ORDINAL_RE = re.compile(r"(?<![\w])([IVXLC]{2,}|[IVX])(?:e|er|ème|eme)(?![\w])")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
# French clock times, as TQ403 reads them: 16h30, 16 h 30, 9h, 12H00.
_FRENCH_TIME_RE = re.compile(rf"(?<![\w.,:/])(\d{{1,2}}){_SP}?[hH](?:{_SP}?(\d{{2}}))?(?!\w|-[^\W\d_]|/)")
_AMPM_RE = re.compile(rf"(?<![\w.,:])(\d{{1,2}})(?:[:.](\d{{2}}))?{_SP}*([aApP])\.?{_SP}?[mM](?:\.|(?!\w))")
_CLOCK_RE = re.compile(r"(?<![\w.,:])(\d{1,2}):(\d{2})(?![\d:])")
_GMT_RE = re.compile(rf"(?<![\w.,:])([01]\d|2[0-3])([0-5]\d){_SP}*(?:GMT|UTC)\b")
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
        return ((re.compile(rf"(?<![\w.,])(1er|1re|premier|\d{{1,2}}){_SP}+({fr})(?!\w)"), False),)
    months = f"(?:{_EN_MONTHS}|{fr})"
    month_day = re.compile(rf"(?<![\w])({months}){_SP}+(\d{{1,2}})(?:st|nd|rd|th)?(?![\w])")
    day_month = re.compile(
        rf"(?<![\w.,])(\d{{1,2}})(?:st|nd|rd|th|er|e)?(?:{_SP}+of)?{_SP}+({months})(?!\w)"
    )
    return (month_day, True), (day_month, False)


@lru_cache(maxsize=None)
def _month_name_re(lang: str) -> re.Pattern:
    fr = f"(?i:{_french_months()})"
    return re.compile(rf"(?<![\w])({fr})(?!\w)" if lang == "fr" else rf"(?<![\w])({_EN_MONTHS}|{fr})(?!\w)")


def _roman(text: str) -> int | None:
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN[c]
        total += -v if i + 1 < len(text) and _ROMAN[text[i + 1]] > v else v
    return total if 0 < total < 400 else None


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

    def __init__(self, text: str) -> None:
        self.text = text
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
        m = _MULTIPLIER_RE.match(self.work, end)
        if m:
            return _MULTIPLIERS[m.group(1).lower()], m.end()
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
        value = _roman(m.group(1))
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
    sc = _Scanner(text)
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


# =========================================================================== shared helpers


def _whole(seg: Segment) -> tuple[int, int]:
    start = len(seg.text) - len(seg.text.lstrip())
    return start, len(seg.text.rstrip())


def _quote(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@register
class SourceNumberMismatch(Rule):
    """A number, time or date of the source missing from the translation, changed, or added.

    Every number written in digits in the French source (amounts, percentages,
    clock times, dates, ordinals such as "2e" and "XXIe") must appear in the
    translation in its English form, and the translation must add none:
    "2 500" = "2,500", "4,9 %" = "4.9%" or "4.9 percent", "16h30" = "4:30 p.m."
    or "16:30", "3 janvier 2020" = "January 3, 2020", "2,5 milliards" = "2.5
    billion", "2e" = "2nd" or "second", "XXIe" = "21st", "les années 1990" =
    "the ’90s". Number words ("douze", "twelve", up to twenty and the tens)
    count as counterparts but are never reported themselves. Each distinct
    value needs one counterpart in the segment (repetitions are not counted).
    A changed number is reported on the translation's value, naming both; a
    dropped one on the whole segment.

    Flag: some 2,000 soldiers were deployed <<< quelque 2 500 soldats ont été déployés
    Flag: prices rose 4.6 percent <<< les prix ont augmenté de 4,9 %
    Flag: the attack on January 3 killed 12 people <<< l'attaque du 3 janvier 2020 a fait douze morts
    Flag: the meeting starts at 5:30 p.m. with 40 delegates <<< la réunion commence à 17h30
    Okay: some 2,500 soldiers and 1,000 contractors <<< quelque 2 500 soldats et 1 000 sous-traitants
    Okay: prices rose 4.9 percent, or 4.9% in March <<< les prix ont augmenté de 4,9 % en mars
    Okay: at 4:30 p.m., or 16:30, on January 3, 2020 <<< à 16h30 le 3 janvier 2020
    Okay: twelve died on the second anniversary, 12 in all <<< 12 morts pour le 2e anniversaire, douze au total
    Okay: in the 21st century, as in the ’90s, $2.5 billion <<< au XXIe siècle, comme dans les années 1990, 2,5 milliards de dollars
    """

    code = "TQ911"
    name = "source-number-mismatch"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR
    needs = frozenset({"source"})

    def check(self, doc, ctx):
        for _, seg, src in article_pairs(doc):
            missing, added = number_mismatches(src, seg.text)
            yield from self._report(doc, seg, missing, added)

    def _report(self, doc, seg, missing, added):
        added, dropped = list(added), []
        for m in missing:
            partner = next((a for a in added if a.kind == m.kind), None)
            if partner is None:
                dropped.append(m)
                continue
            added.remove(partner)
            yield self.finding(
                doc, seg, partner.start, partner.end,
                f"'{partner.text}' does not match the source's '{m.text}' ('{m.english}' in English): "
                "a number was changed in translation",
                m.english,
            )
        if dropped:  # one finding for the segment: nothing in the translation to point at
            start, end = _whole(seg)
            values = ", ".join(f"'{m.text}' ('{m.english}' in English)" for m in dropped)
            yield self.finding(
                doc, seg, start, end,
                f"the source's {values} {'has' if len(dropped) == 1 else 'have'} no counterpart in the "
                "translation: a number was dropped or changed",
            )
        for a in added:
            yield self.finding(
                doc, seg, a.start, a.end,
                f"'{a.text}' has no counterpart in the source: a number was added or changed in translation",
            )


# =========================================================================== names


# French elisions before a word: l’Irak, d’Abou, qu’Ankara, jusqu’à.
_ELISION_RE = re.compile(r"(?<![\w])(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’](?=[^\W\d_])")
# What may join the words of one name: spaces, hyphens, and lower-case particles (Charles-de-Gaulle,
# Quai d’Orsay once the elision is blanked, Ben Laden, Abou Bakr al-Baghdadi).
_NAME_JOIN_RE = re.compile(
    r"[ \u00a0\-\u2010\u2011]+(?:(?:de|du|des|la|le|al|el|ben|bin|ibn|van|von|der|y)[ \u00a0\-\u2010\u2011]+)?"
)
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# French titles whose full stop is no sentence end: "a promis M. Erdogan".
_TITLE_BEFORE_RE = re.compile(r"(?<!\w)(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste|Gén|Col|Lt)\.?[ \u00a0]+$")
#: Two spellings share a prefix this long (and all but 3 letters of the shorter) -> one name
#: (Américains/Americans, Assemblée/Assembly, Mali/Malian).
NAME_PREFIX_MIN = 4
NAME_PREFIX_SLACK = 3


@dataclass(frozen=True)
class SourceName:
    """A name of the source, and the spellings that count as carrying it over.

    ``own`` are its words, folded; ``forms`` adds the English words
    untranslated_exonyms.tsv gives (compared like names: transliteration key,
    shared stem); ``phrases`` are English forms from fidelity_name_forms.tsv,
    matched as written (US, U.S., Washington; a plural s is allowed).
    """

    text: str
    own: frozenset[str]
    forms: frozenset[str]
    phrases: tuple[str, ...] = ()


def _split_folded(text: str) -> str:
    return " ".join(_fold(w) for w in re.split(r"[\s\-\u2010\u2011\u00a0]+", text) if _fold(w))


@lru_cache(maxsize=1)
def _exonyms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(folded French form, folded English words), longest first: 'etats unis' -> ('united', 'states')."""
    rows = {}
    for row in table("untranslated_exonyms.tsv"):
        english = tuple(w for w in _split_folded(row[1]).split() if len(w) >= 3)
        if english:
            rows[_split_folded(row[0])] = english
    return tuple(sorted(rows.items(), key=lambda kv: (-len(kv[0]), kv[0])))


@lru_cache(maxsize=1)
def _name_forms() -> tuple[tuple[re.Pattern, tuple[str, ...]], ...]:
    """(pattern over a folded name, English phrases): 'francais' -> ('French', 'France')."""
    out = []
    for row in table("fidelity_name_forms.tsv"):
        key = re.escape(_split_folded(row[0]))
        # plural and feminine endings of demonyms: Allemands, Allemande, Européennes
        out.append((re.compile(rf"(?<!\S){key}(?:e|ne)?s?(?!\S)"), tuple(p.strip() for p in row[1].split("|"))))
    return tuple(out)


@lru_cache(maxsize=None)
def _phrase_re(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<![\w.]){re.escape(phrase)}(?:s|es)?(?![\w])")


@lru_cache(maxsize=1)
def _french_function_words() -> frozenset[str]:
    return frozenset(word_list("untranslated_foreign_markers.txt"))


def _blank_elisions(text: str) -> tuple[str, set[int]]:
    """The text with elisions blanked (same length), and where the elided words start."""
    starts = set()

    def blank(m):
        starts.add(m.end())
        return " " * len(m.group(0))

    return _ELISION_RE.sub(blank, text), starts


def source_names(text: str) -> list[SourceName]:
    """The names of a French segment: runs of capitalised words, one entry per name.

    A lone capitalised word at a sentence start is skipped (any word is
    capitalised there), unless it follows an elision ("L’Autriche"); so are
    French function words there ("Les", "Selon").
    """
    blanked, after_elision = _blank_elisions(text)
    runs: list[list[tuple[int, int, str, bool]]] = []
    for start, end, spelling, initial in name_candidates(blanked):
        initial = initial and start not in after_elision and not _TITLE_BEFORE_RE.search(blanked, 0, start)
        if initial and spelling.lower() in _french_function_words():
            continue
        if runs and _NAME_JOIN_RE.fullmatch(blanked, runs[-1][-1][1], start):
            runs[-1].append((start, end, spelling, initial))
        else:
            runs.append([(start, end, spelling, initial)])
    return [
        _source_name(text[run[0][0]:run[-1][1]], tuple(s for _, _, s, _ in run))
        for run in runs
        if not (len(run) == 1 and run[0][3])
    ]


@lru_cache(maxsize=16384)
def _source_name(surface: str, spellings: tuple[str, ...]) -> SourceName:
    """The SourceName for one run of capitalised words (names recur: computed once each)."""
    own = frozenset(f for f in (_fold(s) for s in spellings) if f)
    forms = set(own)
    folded = _split_folded(surface)
    for french, english in _exonyms():
        if re.search(rf"(?<!\S){re.escape(french)}(?!\S)", folded):
            forms.update(english)
        elif " " not in french and len(french) >= 4 and len(english) == 1:
            for word in own:  # demonyms: Irakiens -> Iraqiens, which meets Iraqis
                if word.startswith(french) and word != french:
                    forms.add(english[0] + word[len(french):])
    phrases = tuple(p for pattern, ps in _name_forms() if pattern.search(folded) for p in ps)
    return SourceName(surface, own, frozenset(forms), phrases)


@lru_cache(maxsize=1)
def _distinct_stems() -> frozenset[frozenset[str]]:
    return frozenset(frozenset((_fold(r[0]), _fold(r[1]))) for r in table("fidelity_names_distinct.tsv"))


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


@lru_cache(maxsize=65536)
def _same_word(a: str, b: str) -> bool:
    """Two folded words that may be one name in two languages or spellings."""
    if distinct(a, b) or frozenset((_singular(a), _singular(b))) in _distinct_stems():
        return False
    if a == b or name_key(a) == name_key(b):
        return True
    prefix = len(_common_prefix(a, b))
    return prefix >= max(NAME_PREFIX_MIN, min(len(a), len(b)) - NAME_PREFIX_SLACK)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _tokens(text: str) -> list[tuple[str, str]]:
    """(surface, folded) for each word part of ``text`` (hyphens split, possessives dropped)."""
    out = []
    for m in _TOKEN_RE.finditer(text.replace("\u2019", "'")):
        word = re.sub(r"'s$", "", m.group(0))
        for part in re.split(r"[-\u2010\u2011]", word):
            folded = _fold(part)
            if len(folded) >= 3:
                out.append((part, folded))
    return out


def carried(name: SourceName, text: str, capitalised: bool = False, own_only: bool = False) -> str | None:
    """The word or phrase of ``text`` that carries ``name`` over, or None.

    With ``capitalised``, only capitalised words count (a reference that writes
    the word in lower case does not treat it as a name); with ``own_only``, only
    the name's own spelling (not its English forms).
    """
    forms = name.own if own_only else name.forms
    for surface, folded in _tokens(text):
        if capitalised and not surface[:1].isupper():
            continue
        if any(_same_word(form, folded) for form in forms):
            return surface
    if not own_only:
        for phrase in name.phrases:
            m = _phrase_re(phrase).search(text)
            if m:
                return m.group(0)
    return None


@register
class SourceNameMissing(DocumentRule):
    """A name of the source (person, place, organisation) that the translation lost.

    Runs of capitalised words of the French source are names; a name is
    carried over when one of its words appears in the translation under the
    same transliteration key as TQ501's (Hachd = Hashd, Mouhandis = Muhandis),
    in an English form from untranslated_exonyms.tsv (Bagdad = Baghdad) or
    fidelity_name_forms.tsv (Etats-Unis = US, United States or Washington;
    Français = French), or sharing all but its ending (Américains = Americans,
    Irakiens = Iraqis). Dropping a first name ("Qassem Soleimani" ->
    "Soleimani") is not a loss.

    A name is only required when the English side confirms that it is one and
    that it stays: with references, every reference has it as a capitalised
    word (so translated institutions, "Affaires étrangères", "Premier
    ministre", and names a translator may drop are never required); without
    references, the translation itself keeps the name's own spelling,
    capitalised, in another segment (a name MT carries over verbatim).
    Scraping-debris lines are left to TQ804.

    Flag: Soleimani was killed at the airport. ||| Qassem Soleimani was killed at Baghdad airport. <<< Qassem Soleimani a été tué à l'aéroport de Bagdad.
    Flag: The general was killed in Baghdad. <<< Le général Soleimani a été tué à Bagdad.\\nThe Hashd mourned Soleimani. <<< Le Hachd a pleuré Soleimani.
    Okay: Soleimani was killed at Baghdad airport. ||| Qassem Soleimani was killed at Baghdad airport. <<< Qassem Soleimani a été tué à l'aéroport de Bagdad.\\nAbu Mahdi al-Muhandis was with him. ||| Abu Mahdi al-Muhandis was with him. <<< Abou Mehdi al-Mouhandis était avec lui.
    Okay: The Iraqis and the Americans met in the United States. ||| Iraqis and Americans met in the US. <<< Les Irakiens et les Américains se sont réunis aux Etats-Unis.
    Okay: Foreign ministers met the prime minister. ||| The foreign ministers met the prime minister. <<< Les ministres des Affaires étrangères ont rencontré le Premier ministre.
    """

    code = "TQ912"
    name = "source-name-missing"
    category = "accuracy/omission"
    severity = Severity.MAJOR
    needs = frozenset({"source"})

    def feed(self, window, ctx):
        if window.references:  # the references decide, segment by segment
            for i, seg, src in article_pairs(window):
                lost = []
                for name in source_names(src):
                    if not carried(name, seg.text):
                        witness = self._in_references(window, i, name)
                        if witness is not None:
                            lost.append(f"'{name.text}' ({witness})")
                yield from self._report(window, seg, lost)
            return
        # Without references, the translation's own capitalised words decide, in any segment of
        # the document: index them, and keep the names not carried until the last window.
        index = ctx.memo("tq912_capitalised_words", _CapitalisedWords)
        index.add(window.segments)
        pending = ctx.cache.setdefault("tq912_pending", [])
        for _, seg, src in article_pairs(window):
            missing = [name for name in source_names(src) if not carried(name, seg.text)]
            if missing:
                pending.append((seg, missing))

    def end(self, doc, ctx):
        index = ctx.cache.get("tq912_capitalised_words")
        for seg, missing in ctx.cache.pop("tq912_pending", []):
            lost = []
            for name in missing:
                hit = index.first_elsewhere(name.own, seg.index - 1)
                if hit:
                    line, word = hit
                    lost.append(f"'{name.text}' (this translation keeps it as '{word}' on line {line})")
            yield from self._report(doc, seg, lost)

    def _report(self, doc, seg, lost):
        if lost:  # one finding per segment: the span is the whole segment
            start, end = _whole(seg)
            names = "name " + lost[0] if len(lost) == 1 else "names " + ", ".join(dict.fromkeys(lost))
            yield self.finding(
                doc, seg, start, end,
                f"the source's {names} {'is' if len(lost) == 1 else 'are'} missing from the translation "
                "in every spelling and English form: possible omission",
            )

    @staticmethod
    def _in_references(window: Document, i: int, name: SourceName) -> str | None:
        """Why the name must appear (every reference has it), or None when it need not."""
        found = [carried(name, ref.segments[i].text, capitalised=True) for ref in window.references]
        if all(found):
            return "the reference has '" + "', '".join(dict.fromkeys(found)) + "'"
        return None


class _CapitalisedWords:
    """The capitalised words of a translation, indexed for ``carried(..., capitalised=True,
    own_only=True)`` look-ups over all its segments at once.

    ``_same_word`` only matches words with the same transliteration key or the
    same first NAME_PREFIX_MIN letters, so two dictionaries find every candidate;
    each keeps, per distinct word, its first occurrences in two different
    segments (enough to find one outside any given segment). Answers equal
    scanning the segments in order: the earliest segment, then the earliest word.
    """

    def __init__(self) -> None:
        self.by_key: dict[str, dict[str, list]] = {}
        self.by_prefix: dict[str, dict[str, list]] = {}

    def add(self, segments) -> None:
        """Index the next segments of the translation (in document order)."""
        for seg in segments:
            pos = seg.index - 1
            for tpos, (surface, folded) in enumerate(_tokens(seg.text)):
                if not surface[:1].isupper():
                    continue
                entry = (pos, tpos, seg.line, surface)
                buckets = [self.by_key.setdefault(name_key(folded), {})]
                if len(folded) >= NAME_PREFIX_MIN:
                    buckets.append(self.by_prefix.setdefault(folded[:NAME_PREFIX_MIN], {}))
                for bucket in buckets:
                    seen = bucket.setdefault(folded, [])
                    if len(seen) < 2 and all(e[0] != pos for e in seen):
                        seen.append(entry)

    def first_elsewhere(self, forms, skip: int) -> tuple[int, str] | None:
        """``(line, word)`` of the earliest capitalised word outside segment position ``skip``
        that is the same word as one of ``forms``, or None."""
        best = None
        for form in forms:
            buckets = [self.by_key.get(name_key(form), {}), self.by_prefix.get(form[:NAME_PREFIX_MIN], {})]
            for bucket in buckets:
                for folded, entries in bucket.items():
                    entry = next((e for e in entries if e[0] != skip), None)
                    if entry and (best is None or entry[:2] < best[:2]) and _same_word(form, folded):
                        best = entry
        return (best[2], best[3]) if best else None


# =========================================================================== untranslated copies

#: A segment is a copy of its source when this share of its words is unchanged (difflib ratio).
COPY_MIN_RATIO = 0.8
#: ...and the source has at least this many words, this many of them French function words.
COPY_MIN_WORDS = 4
COPY_MIN_FRENCH = 2
_PUNCT_STRIP = ".,;:!?()[]{}«»“”‘’\"'*…—–-"


def _copy_words(text: str) -> list[str]:
    words = []
    for token in text.replace("\u2019", "'").split():
        w = token.strip(_PUNCT_STRIP).casefold()
        if w:
            words.append(w)
    return words


def copy_ratio(source: str, translation: str) -> float:
    """The share of words a translation keeps from its source, in order (difflib ratio)."""
    a, b = _copy_words(source), _copy_words(translation)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio()


def _looks_french(text: str) -> bool:
    french = 0
    for w in _copy_words(text):
        for part in re.split(r"'", w):
            french += part in _french_function_words()
    return french >= COPY_MIN_FRENCH


def _rule_in_force(ctx: Context, code: str) -> bool:
    codes = ctx.memo("rules_in_force", lambda: frozenset(
        r.code for r in select_rules(ctx.config.select, ctx.config.ignore)
    ))
    return code in codes


@register
class SourceCopy(SegmentRule):
    """A segment identical or nearly identical to its French source: left untranslated.

    The translation keeps 80% or more of the source's words in order (difflib
    ratio over words, case and punctuation ignored). Only sources of four words
    or more with at least two French function words are judged, so names,
    agency credits ("Agence France-Presse") and English quotations are never
    flagged; nor are scraping-debris lines (TQ804's), nor segments that TQ601
    already reports as untranslated.

    Flag: L’armée américaine déjoue une attaque de drones <<< L’armée américaine déjoue une attaque de drones
    Flag: Les dirigeants de l’Union européenne se sont mis d’accord lundi sur une stratégy. <<< Les dirigeants de l’Union européenne se sont mis d’accord lundi sur une stratégie.
    Okay: Agence France-Presse <<< Agence France-Presse
    Okay: source site-59 <<< source site-59
    Okay: “Yes we can,” he said in English. <<< « Yes we can », a-t-il dit en anglais.
    Okay: The US army foils a drone attack <<< L’armée américaine déjoue une attaque de drones
    """

    code = "TQ913"
    name = "source-copy"
    category = "accuracy/untranslated"
    severity = Severity.CRITICAL
    needs = frozenset({"source"})

    def check(self, doc, ctx):
        from .untranslated import non_english_verdict

        langid = _rule_in_force(ctx, "TQ601")
        for _, seg, src in article_pairs(doc):
            if len(src.split()) < COPY_MIN_WORDS or not _looks_french(src):
                continue
            ratio = copy_ratio(src, seg.text)
            if ratio < COPY_MIN_RATIO:
                continue
            if langid and non_english_verdict(seg, ctx) is not None:
                continue  # TQ601 reports it
            start, end = _whole(seg)
            how = "identical to its source" if ratio == 1.0 else f"{ratio:.0%} the same words as its source"
            yield self.finding(doc, seg, start, end, f"segment is {how}: it was left untranslated")


# =========================================================================== length against the source

#: Segments whose source has fewer words are not judged (headlines, bylines, credits).
LENGTH_MIN_WORDS = 8
#: Documents with fewer judged segments give no usable ratio.
LENGTH_MIN_SEGMENTS = 5
#: Flag when the segment's length ratio is this far from the document's median ratio
#: (a factor), and at least LENGTH_SPREAD robust standard deviations away.
LENGTH_FACTOR = 1.6
LENGTH_SPREAD = 3.0
MAD_TO_SIGMA = 1.4826


@register
class LengthRatio(DocumentRule):
    """A segment much shorter or longer than its source, for this document's usual ratio.

    English translations of French run about 10% shorter, but the ratio varies
    by text and translator, so each segment's length ratio (characters of the
    translation over characters of the source) is compared with the document's
    own median: a segment 1.6 times shorter or longer than that, and three
    robust standard deviations away, is a likely omission or addition. Only
    segments whose source has eight words or more are judged, in documents
    with at least five of them; scraping-debris lines (TQ804's) are not.

    Flag: The army shot down two drones on Monday at the airport. <<< L'armée a abattu lundi deux drones à l'aéroport.\\nThe president said the talks would resume next week in Geneva. <<< Le président a dit que les pourparlers reprendraient la semaine prochaine à Genève.\\nThe minister said. <<< Le ministre a confirmé mardi les chiffres publiés par l'institut national de la statistique la semaine dernière.\\nPrices rose by 4.9 percent in March across the country. <<< Les prix ont augmenté de 4,9 % en mars dans tout le pays.\\nThe rebels left the town on Sunday after a week of fighting. <<< Les rebelles ont quitté la ville dimanche après une semaine de combats.\\nThe airport reopened on Tuesday morning to all flights. <<< L'aéroport a rouvert mardi matin à tous les vols.
    Okay: The army shot down two drones on Monday at the airport. <<< L'armée a abattu lundi deux drones à l'aéroport.\\nThe president said the talks would resume next week in Geneva. <<< Le président a dit que les pourparlers reprendraient la semaine prochaine à Genève.\\nThe minister confirmed on Tuesday the figures published last week. <<< Le ministre a confirmé mardi les chiffres publiés la semaine dernière.\\nPrices rose by 4.9 percent in March across the country. <<< Les prix ont augmenté de 4,9 % en mars dans tout le pays.\\nThe rebels left the town on Sunday after a week of fighting. <<< Les rebelles ont quitté la ville dimanche après une semaine de combats.\\nThe airport reopened on Tuesday morning to all flights. <<< L'aéroport a rouvert mardi matin à tous les vols.
    """

    code = "TQ914"
    name = "length-ratio"
    category = "accuracy/omission"
    severity = Severity.MINOR
    needs = frozenset({"source"})

    def feed(self, window, ctx):
        judged = ctx.cache.setdefault(self.code, [])  # (segment, log length ratio): no source text kept
        for _, seg, src in article_pairs(window):
            if len(src.split()) >= LENGTH_MIN_WORDS:
                judged.append((seg, math.log(len(seg.text.strip()) / len(src.strip()))))
        return ()

    def end(self, doc, ctx):
        judged = ctx.cache.pop(self.code, [])
        if len(judged) < LENGTH_MIN_SEGMENTS:
            return
        logs = [r for _, r in judged]
        m = median(logs)
        sigma = MAD_TO_SIGMA * median(abs(r - m) for r in logs)
        limit = max(math.log(LENGTH_FACTOR), LENGTH_SPREAD * sigma)
        usual = math.exp(m)
        for seg, r in judged:
            if abs(r - m) <= limit:
                continue
            factor = math.exp(abs(r - m))
            shorter = r < m
            start, end = _whole(seg)
            yield self.finding(
                doc, seg, start, end,
                f"{factor:.1f} times {'shorter' if shorter else 'longer'} than its source for this document "
                f"(length ratio {math.exp(r):.2f} against a usual {usual:.2f}): possible "
                f"{'omission' if shorter else 'addition'}",
                category="accuracy/omission" if shorter else "accuracy/addition",
            )


# =========================================================================== against the references

#: A run is an omission (addition) when this many of its content words appear nowhere in the
#: translation (reference), and the other side of the run has at most one content word of its
#: own for every OMISSION_COUNTERPART_RATIO of them (a paraphrase has its own words; an omission does not).
#: Calibrated on samples/clean-eu-summit, two independent human translations: their freest
#: paraphrases leave runs of 3-6 words unmatched, always with words of their own opposite.
OMISSION_MIN_WORDS = 4
OMISSION_COUNTERPART_RATIO = 4
#: Segments shorter than this (in words, on the side that has the run) are not judged:
#: headlines and credits are rewritten freely by editors.
OMISSION_MIN_SEGMENT_WORDS = 12
#: Equal runs this short do not split a run of differences ("of", "the").
OMISSION_GAP = 1
#: An addition this long (content words) is major; shorter ones are minor.
ADDITION_MAJOR_WORDS = 8
_STRIP = ".,;:!?()[]{}«»“”‘’\"'*…—–-/"


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(word_list("fidelity_function_words.txt"))


@dataclass(frozen=True)
class _Tokens:
    spans: tuple[tuple[int, int], ...]
    raw: tuple[str, ...]
    stems: tuple[str, ...]
    content: tuple[bool, ...]

    @classmethod
    def of(cls, text: str) -> "_Tokens":
        spans, raw, stems, content = [], [], [], []
        for m in re.finditer(r"\S+", text):
            word = m.group(0).replace("\u2019", "'").strip(_STRIP).lower()
            word = re.sub(r"'s$", "", word)
            key = name_key(word) if word else ""
            spans.append(m.span())
            raw.append(m.group(0))
            stems.append(key[:5] if key else word)
            content.append(bool(key) and len(word) > 1 and word not in _function_words()
                           and not any(c.isdigit() for c in word))
        return cls(tuple(spans), tuple(raw), tuple(stems), tuple(content))


@dataclass(frozen=True)
class Run:
    """A run of one side's words with no counterpart on the other side."""

    own: tuple[int, int]    # token range on the side that has the words
    other: tuple[int, int]  # token range opposite (may be empty: an insertion point)
    words: tuple[int, ...]  # the content words with no counterpart (token indexes on the own side)


def unmatched_runs(own: _Tokens, other: _Tokens) -> list[Run]:
    """Runs of ``own`` whose content words are missing from ``other`` with nothing in their place."""
    matcher = difflib.SequenceMatcher(a=other.stems, b=own.stems, autojunk=False)
    regions, cur = [], None
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" and i2 - i1 > OMISSION_GAP:
            if cur:
                regions.append(cur)
                cur = None
            continue
        cur = [i1, i2, j1, j2] if cur is None else [cur[0], i2, cur[2], j2]
    if cur:
        regions.append(cur)
    other_stems, own_stems = set(other.stems), set(own.stems)
    runs = []
    for i1, i2, j1, j2 in regions:
        missing = tuple(j for j in range(j1, j2) if own.content[j] and own.stems[j] not in other_stems)
        counterparts = [i for i in range(i1, i2) if other.content[i] and other.stems[i] not in own_stems]
        if len(missing) >= OMISSION_MIN_WORDS and len(counterparts) <= len(missing) // OMISSION_COUNTERPART_RATIO:
            runs.append(Run((j1, j2), (i1, i2), missing))
    return runs


def _near(a: tuple[int, int], b: tuple[int, int], slack: int = 2) -> bool:
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def _span(tokens: _Tokens, first: int, last: int) -> tuple[int, int]:
    """Character offsets of tokens ``first``..``last``, without punctuation at the edges."""
    start, end = tokens.spans[first][0], tokens.spans[last][1]
    text = " ".join(tokens.raw[first:last + 1])  # only its edges matter
    lead = len(text) - len(text.lstrip(_STRIP))
    trail = len(text) - len(text.rstrip(_STRIP))
    if start + lead < end - trail:
        start, end = start + lead, end - trail
    return start, end


def _source_words(doc: Document, seg: Segment) -> list[str]:
    if doc.source is None:
        return []
    i = seg.index - doc.segments[0].index  # its position in this window of the document
    return [folded for _, folded in _tokens(doc.source.segments[i].text)]


def _in_source(word: str, source: list[str]) -> bool:
    folded = [f for _, f in _tokens(word)]
    return any(_same_word(f, s) for f in folded for s in source)


class _ReferenceRunRule(Rule):
    needs = frozenset({"references"})

    def check(self, doc, ctx):
        for i, seg in enumerate(doc.segments):
            texts = doc.reference_texts(i) + ([doc.source.segments[i].text] if doc.source else [])
            if any(is_debris_line(t) for t in texts):
                continue  # a reference or source that is scraping debris says nothing of the article
            mt = _Tokens.of(seg.text)
            refs = [_Tokens.of(r) for r in doc.reference_texts(i)]
            yield from self.check_segment(doc, seg, mt, refs)

    def check_segment(self, doc, seg, mt: _Tokens, refs: list[_Tokens]) -> Iterable:
        raise NotImplementedError


@register
class ReferenceOmission(_ReferenceRunRule):
    """A run of reference words with no counterpart in the translation: a likely omission.

    The translation is aligned with each reference by difflib over word stems
    (names compared by TQ501's transliteration key, so Hachd = Hashd). A run of
    the reference with four or more content words found nowhere in the
    translation, and nothing of the translation's own in its place, is a likely
    omission; the missing words are quoted. Free paraphrase does not count (it
    has words of its own opposite), nor does reordering (the words are found
    elsewhere in the segment). With several references, the run must be missing
    against every one of them. Segments of fewer than 12 reference words
    (headlines, credits) are not judged.

    Flag: Several hundred French soldiers are still in Niger. ||| Several hundred French soldiers are still in Niger, where their withdrawal is due to be completed by the end of the year.
    Flag: The president said the talks would resume next week. ||| The president said the talks with the rebels, suspended since the spring over a ceasefire dispute, would resume next week.
    Okay: Several hundred French troops remain in Niger, with the pullout due to be completed by year’s end. ||| Several hundred French soldiers are still in Niger, where their withdrawal is due to be completed by the end of the year.
    Okay: There was no immediate claim for Monday’s attack, which occurred around 4:30 a.m. ||| Monday’s attack, which occurred around 4:30 a.m., was not immediately claimed.
    """

    code = "TQ902"
    name = "reference-omission"
    category = "accuracy/omission"
    severity = Severity.MAJOR

    def check_segment(self, doc, seg, mt, refs):
        if min(len(r.raw) for r in refs) < OMISSION_MIN_SEGMENT_WORDS:
            return
        per_ref = [unmatched_runs(r, mt) for r in refs]
        for run in per_ref[0]:
            if not all(any(_near(run.other, o.other) for o in others) for others in per_ref[1:]):
                continue
            ref = refs[0]
            quoted = " ".join(ref.raw[run.own[0]:run.own[1]]).strip(_STRIP + " ")
            i1, i2 = run.other
            if i2 > i1:
                start, end = _span(mt, i1, i2 - 1)
            else:
                at = i1 - 1 if i1 > 0 else 0
                start, end = _span(mt, at, at)
            yield self.finding(
                doc, seg, start, end,
                f"the reference's “{_quote(quoted)}” has no counterpart in the translation "
                f"({len(run.words)} content words missing): possible omission",
            )


@register
class ReferenceAddition(_ReferenceRunRule):
    """A run of translation words with no counterpart in any reference: a likely addition.

    The mirror of TQ902: four or more content words of the translation found
    nowhere in the reference, with nothing of the reference's own in their
    place, against every reference. Minor; major from eight content words.
    Scraping-debris lines are left to TQ804, and segments of fewer than 12
    words are not judged.

    Flag: The army said the talks, which the rebels had suspended since the spring over a ceasefire dispute, would resume next week. ||| The army said the talks would resume next week.
    Okay: The army said the talks would resume next week, a spokesman added. ||| The army said the negotiations would restart next week, a spokesman added.
    Okay: Monday’s attack, which occurred around 4:30 a.m., was not immediately claimed. ||| There was no immediate claim for Monday’s attack, which occurred around 4:30 a.m.
    """

    code = "TQ903"
    name = "reference-addition"
    category = "accuracy/addition"
    severity = Severity.MINOR

    def check_segment(self, doc, seg, mt, refs):
        if len(mt.raw) < OMISSION_MIN_SEGMENT_WORDS or is_debris_line(seg.text):
            return
        per_ref = [unmatched_runs(mt, r) for r in refs]
        source = _source_words(doc, seg)
        for run in per_ref[0]:
            if not all(any(_near(run.own, o.own) for o in others) for others in per_ref[1:]):
                continue
            # Names the source has are no addition, even when the references left them out.
            words = [j for j in run.words if not (mt.raw[j][:1].isupper() and _in_source(mt.raw[j], source))]
            if len(words) < OMISSION_MIN_WORDS:
                continue
            run = Run(run.own, run.other, tuple(words))
            start, end = _span(mt, run.words[0], run.words[-1])
            severity = Severity.MAJOR if len(run.words) >= ADDITION_MAJOR_WORDS else None
            yield self.finding(
                doc, seg, start, end,
                f"“{_quote(seg.text[start:end])}” has no counterpart in the reference "
                f"({len(run.words)} content words): possible addition",
                severity=severity,
            )
