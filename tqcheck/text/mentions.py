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
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from difflib import SequenceMatcher
from functools import lru_cache

from .data import table
from .numbers import SP, english_date, english_time, month_number
from .numscan import (
    _AMPM_RE, _CLOCK_RE, _CONVERSION_RE, _FRENCH_TIME_RE, _GMT_RE, _NAMED_DAY_RE, _NUMERIC_DATE_RE,
    _ROMAN_ORDINAL_RE, ENGLISH_MONTHS, _date_patterns, _month_name_re, _numbers, month_heads,
)
from .scanner import DIGIT_RE as _DIGIT_RE, _LETTERS_RE, NumberMention, _num_key, _Scanner, digit_pattern
from .numwords import number_words, word_numbers
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


def _prefilter(text: str) -> tuple[bool, frozenset[str] | None]:
    """``(no mention, words)``: whether ``text`` cannot hold a number, time or date (no digit, no word
    of ``_number_vocabulary``, no Roman ordinal: most texts pass the first test, so the ~20 patterns
    of the scan run only where they may find something), and its lower-case words when they were
    read for that (the scan reuses them)."""
    if _DIGIT_RE.search(text) or _ROMAN_ORDINAL_RE.search(text):
        return False, None
    words = frozenset(_LETTERS_RE.findall(text.lower()))
    return _number_vocabulary().isdisjoint(words), words


def _no_mention(text: str) -> bool:
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
    r"|°F|degrees Fahrenheit|Fahrenheit|square miles|sq\.? mi)(?!\w)|['′\"″]")
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
    return _unmatched(source, translation)[:2]


def _unmatched(source: str, translation: str):
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


@dataclass(frozen=True)
class NumberDiff:
    """How the numbers of a segment differ from its source's: ``changed`` pairs (source mention,
    translation mention) of one kind and close values, then what is left ``dropped`` and ``added``."""

    changed: list[tuple[NumberMention, NumberMention]]
    dropped: list[NumberMention]
    added: list[NumberMention]


def number_diff(source: str, translation: str) -> NumberDiff:
    """The numbers of ``translation`` against its French ``source``. A source number and a translation
    number that both lack a counterpart form a changed pair when they are of one kind (number, time,
    date) and their values are close (``changed_score`` at least ``CHANGED_MIN_SCORE``); number words
    ("seven", "sept") pair too."""
    missing, added, src, mt, src_keys, mt_keys = _unmatched(source, translation)
    words_missing = [m for m in src if _pairable_word(m, source) and not m.keys & mt_keys]
    words_added = [m for m in mt if _pairable_word(m, translation) and not m.keys & src_keys]
    budget: dict = {}  # id(mention) -> (side, value) of a repeat; (side, value) -> repeats that may still pair
    words_missing += _repeats(src, mt, source, 0, budget)
    words_added += _repeats(mt, src, translation, 1, budget)
    span = (max(len(source), 1), max(len(translation), 1))
    candidates = sorted(
        ((changed_score(a, b), abs(a.start / span[0] - b.start / span[1]), i, j, a, b)
         for i, a in enumerate(missing + words_missing) for j, b in enumerate(added + words_added)
         if _comparable(a, b) and not _converted(a, source, b, translation)),
        key=lambda c: c[:4])
    changed, used = [], set()
    for score, _, _, _, a, b in candidates:
        repeats = [budget[id(m)] for m in (a, b) if id(m) in budget]
        if score < CHANGED_MIN_SCORE or id(a) in used or id(b) in used or any(budget[r] <= 0 for r in repeats):
            continue
        for r in repeats:
            budget[r] -= 1
        used |= {id(a), id(b)}
        changed.append((a, b))
    changed.sort(key=lambda pair: pair[1].start)
    return NumberDiff(changed, [m for m in missing if id(m) not in used], [m for m in added if id(m) not in used])


def _repeats(mine: list, theirs: list, text: str, side: int, budget: dict) -> list:
    """Number words whose value the other side has, but fewer times ("deux autres voitures et trois
    roues" -> "three other cars and three wheels"): each may pair, as many as the surplus (``budget``)."""
    counts, own = Counter(k for m in theirs for k in m.keys), Counter(k for m in mine for k in m.keys)
    out = []
    for m in mine:
        values = [k for k in m.keys if k.startswith("n:")]
        if len(values) != 1 or values[0] not in counts or not _pairable_word(m, text):
            continue  # (a value the other side lacks is a candidate already)
        surplus = own[values[0]] - counts[values[0]]
        if surplus > 0:
            budget[id(m)] = (side, values[0])
            budget[(side, values[0])] = surplus
            out.append(m)
    return out


