"""Names in English text: candidates, transliteration keys, and spellings of one name.

Machine translation copies each occurrence of a transliterated name from the
French source, and French and English transliterate Arabic, Persian or Russian
names differently ("Hachd"/"Hashd", "Mouhandis"/"Muhandis"), so one name ends up
spelled two ways in one story. Names are grouped by a transliteration-aware key
(``name_key``) in one pass over the document: no word is compared with every
other word.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from ..model import Document, Origin, Segment
from .data import table, word_list, word_set
from .fold import fold_name, strip_accents
from .fold import spelling as surface_spelling
from .lexicon import common_word
from .sentences import is_sentence_start

#: Names this long or longer (after normalisation) are keyed by a skeleton that
#: ignores the quality of interior vowels ("Soleimani"/"Suleimani").
SKELETON_MIN_LETTERS = 7
#: Shorter candidate words are ignored (initials, "Al", "Ur").
MIN_LETTERS = 3

_VOWELS = "aeiou"
# One left-to-right pass, so the output of one rewrite is never read again by
# another (e.g. the "h" that "kh" leaves is not then taken for part of "ch"):
# kh -> h (Khazali/Hazali), ch -> sh (French "ch" is English "sh": Hachd/Hashd) but
# not in German "sch" (Fischer is not Fisher), ou -> u (French "ou" is English "u":
# Mouhandis/Muhandis).
_TRANSLIT_RE = re.compile(r"kh|(?<!s)ch|ou")
_TRANSLIT = {"kh": "h", "ch": "sh", "ou": "u"}
_DOUBLE_RE = re.compile(r"(.)\1+")
_INNER_VOWELS_RE = re.compile(f"[{_VOWELS}]+")
_EDGES_RE = re.compile(f"^([{_VOWELS}]*)(.*?)([{_VOWELS}]*)$")


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A transliteration-aware key: two spellings of one name get the same key.

    Steps, in this order: drop an ``al-``/``el-`` prefix; strip diacritics,
    apostrophes and hyphens and lowercase; rewrite kh -> h, ch -> sh (not in
    "sch"), ou -> u in one left-to-right pass; collapse doubled letters (after the rewrites, so
    "Hachchad" and "Hashad" meet); then, for names of 7 letters or more, replace
    every run of interior vowels by "." (a consonant skeleton that keeps the
    first and last vowels, so "Antonio"/"Antonia" and "Argentina"/"Argentine"
    stay apart). Shorter names must match exactly after the rewrites, so
    Iran/Iraq, Mali/Malia and Sudan/Sedan never meet.

    >>> name_key("Hachd") == name_key("Hashd")
    True
    >>> name_key("Soleimani") == name_key("Suleimani")
    True
    >>> name_key("Iran") == name_key("Iraq")
    False
    """
    s = fold_name(word)
    s = _TRANSLIT_RE.sub(lambda m: _TRANSLIT[m.group(0)], s)
    s = _DOUBLE_RE.sub(r"\1", s)
    if len(s) >= SKELETON_MIN_LETTERS:
        lead, middle, trail = _EDGES_RE.match(s).groups()
        s = lead + _INNER_VOWELS_RE.sub(".", middle) + trail
    return s


@lru_cache(maxsize=1)
def _distinct_pairs() -> frozenset[frozenset[str]]:
    """Pairs of distinct names the key would merge (names_distinct.tsv), folded."""
    return frozenset(frozenset((fold_name(row[0]), fold_name(row[1]))) for row in table("names_distinct.tsv"))


@lru_cache(maxsize=1)
def _ignored_keys() -> frozenset[str]:
    """Keys of given names that different people spell differently (names_given.txt)."""
    return frozenset(name_key(w) for w in word_list("names_given.txt"))


