"""Whether a translation renders its own source or another line of the source file (TQ918).

``unrelated_score`` weighs how much likelier a translation's counts and marks are for the
translation of another sentence than for one of its source (``bilingual``: words rendered each
way, marks kept, names met), reading only as much as the bar asks: exact look-ups clear nearly
every segment at once.

``PartnerSearch`` goes through a file's pairs in order and, for each translation that does not
render its own source well (its score above a low bar), finds the source line it does render:
the lines of the source are indexed by the English words that would render them (their
glossary renderings and their own spellings, as ``quick_coverage`` looks them up), and the few
lines that share the most such words with the translation are weighed in full. A line out of
alignment, or a segment pasted from elsewhere in the file, renders another line of the source
as well as a translation renders its own; the translation of an unrelated sentence renders no
line. The search covers up to ``max_lines`` lines before and after each candidate (the whole
of most files), so that memory stays bounded on a file of any length.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from .bilingual import (
    Coverage,
    _english_numbers,
    _english_stem,
    _glossary,
    coverage,
    kept_terms,
    looks_french,
    name_bound,
    name_evidence,
    quick_coverage,
    shape_bound,
    shape_evidence,
    source_words,
    target_words,
    unrelated_evidence,
)
from .numwords import number_words

#: A source line is weighed in full when it shares this many look-up words with the translation,
#: and at most PARTNER_LINES of the lines sharing the most are weighed.
PARTNER_MIN_HITS = 2
PARTNER_LINES = 8
#: A translation of a line is about as long as it: a partner line's length (in characters) is within
#: these ratios of the translation's. Professional translations are 0.36 to 1.83 times as long as
#: their source at the 0.1st and 99.9th percentiles, 0.5 to 1.47 at the 0.5th and 99.5th (6,003
#: newstest2012/2013 segments; the WCE-LIG post-edits: 0.55 to 1.48, 0.63 to 1.22); a headline of
#: three words met by the names and one word of a long sentence is no translation of it.
PARTNER_LENGTH_RATIO = (0.5, 2.0)


#: The share of numbers (digits) with no counterpart on the other side (the same digits, or a number
#: word of that value: 5 = five, cinq = 5), in a translation of the source and in a translation of
#: another sentence: the source's 0.067 and 0.994, the translation's 0.060 and 0.995 (newstest2012/
#: 2013: 1,875 and 1,831 numbers; 5,607 and 5,130 in their segments paired with far-away ones'
#: translations by challenge.py's make_unrelated, seeds 1 to 3). Translators keep numbers far more
#: often than other words (0.6), and another sentence's numbers are other numbers: each number weighs
#: as a name does (bilingual.name_evidence).
NUMBER_UNMATCHED = {"source": (0.067, 0.994), "translation": (0.060, 0.995)}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


def number_evidence(source: str, text: str, src: tuple[tuple[str, str], ...] | None = None,
                    bound: bool = False) -> float:
    """What the numbers of the two sides add to ``unrelated_evidence``'s terms for a word (a log-likelihood
    ratio): a number of one side with no counterpart on the other is far likelier for the translation of
    another sentence. ``bound``: the most it can give (each number unmatched), without matching."""
    src = source_words(source) if src is None else src
    words = target_words(text)
    numbers = [lower for lower, _ in src if lower[0].isdigit()]
    digits = [word for word in words if word[0].isdigit()]
    if not numbers and not digits:
        return 0.0
    if bound:
        return sum(len(side) * max(0.0, _number_terms(name)[0]) for name, side in
                   (("source", numbers), ("translation", digits)))
    english, french = _english_numbers(), _french_numbers()
    values = {english.get(word, word) for word in words}
    for first, word in pairwise(words):
        if first.isdigit() and word in _SCALES:  # 12 thousand = 12000
            scaled = str(int(first) * _SCALES[word])
            values.add(scaled)
            digits[digits.index(first)] = scaled
        elif english.get(first, "1").endswith("0") and len(english.get(word, "")) == 1:  # twenty-seven
            values.add(str(int(english[first]) + int(english[word])))
    source_values = set(numbers) | {french[lower] for lower, _ in src if lower in french}
    total = 0.0
    for name, side, other in (("source", numbers, values), ("translation", digits, source_values)):
        unmatched, matched = _number_terms(name)
        total += sum(matched if number in other else unmatched for number in side)
    return total


@lru_cache(maxsize=1)
def _french_numbers() -> dict[str, str]:
    """French number words and their values as digits, as ``bilingual._english_numbers`` (not une,
    premier and seconde: other words too)."""
    return {word: str(value) for word, value in number_words("fr").items()
            if word not in ("une", "premier", "seconde")}


@lru_cache(maxsize=2)
def _number_terms(side: str) -> tuple[float, float]:
    """What an unmatched and a matched number of ``side`` add to a word's terms."""
    return kept_terms(*NUMBER_UNMATCHED[side])


