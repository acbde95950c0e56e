"""The countries and cities of data/fidelity_places.tsv, and what a French name of a source is as a place.

Read by TQ917's place shape (text/swaps.py) and by the rules that need to know whether a
capitalised phrase is a country or city.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .alternation import alternation
from .crossnames import SourceName, blank_elisions, carried, same_word, word_name
from .data import table
from .fold import fold_name
from .tokens import word_parts


@lru_cache(maxsize=1)
def place_table() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern finding the places of the table in English text, and each place's kind by its folded name."""
    rows = table("fidelity_places.tsv")
    # a place may start a hyphenated word: "Vienna-based", "Berlin-Friedenau"
    return re.compile(rf"(?<![\w-])(?:{alternation(r[0] for r in rows)})(?![\w]|-(?![^\W\d_]))"), {fold_phrase(r[0]): r[1] for r in rows}


@lru_cache(maxsize=1)
def source_places() -> dict[str, str]:
    """The kind of each place a French source may name, by its folded English name: the places of the
    table and those it leaves out for the English side only (fidelity_places_source.tsv: Georgia, Chad)."""
    return {**place_table()[1], **{fold_phrase(r[0]): r[1] for r in table("fidelity_places_source.tsv")}}


@lru_cache(maxsize=1)
def places_by_word() -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    """Each place's words and kind, indexed by each of its words (united -> united states, united kingdom...)."""
    index: dict[str, list] = {}
    for place, kind in source_places().items():
        words = frozenset(place.split())
        for w in words:
            index.setdefault(w, []).append((words, kind))
    return {w: tuple(v) for w, v in index.items()}


@lru_cache(maxsize=1)
def french_forms() -> dict[str, tuple[str, ...]]:
    """The French forms of English place names (Germany -> Allemagne), from the exonym and name-form
    tables: a quick test that a place of the translation is in its source."""
    forms: dict[str, list[str]] = {}
    for row in table("untranslated_exonyms.tsv"):
        forms.setdefault(row[1], []).append(row[0])
    for row in table("fidelity_name_forms.tsv"):
        for english in row[1].split("|"):
            forms.setdefault(english.strip(), []).append(row[0])
    return {english: tuple(french) for english, french in forms.items()}


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    return frozenset(r[0] for r in table("fidelity_places.tsv"))


def is_place(name: str) -> bool:
    """Whether ``name``, as written, is a country or city of data/fidelity_places.tsv ("Czech Republic")."""
    return name in _place_names()


def fold_phrase(phrase: str) -> str:
    """A phrase's words folded as names are, between single spaces ("Czech-Republic" -> "czech republic")."""
    return " ".join(fold_name(w) for w in re.split(r"[\s\-]+", phrase) if fold_name(w))


def english_forms(name: SourceName) -> set[str]:
    """Every spelling and English form of ``name``, folded (its words, and its phrases whole)."""
    return set(name.forms) | {fold_phrase(p) for p in name.phrases}


def place_kinds(name: SourceName) -> set[str]:
    """The kinds of place (country, city) ``name`` is, by its own spelling, its exonyms, or the
    first English form fidelity_name_forms.tsv gives it when that is a place (Tchéquie = Czech
    Republic; not a demonym's country: "Français" is French first, and no place)."""
    index = places_by_word()
    kinds = {kind for w in name.forms for words, kind in index.get(w, ()) if words <= name.forms}
    if name.phrases and (kind := source_places().get(fold_phrase(name.phrases[0]))):
        kinds.add(kind)
    return kinds


def place_named(name: SourceName, folded: str) -> bool:
    """Whether ``folded`` (a text folded by ``fold_phrase``, between spaces) names the place ``name``
    as a place of the table or an acronym, whole ("Mexico", "South Africa", "US"; not "Mexican",
    "Southern African", "Czech")."""
    table_places = source_places()
    if any(f" {place} " in folded for place in table_places if set(place.split()) <= name.forms):
        return True
    phrases = ((fold_phrase(p), p.replace(".", "").isupper()) for p in name.phrases)
    return any(f" {p} " in folded for p, acronym in phrases if p in table_places or acronym)  # not "Czech", "American"


def named_whole(name: SourceName, text: str) -> bool:
    """Whether ``text`` names a place of several words whole ("South Africa", "US"; not "Southern
    African", "Czech") by ``place_named``; True for a one-word name and for one the table has no
    whole place for (nothing tells a part from the whole there)."""
    if len(name.own) < 2:
        return True
    table_places = source_places()
    known = any(" " in p and set(p.split()) <= name.forms for p in table_places) or bool(
        name.phrases and fold_phrase(name.phrases[0]) in table_places)
    if not known:
        return True
    folded = f" {fold_phrase(text)} "
    phrases = [fold_phrase(p) for p in name.phrases]
    # a form of its own (America for États-Unis), not a part of another ("Czech") nor its people's ("American")
    own_forms = (p for p in phrases if not any(q != p and (f" {p} " in f" {q} " or demonym(q, p)) for q in phrases))
    return place_named(name, folded) or any(f" {p} " in folded for p in own_forms)


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    """The first word of every place of the table, as written (a quick test before its long pattern)."""
    return frozenset(re.split(r"[\s\-]+", r[0])[0] for r in table("fidelity_places.tsv"))


