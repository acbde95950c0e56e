"""Language identification. The only module that imports langdetect.

langdetect is seeded (DetectorFactory.seed = 0) so results are repeatable, and
its language profiles ship inside the package: nothing is downloaded.
"""
from __future__ import annotations


def language_probabilities(text: str) -> list[tuple[str, float]]:
    """``[(lang, probability), ...]`` best first; empty when langdetect finds no features."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return [(l.lang, l.prob) for l in detect_langs(text)]
    except LangDetectException:
        return []
