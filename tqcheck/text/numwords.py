"""Numbers written in words, for ``tqcheck.text.mentions`` (after ``numscan`` has taken the digits):
"douze", "vingt-sept", "quatre cent mille", "two hundred and fifty", "sept millions et demi". They are
soft mentions: counterparts of a number in digits on the other side, and TQ911's partners for a
changed number, never reported for want of a counterpart.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .alternation import alternation
from .data import table
from .numscan import _AND_A_HALF_EN_RE, _AND_A_HALF_RE
from .scanner import _num_key, _Scanner, digit_pattern

#: The English tens and units a hyphen joins into one number ("seventy-two"; "thirty-eighth").
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
#: "Seventy - two": a compound number word split by MT's spaced hyphen (TQ807 reports the spacing).
_SPACED_COMPOUND_RE = re.compile(rf"(?<![\w-])({'|'.join(TENS)}) +- +({'|'.join(UNITS + ORDINAL_UNITS)})(?![\w-])", re.I)
#: Digits glued to letters ("Mazda3", "Ariane5", "A380"): a model name; its number is a counterpart only.
_GLUED_DIGITS_RE = digit_pattern(re.compile(r"(?<=[^\W\d_])(\d+)(?![\d.,]\d|\w)"))


@lru_cache(maxsize=None)
def number_words(lang: str) -> dict[str, int]:
    """The number words of ``lang`` ("fr", "en") and their values (fidelity_number_words_*.tsv)."""
    return {row[0]: int(row[1]) for row in table(f"fidelity_number_words_{lang}.tsv")}


def _word_value(word: str, lang: str) -> int | None:
    """'douze' -> 12, 'vingt-sept' -> 27, 'quatre-vingt-dix' -> 90, 'twenty-one' -> 21; None otherwise."""
    words = number_words(lang)
    parts = [p for p in word.lower().split("-") if p not in ("et", "and")]
    for n, p in enumerate(parts):  # "five-year", "deux-roues": the leading number words
        if p not in words:
            parts = parts[:n]
            break
    if not parts:
        return None
    total = last = 0
    for p in parts:
        v = words[p]
        if 0 < total < v and (v in (100, 1000) or (v == 20 and lang == "fr")):  # quatre-vingts, deux-cents
            total *= v
        elif 0 < last < v:  # "six-thirty" is a clock time, not 36
            return None
        elif 0 < last < 10:  # a unit after a unit: "deux premiers" (the first two) is no 3
            return None
        else:
            total += v
        last = v
    return total


def word_numbers(sc: _Scanner, lang: str) -> None:
    """Numbers written in words (soft mentions): compounds split by MT ("Seventy - two"), model names
    ("Mazda3"), runs of words ("quatre cent mille"), single words ("douze", "twenty-seven")."""
    # Most texts have no number word at all: one pass over their letters says so, and the word
    # patterns (long alternations, slow to run) are skipped.
    vocabulary = number_words(lang)
    in_words = not sc.words.isdisjoint(vocabulary)
    if lang == "en" and in_words:
        for m in sc.finditer(_SPACED_COMPOUND_RE, "-"):
            value = _word_value(m.group(1) + "-" + m.group(2), lang)
            sc.take(m.start(), m.end(), {_num_key(Decimal(value))}, [], False, str(value))
    for m in sc.finditer(_GLUED_DIGITS_RE):
        sc.take(m.start(), m.end(), {_num_key(Decimal(m.group(1)))}, [], False, m.group(1))
    if not in_words:
        return
    for m in sc.match_at(_word_run_re(lang), sc.word_starts(vocabulary)):  # "quatre cent mille": one number
        words, runs = [], [0]  # runs: where a word starts a new number ("deux cent et quatre" is two)
        for w in _WORD_RE.finditer(m.group(0)):
            if w.group(0).lower() in ("et", "and"):
                runs.append(-1)
                continue
            if runs[-1] == -1:
                runs.pop()
                ok = (w.group(0).lower() in ("un", "une", "onze") if lang == "fr"
                      else words[-1].group(0).lower() in ("hundred", "thousand"))
                if not ok:
                    runs.append(len(words))
            words.append(w)
        runs.append(len(words))
        i = 0
        while i < len(words):  # the longest run from each word that reads as one number
            limit = next(r for r in runs if r > i)
            for j in range(limit, i + 1, -1):
                value = _word_value("-".join(w.group(0) for w in words[i:j]), lang)
                if value is not None and j - i > 1:
                    _take_word(sc, m.start() + words[i].start(), m.start() + words[j - 1].end(), value, lang)
                    i = j - 1
                    break
            i += 1
    for m in sc.match_at(_word_token_re(lang), sc.word_starts(vocabulary)):  # the words that start with a number word
        value = _word_value(m.group(0), lang)
        if value is not None:
            _take_word(sc, m.start(), m.end(), value, lang)


def _take_word(sc: "_Scanner", start: int, end: int, value: int, lang: str) -> None:
    """A number in words (a soft mention), with the multiplier after it ("sept millions et demi")."""
    factors, end = sc.multiplier(end)
    values = {Decimal(value * f) for f in factors}
    half = (_AND_A_HALF_RE if lang == "fr" else _AND_A_HALF_EN_RE).match(sc.work, end) if factors[0] > 1 else None
    if half:
        values, end = {Decimal(value * factors[0]) + Decimal(factors[0]) / 2}, half.end()
    sc.take(start, end, {_num_key(v) for v in values}, [], False, str(value * factors[0]))


@lru_cache(maxsize=None)
def _word_token_re(lang: str) -> re.Pattern:
    """The words of ``_WORD_RE`` whose first part is a number word ("douze", "twenty-seven", "five-year"):
    the only ones ``_word_value`` reads, found without walking every word of the text."""
    words = alternation(number_words(lang), ignorecase=True)
    return re.compile(rf"(?<![\w-])(?:{words})(?:-[^\W\d_]+)*(?![\w-])", re.I)


@lru_cache(maxsize=None)
def _word_run_re(lang: str) -> re.Pattern:
    """Two or more number words in a row, separated by spaces (or "et"/"and")."""
    words = alternation(number_words(lang), ignorecase=True)
    joiner = r"[ \u00a0]+(?:(?:et|and)[ \u00a0]+)?"
    return re.compile(rf"(?<![\w-])(?:{words})(?:{joiner}(?:{words}))+(?![\w-])", re.I)