#: How close two values must be to be one number changed rather than one dropped and another added.
CHANGED_MIN_SCORE = 0.5

_CURRENCY_RE = re.compile(r"[$€£¥]|\b(?:euros?|dollars?|pounds?|livres?|yens?|yuans?|roubles?|rubles?)\b", re.I)
_CURRENCY_NAMES = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "livre": "pound", "rouble": "ruble"}


def _currency(text: str, m: NumberMention) -> str | None:
    """The currency written next to a number (``10 €``, ``£9``, ``40 dollars``), as one name, or None."""
    found = _CURRENCY_RE.search(text, max(0, m.start - 2), m.end + 10)
    if found is None or not (found.end() <= m.start or found.start() >= m.end):
        return None
    word = found.group(0).lower().rstrip("s") if len(found.group(0)) > 1 else found.group(0)
    return _CURRENCY_NAMES.get(word, word)


def _converted(a: NumberMention, source: str, b: NumberMention, translation: str) -> bool:
    """Whether ``b`` is ``a`` converted to another currency for English readers (``10 €`` -> ``£9``)."""
    ca, cb = _currency(source, a), _currency(translation, b)
    return ca is not None and cb is not None and ca != cb


def changed_score(a: NumberMention, b: NumberMention) -> float:
    """How likely ``b`` is ``a`` changed, 0-1: times and dates of one kind always pair (1.0); numbers by the
    closest of their values (``53``/``85``: 0.62), their digits when more than half agree (``1,967``/``1,697``:
    0.75; ``2``/``200`` do not), one digit replaced (``18``/``48``: 0.75) or a teen for a ten (``15``/``50``)."""
    xs, ys = _values_of(a), _values_of(b)
    if not (xs and ys) or (a.kind != "n" and a.kind == b.kind):
        return 1.0 if a.kind == b.kind else 0.0
    best = 0.0
    for x in xs:
        for y in ys:
            dx, dy = format(x, "f"), format(y, "f")
            digits = SequenceMatcher(None, dx, dy).ratio()
            one_digit = len(dx) == len(dy) and sum(c != d for c, d in zip(dx, dy)) == 1
            one_digit = one_digit or {x, y} in _TEEN_TY  # "fifteen" for "fifty"
            ratio = float(min(x, y) / max(x, y)) if x > 0 and y > 0 else 0.0
            best = max(best, ratio, digits if digits > 0.5 else 0.0, 0.75 if one_digit else 0.0)
    return best


_TEEN_TY = [{Decimal(10 + d), Decimal(10 * d)} for d in range(3, 10)]


def _values_of(m: NumberMention) -> list[Decimal]:
    return [Decimal(k[2:]) for k in sorted(m.keys) if k.startswith("n:")]


#: Number words that are no exact count: ordinals ("third person", "sixième" as a school year,
#: "un dixième"), approximations ("une dizaine": about ten, "a dozen"), "deux" for "both", a bare
#: multiplier ("a hundred", "mille").
_NOT_A_COUNT_RE = re.compile(
    r"(?i:.*(?:ième|ieme|th|first|second|third|aines?|dozens?|scores?)|(?:tous|toutes|les|des|aux) deux"
    r"|hundreds?|thousands?|millions?|billions?|cents?|mille|milliers?|millions?|milliards?)")
#: "neuf heures moins vingt": twenty to nine (8:40), neither number as written.
_CLOCK_BEFORE_RE = re.compile(r"(?i:heures?)\s+moins\s+$")
_CLOCK_AFTER_RE = re.compile(r"\s+(?i:heures?)\s+moins\s")


def _pairable_word(m: NumberMention, text: str) -> bool:
    """A number word that may stand for a changed number: a count of two or more."""
    if m.hard or m.kind != "n" or not m.text.replace("-", "").replace(" ", "").isalpha():
        return False
    before = text[max(0, m.start - 16):m.start]
    if _NOT_A_COUNT_RE.fullmatch(m.text) or _NOT_A_COUNT_RE.fullmatch(before[-5:] + m.text) \
            or _CLOCK_BEFORE_RE.search(before) or _CLOCK_AFTER_RE.match(text, m.end):
        return False
    values = _values_of(m)
    return bool(values) and all(v >= 2 for v in values)


def _comparable(a: NumberMention, b: NumberMention) -> bool:
    """One kind, or a French duration or clock time ("10 heures") against a plain number ("11 hours")."""
    return a.kind == b.kind or ("t" in (a.kind, b.kind) and "n" in (a.kind, b.kind) and a.hard and b.hard
                                and bool(_values_of(a)) and bool(_values_of(b)))


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
