"""Language identification. The only module that imports langdetect.

langdetect is seeded (DetectorFactory.seed = 0) so results are repeatable, and
its language profiles ship inside the package: nothing is downloaded.
"""
from __future__ import annotations

import os
import struct
from functools import lru_cache

from .text.language import needs_langid, without_names

#: langdetect is unsure when English is among its candidates above this probability.
ENGLISH_CANDIDATE_MAX = 0.10


def language_probabilities(text: str) -> list[tuple[str, float]]:
    """``[(lang, probability), ...]`` best first; empty when langdetect finds no features."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    preload()
    DetectorFactory.seed = 0
    try:
        return [(l.lang, l.prob) for l in detect_langs(text)]
    except LangDetectException:
        return []


def preload() -> None:
    """Load langdetect's language profiles now, e.g. once before worker processes are forked, so that
    they share them instead of each loading its own copy; ``_SparseProbabilities`` holds them."""
    from langdetect import detector_factory

    if detector_factory._factory is None:
        detector_factory._factory = _load_factory(detector_factory)


class _SparseProbabilities(dict):
    """langdetect's table of each n-gram's probability in each language, kept sparse.

    langdetect keeps a list of 55 floats for each of its 87,598 n-grams (some 60 MiB), though 96% of
    the values are zero. Here each n-gram keeps its non-zero values only, packed as (language index,
    double) pairs in a bytes object (some 12 MiB in all); looking one up gives langdetect the list it
    would have had, with the very same floats (tests/test_langid.py compares every n-gram's list with
    langdetect's own), made once for each n-gram a text needs (a detection reads the same n-grams
    thousands of times). Only ``in`` and ``[]``, all langdetect's detector uses, are meant."""

    def __init__(self, languages: int) -> None:
        super().__init__()
        self.languages = languages

    def __getitem__(self, word: str) -> list[float]:
        return _unpacked(dict.__getitem__(self, word), self.languages)


@lru_cache(maxsize=4096)
def _unpacked(packed: bytes, languages: int) -> list[float]:
    values = [0.0] * languages
    for index, value in _PAIR.iter_unpack(packed):
        values[index] = value
    return values


_PAIR = struct.Struct("<Bd")


def _load_factory(detector_factory):
    """langdetect's DetectorFactory with its profiles loaded as ``load_profile`` and ``add_profile``
    load them (the same files, in the same order, the same probabilities), held sparse."""
    import json

    from langdetect.utils.lang_profile import LangProfile

    directory = detector_factory.PROFILES_DIRECTORY
    files = os.listdir(directory)
    factory = detector_factory.DetectorFactory()
    table = factory.word_lang_prob_map = _SparseProbabilities(len(files))
    packed: dict[str, bytes] = {}
    index = 0
    for name in files:
        path = os.path.join(directory, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as fh:
            profile = LangProfile(**json.load(fh))
        factory.langlist.append(profile.name)
        pack, n_words, get = _PAIR.pack, profile.n_words, packed.get
        for word, count in profile.freq.items():
            length = len(word)
            if 1 <= length <= 3:
                packed[word] = get(word, b"") + pack(index, 1.0 * count / n_words[length - 1])
            elif word not in packed:
                packed[word] = b""  # (langdetect lists such an n-gram, with no probability)
        index += 1
    dict.update(table, packed)
    return factory


def examines(text: str, min_chars: int) -> bool:
    """Whether ``non_english`` sends ``text`` to langdetect: long enough, and the prefilter
    finds it full of foreign function words and nearly free of English ones."""
    text = text.strip()
    return len(text) >= min_chars and needs_langid(text)


def non_english(text: str, min_chars: int, min_prob: float) -> tuple[str, float] | None:
    """``(language, probability)`` when the whole text is confidently not English, else None.

    Only texts that ``examines`` passes reach langdetect, with capitalised words inside
    sentences removed (names); its verdict counts only at ``min_prob`` or above, and only
    when English is not among its candidates above ENGLISH_CANDIDATE_MAX.
    """
    if not examines(text, min_chars):
        return None
    probs = language_probabilities(without_names(text.strip()))
    if probs:
        lang, prob = probs[0]
        english = any(l == "en" and p > ENGLISH_CANDIDATE_MAX for l, p in probs)
        if lang != "en" and prob >= min_prob and not english:
            return lang, prob
    return None
