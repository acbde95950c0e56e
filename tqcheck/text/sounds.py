"""The sounds of a name: the consonants transliterations keep, and whether two names' sounds tell them
apart (``sound_apart``: Castex and Castro are two names; Ioutchenko and Yushchenko, one).

French and English transliterate a name differently but keep its consonants; two names alike in their
letters often have other consonants. Used by the name rules (text/swaps.py, text/nearnames.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from .fold import fold_name

_DOUBLE_RE = re.compile(r"(.)\1+")


# The letters French and English transliterations spell one sound with, read left to right (one pass):
# the sounds of "ch" (French sh, English tch) as one, a voiced consonant as its voiceless twin (Kadhafi,
# Gaddafi), vowels and the semivowels and h left out (Ioutchenko, Yushchenko; Ianoukovitch, Yanukovych).
_SOFT_C_RE = re.compile(r"c(?=[eiy])")
_SOUNDS_RE = re.compile(r"tch|sch|dzh|sh|ch|zh|kh|ph|dj|gh|dh|th|ck|qu|[xcqgdbvzjwhyaeiou]")
_SOUNDS = {"tch": "$", "sch": "$", "dzh": "$", "sh": "$", "ch": "$", "zh": "$", "kh": "k", "ph": "f", "dj": "$", "gh": "k",
           "dh": "t", "th": "t", "ck": "k", "qu": "k", "x": "ks", "c": "k", "q": "k", "g": "k", "d": "t", "b": "p",
           "v": "f", "z": "s", "j": "$"}


@lru_cache(maxsize=65536)
def consonants(word: str) -> str:
    """The consonants of a name as transliterations keep them: two spellings of one name have the
    same (Ianoukovitch and Yanukovych ``nkf$``, Kadhafi and Gaddafi ``ktf``); two names alike in
    their letters often do not (Castex ``kstks``, Castro ``kstr``; Monti, Monk).

    >>> consonants("Ioutchenko") == consonants("Yushchenko")
    True
    >>> consonants("Castex") == consonants("Castro")
    False
    """
    s = _SOFT_C_RE.sub("s", fold_name(word))
    s = _SOUNDS_RE.sub(lambda m: _SOUNDS.get(m.group(0), ""), s)
    return _DOUBLE_RE.sub(r"\1", s)


#: Letters that print like another letter (rn, m; cl, d; vv, w): a source typed or scanned from print
#: mixes them up (Anatoly Smimov for Smirnov), a name with other consonants does not.
_GLYPHS = {"rn": "m", "cl": "d", "vv": "w"}
_GLYPHS_RE = re.compile("|".join(_GLYPHS))


def _glyphs(name: str) -> str:
    return _GLYPHS_RE.sub(lambda m: _GLYPHS[m.group(0)], name)


#: Two names this alike in their letters, the consonants of one starting the other's, are one name
#: (Jonás, Jonah; Olbracht, Olbrich; Netanjahu, Netanyahou: 0.75 to 0.8); less alike, the letters must
#: show the ending too (Janota, Jandura: 0.57, two names).
ENDING_SIMILARITY = 0.7
#: What a name may end in before an ending is added (Algérie, Algerian; Rico, Rican): vowels.
_FINAL_VOWELS = "aeiouy"


def _with_ending(base: str, other: str) -> bool:
    """Whether ``other`` spells ``base`` (its letters, or its stem without final vowels when that keeps
    three letters or more) and then an ending: Maoist for Mao, Algerian for Algérie; not Jandura for
    Janota, whose consonants start alike but whose letters part in the middle."""
    base, other = fold_name(base), fold_name(other)
    if Levenshtein.normalized_similarity(base, other) >= ENDING_SIMILARITY:
        return True  # alike enough to be one name whatever the letters (Jonás, Jonah; Netanjahu, Netanyahou)
    stem = base.rstrip(_FINAL_VOWELS)
    return other.startswith(base) or (len(stem) >= 3 and other.startswith(stem))


def sound_apart(a: str, b: str) -> bool:
    """Whether two names' ``consonants`` tell them apart: they differ, neither is the other with an
    ending (in letters as in consonants: Algérie, Algerian; Mao, Maoist), not by two consonants
    swapped (Mazda, Madza), nor by letters alike in print (Smimov, Smirnov)."""
    x, y = consonants(a), consonants(b)
    if x == y or not x or not y:
        return False
    if (y.startswith(x) and _with_ending(a, b)) or (x.startswith(y) and _with_ending(b, a)):
        return False
    if _GLYPHS_RE.search(a + " " + b) and consonants(_glyphs(a)) == consonants(_glyphs(b)):
        return False  # letters misread or mistyped for others alike in print (Smimov, Smirnov)
    return not (OSA.distance(x, y) == 1 and Levenshtein.distance(x, y) == 2)  # one edit only as a transposition
