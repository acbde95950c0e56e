"""How much of a French segment an English segment renders, word by word (TQ918).

Each content word of the source (not a French function word, three letters or more) is
rendered when a word of the translation is one of its English renderings in
data/fidelity_glossary_fr_en.tsv (``gouvernements`` -> governments), or shares its
spelling as a cognate or a name does (``amendements`` = amendments, ``Bagdad`` = Baghdad);
both are compared loosely (``curve`` meets ``curves``, ``tried`` meets ``trying``). Numbers
are words too (``2,500`` meets ``2 500``). Counted both ways: the source words rendered, and
the translation's content words that render one of them.

A translation of its source renders about 60% of its words each way (median 0.67 on 6,003
professional segments); a translation of another sentence renders about 2.5% (chance
meetings of common words). ``unrelated_evidence`` weighs the two counts as a log-likelihood
ratio of those two rates, so one chance meeting in a long sentence still counts as unrelated
while a short, freely rendered sentence does not.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .data import data_path, word_set
from .fold import common_prefix_length, strip_accents
from .numwords import number_words

#: The share of a source's words a translation of it renders (each way), and the share a
#: translation of another sentence renders by chance (measured on newstest2012/2013 and on
#: 300 segments swapped for far-away ones: medians 0.67 and 0.0, means 0.60 and 0.025).
RENDERED_RATE = 0.6
CHANCE_RATE = 0.025
#: Two words this alike (normalised Levenshtein similarity), of five letters or more, are cognates.
COGNATE_SIMILARITY = 0.7

_WORD_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_SEPARATORS_RE = re.compile(r"[.,\u00a0\u202f ]")
#: English inflections set aside before comparing (ies -> y: "policies" meets "policy").
_ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
#: The last letters of those endings: a word ending otherwise has no stem of its own.
_ENDING_LETTERS = frozenset(ending[-1] for ending, _ in _ENDINGS)


@dataclass(frozen=True)
class Coverage:
    """How many of the source's words the translation renders, and of its own words render one."""

    source_words: int
    source_rendered: int
    words: int
    rendered: int


