"""How common a word is in English and in French: wordfreq's Zipf frequencies, offline.

wordfreq ships its word lists inside the package (nothing is downloaded). A Zipf
frequency is log10 of occurrences per billion words: 7 for "the", 5 for "director",
3 for "schroeder", 0 for an unknown word. Imported on first use; answers are cached.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

#: A word this frequent (Zipf) is a common word of the language, not only a name.
COMMON_ENGLISH = 3.5
COMMON_FRENCH = 4.5


#: A word wordfreq's tokenizer leaves whole, as one token, in English and French.
_PLAIN_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` (lowercased) in ``lang`` ("en" or "fr")."""
    word = word.lower()
    if _PLAIN_RE.fullmatch(word):
        return _plain_zipf(word, lang)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def _plain_zipf(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)`` for a word of ASCII lowercase letters, without its
    tokenizer (which leaves such a word as it is): its frequency looked up and rounded as
    ``word_frequency`` rounds it (to three significant digits, at least the minimum of Zipf 0).
    Checked equal to zipf_frequency on every such word of wordfreq's English and French lists."""
    freqs, minimum, to_zipf = _wordfreq(lang)
    freq = max(freqs.get(word, minimum), minimum)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(to_zipf(freq), 2)


@lru_cache(maxsize=None)
def _wordfreq(lang: str):
    """wordfreq's frequency dictionary of ``lang`` (the one ``zipf_frequency`` reads), the frequency of
    Zipf 0, and its frequency-to-Zipf function."""
    from wordfreq import freq_to_zipf, get_frequency_dict, zipf_to_freq

    return get_frequency_dict(lang, "best"), zipf_to_freq(0.0), freq_to_zipf


def preload() -> None:
    """Load the English and French frequency tables now (73 MiB), e.g. once before worker processes
    are forked, so that they share them instead of each loading its own copy."""
    for lang in ("en", "fr"):
        _wordfreq(lang)


def common_word(word: str) -> bool:
    """Is ``word`` an ordinary word of English (or of French) rather than only a name?"""
    return zipf(word, "en") >= COMMON_ENGLISH or zipf(word, "fr") >= COMMON_FRENCH
