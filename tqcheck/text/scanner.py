"""The scanner behind ``tqcheck.text.numscan``: a text read left to right by extractors, each taking
its matches out so later ones do not see them, and the mentions they take (``NumberMention``).

Patterns that match only where there is a digit are registered (``digit_pattern``) and not run
over texts without one; word patterns are tried only where one of their first words starts.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .data import table

DIGIT_RE = re.compile(r"\d")
_DIGIT_PATTERNS: set[re.Pattern] = set()


def digit_pattern(pattern: re.Pattern) -> re.Pattern:
    """``pattern``, registered as one that matches only where there is a digit: the scanner does
    not run it over a text without one."""
    _DIGIT_PATTERNS.add(pattern)
    return pattern


@lru_cache(maxsize=1024)
def _words_re(words: frozenset[str]) -> re.Pattern:
    """A pattern finding ``words`` as whole words (``_LETTERS_RE`` words), in any case."""
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])", re.IGNORECASE)


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
def _multipliers(lang: str) -> dict[str, int]:
    """Words (and abbreviations) that multiply the number before them, in ``lang`` (fidelity_multipliers.tsv):
    French "billion" is 10^12, English "billion" 10^9."""
    column = 1 if lang == "fr" else 2
    return {row[0]: tuple(10 ** int(p) for p in row[column].split("|"))
            for row in table("fidelity_multipliers.tsv") if row[column] != "-"}


@lru_cache(maxsize=None)
def _multiplier_re(lang: str) -> re.Pattern:
    words = sorted(_multipliers(lang), key=lambda w: (-len(w), w))
    attached = "|(?<=\\d)bn" if lang == "en" else ""  # "3bn" ("400m" is metres as often as millions)
    # "100 autres milliards", "cinq dernières décennies", "440$ millions"
    between = ("(?:[ \u00a0\u202f]+(?:autres|nouveaux|nouvelles|de plus|derni[eè]re?s|prochaine?s|premi[eè]re?s)"
               "|[ \u00a0\u202f]?[$€£])?" if lang == "fr" else "(?:[ \u00a0\u202f]?[$€£])?")
    return re.compile(rf"(?:{between}[ \u00a0\u202f]*-?[ \u00a0\u202f]*({'|'.join(words)}){attached})(?!\w)", re.I)


#: French abbreviations before a currency: "120 M$" (millions), "3,5 Md€" (billions).
_CURRENCY_MULTIPLIER_RE = re.compile(r"[ \u00a0\u202f]?(M|Mds?|Mrds?|G)(?=[ \u00a0\u202f]?(?:[$€£]|USD|EUR|dollars?|euros?)(?!\w))")
_CURRENCY_MULTIPLIERS = {"M": (10**6,), "Md": (10**9,), "Mds": (10**9,), "Mrd": (10**9,), "Mrds": (10**9,),
                         "G": (10**9,)}
_CURRENCY_SUFFIX_RE = re.compile(r"(m|bn)(?!\w)")
_LETTERS_RE = re.compile(r"[^\W\d_]+")


class _Scanner:
    """Finds mentions in order of precedence; what one extractor takes, later ones do not see."""

    def __init__(self, text: str, lang: str, words: frozenset[str] | None = None) -> None:
        self.text = text
        self.lang = lang
        self.work = text
        self.found: list[NumberMention] = []
        self._lower: str | None = None
        self._words = words  # the text's lower-case words, when the caller has read them
        self.digits = DIGIT_RE.search(text) is not None

    def take(self, start: int, end: int, keys, needs, hard: bool, english: str) -> None:
        self.found.append(NumberMention(
            start, end, self.text[start:end], frozenset(keys), tuple(frozenset(n) for n in needs), hard, english,
        ))
        self.work = self.work[:start] + "\x00" * (end - start) + self.work[end:]

    def finditer(self, pattern: re.Pattern, *needs: str) -> Iterator[re.Match]:
        """The matches of ``pattern`` that no earlier extractor took. ``needs``: strings one of which
        every match contains (in lower case): without any of them in the text, the pattern is not
        run; nor is a pattern of ``digit_pattern`` in a text without digits (most patterns find
        nothing in most texts)."""
        if not self.digits and pattern in _DIGIT_PATTERNS:
            return iter(())
        if needs:
            if self._lower is None:
                self._lower = self.text.lower()
            lower = self._lower
            for n in needs:
                if n in lower:
                    break
            else:
                return iter(())
        return self._matches(pattern)

    def _matches(self, pattern: re.Pattern) -> Iterator[re.Match]:
        # Matches are taken against the text as it was when the scan started, so a
        # take() during the loop cannot shift offsets; skip what an earlier extractor took.
        snapshot = self.work
        for m in pattern.finditer(snapshot):
            if "\x00" not in self.work[m.start():m.end()]:
                yield m

    @property
    def words(self) -> frozenset[str]:
        """The text's words (``_LETTERS_RE``), lower-cased, read once: what the word patterns
        may start from."""
        if self._words is None:
            self._words = frozenset(_LETTERS_RE.findall(self.text.lower()))
        return self._words

    def word_starts(self, heads) -> list[int]:
        """Where a word of ``heads`` (lower case) starts in the text as it is now, in order; a word
        an extractor has taken is left out. Only the few words of ``heads`` the text has are searched."""
        present = self.words.intersection(heads)
        if not present:
            return []
        return [m.start() for m in _words_re(frozenset(present)).finditer(self.work)]

    def match_at(self, pattern: re.Pattern, starts: list[int]) -> Iterator[re.Match]:
        """``finditer``'s matches for a pattern that can only start at one of ``starts`` (ascending):
        it is tried there alone, the same matches in the same order, much faster for a long pattern."""
        snapshot, last = self.work, -1
        for start in starts:
            if start < last:
                continue  # inside the previous match, as finditer would go on after it
            m = pattern.match(snapshot, start)
            if m:
                last = m.end()
                if "\x00" not in self.work[m.start():m.end()]:
                    yield m

    def multiplier(self, end: int) -> tuple[tuple[int, ...], int]:
        """The factors a multiplier after ``end`` may mean ("millions": (10**6,); French "billions":
        10**12 by the book, 10**9 as translated copy often uses it) and where it ends."""
        m = _multiplier_re(self.lang).match(self.work, end)
        if m:
            word = (m.group(1) or m.group(0).strip(" -\u00a0\u202f")).lower()
            return _multipliers(self.lang).get(word, (10**9,)), m.end()
        m = _CURRENCY_MULTIPLIER_RE.match(self.work, end)
        if m:
            return _CURRENCY_MULTIPLIERS[m.group(1)], m.end()
        if end > 0 and self.work[end - 1].isdigit():
            start = end - 1
            while start > 0 and (self.work[start - 1].isdigit() or self.work[start - 1] in ".,"):
                start -= 1
            if start > 0 and self.work[start - 1] in "$€£":
                c = _CURRENCY_SUFFIX_RE.match(self.work, end)
                if c:
                    return (10**6 if c.group(1) == "m" else 10**9,), c.end()
        return (1,), end