_CAPITALISED_PART_RE = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]*")


def capitalised_words(text: str) -> list[str]:
    """The capitalised words and word parts of ``text`` (Al-Qaeda: al, qaeda), folded: what a story's
    segments are searched for (cheaper than ``name_candidates``, and a superset of its words)."""
    return [fold_name(w) for w in _CAPITALISED_PART_RE.findall(text)]


def place_carried(name: SourceName, text: str) -> bool:
    """Whether ``text`` carries ``name`` over and, when it was carried by another of its words only
    ("Museum" for "Musée d'Israël"), the place inside it too ("Israel"). A phrase or an abbreviation
    ("US" for "États-Unis") carries the name whole."""
    word = carried(name, text)
    if word is None:
        return False
    places = {w for w in name.forms if w in places_by_word()}
    if not places or " " in word or word.isupper():
        return True
    return any(same_word(place, folded) for folded in capitalised_words(text) for place in places)  # not "state"


def mentions(forms: frozenset[str], text: str, demonyms: bool = True, capitalised: bool = False) -> int:
    """How many words of ``text`` spell one of ``forms`` (folded), as names do (Mexican for mexico), or
    name its people otherwise (French for france, data/places_demonyms.tsv); without ``demonyms``, the
    place's own name only (Algiers, not Algerian; Nigeria, not Nigerian); with ``capitalised``,
    capitalised words only (English writes names and their people's names so: not "single")."""
    words = [w for surface, w in word_parts(text) if not capitalised or surface[:1].isupper()]
    if not demonyms:
        return sum(1 for w in words if any(same_word(f, w) for f in forms) and not any(demonym(f, w) for f in forms))
    return sum(1 for w in words if any(same_word(f, w) or _irregular_demonym(f, w) for f in forms))


def people_named(name: SourceName, forms: frozenset[str], text: str, source: str) -> bool:
    """Does ``text`` name the place ``name`` (of English ``forms``) by name or by its people as often as
    the French ``source`` has the place and its people ("the country of French human rights" for "le
    pays des droits de l'homme de la France"; not "Czech tourists leave the country" for "Des touristes
    tchèques partent de la République tchèque")? Only capitalised words count (not "single" for
    Singapore), none inside a compound (anti-German renders antiallemands); the source's are its own
    spelling (Alger, algérien) or a word the name tables give one of the forms (britannique: British,
    for Angleterre), elisions aside (qu'Alger)."""
    said = sum(1 for _, w in word_parts(blank_elisions(source)[0])
               if any(same_word(o, w) for o in name.own) or not forms.isdisjoint(english_forms(word_name(w))))
    return mentions(forms, _COMPOUND_RE.sub(" ", text), capitalised=True) >= max(1, said)


#: A hyphenated compound (anti-German).
_COMPOUND_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _irregular_demonym(form: str, word: str) -> bool:
    """Whether the folded ``word`` (or it without a plural -s) is one of data/places_demonyms.tsv's
    names for the people of the place ``form`` (french for france, danes for denmark)."""
    people = _irregular_demonyms().get(form)
    return bool(people) and (word in people or word.endswith("s") and word[:-1] in people)


@lru_cache(maxsize=1)
def _irregular_demonyms() -> dict[str, tuple[str, ...]]:
    """A place's name (folded) -> the names of its people that no regular ending makes (france: french)."""
    return {fold_phrase(place): tuple(fold_name(w) for w in people.split("|") if w.strip())
            for place, people in table("places_demonyms.tsv")}


#: The endings that make a place's name its people's (Algeria-n, Alger-ian, Chin-ese, Iraq-i).
_DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "ish", "n", "i")


def demonym(form: str, word: str) -> bool:
    """Whether the folded ``word`` names the people of the place ``form`` (folded): the form, or the
    form without its last letter, and a demonym's ending (nigerian for nigeria, chinese for china), or
    its plural (americans for america); the form without its last letter (german for germany, swedes
    for sweden); or the form's combining form before a hyphen (franco for france in Franco-German, russo
    for russia)."""
    words = (word, word[:-1]) if word.endswith("s") else (word,)
    if _irregular_demonym(form, word):
        return True  # french for france, spaniards for spain
    if word != form and any(len(w) >= 5 and (w.endswith("o") and form.startswith(w[:-1]) or w == form[:-1]) for w in words):
        return True
    stems = (form, form[:-1], form[:-2]) if form.endswith("ey") else (form, form[:-1])  # turk-ish for turk-ey
    return any(w.endswith(e) and w[:-len(e)] in stems for w in words for e in _DEMONYM_ENDINGS if len(w) > len(e) + 2)