def unrelated_score(source: str, text: str, bar: float,
                    src: tuple[tuple[str, str], ...] | None = None) -> tuple[float, Coverage] | None:
    """``(score, coverage)`` when the evidence that ``text`` translates another sentence than
    ``source`` exceeds ``bar`` (a log-likelihood ratio); None when it does not, when a side has no
    content word, or when the source is no French sentence (it has no French function word).
    ``src``: ``source_words(source)``, when the caller has them."""
    quick = quick_coverage(source, text, src)
    if quick.source_words < 1 or quick.words < 1:
        return None
    words, names = unrelated_evidence(quick), name_bound(source, text) + number_evidence(source, text, src, True)
    if words + shape_bound() + names <= bar:
        return None  # the words alone clear it, whatever the marks, names and numbers (nearly every segment)
    shape = shape_evidence(source, text)
    if words + shape + names <= bar:
        return None  # exact look-ups already find enough of the source
    if not looks_french(source):
        return None  # a source in another language is no French sentence to render
    cov = coverage(source, text)
    score = unrelated_evidence(cov) + shape + name_evidence(source, text) + number_evidence(source, text, src)
    return (score, cov) if score > bar else None


def related(source: str, text: str) -> tuple[float, Coverage] | None:
    """``(score, coverage)``: the same evidence, in full, for any pair (None when a side has no content
    word or the source is not French); a score below 0 favours ``text`` being a translation of ``source``."""
    cov = coverage(source, text)
    if cov.source_words < 1 or cov.words < 1 or not looks_french(source):
        return None
    return (unrelated_evidence(cov) + shape_evidence(source, text) + name_evidence(source, text)
            + number_evidence(source, text)), cov


