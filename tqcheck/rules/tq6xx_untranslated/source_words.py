"""TQ605's view of the source segment: its words as the translation's are compared with them."""
from __future__ import annotations

import re
from functools import lru_cache

from ...text.bilingual import rendered_by, renders_in
from ...text.data import table, word_set
from ...text.lexicon import zipf
from ...text.sentences import is_sentence_start

#: A word of the source this much more frequent in French than in English (wordfreq zipf), and
#: frequent in French, is French in the translation when the translation has none of its English
#: renderings: English has pays, eau, libre, presse and plus too, but "other pays are" for "d'autres
#: pays sont" lacks "countries" (fidelity_glossary_fr_en.tsv).
HOMOGRAPH_MARGIN = 1.5
HOMOGRAPH_FR_MIN = 3.0
#: A word this rare in English (zipf) is no English form of its rendering although it spells one
#: ("publics", "informations" for public, information; not "riches" 3.6, English for wealth).
HOMOGRAPH_FORM_EN_MAX = 3.0

#: A word the source capitalises inside a sentence counts as a word of it (not a name) when it is
#: this frequent in French and rare in English (zipf): Gouvernement 5.4 and 1.6, Etat; not Charest,
#: Lyon 4.9, Pierre or France (English writes them).
CAPITALISED_FR_MIN, CAPITALISED_EN_MAX = 5.0, 3.0


def _institution(lower: str) -> bool:
    return zipf(lower, "fr") >= CAPITALISED_FR_MIN and zipf(lower, "en") < CAPITALISED_EN_MAX

#: A word, with its inner apostrophes and hyphens.
WORD_RE = re.compile(r"(?<![\w'\u2019\-])[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
# The parts of an elided or hyphenated word (l'économie: l, économie).
_PARTS_RE = re.compile(r"['\-]")


def _source_words(text: str) -> frozenset[str]:
    """The source's words as the translation is compared with them, lowercased, whole and in their
    parts (l'économie: l'économie, économie); a capitalised word inside a sentence is a name and left
    out, so that a name of the source is never taken for a French word of the translation, unless it
    is a common French word French capitalises as an institution ("ce Gouvernement", "l'Etat")."""
    text = text.replace("\u2019", "'")
    words = set()
    for m in WORD_RE.finditer(text):
        if m.group(0)[:1].isupper() and not is_sentence_start(text, m.start()) and not _institution(m.group(0).lower()):
            continue
        w = m.group(0).lower()
        words.add(w)
        words.update(_PARTS_RE.split(w))
    return frozenset(words)


class SourceWords:
    """``_source_words(text)``, read the first time a word is looked up in it (most segments never ask)."""

    __slots__ = ("text", "_words")

    def __init__(self, text: str) -> None:
        self.text, self._words = text, None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = _source_words(self.text)
        return word in self._words


def lower_in_source(lower: str, source: str, common: float) -> bool:
    """Does the source have the word as a common word: in lower case, or, for a French word of Zipf
    ``common`` or more, capitalised where a sentence starts ("Aujourd'hui, ..." opens the source
    too)? Else it is a name there (Charest)."""
    if re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", source):
        return True
    if zipf(lower, "fr") < common:
        return False  # a rarer word capitalised at the start of the source may be a name (Charest)
    return any(is_sentence_start(source, m.start())
               for m in re.finditer(rf"(?<!\w){re.escape(lower.capitalize())}(?!\w)", source))


def homograph_frequencies(fr: float, en: float) -> bool:
    """Do these French and English zipf frequencies make a word ``homograph_left`` may judge?"""
    return fr >= HOMOGRAPH_FR_MIN and fr - en >= HOMOGRAPH_MARGIN


def function_homograph_left(lower: str, text: str, source: str, start: int) -> str | None:
    """When ``lower``, a word of ``text`` at ``start`` that its ``source`` also has, is a French function
    word English spells as another word (untranslated_function_homographs.tsv: comment, car) left in
    the translation, why: no word of ``text`` renders it, and it renders no other word of the source
    ("Comment do you cope" for "Comment gérez-vous"; not "the car" for "la voiture, car ..."); or it
    stands where English cannot have its English sense (untranslated_homograph_contexts.tsv: "plus
    than", "last an,"; not "two plus two", "an hour")."""
    context = _homograph_contexts().get(lower)
    if context is not None:
        renderings, pattern = context
        return f"English does not write it so here ({renderings})" if pattern.match(text, start) else None
    renderings = function_homographs().get(lower)
    if renderings is None or not renderings.isdisjoint(_TEXT_WORD_RE.findall(text.lower())):
        return None
    others = re.sub(rf"(?<![^\W\d_]){re.escape(lower)}(?![^\W\d_])", " ", source, flags=re.IGNORECASE)
    return None if rendered_by(others, lower) else f"no word of the translation renders it ({', '.join(sorted(renderings))})"


@lru_cache(maxsize=1)
def function_words() -> dict[str, str]:
    """TQ602's French function words (untranslated_function_words.tsv), each with its English gloss."""
    return {row[0]: row[1] for row in table("untranslated_function_words.tsv")}


@lru_cache(maxsize=1)
def function_homographs() -> dict[str, frozenset[str]]:
    """untranslated_function_homographs.tsv: each word and its renderings; and the words of
    untranslated_homograph_contexts.tsv (judged by their context, not by their renderings)."""
    table_ = {row[0]: frozenset(row[1].split("|")) for row in table("untranslated_function_homographs.tsv")}
    return {**table_, **{word: frozenset() for word in _homograph_contexts()}}


@lru_cache(maxsize=1)
def _homograph_contexts() -> dict[str, tuple[str, re.Pattern]]:
    """untranslated_homograph_contexts.tsv: each word, its renderings and the pattern of its French context."""
    return {row[0]: (", ".join(row[1].split("|")), re.compile(row[2])) for row in table("untranslated_homograph_contexts.tsv")}


_TEXT_WORD_RE = re.compile(r"[^\W\d_]+")


def homograph_left(lower: str, text: str, source: str) -> bool:
    """Is ``lower``, a word of ``text`` that its ``source`` also has, the source's French word left in
    the translation although English spells it too: far more French than English, and fewer other
    words of ``text`` render it than the source has it ("walked on eau" where "l'eau" is twice in
    the source and "water" once in the translation)?"""
    if lower in word_set("untranslated_english_homographs.txt"):
        return False  # English uses it in its French sense (accord, dossier, milieu)
    if not homograph_frequencies(zipf(lower, "fr"), zipf(lower, "en")):
        return False
    times = len(re.findall(rf"(?<![^\W\d_]){re.escape(lower)}(?![^\W\d_])", source.lower()))
    own_stem = zipf(lower, "en") < HOMOGRAPH_FORM_EN_MAX
    return renders_in(lower, text, max(times, 1), own_stem=own_stem) is False
