"""Is this segment perhaps not English? The cheap prefilter before language identification.

``needs_langid`` looks at function words only (lists: untranslated_english_markers.txt,
untranslated_foreign_markers.txt); ``without_names`` removes capitalised words inside
sentences before a segment goes to langdetect (names are in every language);
``language_name`` gives a language code's English name (untranslated_language_names.tsv).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .data import table, word_list
from .punctuation import EDGE_PUNCTUATION

#: The prefilter sends a segment to langdetect only when at most one word in this many is an
#: English function word (see ``needs_langid``).
ENGLISH_MARKER_RATIO = 20
#: ...and at least this many words, and one word in this many, are function words of French,
#: Spanish, Italian, German or Portuguese.
FOREIGN_MARKER_MIN = 3
FOREIGN_MARKER_RATIO = 5

_CODE_RE = re.compile(r"[\d_/\\.@=<>]")
_ELISION_RE = re.compile(r"['\u2019]")
_RUN_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _markers() -> tuple[frozenset[str], frozenset[str]]:
    return (
        frozenset(word_list("untranslated_english_markers.txt")),
        frozenset(word_list("untranslated_foreign_markers.txt")),
    )


@lru_cache(maxsize=4096)
def needs_langid(text: str) -> bool:
    """The cheap prefilter: might this segment be in another language than English?

    Plain English prose always has English function words that no other
    language uses (the, of, to, was, said...), well over one word in twenty;
    a French (Spanish, Italian...) paragraph has its own function words (le,
    de, que, dans...) in one word in five or more. A segment goes to langdetect
    only when it looks like the second and not like the first: a headline with
    neither ("Mali junta expels French ambassador amid diplomatic row", which
    langdetect calls Catalan) is never sent.
    """
    english, foreign = _markers()
    if sum(1 for run in _RUN_RE.findall(text.lower()) if run in foreign) < FOREIGN_MARKER_MIN:
        return False  # (most segments) each foreign word counted below is one of these letter runs
    words = en = other = 0
    for token in text.split():
        token = token.strip(EDGE_PUNCTUATION + "<>")
        if not token:
            continue
        if _CODE_RE.search(token):  # file names, URLs, identifiers, numbers: words of no language
            words += 1
            continue
        low = token.lower()
        for w in _ELISION_RE.split(low) if "'" in low or "\u2019" in low else (low,):  # "d’une" is "d" and "une"
            words += 1
            if w in english:
                en += 1
            elif w in foreign:
                other += 1
    return (
        en * ENGLISH_MARKER_RATIO <= words
        and other >= FOREIGN_MARKER_MIN
        and other * FOREIGN_MARKER_RATIO >= words
    )


# A word after a space that does not follow a sentence end or an opening quote or bracket.
_INNER_WORD_RE = re.compile(r"(?<=[^\s.!?:;\u2026\"\u201c\u00ab(])\s+([^\W\d_][\w'\u2019\-]*)")


def without_names(text: str) -> str:
    """``text`` without capitalised words inside sentences: names are in every language.

    "Charles de Gaulle", "Le Pen", "Des Moines" would otherwise make langdetect
    call an English sentence French.
    """
    return _INNER_WORD_RE.sub(lambda m: " " if m.group(1)[0].isupper() else m.group(0), text)


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    return {row[0]: row[1] for row in table("untranslated_language_names.tsv")}


def language_name(code: str) -> str | None:
    """'fr' -> 'French'; None for a code the list does not name."""
    return _language_names().get(code)