def source_keys(src: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """The look-up words of a source's content words (``source_words``): each as written and folded."""
    return frozenset(form for pair in src for form in pair)


def target_keys(text: str) -> frozenset[str]:
    """The look-up words of the source content words an English ``text`` would render: its own words
    and their stems (a cognate, a name, a number spelled alike) and the French words the glossary
    renders by one of them (``countries``: pays)."""
    reverse = _reverse_glossary()
    keys: set[str] = set()
    for word in target_words(text):
        for form in (word, _english_stem(word)):
            keys.add(form)
            keys.update(reverse.get(form, ()))
    return frozenset(keys)


def _renders_most(cov: Coverage) -> bool:
    """Whether a translation renders two thirds or more of its source's content words and two thirds of its
    own are renderings, two at least each way: a short sentence's whole translation ("The costs will run
    into the millions." for "Cela coûte des millions."), whose evidence cannot grow with its length."""
    return (min(cov.source_rendered, cov.rendered) >= 2 and 3 * cov.source_rendered >= 2 * cov.source_words
            and 3 * cov.rendered >= 2 * cov.words)


@lru_cache(maxsize=1)
def _reverse_glossary() -> dict[str, tuple[str, ...]]:
    """English rendering (or its stem) -> the French words of the glossary it renders."""
    out: dict[str, list[str]] = {}
    for french, words in _glossary().items():
        for word in words:
            out.setdefault(word, []).append(french)
    return {word: tuple(french) for word, french in out.items()}


@dataclass(eq=False)
class Candidate:
    """A pair whose translation renders little of its own source, and the line it renders best."""

    position: int  # the pair's number in the file (segment number)
    item: object  # what the caller wants back with it (the segment)
    text: str
    score: float  # unrelated_score of the pair
    coverage: Coverage
    keys: frozenset[str]
    partner: int | None = None  # position of the source line rendered best, when below the bar
    partner_score: float = 0.0
    partner_item: object = None


class PartnerSearch:
    """Finds, for each pair scoring above ``own_bar``, a source line the translation renders with a
    ``related`` score below ``partner_bar``, among up to ``max_lines`` lines before and after it."""

    def __init__(self, own_bar: float, partner_bar: float, max_lines: int, most_bar: float | None = None) -> None:
        self.own_bar, self.partner_bar, self.max_lines = own_bar, partner_bar, max_lines
        self.most_bar = partner_bar if most_bar is None else most_bar  # a line rendering most words both ways
        self.lines: dict[int, tuple[str, object]] = {}  # position -> (source, its item), in order
        self.postings: dict[str, list[int]] = {}  # look-up word -> positions of the lines it renders
        self.pending: dict[int, Candidate] = {}  # position -> candidate, in order
        self.by_key: dict[str, list[Candidate]] = {}

    def add(self, position: int, source: str, text: str, item: object, source_item: object) -> list[Candidate]:
        """Take the next pair of the file; return the candidates now settled (searched both ways)."""
        src = source_words(source)
        keys = source_keys(src)
        if self.by_key:  # the candidates before this line, weighed against it
            hits = Counter(c.position for key in keys for c in self.by_key.get(key, ()))
            for at, n in hits.items():
                if n >= PARTNER_MIN_HITS:
                    self._weigh(self.pending[at], position, source, source_item)
        self.lines[position] = (source, source_item)
        for key in keys:
            self.postings.setdefault(key, []).append(position)
        found = unrelated_score(source, text, self.own_bar, src)
        if found is not None:
            cand = Candidate(position, item, text, found[0], found[1], target_keys(text))
            for p in self._likeliest(cand.keys, position):
                self._weigh(cand, p, *self.lines[p])
            self.pending[position] = cand
            for key in cand.keys:
                self.by_key.setdefault(key, []).append(cand)
        return self._settle(position - self.max_lines)

    def _likeliest(self, keys: frozenset[str], position: int) -> list[int]:
        """The PARTNER_LINES lines sharing at least PARTNER_MIN_HITS look-up words with ``keys`` whose
        shared words are rarest in the lines indexed (the sum of their inverse line frequencies; a
        word of every other line says little), the nearer first on a tie: an order that does not
        depend on a set's (the hash seed's)."""
        hits: Counter[int] = Counter()
        weight: dict[int, float] = {}
        total = len(self.lines)
        for key in keys:
            found = self.postings.get(key, ())
            rarity = math.log(1.0 + total / len(found)) if found else 0.0
            for p in found:
                if p != position:
                    hits[p] += 1
                    weight[p] = weight.get(p, 0.0) + rarity
        ranked = sorted((p for p, n in hits.items() if n >= PARTNER_MIN_HITS),
                        key=lambda p: (-round(weight[p], 9), abs(p - position), p))
        return ranked[:PARTNER_LINES]

    def close(self) -> list[Candidate]:
        """The candidates not settled yet (after the file's last pair)."""
        return self._settle(None)

    def _weigh(self, cand: Candidate, position: int, source: str, source_item: object) -> None:
        low, high = PARTNER_LENGTH_RATIO
        if not low * len(source) <= len(cand.text) <= high * len(source):
            return
        found = related(source, cand.text)
        if found is None:
            return
        score, cov = found
        if score >= self.partner_bar and not (score < self.most_bar and _renders_most(cov)):
            return
        def rank(score: float, line: int) -> tuple[float, int, int]:
            return round(score, 9), abs(line - cand.position), line  # the nearer of two equal lines

        if cand.partner is None or rank(score, position) < rank(cand.partner_score, cand.partner):
            cand.partner, cand.partner_score, cand.partner_item = position, score, source_item

    def _settle(self, before: int | None) -> list[Candidate]:
        """The candidates before ``before`` (all with None), out of the search."""
        out = []
        while self.pending:
            position = next(iter(self.pending))
            if before is not None and position >= before:
                break
            cand = self.pending.pop(position)
            for key in cand.keys:
                bucket = self.by_key[key]
                bucket.remove(cand)
                if not bucket:
                    del self.by_key[key]
            out.append(cand)
        if before is not None and self.lines and next(iter(self.lines)) < before - self.max_lines:
            self._forget(before)
        return out

    def _forget(self, before: int) -> None:
        """Drop the lines before ``before``: no candidate to come looks that far back (done every
        ``max_lines`` lines, so that the index holds at most twice that many)."""
        for position in list(self.lines):
            if position >= before:
                break
            del self.lines[position]
        for key in list(self.postings):
            kept = [p for p in self.postings[key] if p >= before]
            if kept:
                self.postings[key] = kept
            else:
                del self.postings[key]