def distinct(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are known to be different names despite one key."""
    return frozenset((fold_name(a), fold_name(b))) in _distinct_pairs()


def given_name(word: str) -> bool:
    """Whether ``word`` is a given name of names_first.txt, as written or without its accents (Šimon: Simon)."""
    names = word_set("names_first.txt")
    return word in names or strip_accents(word).capitalize() in names


# A word: letters, with inner apostrophes and hyphens ("Ba'ath", "al-Chaabi", "Jean-Luc").
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019\-\u2010\u2011][^\W\d_]+)*")
_PART_RE = re.compile(r"[^-\u2010\u2011]+")
_HYPHEN_RE = re.compile(r"[-\u2010\u2011]")
# The words of _WORD_RE that may hold a candidate, found without visiting the others in Python: a word
# starts at a letter after no letter, nor after a joiner that follows one (else it continues a word), and
# is skipped when it starts with a common lower-case letter and has no hyphen (most words of prose; the
# group, captured in a lookahead, reads the word's letters and apostrophes once, as an atomic group would).
# What it lets through is tested as before.
_MAYBE_NAME_RE = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['\u2019\-\u2010\u2011])"
                            r"(?![a-z\u00df-\u00f6\u00f8-\u00ff](?=([^\W\d_]*(?:['\u2019][^\W\d_]+)*))\1"
                            r"(?![-\u2010\u2011][^\W\d_]))" + _WORD_RE.pattern)
_POSSESSIVE_RE = re.compile(r"['\u2019][sS]$")
_PREFIXES = {"al", "el"}
# What may separate a name from the next one in a full name: "Qassem Soleimani", "Abu Mehdi al-Mouhandis".
_JOIN_RE = re.compile(r"[ \u00a0]+(?:[ae]l[-\u2010\u2011])?", re.IGNORECASE)


# Surname prefixes followed by a capital: McCain, MacArthur, DiCaprio, DeSantis, LaGuardia.
_PREFIXED_SURNAME_RE = re.compile(r"(?:Mc|Mac|Di|De|La|Le)[A-Z][a-z]+")


def _capitalised(part: str) -> bool:
    """An initial capital and no other, except after an apostrophe (O'Brien, N'Djamena) or a surname
    prefix (McCain, DiCaprio).

    Other words with inner capitals (GitHub, iPhone, LightGray) are brand
    or code names, spelled by their owners, and are left alone.
    """
    if not part[0].isupper():
        return False
    if not any(map(str.isupper, part[1:])):
        return True  # (most names: no other capital)
    if _PREFIXED_SURNAME_RE.fullmatch(part):
        return True
    return all(not c.isupper() or part[i - 1] in "'\u2019" for i, c in enumerate(part) if i)


@lru_cache(maxsize=4096)
def name_candidates(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """``(start, end, spelling, initial)`` for each name-like word part of ``text``.

    A candidate is a capitalised word (not all capitals: acronyms are left alone)
    or the part after an ``al-``/``el-`` prefix ("al-Chaabi" gives "Chaabi").
    ``initial`` is True for the first word of a sentence, which is capitalised
    whether or not it is a name. Cached: the name rules each collect the names of the same segments.
    """
    found = []
    for m in _MAYBE_NAME_RE.finditer(text):
        offset = m.start()
        for start, end, spelling, first in _word_candidates(m.group(0)):
            start += offset
            found.append((start, end + offset, spelling, first and is_sentence_start(text, start, dash=True)))
    return tuple(found)


@lru_cache(maxsize=1024)
def _word_candidates(word: str) -> tuple[tuple[int, int, str, bool], ...]:
    """``name_candidates`` of one word of _WORD_RE, at its offsets in the word, with whether the part
    is the word's first (and so may start a sentence). Words recur: read once each."""
    if not word[0].isupper() and not _HYPHEN_RE.search(word):
        return ()  # one part, not capitalised: most words stop here
    possessive = _POSSESSIVE_RE.search(word)
    if possessive:
        word = word[: possessive.start()]
    found = []
    parts = list(_PART_RE.finditer(word))
    for i, p in enumerate(parts):
        part = p.group(0)
        prefixed = i > 0 and parts[i - 1].group(0).lower() in _PREFIXES
        if part.lower() in _PREFIXES and i + 1 < len(parts):
            continue
        if not prefixed and not _capitalised(part):  # first: the cheap test that drops most words
            continue
        if prefixed and part.isupper():
            continue
        if len(fold_name(part)) < MIN_LETTERS:
            continue
        found.append((p.start(), p.end(), surface_spelling(part), i == 0 and not prefixed))
    return tuple(found)


def name_words(text: str) -> list[str]:
    """The name-like word parts of ``text``, capitalised or not ("Hashd al-Shaabi" gives Hashd, Shaabi).

    Used for spellings the user or a glossary prefers, not for finding names in prose.
    """
    out = []
    for m in _WORD_RE.finditer(text):
        parts = [p.group(0) for p in _PART_RE.finditer(m.group(0))]
        for i, part in enumerate(parts):
            if part.lower() in _PREFIXES and i + 1 < len(parts):
                continue
            if len(fold_name(part)) >= MIN_LETTERS:
                out.append(surface_spelling(part))
    return out


class Mention(NamedTuple):
    """Where a spelling occurs, without the segment's text: the segment's index, line and origin, the
    0-based start of the word part and its text (interned), and whether it is part of a hyphenated
    name (``compound``, as the collector's ``compound(segment, start, end)`` judged it)."""

    index: int
    line: int
    origin: Origin | None
    start: int
    text: str
    compound: bool = False

    def segment(self) -> tuple[Segment, int, int]:
        """``(segment, start, end)`` for a finding on the mention: a stand-in segment with the text at its
        offset (``Rule.finding`` reads only the span's text, the index, the line and the origin)."""
        return (Segment(self.index, self.line, " " * self.start + self.text, origin=self.origin),
                self.start, self.start + len(self.text))


def mention(seg: Segment, start: int, end: int, compound: bool = False) -> Mention:
    return Mention(seg.index, seg.line, seg.origin, start, sys.intern(seg.text[start:end]), compound)


class NameCollector:
    """The names of a document, collected window by window: ``result()`` is ``(groups, named, followers)``.

    ``groups`` maps a name key to each spelling's occurrences; ``named`` holds the
    spellings seen outside a sentence start or, there, no common English or French
    word (a spelling seen only there may be an ordinary word); ``followers`` maps a spelling to the keys of the names right
    after it ("Qassem" -> {"soleimani"}). ``skip(text)`` may return spans whose
    words are left out (the forms a glossary rule reports). Given names that
    different people spell differently (names_given.txt) are never collected.
    Occurrences are Mentions, which do not hold the segment's text.
    """

    def __init__(self, skip=None, compound: Callable[[Segment, int, int], bool] | None = None) -> None:
        self.skip, self.compound = skip, compound
        self.groups: dict[str, dict[str, list[Mention]]] = {}
        self.named: set[str] = set()
        self.followers: dict[str, set[str]] = {}
        self._last = None

    def add(self, window: Document) -> None:
        """Collect ``window``'s names (once: the same window again adds nothing)."""
        if window is self._last:
            return
        self._last = window
        ignored, skip, compound = _ignored_keys(), self.skip, self.compound
        groups, named, followers = self.groups, self.named, self.followers
        for seg in window.segments:
            candidates = name_candidates(seg.text)
            skipped = skip(seg.text) if skip is not None and candidates else ()
            for i, (start, end, spelling, initial) in enumerate(candidates):
                key = name_key(spelling)
                if key in ignored or any(a <= start and end <= b for a, b in skipped):
                    continue
                groups.setdefault(key, {}).setdefault(spelling, []).append(
                    mention(seg, start, end, compound is not None and compound(seg, start, end)))
                if not initial or spelling not in named and not common_word(spelling):
                    named.add(spelling)  # (a rare word starting a sentence is a name there too: "Zawahri said")
                if i + 1 < len(candidates) and _JOIN_RE.fullmatch(seg.text, end, candidates[i + 1][0]):
                    followers.setdefault(spelling, set()).add(name_key(candidates[i + 1][2]))

    def result(self):
        return self.groups, self.named, self.followers


#: Names this long or longer may be one name spelled with a vowel more or less inside, or a final h
#: more or less (Zawahiri/Zawahri, Falluja/Fallujah), though their keys differ.
VARIANT_MIN_LETTERS = 6


def one_letter_variant(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one name transliterated with one letter more or less: a vowel inside the name
    (Zawahiri/Zawahri) or a final h (Falluja/Fallujah); or with another first velar (Gadhafi/Kadhafi)? Not a final vowel (Karim/Karima, Michel/Michele
    are two people), not the first three letters, and not a common English or French word
    (Holland/Hollande). Edit operations from rapidfuzz (Levenshtein)."""
    fa, fb = fold_name(a), fold_name(b)
    if len(fa) == len(fb) >= VARIANT_MIN_LETTERS and fa[0] != fb[0] and {fa[0], fb[0]} <= _VELARS and fa[1:] == fb[1:]:
        return not (distinct(a, b) or common_word(a) or common_word(b))  # Gadhafi/Kadhafi/Qadhafi
    if abs(len(fa) - len(fb)) != 1 or min(len(fa), len(fb)) < VARIANT_MIN_LETTERS or fa[:3] != fb[:3]:
        return False
    from rapidfuzz.distance import Levenshtein

    ops = Levenshtein.editops(fa, fb)
    if len(ops) != 1 or ops[0].tag not in ("insert", "delete"):
        return False
    longer = fa if len(fa) > len(fb) else fb
    pos = ops[0].src_pos if ops[0].tag == "delete" else ops[0].dest_pos
    extra = longer[pos]
    if not ((extra == "h" and pos == len(longer) - 1) or (extra in _VOWELS and 3 <= pos < len(longer) - 1)):
        return False
    return not (distinct(a, b) or common_word(a) or common_word(b))


#: The first letters Arabic names are transliterated with, one for another (Gadhafi, Kadhafi); not q and k
#: (Qassem and Kassem are left alone, as the key leaves them).
_VELARS = frozenset("gk")


def _shorter_forms(folded: str) -> set[str]:
    """The spellings ``folded`` may be a one-letter variant of (``one_letter_variant``): it less a final h,
    less one vowel inside, or with g for a first k or k for a first g."""
    out = {folded[:-1]} if folded.endswith("h") else set()
    if folded[:1] in _VELARS:
        out.update(v + folded[1:] for v in _VELARS if v != folded[0])
    out.update(folded[:i] + folded[i + 1:] for i in range(3, len(folded) - 1) if folded[i] in _VOWELS)
    return {f for f in out if len(f) >= VARIANT_MIN_LETTERS}


def variant_roots(groups: dict[str, dict]) -> dict[str, str]:
    """For the keys of ``groups`` (key -> spellings) whose spellings are one-letter variants of another
    key's (``one_letter_variant``), the key they join: the earliest of the set. Linear: each spelling
    looks up the few shorter forms it could be a variant of."""
    by_form: dict[str, list[tuple[str, str]]] = {}
    for key, spellings in groups.items():
        for spelling in spellings:
            by_form.setdefault(fold_name(spelling), []).append((key, spelling))
    order = {key: i for i, key in enumerate(groups)}
    home: dict[str, str] = {}

    def root(k: str) -> str:
        while k in home:
            k = home[k]
        return k

    for key, spellings in groups.items():
        for spelling in spellings:
            for shorter in _shorter_forms(fold_name(spelling)):
                for other, other_spelling in by_form.get(shorter, ()):
                    a, b = root(key), root(other)
                    if a != b and one_letter_variant(spelling, other_spelling):
                        first, second = sorted((a, b), key=order.get)
                        home[second] = first
    return {key: root(key) for key in home}


def merge_one_letter_variants(groups: dict[str, dict[str, list]]) -> dict[str, dict[str, list]]:
    """``groups`` (key -> spelling -> occurrences) with the groups of one-letter variants merged into the
    group of the earlier key (``variant_roots``); ``groups`` is not changed."""
    roots = variant_roots(groups)
    if not roots:
        return groups
    merged: dict[str, dict[str, list]] = {}
    for key, spellings in groups.items():
        target = merged.setdefault(roots.get(key, key), {})
        for spelling, occ in spellings.items():
            target.setdefault(spelling, []).extend(occ)
    return merged


def same_name(a: str, b: str, followers: dict[str, set[str]]) -> bool:
    """May spellings ``a`` and ``b`` (one key) be the same name?

    Not when names_distinct.tsv says they differ, nor when both are followed by
    names and never by the same one: "Philip Lowe" and "Phillip Schofield" are
    two people, "Qassem Soleimani" and "Qasem Soleimani" one. Spellings that differ
    by more than diacritics where one is a common English or French word
    (``lexicon.common_word``: Star/Starr, Congrès/Congress) are one name only when
    the same name follows both.
    """
    if distinct(a, b):
        return False
    fa, fb = followers.get(a), followers.get(b)
    if fold_name(a) != fold_name(b) and (common_word(a) or common_word(b)):
        # Star/Starr, Princess/Princes, Congrès/Congress are ordinary words, not two spellings of a
        # name; a common given name is one when the same surname follows both (Philip/Phillip Lowe).
        return bool(fa and fb and not fa.isdisjoint(fb))
    return not (fa and fb and fa.isdisjoint(fb))


def pair_variants(order: list[str], followers: dict[str, set[str]]) -> list[tuple[str, str]]:
    """``(canonical, variant)`` pairs: each spelling against the first one in ``order`` that may be the same name."""
    canonicals: list[str] = []
    pairs = []
    for s in order:
        home = next((c for c in canonicals if same_name(c, s, followers)), None)
        if home is None:
            canonicals.append(s)
        else:
            pairs.append((home, s))
    return pairs


def preferred_in(spellings, preferred: str | None) -> str | None:
    """The spelling among ``spellings`` that is ``preferred`` (case aside), if any."""
    if preferred is None:
        return None
    if preferred in spellings:
        return preferred
    folded = preferred.casefold()
    return next((s for s in spellings if s.casefold() == folded), None)
