"""How common a word is in English and in French: wordfreq's Zipf frequencies, offline.

wordfreq ships its word lists inside the package (nothing is downloaded). A Zipf
frequency is log10 of occurrences per billion words: 7 for "the", 5 for "director",
3 for "schroeder", 0 for an unknown word. Imported on first use; answers are cached.
"""
from __future__ import annotations

from functools import lru_cache

#: A word this frequent (Zipf) is a common word of the language, not only a name.
COMMON_ENGLISH = 3.5
COMMON_FRENCH = 4.5


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` (lowercased) in ``lang`` ("en" or "fr")."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), lang)


def common_word(word: str) -> bool:
    """Is ``word`` an ordinary word of English (or of French) rather than only a name?"""
    return zipf(word, "en") >= COMMON_ENGLISH or zipf(word, "fr") >= COMMON_FRENCH
