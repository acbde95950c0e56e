"""A person's name of the source replaced by a name alike in its letters but not in its sounds
(TQ917's ``near`` shape): "Castro" for the source's "Jean Castex", "Bertin" for "Xavier Bertrand",
"Monk" for "Monti" where the story names Mario Monti.

Transliteration and typing change a name's vowels, double or drop letters, and write one sound
another way (Ioutchenko, Yushchenko); they keep its consonants (``sounds.consonants``). A name of
the translation that is nowhere in the source, at least NEAR_SIMILARITY alike in letters to a
person's surname of the source that the translation writes in no spelling, with other consonants
(``sounds.sound_apart``), is that surname replaced: the letters pair the two, the sounds tell them
apart. The person is read from a given name (names_first.txt) before the surname, in the segment or,
for a surname alone, in the story's source: peoples, places, verbs starting a sentence and works
have English forms with other consonants too (Saoudiens, Saudis; Brandebourg, Brandenburg; Notant,
Noting; Don Quichotte, Don Quixote), and a rule that read any capitalised word of the source drew
46 false findings on the 6,003 professional newstest segments.
"""
from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from .bilingual import rendered_by
from .dropped import full_name
from .fold import fold_name
from .lexicon import zipf
from .names import name_candidates
from .swaps import (
    STORY_NEW_MAX,
    SourceSegment,
    Story,
    Swap,
    name_parts,
    source_segment,
    spelled_alike,
)

#: Two names at least this alike in their letters (OSA similarity: a transposition is one edit) pair
#: up: Remek, Remkov 0.5; Monti, Monk 0.6; Castex, Castro 0.67; Kelly, Kerry 0.8 (at 0.6, name-near
#: 232 -> 215 of 277 and Remkov, a translator's slip in newstest2013, missed). Below it, two names
#: share too few letters to pair (Monti, Ament 0.4) and the other shapes judge them.
NEAR_SIMILARITY = 0.5
#: Both names have at least this many letters (Ali, Alí; Li, Lu are left to the other shapes).
NEAR_MIN_LETTERS = 4
_WORD_RE = re.compile(r"[^\W\d_]+")


def near_names(source: str | SourceSegment, text: str, context: Story | None = None) -> list[Swap]:
    """The names of ``text`` that replace a person's name of ``source`` alike in its letters, as ``Swap``s
    of kind ``near`` (in text order): a full name's surname (Jean Castex) or, with ``context`` (the
    segment's story), a surname alone that the story's source writes after a given name elsewhere
    (Monti, after Mario Monti)."""
    if not any(c.isupper() for c in text):
        return []
    src = source_segment(source)
    source = src.text
    candidates = name_candidates(text)
    words = [(start, end, word) for start, end, word, _ in candidates if word not in source
             and len(word) >= NEAR_MIN_LETTERS and zipf(word, "en") < STORY_NEW_MAX]
    if not words:
        return []  # every name of the translation is in the source as written, or an ordinary word (most segments)
    names = {fold_name(word) for word in _WORD_RE.findall(source) if word[0].isupper()}
    words = [(start, end, word, folded) for start, end, word in words if any(
        OSA.normalized_similarity(n, folded := fold_name(word)) >= NEAR_SIMILARITY
        and not spelled_alike(n, folded, strict=True) for n in names)]
    if not words:
        return []  # no capitalised word of the source is a near miss of one of them, and no spelling
    capitalised = [fold_name(word) for _, _, word, _ in candidates]
    people = context.surnames if context is not None else frozenset()
    lost = [(name, surname) for name in src.all_names if (parts := name_parts(name))
            and (full_name(name) or len(parts) == 1 and parts[0] in people)
            and len(surname := parts[-1]) >= NEAR_MIN_LETTERS
            and not any(spelled_alike(surname, c, strict=True) for c in capitalised)]
    out = []
    for start, end, word, folded in words:
        old = next((name for name, w in lost if OSA.normalized_similarity(w, folded) >= NEAR_SIMILARITY), None)
        if old is None or folded in src.words or folded in src.english or rendered_by(source, folded, cognates=False):
            continue  # no person's name lost, or a word or an English form of a name of the source, or a word translated
        out.append(Swap("near", old.text, start, end, word))
    return out