@lru_cache(maxsize=1)
def _glossary() -> dict[str, tuple[str, ...]]:
    """French form -> the folded English content words of its renderings and their stems (read
    here, not through ``data.table``, so that only this compact form stays in memory)."""
    function_words = word_set("fidelity_function_words.txt")
    shared: dict[str, str] = {}  # one string object per word, however many entries name it
    stems: dict[str, str] = {}  # each word's stem, worked out once, not once per entry naming it
    out = {}
    for line in data_path("fidelity_glossary_fr_en.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        french, renderings = line.split("\t")
        words = set()
        for w in _WORD_RE.findall(strip_accents(renderings)):
            if w not in function_words:
                stem = stems.get(w)
                if stem is None:
                    stem = stems[w] = _english_stem(w)
                words.update((w, stem))
        out[french] = tuple(shared.setdefault(w, w) for w in sorted(words))
    return out


def _english_stem(word: str) -> str:
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + replacement
    return word


def _renders(candidate: str, word: str) -> bool:
    """Whether ``word`` of the translation is ``candidate`` (a glossary rendering), loosely."""
    if candidate == word or (len(candidate) >= 5 and candidate in word):
        return True
    candidate, word = _english_stem(candidate), _english_stem(word)
    if candidate == word:
        return True
    shorter, shared = min(len(candidate), len(word)), common_prefix_length(candidate, word)
    if shorter >= 3 and shared == shorter and abs(len(candidate) - len(word)) <= 4:
        return True  # boy -> boyish, curve -> curves
    return shorter >= 4 and shared >= max(4, shorter - 2)


def _cognate(french: str, word: str, strict: bool = False) -> bool:
    """Whether ``word`` spells the folded French ``french`` as a cognate or a name does; ``strict``, only
    spelled alike, not by sharing its first letters (``compris`` and ``company``)."""
    if french == word:
        return True
    shorter = min(len(french), len(word))
    if shorter < 4:
        return False
    shared = common_prefix_length(french, word)
    return not strict and (shared >= 5 or shared >= max(4, shorter - 3)) or (
        shorter >= 5 and Levenshtein.normalized_similarity(french, word) >= COGNATE_SIMILARITY)


def _meets(lower: str, folded: str, word: str, glossary: dict[str, tuple[str, ...]], strict: bool = False) -> bool:
    """Whether the English ``word`` renders the French content word ``lower`` (``folded``): a cognate
    (``strict``: spelled alike) or the same name, or one of its glossary renderings, loosely."""
    return _cognate(folded, word, strict) or any(_renders(c, word) for c in glossary.get(lower, ()))


@lru_cache(maxsize=64)
def source_words(text: str) -> tuple[tuple[str, str], ...]:
    """The content words of a French segment: (lowercase form, folded form); numbers without separators.
    Cached for the last segments, as ``target_words``: a rule reads one segment's words in several places."""
    function_words = word_set("fidelity_french_function_words.txt")
    out = []
    for word in _WORD_RE.findall(text.lower()):
        if word[0].isdigit():
            number = _SEPARATORS_RE.sub("", word)
            out.append((number, number))
        elif len(word) >= 3 and word not in function_words:
            out.append((word, word if word.isascii() else strip_accents(word)))
    return tuple(out)


@lru_cache(maxsize=64)
def target_words(text: str) -> tuple[str, ...]:
    """The content words of an English segment, folded; numbers without separators."""
    function_words = word_set("fidelity_function_words.txt")
    out = []
    for word in _WORD_RE.findall(text.lower()):
        if word[0].isdigit():
            out.append(_SEPARATORS_RE.sub("", word))
        elif len(word) >= 3 and (word := word if word.isascii() else strip_accents(word)) not in function_words:
            out.append(word)
    return tuple(out)


def quick_coverage(source: str, text: str, src: tuple[tuple[str, str], ...] | None = None) -> Coverage:
    """A lower bound of ``coverage`` from exact look-ups only (same spelling, a glossary rendering or
    its stem against a word of the translation or its stem): enough to clear most translations at once.
    ``src``: ``source_words(source)``, when the caller has them."""
    src = source_words(source) if src is None else src
    glossary = _glossary()
    where: dict[str, int] = {}
    target = target_words(text)
    for j, word in enumerate(target):
        where.setdefault(word, j)
        if word[-1] in _ENDING_LETTERS:
            where.setdefault(_english_stem(word), j)
    hit: set[int] = set()
    rendered = 0
    for lower, folded in src:
        j = where.get(folded)
        if j is None:
            j = next((where[c] for c in glossary.get(lower, ()) if c in where), None)
        if j is not None:
            hit.add(j)
            rendered += 1
    return Coverage(len(src), rendered, len(target), len(hit))


def coverage(source: str, text: str) -> Coverage:
    """How much of ``source`` (French) ``text`` (English) renders, each way."""
    src, words = source_words(source), target_words(text)
    glossary = _glossary()
    hit: set[int] = set()
    rendered = 0
    for lower, folded in src:
        found = False
        if lower[0].isdigit():
            numbers = _english_numbers()
            for j, word in enumerate(words):
                if word == lower or numbers.get(word) == lower:  # 5 = five
                    hit.add(j)
                    found = True
        else:
            for j, word in enumerate(words):
                if _meets(lower, folded, word, glossary):
                    hit.add(j)
                    found = True
        rendered += found
    return Coverage(len(src), rendered, len(words), len(hit))


@lru_cache(maxsize=256)
def renderings(french: str) -> tuple[str, ...]:
    """The English renderings the glossary gives for the French word ``french`` (lowercase), as
    written there (``pays``: country, countries, nation); empty when it has none. (Read from the file
    for each word asked, for a finding's message: the compact ``_glossary`` keeps no spellings.)"""
    prefix = french + "\t"
    for line in data_path("fidelity_glossary_fr_en.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(prefix):
            return tuple(line[len(prefix):].split("|"))
    return ()


@lru_cache(maxsize=1)
def two_word_renderings() -> dict[str, tuple[str, ...]]:
    """The French words of the glossary that have renderings of two words, with those renderings
    (``immobilier``: real estate)."""
    out = {}
    for line in data_path("fidelity_glossary_fr_en.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            french, renderings = line.split("\t")
            two = tuple(r for r in renderings.split("|") if r.count(" ") == 1)
            if two:
                out[french] = two
    return out


def renders_in(french: str, text: str, times: int = 1, *, own_stem: bool = False) -> bool | None:
    """Whether ``times`` other content words of ``text`` (English) are glossary renderings of the
    French word ``french`` (lowercase) that ``text`` also holds, in the same form or stem
    (``countries`` for ``pays``); None when that cannot tell: the glossary has no rendering for it,
    or the word is one of its own renderings (``zone``: zone, area) or, unless ``own_stem`` is
    given, an English form of one (``publics``: public; the caller knows whether that form is
    English)."""
    candidates = _glossary().get(french)
    folded = strip_accents(french)
    if not candidates or folded in candidates or (not own_stem and _english_stem(folded) in candidates):
        return None
    found = sum(1 for word in target_words(text) if word != folded
                and (word in candidates or _english_stem(word) in candidates))
    return found >= times


def renders_word(french: str, word: str, strict: bool = False) -> bool:
    """Whether the English ``word`` renders the French word ``french``: the same word (accents aside),
    a cognate, or one of its glossary renderings, loosely (``porte``: door; ``dit``: says). ``strict``
    takes for a cognate only a word spelled alike (``musulmans``: Muslim), not one sharing its first
    letters (``compris``: company)."""
    lower = french.lower()
    return _meets(lower, strip_accents(lower), strip_accents(word.lower()), _glossary(), strict)


def rendered_by(source: str, word: str, cognates: bool = True) -> bool:
    """Whether the English ``word`` (folded) renders a content word of the French ``source``: one of
    its glossary renderings or, unless ``cognates`` is False, a cognate (``Chancellery`` for
    ``Chancellerie``)."""
    glossary = _glossary()
    if not cognates:
        return any(_renders(c, word) for lower, _ in source_words(source) for c in glossary.get(lower, ()))
    return any(_meets(lower, folded, word, glossary) for lower, folded in source_words(source))


def looks_french(text: str) -> bool:
    """Whether a source segment has a French function word: a sentence of another language (a
    source file in the wrong language, an English quotation) has none and is not judged."""
    function_words = word_set("fidelity_french_function_words.txt")
    return any(w.lower() in function_words for w in _WORD_RE.findall(text))


#: Marks a translation keeps from its source and a translation of another sentence often does not:
#: (name, share of professional translations where one side has it and the other not, the same share
#: for a translation of another sentence, the source's marks, the translation's). Measured on
#: newstest2012/2013 (6,003 segments) and on 6,000 of their segments paired with the translation of a
#: far-away one; a share below SHAPE_MIN_RATE counts as that.
SHAPE_MARKS = (
    ("question mark", 0.0028, 0.0675, "?", "?"),
    ("exclamation mark", 0.0002, 0.0122, "!", "!"),
    ("quotation", 0.0406, 0.3008, '"«“', '"“”'),
    ("parenthesis", 0.0130, 0.0767, "(", "("),
    ("colon", 0.0273, 0.0987, ":", ":"),
    # a number: digits in the source, digits or a number word in the translation (5 = five)
    ("number", 0.0075, 0.3058, "0123456789", "0123456789"),
)
SHAPE_MIN_RATE = 0.002
#: Closed-class words a translation keeps from its source as the marks above: a negation, a first
#: person singular or plural, a second person (name, the two shares as for SHAPE_MARKS, the source's
#: words, the translation's; lower-case words, an elision's letter standing for it: "n" for "n'", "j"
#: for "j'", "t" for "n't"). Measured the same way: the same 6,003 professional segments and 6,003 of
#: them paired with the translation of a far-away one of similar length.
SHAPE_WORDS = (
    ("negation", 0.0653, 0.3248,
     frozenset({"ne", "n", "pas", "jamais", "rien", "aucun", "aucune", "personne", "ni", "non", "sans"}),
     frozenset({"not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "cannot", "t"})),
    ("first person", 0.0127, 0.1544,
     frozenset({"je", "j", "moi", "mon", "ma", "mes"}), frozenset({"i", "me", "my", "mine", "myself"})),
    ("first person plural", 0.0290, 0.1477,
     frozenset({"nous", "notre", "nos"}), frozenset({"we", "us", "our", "ours", "ourselves"})),
    ("second person", 0.0188, 0.1017,
     frozenset({"vous", "votre", "vos", "tu", "toi", "ton", "ta", "tes"}),
     frozenset({"you", "your", "yours", "yourself", "yourselves"})),
)


def shape_evidence(source: str, text: str) -> float:
    """How much likelier the marks and closed-class words the two sides share or not (a question mark,
    quotation marks, numbers, a negation, "I"...) are for a translation of another sentence than for
    one of this source (a log-likelihood ratio, added to ``unrelated_evidence``)."""
    total = 0.0
    for name, kept, other, in_source, in_text in SHAPE_MARKS:
        kept = max(kept, SHAPE_MIN_RATE)
        has = any(m in source for m in in_source)
        differs = has != any(m in text for m in in_text)
        if differs and has and name == "number":
            differs = _english_numbers().keys().isdisjoint(_WORD_RE.findall(text.lower()))
        total += math.log(other / kept) if differs else math.log((1 - other) / (1 - kept))
    source_words = set(_WORD_RE.findall(source.lower()))
    text_words = {w.lower() for w in _WORD_RE.findall(text) if w != "i"}  # "I", not a roman "i"
    for _, kept, other, in_source, in_text in SHAPE_WORDS:
        differs = in_source.isdisjoint(source_words) != in_text.isdisjoint(text_words)
        total += math.log(other / kept) if differs else math.log((1 - other) / (1 - kept))
    return total


@lru_cache(maxsize=1)
def shape_bound() -> float:
    """The most ``shape_evidence`` can give: each mark and word taking its larger term (a segment whose
    word counts fall short of a bar by more than this is cleared without reading its marks)."""
    terms = [(max(kept, SHAPE_MIN_RATE), other) for _, kept, other, _, _ in SHAPE_MARKS + SHAPE_WORDS]
    return sum(max(math.log(other / kept), math.log((1 - other) / (1 - kept))) for kept, other in terms)


@lru_cache(maxsize=1)
def _english_numbers() -> dict[str, str]:
    """English number words and their values as digits ("five" -> "5"); not one, first and second,
    which are other words too."""
    return {word: str(value) for word, value in number_words("en").items() if word not in ("one", "first", "second")}


#: A capitalised word inside a sentence (after a word and a space, not after a full stop): a name,
#: mostly; an acronym of up to 5 capitals too (NATO), not a longer run of capitals (a shouted word).
_NAME_RE = re.compile(r"(?<=[\w,;:)] )[A-ZÀ-Ý][^\W\d_]{2,}")
#: The share of those names with no counterpart on the other side, in a translation of the source and in
#: a translation of another sentence: the source's names 0.082 and 0.993, the translation's 0.090 and
#: 0.980 (5,952 professional newstest2012/2013 segments; 1,200 paired with a far-away segment's translation
#: by benchmarks/challenge.py --types unrelated, four seeds). A name weighs more than another word (0.6
#: and 0.025 rendered): translators keep names, and another sentence's names are other names.
NAME_UNMATCHED = {"source": (0.082, 0.993), "translation": (0.090, 0.980)}


def _names(text: str) -> list[str]:
    return [w for w in _NAME_RE.findall(text) if not w.isupper() or len(w) <= 5]


def name_bound(source: str, text: str) -> float:
    """The most ``name_evidence`` can give for these two segments (each name unmatched)."""
    return sum(len(_names(t)) * max(0.0, _name_terms(side)[0]) for side, t in (("source", source), ("translation", text)))


@lru_cache(maxsize=2)
def _name_terms(side: str) -> tuple[float, float]:
    """What an unmatched and a matched name of ``side`` add to ``unrelated_evidence``'s terms for a word."""
    return kept_terms(*NAME_UNMATCHED[side])


def kept_terms(real: float, other: float) -> tuple[float, float]:
    """What an unmatched and a matched item add to a word's terms, when a translation leaves ``real`` of
    such items unmatched and another sentence's translation ``other`` (names, numbers)."""
    unmatched = math.log(other / real) - math.log((1 - CHANCE_RATE) / (1 - RENDERED_RATE))
    matched = math.log((1 - other) / (1 - real)) - math.log(CHANCE_RATE / RENDERED_RATE)
    return unmatched, matched


def name_evidence(source: str, text: str) -> float:
    """How much the names inside the two sentences add to ``unrelated_evidence`` (a log-likelihood ratio):
    a name of one side with no counterpart on the other (the same name, a cognate, a rendering) is far
    likelier for the translation of another sentence than a content word unrendered."""
    glossary = _glossary()
    total = 0.0
    source_names, text_names = _names(source), _names(text)
    if source_names:
        words = target_words(text)
        unmatched, matched = _name_terms("source")
        for name in source_names:
            lower = name.lower()
            found = any(_meets(lower, strip_accents(lower), w, glossary) for w in words)
            total += matched if found else unmatched
    if text_names:
        src = source_words(source)
        unmatched, matched = _name_terms("translation")
        for name in text_names:
            word = strip_accents(name.lower())
            found = any(_meets(lower, folded, word, glossary) for lower, folded in src)
            total += matched if found else unmatched
    return total


def _log_ratio(n: int, k: int) -> float:
    """Log-likelihood ratio of ``k`` words rendered out of ``n``: a translation against chance."""
    return k * math.log(RENDERED_RATE / CHANCE_RATE) + (n - k) * math.log((1 - RENDERED_RATE) / (1 - CHANCE_RATE))


def unrelated_evidence(cov: Coverage) -> float:
    """How much likelier the counts are for a translation of another sentence than for one of
    this source (a log-likelihood ratio: above 0 favours another sentence)."""
    return -(_log_ratio(cov.source_words, cov.source_rendered) + _log_ratio(cov.words, cov.rendered))
