"""Names of a French source and whether an English text carries them over.

A name of the source is a run of capitalised words (``source_names``); it is carried
over (``carried``) when one of its words appears in the English under the same
transliteration key (Hachd = Hashd), in an English form from untranslated_exonyms.tsv
(Bagdad = Baghdad) or fidelity_name_forms.tsv (Etats-Unis = US, United States), or
sharing all but its ending (Américains = Americans).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .alternation import alternation
from .data import table, word_list, word_set
from .fold import common_prefix_length, fold_name, singular
from .lexicon import zipf
from .names import distinct, name_candidates, name_key
from .tokens import word_parts

# French elisions before a word: l’Irak, d’Abou, qu’Ankara, jusqu’à.
_ELISION_RE = re.compile(r"(?<![\w])(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’](?=[^\W\d_])")
# What may join the words of one name: spaces, hyphens, and lower-case particles (Charles-de-Gaulle,
# Quai d’Orsay once the elision is blanked, Ben Laden, Abou Bakr al-Baghdadi).
NAME_JOIN_RE = re.compile(
    r"[ \u00a0\-\u2010\u2011]+(?:(?:de|du|des|la|le|al|el|ben|bin|ibn|van|von|der|y)[ \u00a0\-\u2010\u2011]+)?"
)
#: A hyphen with spaces around it joins two names, not the words of one: a route, a match or a
#: race ("la ligne Londres - Birmingham", "le match Lyon - Marseille").
_SPACED_DASH_RE = re.compile(r"\s[-\u2010\u2011]\s")
# French titles whose full stop is no sentence end: "a promis M. Erdogan".


@lru_cache(maxsize=1)
def _title_before_re() -> re.Pattern:
    titles = "|".join(map(re.escape, word_list("crossnames_french_titles.txt")))
    return re.compile(rf"(?<!\w)(?:{titles})\.?[ \u00a0]+$")
#: Two spellings share a prefix this long (and all but 3 letters of the shorter) -> one name
#: (Américains/Americans, Assemblée/Assembly, Mali/Malian).
#: A capitalised source word this frequent in French (Zipf) is an ordinary word, not a name.
COMMON_FRENCH_NOUN = 5.0
#: ...when it is this rare in English (so not a name English shares, such as Paris or Europe).
RARE_ENGLISH = 3.0
NAME_PREFIX_MIN = 4
NAME_PREFIX_SLACK = 3


@dataclass(frozen=True)
class SourceName:
    """A name of the source, and the spellings that count as carrying it over.

    ``own`` are its words, folded; ``forms`` adds the English words
    untranslated_exonyms.tsv gives (compared like names: transliteration key,
    shared stem); ``phrases`` are English forms from fidelity_name_forms.tsv,
    matched as written (US, U.S., Washington; a plural s is allowed).
    """

    text: str
    own: frozenset[str]
    forms: frozenset[str]
    phrases: tuple[str, ...] = ()


def _split_folded(text: str) -> str:
    return " ".join(fold_name(w) for w in re.split(r"[\s\-\u2010\u2011\u00a0]+", text) if fold_name(w))


@lru_cache(maxsize=1)
def _exonyms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(folded French form, folded English words), longest first: 'etats unis' -> ('united', 'states')."""
    rows = {}
    for row in table("untranslated_exonyms.tsv"):
        english = tuple(w for w in _split_folded(row[1]).split() if len(w) >= 3)
        if english:
            for key in _keys(row[0]):
                rows.setdefault(key, english)
    return tuple(sorted(rows.items(), key=lambda kv: (-len(kv[0]), kv[0])))


#: A French name whose article the source reader leaves out ("à La Havane" gives Havane, "La Haye" Haye).
_ARTICLE_RE = re.compile(r"^(?:la|le|les) (?=\S+$)")


def _keys(french: str) -> tuple[str, ...]:
    """The folded keys of a table's French name: as written and, for an article and one rare word
    (La Havane, La Haye, La Mecque; not Le Cap, "cap" being a French word), that word alone."""
    key = _split_folded(french)
    bare = _ARTICLE_RE.sub("", key)
    return (key, bare) if bare != key and zipf(bare, "fr") < RARE_FRENCH else (key,)


#: A word this rare in French (Zipf) is a name, not a French word ("havane" 2.4; "cap" 4.4).
RARE_FRENCH = 4.0


