"""Numbers changed in translation, for TQ911: the numbers of a French source and of its translation
(``tqcheck.text.mentions``) that lack a counterpart, paired when they are one number changed ("sept"
and "six", ``1,967`` and ``1,697``, ``16h30`` and ``5:30 p.m.``); what is left is dropped or added.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from .mentions import no_mention, unmatched_numbers
from .numscan import _EN_MONTHS
from .scanner import NumberMention


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
    missing, added, src, mt, src_keys, mt_keys = unmatched_numbers(source, translation)
    words_missing = [m for m in src if _pairable_word(m, source) and not m.keys & mt_keys]
    the_two = {id(m) for m in words_missing if _the_two(m, source)}  # pairs only after "the"
    words_added = [m for m in mt if _pairable_word(m, translation) and not m.keys & src_keys]
    budget: dict = {}  # id(mention) -> (side, value) of a repeat; (side, value) -> repeats that may still pair
    words_missing += _repeats(src, mt, source, 0, budget)
    words_added += _repeats(mt, src, translation, 1, budget)
    span = (max(len(source), 1), max(len(translation), 1))
    candidates = sorted(
        ((changed_score(a, b), abs(a.start / span[0] - b.start / span[1]), i, j, a, b)
         for i, a in enumerate(missing + words_missing) for j, b in enumerate(added + words_added)
         if _comparable(a, b, translation) and not _converted(a, source, b, translation)
         and (id(a) not in the_two or _THE_BEFORE_RE.search(translation, max(0, b.start - 16), b.start))),
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


def changed_numbers(source: str, translation: str) -> list[tuple[NumberMention, NumberMention]]:
    """``number_diff(source, translation).changed``: none at once when either side can hold no number
    (``mentions.no_mention``), as a pair needs one on each side; most translations hold none."""
    if no_mention(translation) or no_mention(source):
        return []
    return number_diff(source, translation).changed


def _repeats(mine: list, theirs: list, text: str, side: int, budget: dict) -> list:
    """Number words whose value the other side has, but fewer times ("deux autres voitures et trois
    roues" -> "three other cars and three wheels"): each may pair, as many as the surplus (``budget``).
    Not numbers in digits: tried, it paired scores (1:0, 2:0) and a source's typo (2004-2004) on
    the real sets more often than a changed number."""
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
    0.75; ``2``/``200`` do not), one digit replaced (``18``/``48``: 0.75), a teen for a ten (``15``/``50``) or
    a decimal point one place off (``0,4``/``4``, ``2,5``/``25``: 0.75)."""
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
            one_digit = one_digit or _point_moved(x, y)  # "4" for "0,4"
            ratio = float(min(x, y) / max(x, y)) if x > 0 and y > 0 else 0.0
            best = max(best, ratio, digits if digits > 0.5 else 0.0, 0.75 if one_digit else 0.0)
    return best


_TEEN_TY = [{Decimal(10 + d), Decimal(10 * d)} for d in range(3, 10)]


def _point_moved(x: Decimal, y: Decimal) -> bool:
    """One number written for the other with its decimal point one place off: 0,4 and 4, 2,5 and 25 (not
    2 and 20, nor 0,4 and 40 basis points)."""
    small, large = min(x, y), max(x, y)
    return small > 0 and small % 1 != 0 and large == small * 10


def _values_of(m: NumberMention) -> list[Decimal]:
    return [Decimal(k[2:]) for k in sorted(m.keys) if k.startswith("n:")]


#: Number words that are no exact count: ordinals ("third person", "sixième" as a school year,
#: "un dixième"), approximations ("une dizaine": about ten, "a dozen", "hundreds", "des milliers"), a
#: bare "million" or "billion" (a figure of speech as often as a count). "Cent" and "mille", "a
#: hundred" and "a thousand" are counts ("cent dollars" is "a hundred dollars", not "a thousand").
_NOT_A_COUNT_RE = re.compile(
    r"(?i:.*(?:ième|ieme|th|first|second|third|aines?|dozens?|scores?)"
    r"|hundreds|thousands|millions?|billions?|cents|milliers?|milliards?)")
#: What makes a number word no count from the words before it: "tous les deux" (both), "pour cent"
#: (percent), "one and a half thousand" (1,500, which the reader takes for "one" and "thousand").
_HALF_BEFORE_RE = re.compile(r"(?i:\bhalf\s+)$")
_NOT_A_COUNT_BEFORE = (("deux", re.compile(r"(?i:\b(?:tous|toutes)\s+les\s+)$")),
                       ("cent", re.compile(r"(?i:\bpour\s+)$")),
                       ("hundred", _HALF_BEFORE_RE), ("thousand", _HALF_BEFORE_RE))
#: "les deux", "des deux", "aux deux": "both", or "the two": a count only against "the" and another
#: number ("les deux sénateurs" -> "the three senators"; not "both senators ... three times").
_THE_TWO_BEFORE_RE = re.compile(r"(?i:\b(?:les|des|aux)\s+)$")
_THE_BEFORE_RE = re.compile(r"(?i:\bthe\s+)$")
#: "neuf heures moins vingt": twenty to nine (8:40), neither number as written.
_CLOCK_BEFORE_RE = re.compile(r"(?i:heures?)\s+moins\s+$")
_CLOCK_AFTER_RE = re.compile(r"\s+(?i:heures?)\s+moins\s")
#: An English month name or abbreviation (numscan's, in any case) right after or right before a number.
_MONTH_AFTER_RE = re.compile(rf"(?i:(?:th|st|nd|rd)?\s+(?:of\s+)?(?:{_EN_MONTHS})\b)")
_MONTH_BEFORE_RE = re.compile(rf"(?i:\b(?:{_EN_MONTHS})\.?\s+)$")
#: A number of hours: "3 heures" (a French clock time or a duration) against "four hours".
_HOURS_AFTER_RE = re.compile(r"\s+hours?\b", re.IGNORECASE)


def _pairable_word(m: NumberMention, text: str) -> bool:
    """A number word that may stand for a changed number: a count of two or more ("les deux" only
    against "the", ``_the_two``)."""
    if m.hard or m.kind != "n" or not m.text.replace("-", "").replace(" ", "").isalpha():
        return False
    before = text[max(0, m.start - 16):m.start]
    word = m.text.lower()
    if _NOT_A_COUNT_RE.fullmatch(m.text) and not _ORDINAL_WORD_RE.fullmatch(m.text) \
            or any(word == w and r.search(before) for w, r in _NOT_A_COUNT_BEFORE) \
            or _CLOCK_BEFORE_RE.search(before) or _CLOCK_AFTER_RE.match(text, m.end):
        return False
    values = _values_of(m)
    return bool(values) and all(v >= 2 for v in values)


#: An ordinal in words ("troisième", "fourth"): a rank, paired only with another ordinal in words ("la
#: troisième fois" -> "the fourth time"), never with a count or a numbered school year ("9th grade").
_ORDINAL_WORD_RE = re.compile(r"(?i:[a-zé-]*(?:ième|ieme|th|first|second|third)|seconde)")


def _ordinal_word(m: NumberMention) -> bool:
    return not m.hard and _ORDINAL_WORD_RE.fullmatch(m.text) is not None


def _the_two(m: NumberMention, text: str) -> bool:
    """"les deux", "des deux", "aux deux" in the French ``text``: "both" as often as "the two"."""
    return m.text.lower() == "deux" and _THE_TWO_BEFORE_RE.search(text, max(0, m.start - 16), m.start) is not None


def _comparable(a: NumberMention, b: NumberMention, translation: str) -> bool:
    """One kind (a number that may be a time too counts as a number); or a French duration or clock time ("10 heures") against a plain number of hours ("11
    hours", "four hours"); or a date against a number beside a month name, a day no date can have
    ("le 27 octobre" -> "on 57 October", "le 20 octobre" -> "Oct. 40")."""
    if _ordinal_word(a) != _ordinal_word(b):
        return False  # a rank against a count
    if a.kind == b.kind:
        return True
    if "n" in (a.kind, b.kind) and all(_values_of(m) and ":" not in m.text for m in (a, b)):
        return True  # a number read as a time too ("7.27", "12.38": 7:27, 12:38) is a number still; not "11:45"
    if not (a.hard and _values_of(a) and _values_of(b)):
        return False
    if a.kind == "t" and b.kind == "n":
        return b.hard or _HOURS_AFTER_RE.match(translation, b.end) is not None
    return a.kind == "d" and b.kind == "n" and b.hard and (
        _MONTH_AFTER_RE.match(translation, b.end) is not None
        or _MONTH_BEFORE_RE.search(translation, max(0, b.start - 12), b.start) is not None)
