"""What the TQ6xx rules share: whole-word patterns over word lists, and the spans of text that
is correct English although it holds French (or Latin) words."""
from __future__ import annotations

import re
from functools import lru_cache

from ...text.data import word_list

_APOSTROPHE = "['\u2019]"
# Whole words: not glued to a letter, digit or hyphen ("rendez-vous"), nor after an apostrophe
# ("raison d'être"); a possessive may follow ("Poutine’s").
BEFORE = r"(?<![\w'\u2019\-])"
AFTER = r"(?![\w\-])"


def alternation(words, flexible_spaces: bool = False) -> str:
    """A regex alternation of ``words``, longest first, apostrophes of either kind."""
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        p = re.sub("['\u2019]", lambda _: _APOSTROPHE, re.escape(w))
        if flexible_spaces:
            p = p.replace(r"\ ", r"[ \u00a0]+")
        parts.append(p)
    return "|".join(parts)


@lru_cache(maxsize=1)
def _exceptions_re() -> re.Pattern:
    return re.compile(BEFORE + "(?:" + alternation(word_list("untranslated_exceptions.txt"), True) + ")" + AFTER)


@lru_cache(maxsize=1)
def _latin_re() -> re.Pattern:
    return re.compile(
        BEFORE + "(?:" + alternation(word_list("untranslated_latin.txt"), True) + ")" + AFTER, re.IGNORECASE
    )


def excepted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of correct English phrases that hold a French word (untranslated_exceptions.txt,
    case-sensitive: "Albert Londres", "qui vive") and of Latin phrases, which are not French
    (untranslated_latin.txt, any case: "de facto", "qui tacet consentire videtur")."""
    return [m.span() for m in _exceptions_re().finditer(text)] + [m.span() for m in _latin_re().finditer(text)]
