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
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from .data import table
from .numbers import SP, english_date, english_time, month_number
from .numscan import (
    _AMPM_RE,
    _CLOCK_RE,
    _CONVERSION_RE,
    _FRENCH_TIME_RE,
    _GMT_RE,
    _NAMED_DAY_RE,
    _NUMERIC_DATE_RE,
    _ROMAN_ORDINAL_RE,
    ENGLISH_MONTHS,
    _date_patterns,
    _month_name_re,
    _numbers,
    month_heads,
)
from .numwords import number_words, word_numbers
from .scanner import _LETTERS_RE, NumberMention, _num_key, _Scanner, digit_pattern
from .scanner import DIGIT_RE as _DIGIT_RE
from .sentences import debris_token_spans


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
        for m in sc.finditer(_NAMED_DAY_RE, "-"):
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
    for pattern, month_first in _date_patterns(lang):  # a month-first pattern starts with a month name
        for m in (sc.match_at(pattern, sc.word_starts(month_heads())) if month_first else sc.finditer(pattern)):
            day_text, month_text = (m.group(2), m.group(1)) if month_first else (m.group(1), m.group(2))
            day = 1 if day_text.lower() in ("1er", "1re", "premier") else int(day_text)
            month = month_number(month_text)
            if month is None or not 1 <= day <= 31:
                continue
            keys = {f"d:{day}/{month}", f"n:{day}", f"m:{month}"}
            sc.take(m.start(), m.end(), keys, [{f"d:{day}/{month}"}, {f"n:{day}", f"m:{month}"}], True,
                    english_date(day, month))
    for m in sc.match_at(_month_name_re(lang), sc.word_starts(month_heads())):
        month = month_number(m.group(1))
        if month and (lang == "fr" or m.group(1)[0].isupper()):
            sc.take(m.start(), m.end(), {f"m:{month}"}, [], False, ENGLISH_MONTHS[month - 1])


_FRENCH_HOURS_RE = digit_pattern(re.compile(rf"(?<![\w.,:/])(\d{{1,2}}){SP}?heures?(?:{SP}(\d{{2}})(?!\d))?(?!\w)", re.I))


def _times(sc: _Scanner, lang: str) -> None:
    if lang == "fr":  # "à 8 heures", "17 heures 30": a clock time, or a duration ("pendant 8 heures")
        for m in sc.finditer(_FRENCH_HOURS_RE, "heure"):
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
            if hour > 24 or minute > 59:
                continue
            keys, needs = _time_keys(hour % 24, minute)
            keys, needs = keys | {f"n:{hour}"}, needs + [{f"n:{hour}"}]
            sc.take(m.start(), m.end(), keys, needs, True, english_time(hour % 24, minute or None))
    if lang == "en":
        for m in sc.finditer(_AMPM_RE):
            h12, minute = int(m.group(1)), int(m.group(2) or 0)
            if not 1 <= h12 <= 12 or minute > 59:
                continue
            hour = h12 % 12 + (12 if m.group(3).lower() == "p" else 0)
            keys, needs = _time_keys(hour, minute)
            sc.take(m.start(), m.end(), keys | {f"n:{h12}"}, needs[:1], True, english_time(hour, minute))
        for m in sc.finditer(_GMT_RE, "gmt", "utc"):
            hour, minute = int(m.group(1)), int(m.group(2))
            keys, needs = _time_keys(hour, minute)
            sc.take(m.start(), m.start(2) + 2, keys | {f"n:{m.group(1)}{m.group(2)}"}, needs[:1], True,
                    english_time(hour, minute))
    for m in sc.finditer(_CLOCK_RE, ":"):  # 16:30 (French writes it too), 4:30 (English: a.m. or p.m.)
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
        if lang == "fr" and minute:  # "pendant 1h30": 1.5 hours
            hours = _num_key(Decimal(hour) + Decimal(minute) / 60)
            keys, needs = keys | {hours}, needs + [{hours}]
        sc.take(m.start(), m.end(), keys, needs, True, english_time(hour, minute or None))
    for word, hour, pattern in _HOUR_WORDS[lang]:
        for m in sc.finditer(pattern, word):
            sc.take(m.start(), m.end(), {f"t:{hour}:00"}, [], False, english_time(hour))


_HOUR_WORDS = {lang: tuple((word, hour, re.compile(rf"(?<!\w){word}(?!\w)", re.I)) for word, hour in words) for lang, words
               in (("fr", (("midi", 12), ("minuit", 0))), ("en", (("noon", 12), ("midday", 12), ("midnight", 0))))}


_ENTITY_RE = re.compile(r"&#?\w+;")


@lru_cache(maxsize=1)
def _number_vocabulary() -> frozenset[str]:
    """Every word, lowercased, that a mention without a digit can start from or needs: number words
    (both languages), month names and their abbreviations, decade and knockout-round words, noon and
    midnight. A superset is harmless: it only means a text is scanned."""
    words = set(number_words("fr")) | set(number_words("en"))
    words.update(row[0].lower() for row in table("numbers_french_months.tsv"))
    words.update(m.lower() for m in ENGLISH_MONTHS)
    words.update("jan feb mar apr jun jul aug sept sep oct nov dec".split())
    words.update("twenties thirties forties fifties sixties seventies eighties nineties années".split())
    words.update("seizièmes huitièmes quarts finale premier midi minuit noon midday midnight".split())
    return frozenset(words)


