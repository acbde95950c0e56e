"""What a spaced hyphen of an English translation renders of its French source, word for word (TQ807).

MT renders the French hyphen of "porte-parole", "dit-il" or "vis-à-vis" as a spaced hyphen between
English words ("door - word", "says - it"), and sometimes a French phrase with a hyphen between its
words ("rights - human" for "droits de l'homme", "estate - real" for "immobilier"). These read a
pair of words around a spaced hyphen against the source's hyphenated words and phrases.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from .bilingual import renders_word, two_word_renderings
from .data import table, word_set
from .fold import strip_accents

#: A hyphenated word of the source ("porte-parole", "dit-il", "vis-à-vis", "Karl-Theodor").
_SOURCE_COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")
#: A hyphen with a space on one side only: the source types its dashes as hyphens ("Les
#: scientifiques-conclue l'exécutif Ue- confirment"), so a hyphen inside a word may be a dash too.
_SOURCE_LOPSIDED_DASH = re.compile(r"[^\W\d_]-\s|\s-[^\W\d_]")
#: The pronouns of a French inversion ("dit-il", "peut-on", "a-t-elle"): the subject of the verb before
#: them ("laissez-moi", "dites-nous" are imperatives).
_INVERTED_SUBJECTS = frozenset("il elle ils elles on je tu ce".split())


#: The distinct hyphenated pairs of one source segment read at most: a sentence has a few; a longer
#: list is no sentence, and bounds the work on a pathological line.
MAX_SOURCE_COMPOUNDS = 64


@lru_cache(maxsize=64)
def source_compounds(source: str) -> tuple[tuple[str, str, str], ...]:
    """``(compound, part, next part)`` for each pair of adjacent parts of the source's hyphenated words,
    once each; none where the source types its dashes as hyphens. (Cached: a segment's pairs read it
    one after the other.)"""
    if _SOURCE_LOPSIDED_DASH.search(source):
        return ()
    out: dict[tuple[str, str], str] = {}
    for m in _SOURCE_COMPOUND.finditer(source):
        parts = m.group(0).split("-")
        for a, b in pairwise(parts):
            out.setdefault((a, b), m.group(0))
            if len(out) >= MAX_SOURCE_COMPOUNDS:
                return tuple((c, a, b) for (a, b), c in out.items())
    return tuple((c, a, b) for (a, b), c in out.items())


@lru_cache(maxsize=1)
def _french_parts() -> dict[str, frozenset[str]]:
    """data/sentences_hyphen_french_parts.tsv: a French function word -> the English words that render it."""
    return {row[0]: frozenset(row[1].split("|")) for row in table("sentences_hyphen_french_parts.tsv")}


@lru_cache(maxsize=4096)
def _renders(french: str, word: str) -> bool:
    return word.lower() in _french_parts().get(french.lower(), ()) or renders_word(french, word)


def source_compound(first: str, second: str, source: str):
    """A hyphenated word of ``source`` (``source_compounds``) rendered part by part around a spaced
    hyphen, in either order: "door - word" for "porte-parole", "says - it" for "dit-il", "Karl - Theodor"
    for "Karl-Theodor", "him - even" for "lui-même" (each part the same word, a cognate, a glossary
    rendering or, for a function word, one of ``_french_parts``): (message, suggestion or None), else
    None. The suggestion is the source's own form, for a capitalised name copied part by part."""
    for compound, a, b in source_compounds(source):
        if not (_renders(a, first) and _renders(b, second) or _renders(b, first) and _renders(a, second)):
            continue
        if b.lower() in _INVERTED_SUBJECTS and second.lower() in _french_parts()[b.lower()]:
            return ((f"'{first} - {second}' renders the French inversion '{compound}' (verb, then subject) word "
                     f"for word with a hyphen; English puts the subject first ('{second} {first.lower()}') or "
                     "rewords"), None)
        copied = strip_accents(first.lower()) == strip_accents(a.lower()) and first[:1].isupper() \
            and strip_accents(second.lower()) == strip_accents(b.lower())
        return ((f"'{first} - {second}' renders the source's hyphenated '{compound}' part by part with a spaced "
                 "hyphen (MT): English writes the compound hyphenated or closed, or has its own word for it"),
                f"{first}-{second}" if copied else None)
    return None


#: A French word, elisions split off ("l'homme": l, homme).
_FRENCH_WORD = re.compile(r"[^\W\d_]+")
#: What joins a French noun to its complement ("droits de l'homme", "Ligue des champions", "soins de santé").
_FRENCH_JOINS = frozenset({"de", "du", "des", "d", "l", "la"})
#: What parts two words of one phrase: a comma, a dash, a quotation mark (not a space or an elision).
_PUNCTUATION = re.compile(r"[^\w\s'\u2019]")


@lru_cache(maxsize=64)
def _source_phrases(source: str) -> tuple[tuple[str, str, str], ...]:
    """``(phrase, word, next word)`` for the content words of ``source`` side by side ("Frères musulmans")
    or joined by "de" ("droits de l'homme"): a French phrase MT may render word for word around a spaced
    hyphen. At most MAX_SOURCE_COMPOUNDS."""
    function_words = word_set("fidelity_french_function_words.txt")
    spans = [(m.group(0), m.start(), m.end()) for m in _FRENCH_WORD.finditer(source)]
    out: dict[tuple[str, str], str] = {}
    for i, (a, start, _) in enumerate(spans):
        if len(a) < 3 or a.lower() in function_words:
            continue
        j = i + 1
        if j < len(spans) and spans[j][0].lower() in ("de", "du", "des", "d"):
            while j < len(spans) and j <= i + 3 and spans[j][0].lower() in _FRENCH_JOINS:
                j += 1
        if j < len(spans) and len(b := spans[j][0]) >= 3 and b.lower() not in function_words \
                and not _PUNCTUATION.search(source, spans[i][2], spans[j][1]):  # no comma, dash, quote between
            out.setdefault((a, b), source[start:spans[j][2]])
            if len(out) >= MAX_SOURCE_COMPOUNDS:
                break
    return tuple((c, a, b) for (a, b), c in out.items())


@lru_cache(maxsize=4096)
def _strictly(french: str, word: str) -> bool:
    return renders_word(french, word, strict=True)


def source_phrase(first: str, second: str, source: str):
    """A phrase of the source rendered word for word around a spaced hyphen, in either order: "rights -
    human" for "droits de l'homme", "Brotherhood - Muslim" for "Frères musulmans"; or a word of the source
    whose rendering is the two words ("estate - real" for "immobilier": real estate, the suggestion).
    (message, suggestion or None), else None."""
    pair = {first.lower(), second.lower()}
    if not pair.isdisjoint(word_set("fidelity_function_words.txt")):
        return None  # "the previous quarter - for the first time": a dash before a function word
    phrases = two_word_renderings()
    for word in dict.fromkeys(w.lower() for w in _FRENCH_WORD.findall(source)):
        phrase = next((r for r in phrases.get(word, ()) if set(r.lower().split()) == pair), None)
        if phrase:
            return ((f"'{first} - {second}' renders the source's '{word}' ('{phrase}') with a spaced hyphen "
                     f"between its words (MT): English writes '{phrase}'"), phrase)
    for phrase, a, b in _source_phrases(source):
        if _strictly(a, first) and _strictly(b, second) or _strictly(b, first) and _strictly(a, second):
            return ((f"'{first} - {second}' renders the source's '{phrase}' word for word with a spaced hyphen "
                     "(MT): English writes the phrase in its own order, without the hyphen"), None)
    return None
