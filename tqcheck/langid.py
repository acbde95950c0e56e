"""Language identification. The only module that imports langdetect.

langdetect is seeded (DetectorFactory.seed = 0) so results are repeatable, and
its language profiles ship inside the package: nothing is downloaded.
"""
from __future__ import annotations

from .text.language import needs_langid, without_names

#: langdetect is unsure when English is among its candidates above this probability.
ENGLISH_CANDIDATE_MAX = 0.10


def language_probabilities(text: str) -> list[tuple[str, float]]:
    """``[(lang, probability), ...]`` best first; empty when langdetect finds no features."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return [(l.lang, l.prob) for l in detect_langs(text)]
    except LangDetectException:
        return []


def preload() -> None:
    """Load langdetect's language profiles now (57 MiB of tables), e.g. once before worker processes
    are forked, so that they share them instead of each loading its own copy."""
    from langdetect import detector_factory

    detector_factory.init_factory()


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