@lru_cache(maxsize=4096)
def _prefilter(text: str) -> tuple[bool, frozenset[str] | None]:
    """``(no mention, words)``: whether ``text`` cannot hold a number, time or date (no digit, no word
    of ``_number_vocabulary``, no Roman ordinal: most texts pass the first test, so the ~20 patterns
    of the scan run only where they may find something), and its lower-case words when they were
    read for that (the scan reuses them)."""
    if _DIGIT_RE.search(text) or _ROMAN_ORDINAL_RE.search(text):
        return False, None
    words = frozenset(_LETTERS_RE.findall(text.lower()))
    return _number_vocabulary().isdisjoint(words), words


def no_mention(text: str) -> bool:
    """Whether ``text`` can hold no number, time or date at all (no digit, no number or month word, no
    Roman ordinal): its mentions are none."""
    return _prefilter(text)[0]


def _mentions(text: str, lang: str) -> list[NumberMention]:
    nothing, words = _prefilter(text)
    if nothing:
        return []
    sc = _Scanner(text, lang, words)
    # &#39; is markup (TQ805) and "source site-593756" debris (TQ804), not numbers of the article
    sc.work = _ENTITY_RE.sub(lambda m: "\x00" * len(m.group(0)), text)
    for start, end in debris_token_spans(text):
        sc.work = sc.work[:start] + "\x00" * (end - start) + sc.work[end:]
    _dates(sc, lang)
    _times(sc, lang)
    _numbers(sc, lang)
    word_numbers(sc, lang)
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


# Units a translator converts for English readers ("10 km" -> "6 miles", "20 °C" -> "68 °F").
_IMPERIAL_AFTER_RE = re.compile(
    r"[ \u00a0\u202f-]?(?:miles?|mi|mph|feet|foot|ft|inch(?:es)?|yards?|pounds?|lbs?|ounces?|oz|gallons?|acres?"
    r"|°F|degrees Fahrenheit|Fahrenheit|square miles|sq\.? mi)(?!\w)"
    # feet and inches: primes, or 6'2" (a straight quote after a number alone closes a quotation)
    r"|[′″]|'(?=\s?\d)|(?<=\d['′]\d)\"|(?<=\d['′]\d\d)\"")
_METRIC_AFTER_RE = re.compile(
    r"[ \u00a0\u202f]?(?:km|kilomètres?|mètres?|m|cm|centimètres?|mm|kg|kilos?|kilogrammes?|grammes?|g|tonnes?"
    r"|litres?|l|hectares?|ha|°C|°|degrés(?: Celsius)?|km/h|km²|m²|milles)(?!\w)")


def _conversions(src: list[NumberMention], mt: list[NumberMention], source: str, translation: str):
    """Mentions in imperial units (and the metric ones of the source, when the translation has any) need no
    counterpart: a translator converts them for English readers."""
    imperial = [m for m in mt if _IMPERIAL_AFTER_RE.match(translation, m.end)]
    if not imperial:
        return src, mt
    ids = {id(m) for m in imperial}
    mt = [replace(m, hard=False) if id(m) in ids else m for m in mt]
    src = [replace(m, hard=False) if _METRIC_AFTER_RE.match(source, m.end) else m for m in src]
    return src, mt


def number_mismatches(source: str, translation: str) -> tuple[list[NumberMention], list[NumberMention]]:
    """``(missing, added)``: source numbers with no counterpart in the translation, and the reverse."""
    return unmatched_numbers(source, translation)[:2]


def unmatched_numbers(source: str, translation: str):
    """``(missing, added, src, mt, src_keys, mt_keys)``: the numbers in digits of each side with no
    counterpart on the other (split numbers out, repeated values once), and what they were read from."""
    src, mt = _conversions(source_numbers(source), translation_numbers(translation), source, translation)
    src_keys = frozenset().union(*(m.keys for m in src)) if src else frozenset()
    mt_keys = frozenset().union(*(m.keys for m in mt)) if mt else frozenset()
    missing, added = _both_unsplit([m for m in src if m.hard and not m.matched_by(mt_keys)],
                                   [m for m in mt if m.hard and not m.matched_by(src_keys)], source, translation)
    return missing, added, src, mt, src_keys, mt_keys


def _both_unsplit(missing, added, source, translation):
    """Split numbers out (``_unsplit``), then repeated values once each."""
    missing, added = _unsplit(missing, source, added)
    added, missing = _unsplit(added, translation, missing)
    return _distinct(missing), _distinct(added)


_SPLIT_GAP_RE = re.compile(r"[.,] +| +[.,] *")


def _unsplit(mentions: list[NumberMention], text: str, others: list[NumberMention]) -> tuple[list, list]:
    """``mentions`` and ``others`` (the other side's, unmatched) without a number split by a stray space
    (``0, 22%``, ``50, 000``, a source's ``0, 5%``) and its counterpart among ``others``: a spacing slip,
    not a different number."""
    drop = set()
    for a, b in zip(mentions, mentions[1:]):
        if a.kind == b.kind == "n" and _SPLIT_GAP_RE.fullmatch(text[a.end:b.start]):
            joined = _joined_keys(text[a.start:b.end].replace(" ", ""))
            partner = next((o for o in others if o.keys & joined and id(o) not in drop), None)
            if partner is not None:
                drop |= {id(a), id(b), id(partner)}
    return [m for m in mentions if id(m) not in drop], [m for m in others if id(m) not in drop]


def _joined_keys(joined: str) -> set[str]:
    return {k for m in translation_numbers(joined) + source_numbers(joined) for k in m.keys}


def _distinct(mentions: list[NumberMention]) -> list[NumberMention]:
    seen, out = set(), []
    for m in mentions:
        if m.keys not in seen:
            seen.add(m.keys)
            out.append(m)
    return out
