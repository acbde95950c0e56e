"""A person's surname in a story's source that its translation replaces by one other name wherever
the source names it (TQ917's ``consistent`` shape): "Kadlec's film", "Kadlec and his collaborators"
in every segment where the source has "Affleck", and "Affleck" nowhere in the story.

One segment alone rarely proves a replacement: a surname without a given name may be a word, a
people or a place a translator renders in its English form. A story does: the source writes the
surname in CONSISTENT_MIN_SEGMENTS segments or more, once at least after another name (Ben Affleck,
not Saint-Pierre), the translation writes it nowhere in any spelling, and in each of those segments
it has the same name instead, found nowhere in the story's source, rendering no word of it, spelled
otherwise (text/swaps.spelled_alike: not Mursi for Morsi) and sharing some of its letters
(CONSISTENT_SIMILARITY). Measured (benchmarks/challenge.py, name-near, default seed and seeds 5, 11,
23): 232/230/234/231 -> 238/237/239/236 of about 277; no finding on the five real sets.
"""
from __future__ import annotations

from rapidfuzz.distance import OSA

from .bilingual import rendered_by
from .crossnames import SourceName, common_french
from .fold import fold_name
from .lexicon import zipf
from .names import name_candidates
from .swaps import (
    STORY_NAME_WORDS,
    STORY_NEW_MAX,
    SourceSegment,
    Story,
    Swap,
    name_like,
    name_parts,
    spelled_alike,
)

#: The name put in its place shares this much of its letters (OSA similarity: Affleck, Kadlec 0.43; Colom,
#: Cooke 0.4): a name misread or mistyped for another, not a place or an institution whose name is
#: translated (Jardin Suisse: Schweizer Garten; Karlovy Vary: Carlsbad; Electeurs Libres: Free Voters).
CONSISTENT_SIMILARITY = 0.4
_SAINTS = frozenset({"saint", "sainte", "san", "santa", "st"})  # Saint-Pierre is no person Pierre
#: A name replaced this many times in a story, the same way each time, is a replacement.
CONSISTENT_MIN_SEGMENTS = 2


def consistent_swaps(story: Story) -> dict[int, list[Swap]]:
    """The ``consistent`` swaps of ``story``, by the number of the segment in it."""
    where: dict[str, dict[int, SourceName]] = {}  # a surname of the source (folded) -> segment -> its name there
    full: set[str] = set(story.surnames)  # surnames the source writes after another name (Ben Affleck)
    sources = story.segments
    for i, src in enumerate(sources):
        for name in src.names:
            words = name_parts(name)  # folded; the last is the surname (Ben Affleck: affleck)
            if not words or len(words) > STORY_NAME_WORDS or not name_like(words[-1]):
                continue
            if len(words) > 1 and not common_french(words[0]) and words[0] not in _SAINTS:
                full.add(words[-1])
            where.setdefault(words[-1], {}).setdefault(i, name)
    out: dict[int, list[Swap]] = {}
    for key, named in where.items():
        if len(named) < CONSISTENT_MIN_SEGMENTS or key not in full:
            continue  # named once, or no person's surname (a place, a people: Bavière, Tchécoslovaques)
        common: set[str] | None = None
        for i in named:
            new = {word for _, _, word, _ in name_candidates(story.texts[i]) if _new_name(word, key, story, sources[i])}
            common = new if common is None else common & new
            if not common:
                break  # (most names: the translation has no new name where the source has them)
        if common and not any(spelled_alike(key, word, strict=True) for word in story.names):
            # and the translation writes the name nowhere in the story: else each segment is judged alone
            word = min(common)  # (one name in every such segment: nearly always the only one)
            for i, name in named.items():
                start, end = next((s, e) for s, e, w, _ in name_candidates(story.texts[i]) if w == word)
                out.setdefault(i, []).append(Swap("consistent", name.text, start, end, word))
    return out


def _new_name(word: str, key: str, story: Story, src: SourceSegment) -> bool:
    """A name of the translation nowhere in the story's source, in no form, rendering no word of it."""
    folded = fold_name(word)
    return (OSA.normalized_similarity(key, folded) >= CONSISTENT_SIMILARITY
            and zipf(word, "en") < STORY_NEW_MAX and not story.in_source(word) and not src.has(folded)
            and not rendered_by(src.text, folded) and not spelled_alike(key, folded))