@lru_cache(maxsize=1)
def _name_form_rows() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(folded French key, English phrases) of fidelity_name_forms.tsv, keys without an article too."""
    return tuple((key, tuple(p.strip() for p in row[1].split("|")))
                 for row in table("fidelity_name_forms.tsv") for key in _keys(row[0]))


@lru_cache(maxsize=1)
def _name_forms() -> tuple[tuple[re.Pattern, tuple[str, ...]], ...]:
    """(pattern over a folded name, English phrases): 'francais' -> ('French', 'France')."""
    out = []
    for french, phrases in _name_form_rows():
        key = re.escape(french)
        # plural and feminine endings of demonyms: Allemands, Allemande, Européennes
        out.append((re.compile(rf"(?<!\S){key}(?P<ending>(?:e|ne)?s?)(?!\S)"), phrases))
    return tuple(out)


@lru_cache(maxsize=None)
def _phrase_re(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<![\w.]){re.escape(phrase)}(?:s|es)?(?![\w])")


def blank_elisions(text: str) -> tuple[str, set[int]]:
    """The text with elisions blanked (same length), and where the elided words start."""
    starts = set()

    def blank(m):
        starts.add(m.end())
        return " " * len(m.group(0))

    return _ELISION_RE.sub(blank, text), starts


@lru_cache(maxsize=1)
def _lowercase_tails_re() -> re.Pattern:
    """The names of the exonym and name-form tables that go on in lower case after their capitalised
    words ("République tchèque", "Arabie saoudite", "Nations unies"): a run of capitals is extended
    over such a tail."""
    names = {row[0] for name in ("untranslated_exonyms.tsv", "fidelity_name_forms.tsv") for row in table(name)}
    return re.compile("(?:" + alternation(n for n in names if re.search(r" [a-zà-ÿ]", n)) + r")(?![\w])")


def source_names(text: str, initials: bool = False) -> list[SourceName]:
    """The names of a French segment: runs of capitalised words, one entry per name.

    A lone capitalised word at a sentence start is skipped (any word is
    capitalised there), unless it follows an elision ("L’Autriche") or
    ``initials`` is given; French function words there ("Les", "Selon") are
    skipped always.
    """
    return [name for name, initial in _names_of(text) if initials or not initial]


def source_names_marked(text: str) -> tuple[tuple[SourceName, bool], ...]:
    """``source_names(text, initials=True)``, each name with whether it is a lone word starting a sentence."""
    return _names_of(text)


@lru_cache(maxsize=64)
def _names_of(text: str) -> tuple[tuple[SourceName, bool], ...]:
    """``source_names(text, initials=True)``, each name with whether it is a lone word starting a
    sentence (read once for both views: a rule asks for both of one segment)."""
    blanked, after_elision = blank_elisions(text)
    runs: list[list[tuple[int, int, str, bool]]] = []
    for start, end, spelling, initial in name_candidates(blanked):
        initial = initial and start not in after_elision and not _title_before_re().search(blanked, 0, start)
        if initial and _function_word(spelling.lower()):
            continue  # "Lorsque la Chine": the name is "Chine"
        if runs and NAME_JOIN_RE.fullmatch(blanked, runs[-1][-1][1], start) and not _SPACED_DASH_RE.search(
                blanked, runs[-1][-1][1], start) and not (
                start in after_elision and len(runs[-1]) == 1 and runs[-1][0][3]
                and fold_name(runs[-1][0][2]) not in _phrase_heads()):
            runs[-1].append((start, end, spelling, initial))
        else:  # (a word starting the sentence, then an elided name, is two: "Sauver l'Italie"; not "Côte d'Ivoire")
            runs.append([(start, end, spelling, initial)])
    names = []
    for run in _split_at_de(runs, blanked, text):
        if len(run) > 1 and (run[0][2].lower() in word_set("fidelity_person_titles.txt")
                             or run[0][2] in word_set("crossnames_french_titles.txt")):
            run = run[1:]  # "le Président Pena Nieto", "la Dre Christiane Martel": the name follows its title
        tail = _lowercase_tails_re().match(text, run[0][0])
        if tail and tail.end() > run[-1][1]:
            run = [*run, (run[-1][1], tail.end(), text[run[-1][1]:tail.end()].strip(), False)]
        initial = len(run) == 1 and run[0][3]
        if initial and not _may_be_initial_name(run[0][2]):
            continue
        name = _source_name(text[run[0][0]:run[-1][1]], tuple(s for _, _, s, _ in run))
        known = name.phrases or name.forms != name.own  # a name the data gives English forms for
        if known or not all(common_french(s) for _, _, s, _ in run):
            names.append((name, initial))
    return tuple(names)


_DE_JOIN_RE = re.compile(r"[ \u00a0]+(?:de|du|des)[ \u00a0]+")
#: "d'" between two capitalised words, as ``blank_elisions`` leaves it: spaces (Premier League d'Angleterre).
_ELIDED_DE_RE = re.compile(r"[ \u00a0]+[dD]['\u2019]")


def _split_at_de(runs: list[list[tuple[int, int, str, bool]]], blanked: str,
                 text: str) -> list[list[tuple[int, int, str, bool]]]:
    """The runs of capitalised words, each split at its first "de" when that joins two names, not the
    words of one ("Charles de Gaulle"): an ordinary French word before it is left out ("Gouvernement de
    Mario López Valdez" is Mario López Valdez), and a one-word place on either side is a name of its own
    ("Portugal de Paulo Bento": Portugal, Paulo Bento; "Ivan Perisic de Dortmund"; "d'" too: "Premier
    League d'Angleterre"); a name the tables give whole stays one ("Afrique du Sud", "Pays de Galles",
    "Côte d'Ivoire")."""
    out = []
    for run in runs:
        for k in range(1, len(run)):
            if not (_DE_JOIN_RE.fullmatch(blanked, run[k - 1][1], run[k][0])
                    or _ELIDED_DE_RE.fullmatch(text, run[k - 1][1], run[k][0])):
                continue
            left, right = run[:k], run[k:]
            if _split_folded(blanked[run[0][0]:run[-1][1]]) in _whole_names():
                out.append(run)  # a name of the tables: "Afrique du Sud", "Pays de Galles"
            elif len(left) == 1 and common_french(left[0][2]):
                out.append(right)
            elif any(len(side) == 1 and fold_name(side[0][2]) in _one_word_forms() for side in (left, right)):
                out += [left, right]
            else:
                out.append(run)
            break
        else:
            out.append(run)
    return out


def _function_word(lower: str) -> bool:
    """A French function word (lorsque, selon, pour) or marker, which starts no name."""
    return lower in word_set("untranslated_foreign_markers.txt") or lower in word_set("fidelity_french_function_words.txt")


#: A lone word starting a sentence is read as a name (``source_names(initials=True)``) when the
#: tables give it an English form (Singapour) or name it as a place (Paris), or it is this rare in French and in English (Hagman,
#: Obama 4.2 and 4.9; not Selon 5.3, nor a function word).
INITIAL_NAME_MAX = 5.0


def _table_names() -> list[str]:
    """The French names the exonym and name-form tables give English forms for, folded."""
    return [_split_folded(row[0]) for name in ("untranslated_exonyms.tsv", "fidelity_name_forms.tsv")
            for row in table(name)]


@lru_cache(maxsize=1)
def _one_word_forms() -> frozenset[str]:
    """The one-word names of ``_table_names`` and the places of fidelity_places.tsv French writes as
    English does (Paris, Berlin), folded."""
    places = (_split_folded(row[0]) for row in table("fidelity_places.tsv"))
    return frozenset(n for n in (*_table_names(), *places) if " " not in n)


@lru_cache(maxsize=1)
def _whole_names() -> frozenset[str]:
    """The names of ``_table_names`` of several words, folded: one name each, not to be split."""
    return frozenset(n for n in _table_names() if " " in n)


@lru_cache(maxsize=1)
def _phrase_heads() -> frozenset[str]:
    """The first words of the names of ``_table_names`` of several words (cote: Côte d'Ivoire)."""
    return frozenset(n.split()[0] for n in _whole_names())


def _may_be_initial_name(word: str) -> bool:
    return fold_name(word) in _one_word_forms() or (
        zipf(word, "fr") < INITIAL_NAME_MAX and zipf(word, "en") < INITIAL_NAME_MAX)


def common_french(word: str) -> bool:
    """A capitalised ordinary French word ("Conseil", "Union", "Premier", "Nord"), which a translator
    translates: not a name the translation must keep. Listed (crossnames_common_nouns.txt), or frequent
    in French and rare in English (wordfreq: "Monde", "Maison", "Coupe")."""
    return word in word_set("crossnames_common_nouns.txt") or (
        zipf(word, "fr") >= COMMON_FRENCH_NOUN and zipf(word, "en") < RARE_ENGLISH)


@lru_cache(maxsize=16384)
def _source_name(surface: str, spellings: tuple[str, ...]) -> SourceName:
    """The SourceName for one run of capitalised words (names recur: computed once each)."""
    own = frozenset(f for f in (fold_name(s) for s in spellings) if f)
    forms = set(own)
    folded = _split_folded(surface)
    heads = {w[:_HEAD] for w in folded.split()} | {w[:_HEAD] for w in own}
    exonyms, name_forms = _exonyms(), _name_forms()
    for i in sorted(i for h in heads for i in _table_index()[0].get(h, ())):
        french, english = exonyms[i]
        if re.search(rf"(?<!\S){re.escape(french)}(?!\S)", folded):
            forms.update(english)
        elif " " not in french and len(french) >= 4 and len(english) == 1:
            for word in own:  # demonyms: Irakiens -> Iraqiens, which meets Iraqis
                if word.startswith(french) and word != french:
                    forms.add(english[0] + word[len(french):])
    found = [(i, m) for i in sorted({i for h in heads for i in _table_index()[1].get(h, ())})
             if (m := name_forms[i][0].search(folded))]
    # not a row for a part of a longer name another row gives ("Bretagne", Brittany, in "Grande-Bretagne")
    found = [(i, m) for i, m in found if not any(o.start() <= m.start() and m.end() <= o.end()
                                                 and o.end() - o.start() > m.end() - m.start() for _, o in found)]
    # a row naming the word as written first ("Argentine": Argentina), then rows of its forms ("Argentin" + e)
    phrases = tuple(p for _, i in sorted((bool(m.group("ending")), i) for i, m in found) for p in name_forms[i][1])
    return SourceName(surface, own, frozenset(forms), phrases)


def word_name(word: str) -> SourceName:
    """One French word read as a name, a lower-case one too, with the forms the exonym and name-form
    tables give it (britannique: British, Briton, UK)."""
    return _source_name(word, (word,))


#: The exonym and name-form rows are indexed by the first letters of their first word: a row can
#: only meet a name one of whose words starts the same way.
_HEAD = 3


@lru_cache(maxsize=1)
def _table_index() -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Row numbers of ``_exonyms()`` and of fidelity_name_forms.tsv by ``_HEAD`` first letters."""
    out: tuple[dict, dict] = ({}, {})
    keys = ([french for french, _ in _exonyms()], [french for french, _ in _name_form_rows()])
    for index, rows in zip(out, keys):
        for i, key in enumerate(rows):
            index.setdefault(key[:_HEAD], []).append(i)
    return tuple({h: tuple(v) for h, v in index.items()} for index in out)


@lru_cache(maxsize=1)
def _distinct_stems() -> frozenset[frozenset[str]]:
    return frozenset(frozenset((fold_name(r[0]), fold_name(r[1]))) for r in table("fidelity_names_distinct.tsv"))


@lru_cache(maxsize=65536)
def same_word(a: str, b: str) -> bool:
    """Two folded words that may be one name in two languages or spellings."""
    if distinct(a, b) or frozenset((singular(a, 5, "s"), singular(b, 5, "s"))) in _distinct_stems():
        return False
    if a == b or name_key(a) == name_key(b):
        return True
    prefix = common_prefix_length(a, b)
    return prefix >= max(NAME_PREFIX_MIN, min(len(a), len(b)) - NAME_PREFIX_SLACK)


def carried(name: SourceName, text: str, capitalised: bool = False, own_only: bool = False) -> str | None:
    """The word or phrase of ``text`` that carries ``name`` over, or None.

    With ``capitalised``, only capitalised words count (a reference that writes
    the word in lower case does not treat it as a name); with ``own_only``, only
    the name's own spelling (not its English forms).
    """
    forms = name.own if own_only else name.forms
    for surface, folded in word_parts(text):
        if capitalised and not surface[:1].isupper():
            continue
        if any(same_word(form, folded) for form in forms):
            return surface
    if not own_only:
        for phrase in name.phrases:
            m = _phrase_re(phrase).search(text)
            if m:
                return m.group(0)
    return None


class CapitalisedWords:
    """The capitalised words of a translation, indexed for ``carried(..., capitalised=True,
    own_only=True)`` look-ups over all its segments at once.

    ``_same_word`` only matches words with the same transliteration key or the
    same first NAME_PREFIX_MIN letters, so two dictionaries find every candidate;
    each keeps, per distinct word, its first occurrences in two different
    segments (enough to find one outside any given segment). Answers equal
    scanning the segments in order: the earliest segment, then the earliest word.
    """

    def __init__(self) -> None:
        self.by_key: dict[str, dict[str, list]] = {}
        self.by_prefix: dict[str, dict[str, list]] = {}

    def add(self, segments) -> None:
        """Index the next segments of the translation (in document order)."""
        for seg in segments:
            pos = seg.index - 1
            for tpos, (surface, folded) in enumerate(word_parts(seg.text)):
                if not surface[:1].isupper():
                    continue
                entry = (pos, tpos, seg.line, surface)
                buckets = [self.by_key.setdefault(name_key(folded), {})]
                if len(folded) >= NAME_PREFIX_MIN:
                    buckets.append(self.by_prefix.setdefault(folded[:NAME_PREFIX_MIN], {}))
                for bucket in buckets:
                    seen = bucket.setdefault(folded, [])
                    if len(seen) < 2 and all(e[0] != pos for e in seen):
                        seen.append(entry)

    def first_elsewhere(self, forms, skip: int) -> tuple[int, str] | None:
        """``(line, word)`` of the earliest capitalised word outside segment position ``skip``
        spelled as one of ``forms`` (the same letters, or the same transliteration key), or None."""
        best = None
        for form in forms:
            for folded, entries in self.by_key.get(name_key(form), {}).items():
                entry = next((e for e in entries if e[0] != skip), None)
                if entry and (best is None or entry[:2] < best[:2]) and not distinct(form, folded):
                    best = entry
        return (best[2], best[3]) if best else None
