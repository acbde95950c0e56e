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
    """The Zipf frequency of ``word`` (lowercased) in ``lang`` ("en" or "fr"): wordfreq's
    ``zipf_frequency(word, lang)``, read from its frequency list (wordfreq's dict, or the compact
    table ``preload`` makes) without going through wordfreq's own lookup, which loads the dict."""
    word = word.lower()
    table, minimum, to_zipf = _wordfreq(lang)
    if _PLAIN_RE.fullmatch(word):  # wordfreq's tokenizer leaves such a word as it is
        freq = max(table.get(word, minimum), minimum)
    else:
        freq = _tokens_frequency(word, lang, table, minimum)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # noqa: FURB163  (as word_frequency rounds it)
    return round(to_zipf(freq), 2)


def _tokens_frequency(word: str, lang: str, table, minimum: float) -> float:
    """wordfreq's ``_word_frequency`` before rounding: the word cut by its tokenizer, the tokens'
    frequencies combined as 1/f = 1/f1 + 1/f2 + ..., digit runs looked up as zeros."""
    from wordfreq import digit_freq, lossy_tokenize, smash_numbers

    tokens = lossy_tokenize(word, lang)
    if not tokens:
        return minimum
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        freq = table.get(smashed)
        if freq is None:
            return minimum
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    return max(1.0 / one_over_result, minimum)


class FrequencyTable:
    """wordfreq's frequency list of a language in some 3 MiB instead of the 37 MiB of its dict and
    word strings: each word's ``hash`` in a sorted numpy array beside its frequency bucket, found by
    binary search, the most frequent words also in a dict. ``get(word)`` is
    ``get_frequency_dict(lang).get(word)``: the same float for the same word. Made in a tenth of the
    time of sorting the words themselves; two of its 300,000 words, or a word asked and one of them,
    share a 64-bit hash with odds of about 1 in 10^8 and 1 in 10^13. The hashes are this process's
    (and its forked workers'): a table is made where it is read and never pickled."""

    #: About this many of the most frequent words are also kept in a dict, for the fastest lookups.
    TOP = 30_000

    def __init__(self, pack: list[list[str]], bucket_freq) -> None:
        from itertools import accumulate, chain

        import numpy as np

        self._freqs = [bucket_freq(-index) for index in range(len(pack))]
        sizes = [len(bucket) for bucket in pack]
        count = sum(sizes)
        hashes = np.fromiter(map(hash, chain.from_iterable(pack)), dtype=np.int64, count=count)
        hashes ^= np.fromiter(map(len, chain.from_iterable(pack)), dtype=np.int64, count=count)  # see _key
        buckets = np.repeat(np.arange(len(pack), dtype=np.uint16), sizes)
        # a word listed twice takes its last bucket, as in wordfreq's dict: the first of the reversed list
        self._keys, first = np.unique(hashes[::-1], return_index=True)
        self._bucket = buckets[::-1][first]
        totals = list(accumulate(sizes))
        top = next((index for index, total in enumerate(totals) if total >= self.TOP), len(pack))
        # the frequent words' text, kept as one bytes object until ``index_top``
        self._top_words = "\0".join(chain.from_iterable(pack[:top + 1])).encode("utf-8", "surrogatepass")
        self._top: dict[str, float] = {}

    def index_top(self) -> FrequencyTable:
        """Put the most frequent words in the dict: called once the list the table was made from is
        gone, so that these strings do not keep the memory of its other 300,000 words from being freed."""
        if self._top_words:
            words = self._top_words.decode("utf-8", "surrogatepass").split("\0")
            self._top = {word: self.get(word) for word in words}
        self._top_words = b""
        return self

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, word: str, default=None):
        found = self._top.get(word)
        if found is not None:
            return found
        key = _key(word)
        keys = self._keys
        i = int(keys.searchsorted(key))
        if i < len(keys) and keys[i] == key:
            return self._freqs[self._bucket[i]]
        return default


def _key(word: str) -> int:
    """``word``'s key in a FrequencyTable: its hash, xor its length. Python hashes a string's stored
    units, so that "kp" (two one-byte units) and "火" (one two-byte unit) hash alike; their lengths differ."""
    return hash(word) ^ len(word)


#: The compact tables ``preload`` made, by language.
_TABLES: dict[str, FrequencyTable] = {}


@lru_cache(maxsize=None)
def _wordfreq(lang: str):
    """wordfreq's frequencies of ``lang`` (the list ``zipf_frequency`` reads): the compact table if
    ``preload`` made one, else wordfreq's own dict (made in a third of the time: a short run keeps
    its start-up); the frequency of Zipf 0; wordfreq's frequency-to-Zipf function."""
    from wordfreq import freq_to_zipf, get_frequency_dict, zipf_to_freq

    table = _TABLES.get(lang)
    return (table if table is not None else get_frequency_dict(lang, "best")), zipf_to_freq(0.0), freq_to_zipf


def preload() -> None:
    """Load the English and French frequencies now, as compact tables (12 MiB for both instead of
    73 MiB, in some 0.15 s more), e.g. once before worker processes are forked, so that they share them
    instead of each loading its own copy. A language already loaded is left as it is."""
    from wordfreq import cB_to_freq, get_frequency_list

    loaded = {lang for lang in ("en", "fr") if lang in _TABLES} if _wordfreq.cache_info().currsize == 0 \
        else {"en", "fr"}  # once either was loaded as a dict, both stay so (one kind per process)
    # not through get_frequency_list's cache: each list is dropped once its table is made
    made = {lang: FrequencyTable(get_frequency_list.__wrapped__(lang, "best"), cB_to_freq)
            for lang in ("en", "fr") if lang not in loaded}
    _give_back_freed_memory()  # before the dicts of frequent words are made, so that they do not pin it
    for lang, table in made.items():
        _TABLES[lang] = table.index_top()
    for lang in ("en", "fr"):
        _wordfreq(lang)


def _give_back_freed_memory() -> None:
    """Return to the system the heap memory freed after the frequency lists were read (glibc keeps
    it otherwise: some 20 MiB a language). Elsewhere than on glibc, nothing."""
    import ctypes
    import ctypes.util

    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass


def common_word(word: str) -> bool:
    """Is ``word`` an ordinary word of English (or of French) rather than only a name?"""
    return zipf(word, "en") >= COMMON_ENGLISH or zipf(word, "fr") >= COMMON_FRENCH
