"""Names of a French source that the translation replaced by other names (TQ917).

Four shapes, each needing evidence on both sides, so that a name a translator renders
another way (Césarée = Caesarea, Tchèques = Bohemia, a pronoun for a name) is not taken
for a replacement:

- ``person``: a first name the translation keeps, spelled as in the source, followed by
  another surname ("Jean Castex" -> "Jean Lemaire", "Ada Jonath" -> "Ada Darwin"). The
  source's surname is nowhere in the translation, the new one nowhere in the source and
  not a spelling of the old one (``spelled_alike``: the same transliteration key, two thirds of
  its letters the same, or half for a source spelling English hardly writes: Ioutchenko,
  Yushchenko; but Hollande, Hernandez; and the same consonants: Castex, Castro are two names).
- ``titled``: a title the translation puts before a surname that is nowhere in the
  source ("Mr Dwyer", "President Lyman"; data/fidelity_english_titles.txt), while a name
  of the source that is no place and no ordinary French word is missing from the
  translation in every form ("M. Englund" -> "Mr Dwyer").
- ``story``: a name the translation writes elsewhere in the same story, missing here,
  while this segment has a name that is nowhere in the story's source (the translation may
  repeat it: a name replaced throughout), no rendering of a source word and no spelling of a
  name of the source ("Affleck's film" -> "Ament's film" in a review that names Affleck three times).
- ``place``: a country or city of data/fidelity_places.tsv in the translation that is
  nowhere in the source in any form, while a place of the same kind (country, city) of
  the source, in its own spelling or an English form of untranslated_exonyms.tsv, is
  missing from the translation in every form ("Prague" -> "Damascus"; "Berlin" ->
  "Germany" is a metonymy, and a demonym, "Français", is no place), or carried only by a
  demonym or a longer name fewer times than the source has it ("critical of Britain ... the
  Mexican press" for "du Mexique ... la presse mexicaine").
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

from rapidfuzz.distance import OSA, Levenshtein

from .bilingual import rendered_by
from .crossnames import SourceName, blank_elisions, carried, common_french, same_word, source_names_marked
from .data import word_list, word_set
from .fold import fold_name
from .lexicon import zipf
from .names import name_candidates, name_key
from .places import (
    capitalised_words,
    english_forms,
    fold_phrase,
    french_forms,
    mentions,
    place_carried,
    place_heads,
    place_kinds,
    place_named,
    place_table,
)
from .sounds import sound_apart
from .tokens import word_parts

#: A new surname this frequent in English (Zipf) is an ordinary word ("Mexico State"), not a name.
COMMON_ENGLISH_WORD = 5.0
#: ...and after a title, where ordinary words follow titles too ("Attorney General", "Miss Universe").
COMMON_ENGLISH_AFTER_TITLE = 4.0
#: A source surname this frequent in French is an ordinary word after a capitalised one (Blanc 5.1,
#: Petit 5.7), and so is one frequent in French (FRENCH_WORD) that English hardly writes (Mondial
#: 4.7 and 1.9); names the French press writes as often are in English news too (Sarkozy 4.6, 2.8).
COMMON_FRENCH_WORD = 5.0
FRENCH_WORD, ENGLISH_NAME_MIN = 4.5, 2.5
#: The surname of a lost name of the ``story`` shape is rarer than this in English and in French
#: (Zipf): a name, even a famous one (Obama 4.9, Sarkozy 4.6), not an ordinary word written with a
#: capital (Internet 5.1, Les 7.3); its other words are no ordinary French words (Elizabeth Lyman,
#: not Droit de l'Université Charles).
STORY_NAME_MAX = 5.0
#: ...and it has at most this many words.
STORY_NAME_WORDS = 3
#: The new name of the ``story`` shape is rarer than this in English (Zipf): surnames such as
#: Stark or Allen are English words too, but "President", "Tuesday" or "Europe" are not new names.
STORY_NEW_MAX = 4.5
_LETTERS_RE = re.compile(r"[^\W\d_]+")
#: Two capitalised words in a row (overlapping: "Président John Kerry" gives Président John, John Kerry).
_NAME_PAIR_RE = re.compile(r"(?<![\w-])([A-ZÀ-ÖØ-ÞĀ-ž][^\W\d_]+)(?=[ \u00a0]+([A-ZÀ-ÖØ-ÞĀ-ž][^\W\d_]+))")
#: Two surnames this alike (normalised Levenshtein similarity) may be two spellings of one name...
SPELLING_SIMILARITY = 0.5
#: ...when English hardly writes the source's spelling (Zipf below this): a French transliteration,
#: which a translation respells (Ioutchenko: Yushchenko 0.6, Ianoukovitch: Yanukovych 0.67). A
#: spelling English writes too (Hollande 2.8, Calderon 2.8, Monti 2.5) a translator keeps: a name
#: as far from it as Hernandez (0.56), Cordero (0.62) or Monk (0.6) is another name...
ENGLISH_SPELLING_MIN = 1.0
#: ...unless this alike, whatever the spellings (Pierce: Pearce 0.67, Kadhafi: Gaddafi 0.71).
SAME_SPELLING_SIMILARITY = 0.65
#: Whatever their sounds, two spellings this alike are one name, one of them mistyped (Plancentino,
#: Placentino 0.91); less alike, spellings whose consonants differ (``sounds.sound_apart``) are two
#: names (Castex, Castro 0.67; Kelly, Kerry 0.8; Macron, Marron 0.83).
TYPO_SIMILARITY = 0.85


@dataclass(frozen=True)
class Swap:
    """``source`` (the source's name) replaced by ``text`` at ``start:end`` of the translation."""

    kind: str
    source: str
    start: int
    end: int
    text: str


class Story:
    """The rest of a document, for the ``story`` shape, read when first asked: the translation's
    capitalised words (folded, counted over all its segments) and the source's text."""

    def __init__(self, sources: Sequence[str], texts: Sequence[str]) -> None:
        self.sources, self.texts = sources, texts
        self._in_source: dict[str, bool] = {}

    @cached_property
    def names(self) -> Counter:
        return Counter(w for text in self.texts for w in capitalised_words(text))

    @cached_property
    def segments(self) -> list[SourceSegment]:
        """Its source segments, each read once for every shape that asks (``source_segment``)."""
        return [SourceSegment(text) for text in self.sources]

    @cached_property
    def source_text(self) -> str:
        return "\n".join(self.sources)

    @cached_property
    def _source_words(self) -> set[str]:
        return set(_LETTERS_RE.findall(self.source_text))

    @cached_property
    def surnames(self) -> frozenset[str]:
        """The words its source writes after a given name (Mario Monti: monti), folded: the people it names."""
        given = word_set("names_first.txt")
        return frozenset(fold_name(b) for a, b in _NAME_PAIR_RE.findall(self.source_text) if a in given)

    def in_source(self, word: str) -> bool:
        """Whether ``word`` is in the story's source, as ``word in source_text`` reads it (a part of a word
        counts): a word of it is found in a set, another asked once (a story holds up to a window)."""
        known = self._in_source.get(word)
        if known is None:
            known = self._in_source[word] = word in self._source_words or word in self.source_text
        return known


class SourceSegment:
    """A source segment, with what the four shapes read from it computed once, when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def words(self) -> list[str]:
        """Its words, folded."""
        return [w for _, w in word_parts(self.text)]

    @cached_property
    def capitalised(self) -> list[str]:
        """Its capitalised words and the English forms of its names, folded."""
        return capitalised_words(self.text) + self.english

    @cached_property
    def _marked(self) -> tuple[tuple[SourceName, bool], ...]:
        return source_names_marked(self.text)  # read once for both views below

    @cached_property
    def names(self) -> list[SourceName]:
        return [name for name, initial in self._marked if not initial]

    @cached_property
    def all_names(self) -> list[SourceName]:
        """Its names, a lone word starting a sentence included ("Hagman, qui...", "Singapour
        recherche..."): the story and place shapes have other evidence that it is a name."""
        return [name for name, _ in self._marked]

    @cached_property
    def english(self) -> list[str]:
        """Every spelling and English form of its names, folded (sorted: a stable order)."""
        return sorted(set().union(*(english_forms(n) for n in self.names)))

    def has(self, folded: str) -> bool:
        """Whether one of its words, or a form of one of its names, spells ``folded``."""
        return any(same_word(folded, w) for w in self.words + self.english)


def source_segment(source: str | SourceSegment) -> SourceSegment:
    """``source`` as a ``SourceSegment``: a text is read anew, a segment of a ``Story`` keeps what it read."""
    return source if isinstance(source, SourceSegment) else SourceSegment(source)


def swapped_names(source: str | SourceSegment, text: str, context: Story | None = None) -> list[Swap]:
    """The names of ``source`` that ``text`` replaced by others, as ``Swap``s (in text order);
    ``context``, the segment's document, adds the ``story`` shape."""
    if not any(c.isupper() for c in text):
        return []
    src = source_segment(source)
    swaps = _persons(src, text)
    swaps += _titled(src, text, {s.start for s in swaps}) + _places_swapped(src, text)
    if context is not None:
        swaps += _in_story(src, text, context, {s.start for s in swaps})
    return sorted(swaps, key=lambda s: s.start)


def spelled_alike(a: str, b: str, strict: bool = False, loose: bool = False) -> bool:
    """Are the folded names ``a`` (the source's) and ``b`` alike enough to be two spellings of one: the
    same transliteration key, SAME_SPELLING_SIMILARITY (a transposed pair of letters counting as one
    edit: Mazda, Madza), ``b`` the name with an ending (Mao, Maoist; Rico, Rican), or SPELLING_SIMILARITY
    for a source spelling English hardly writes? ``loose``: SPELLING_SIMILARITY whatever the spelling
    (a word of the source capitalised may be translated: Implantation, Integration). ``strict`` (is a
    name still there in some spelling?): more alike than SPELLING_SIMILARITY, whatever the spelling;
    a tie (Torres and Andrés, 0.5) is two names. Unless ``loose``, two spellings less alike than
    TYPO_SIMILARITY whose consonants differ (``sounds.sound_apart``: Castex, Castro) are two names."""
    similarity = Levenshtein.normalized_similarity(a, b)
    if not loose and similarity < TYPO_SIMILARITY and sound_apart(a, b):
        return False  # alike in letters, not in sounds (Castex, Castro; Kelly, Kerry)
    if strict:
        return similarity > SPELLING_SIMILARITY
    if similarity >= SPELLING_SIMILARITY and (loose or zipf(a, "en") < ENGLISH_SPELLING_MIN):
        return True
    return (OSA.normalized_similarity(a, b) >= SAME_SPELLING_SIMILARITY or name_key(a) == name_key(b)
            or len(a) >= 3 and b.startswith(a[:max(3, len(a) - 1)]))


def name_parts(name: SourceName) -> list[str]:
    """The capitalised words of ``name``, folded, in their order (Jean-Marc Ayrault: jean, marc, ayrault);
    the last is its surname."""
    return [fold_name(w) for w in re.split(r"[\s\-\u2010\u2011]+", name.text) if w[:1].isupper()]


def name_like(word: str) -> bool:
    return zipf(word, "en") < STORY_NAME_MAX and zipf(word, "fr") < STORY_NAME_MAX and not common_french(word)


def _story_name(name: SourceName, context: Story, here: Counter) -> bool:
    """Is ``name`` a name the story's translation writes in other segments: at most
    STORY_NAME_WORDS words, its surname (last word; a one-word name in any of its forms, Mexique or
    Mexico) a rare word the translation has
    elsewhere in the story but not here (``here``: this segment's capitalised words; a surname here
    is carried), and no other word an ordinary French one ("Elizabeth Lyman"; not "Pierre de
    l'Onction", "Droit de l'Université Charles")?"""
    words = name_parts(name)
    if not words or len(name.own) > STORY_NAME_WORDS:
        return False
    surname = words[-1]
    # a one-word name may be written in its English form (Mexique: Mexico)
    spellings = name.forms if len(words) == 1 else {surname}
    return (not any(here[f] for f in spellings) and any(context.names[f] for f in spellings) and name_like(surname)
            and not any(common_french(w) or zipf(w, "fr") >= STORY_NAME_MAX for w in words[:-1]))


def _in_story(src: SourceSegment, text: str, context: Story, taken: set[int]) -> list[Swap]:
    """A name the story's translation writes elsewhere, lost here, and a name new to the story here."""
    words = [(start, end, word) for start, end, word, _ in name_candidates(text)
             if start not in taken and word not in src.text and zipf(word, "en") < STORY_NEW_MAX]
    if not words:
        return []  # every name is in the source as written, or an ordinary word (most segments)
    here = Counter(capitalised_words(text))
    candidates = [(start, end, word, fold_name(word)) for start, end, word in words
                  if not context.in_source(word)]
    if not candidates:
        return []  # each name is in the story's source: a name of it, not a new one
    names = src.all_names  # a lone word starting a sentence counts here: the story shows it is a name
    lost = [n for n in names if _story_name(n, context, here) and not carried(n, text)]
    if not lost:
        return []
    spellings = [w for n in names for w in n.own]
    out = []
    for start, end, word, folded in candidates:
        if src.has(folded) or rendered_by(src.text, folded):
            continue  # in the source in some form, or the translation of one of its words ("Chancellery")
        if any(spelled_alike(w, folded, loose=True) for w in spellings):
            continue  # a spelling of a name of the source (Pearce for Pierce)
        out.append(Swap("story", lost[0].text, start, end, word))
    return out


def _pairs(text: str):
    """Each capitalised word with the capitalised word right after it (one space between)."""
    words = name_candidates(text)
    for a, b in pairwise(words):
        if text[a[1]:b[0]] == " ":
            yield a, b


def _ordinary_french(lower: str) -> bool:
    fr = zipf(lower, "fr")
    return fr >= COMMON_FRENCH_WORD or (fr >= FRENCH_WORD and zipf(lower, "en") < ENGLISH_NAME_MIN)


_ELIDED_CAPITAL_RE = re.compile(r"(?<![^\W\d_])[dlDL]['\u2019][A-ZÀ-ÖØ-ÞĀ-ž][^\W\d_]* [A-ZÀ-ÖØ-ÞĀ-ž]")


def _persons(src: SourceSegment, text: str) -> list[Swap]:
    source = src.text
    following: dict[str, list[tuple[int, int, str]]] = {}  # first name (folded) -> the words after it
    for (_, _, kept, _), (start, end, new, _) in _pairs(text):
        if new in source:
            continue  # the surname is in the source as written
        if kept not in source and fold_name(kept) not in src.words:
            continue  # the first name is not in the source, in this spelling (Václav) or another (Vaclav)
        following.setdefault(fold_name(kept), []).append((start, end, new))
    if not following:
        return []
    out = []
    text_words = None
    if _ELIDED_CAPITAL_RE.search(source):
        source = blank_elisions(source)[0]  # a first name after an elision: d'Hélène Richard
    for (_, _, first, _), (_, _, surname, _) in _pairs(source):
        after = following.get(fold_name(first))
        if not after or common_french(first) or _ordinary_french(surname.lower()) and first not in word_set("names_first.txt"):
            continue  # (after a given name, an ordinary French word is a surname: Laurent Blanc)
        old = fold_name(surname)
        if text_words is None:
            text_words = capitalised_words(text)
        if any(same_word(old, w) for w in text_words):
            continue  # the surname is there, as a name (maybe elsewhere in the sentence; not "months" for Monti)
        for start, end, new in after:
            folded = fold_name(new)
            if any(same_word(folded, w) for w in src.capitalised) or zipf(new, "en") >= COMMON_ENGLISH_WORD:
                continue  # the new surname is a name of the source in some spelling (not "Marcotte" for "marchés")
            if rendered_by(source, folded, cognates=False):
                continue  # the surname translated ("Biztos Pont" -> "Biztos Bridge", "First Noël" -> "First Christmas")
            if spelled_alike(old, folded):
                continue
            out.append(Swap("person", f"{first} {surname}", start, end, new))
    return out


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern:
    titles = "|".join(map(re.escape, word_list("fidelity_english_titles.txt")))
    return re.compile(rf"(?<![\w.])(?:{titles})\.? (?=[^\W\d_])")


def _titled(src: SourceSegment, text: str, taken: set[int]) -> list[Swap]:
    """A surname after an English title, nowhere in the source, where a name of the source is lost."""
    titled = [m.end() for m in _title_re().finditer(text)]
    if not titled:
        return []
    candidates = {start: (end, word) for start, end, word, _ in name_candidates(text)
                  if start in titled and start not in taken and word not in src.text}
    if not candidates:
        return []  # no title, or the name after it is in the source as written
    lost = [n for n in src.names
            if not place_kinds(n) and not all(common_french(w) for w in n.text.split()) and not carried(n, text)]
    if not lost:
        return []
    out = []
    for start, (end, word) in sorted(candidates.items()):
        folded = fold_name(word)
        if src.has(folded) or zipf(word, "en") >= COMMON_ENGLISH_AFTER_TITLE:
            continue
        old = next((n for n in lost if not any(spelled_alike(fold_name(w), folded) for w in n.own)), None)
        if old is not None:
            out.append(Swap("titled", old.text, start, end, word))
    return out


_POSSESSIVE_S_RE = re.compile(r"['\u2019]s(?!\w)")


#: A capitalised word (the quick test of a translation for a place or an entity of the tables).
CAPITALISED_RE = re.compile(r"(?<![\w-])[A-Z][^\W\d_]*")


def _places_swapped(src: SourceSegment, text: str) -> list[Swap]:
    if place_heads().isdisjoint(CAPITALISED_RE.findall(text)):
        return []  # no place of the table in the translation (most segments)
    pattern, places = place_table()
    found = list(pattern.finditer(text))
    if not found:
        return []
    french, source = french_forms(), src.text.lower()
    if all(m.group(0).lower() in source or any(f.lower() in source for f in french.get(m.group(0), ()))
           for m in found):
        return []  # every place of the translation is in the source, as written or in a French form
        # (in any case: "grecs" for Greece, "irakien" for Iraq)
    # a place may start the sentence alone ("Singapour recherche des bébés"): its kind shows it is a name;
    # beside a new place, a place that only a demonym or a longer name carries, fewer times than the
    # source has it, is lost too ("the Mexican press ... critical of Britain" for "du Mexique ... la
    # presse mexicaine"; not "the Estonian rearguard" for "la défense d'Estonie")
    folded = " " + fold_phrase(_POSSESSIVE_S_RE.sub("", text)) + " "
    missing = [(n, kinds) for n in src.all_names
               if (kinds := place_kinds(n)) and not (place_carried(n, text) and (
                   place_named(n, folded) or mentions(n.forms, text) >= mentions(n.own, src.text)))]
    if not missing:
        return []
    out = []
    for m in found:
        words = fold_phrase(m.group(0))
        if words in src.english or all(src.has(w) for w in words.split()):
            continue  # the source has it, in some form
        lost = next((n for n, kinds in missing if places[words] in kinds), None)
        if lost is not None:
            out.append(Swap("place", lost.text, m.start(), m.end(), m.group(0)))
    return out
