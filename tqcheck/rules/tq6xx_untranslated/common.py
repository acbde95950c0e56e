"""What the TQ6xx rules share: whole-word patterns over word lists, and the spans of text that
is correct English although it holds French (or Latin) words."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ...text.data import word_list
from ...text.lexicon import zipf

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


# French is written with these letters; a word with others (š, ř, ő, ñ, ó) is Czech, Hungarian, Spanish...
_FRENCH_LETTERS = "a-zàâçéèêëîïôûùœæ'\\-"
FRENCH_LETTERS_RE = re.compile(f"^[{_FRENCH_LETTERS}]+$")
# ...and rarely ü and ÿ (the reformed ambigüité, aigüe; capharnaüm), which German and Hungarian write too.
_RARE_FRENCH_LETTERS_RE = re.compile(f"^[{_FRENCH_LETTERS}üÿ]+$")


def french_spelling(word: str) -> bool:
    """Is ``word`` (lowercase) spelled with French letters? With ü or ÿ (über, együtt are German and
    Hungarian) only a word wordfreq knows in French."""
    return FRENCH_LETTERS_RE.match(word) is not None or (
        _RARE_FRENCH_LETTERS_RE.match(word) is not None and zipf(word, "fr") > 0)


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


# A short quotation is a term quoted as French on purpose: “laïcité”, "savoir-être"; not one that
# holds an English word ("very bientôt", "an exercice": MT left a word of a quotation).
_QUOTED_RE = re.compile(r"[\"\u201c\u00ab\u2018]\s*([^\"\u201c\u201d\u00ab\u00bb]{1,60}?)\s*[\"\u201d\u00bb\u2019](?!\w)")
QUOTED_MAX_WORDS = 4
#: A word of a quotation this frequent in English (zipf), and more frequent there than in French, is
#: English: the quotation is no French term.
QUOTED_ENGLISH_MIN = 3.0
_QUOTED_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")  # "nano-diamants": one word
#: A quotation of one lowercase word this common in French (zipf) is an everyday word MT left, not a
#: term quoted on purpose ("système", "difficile"; not "laïcité" 3.6, "savoir-être", "Libération"): on
#: the five real sets the one such quotation is a post-edit's "européenne".
QUOTED_COMMON_FRENCH = 4.5


def _french_term(quoted: str) -> bool:
    """Whether a short quotation is a French term, with no English word in it."""
    words = _QUOTED_WORD_RE.findall(quoted.lower())
    if len(words) > QUOTED_MAX_WORDS:
        return False
    if len(words) == 1 and words[0] == quoted.strip(" .,;:!?") and words[0].isalpha() \
            and zipf(words[0], "fr") >= QUOTED_COMMON_FRENCH:
        return False  # an everyday French word, not a term
    return not any((en := zipf(w, "en")) >= QUOTED_ENGLISH_MIN and en > zipf(w, "fr") for w in words)


@lru_cache(maxsize=1)
def _loanwords_re() -> re.Pattern:
    return re.compile(
        BEFORE + "(?:" + alternation(word_list("untranslated_loanwords.txt"), True) + ")" + AFTER, re.IGNORECASE
    )


#: A name followed by its French form in parentheses, as a gloss: "the National Assessment of
#: Educational Progress (Evaluation nationale du progrès de l'enseignement)".
_GLOSS_RE = re.compile(r"(?<![\w'’-])[A-Z][^\W\d_]* \(([A-ZÀ-Ý][^()]*)\)")


def skipped_spans(text: str) -> list[tuple[int, int]]:
    """TQ605's spans of English that hold French words: loanwords, Latin and listed English phrases,
    short quotations, and a French name given in parentheses after its English one."""
    spans = excepted_spans(text) + [m.span() for m in _loanwords_re().finditer(text)]
    for m in _QUOTED_RE.finditer(text):
        if len(m.group(1).split()) <= QUOTED_MAX_WORDS and _french_term(m.group(1)):
            spans.append(m.span())
    if "(" in text:
        spans.extend(m.span(1) for m in _GLOSS_RE.finditer(text))
    return spans


def english_frequency(word: str) -> float:
    """English zipf of ``word`` or of its singular (certitudes, pistes and imbroglios are English)."""
    best = zipf(word, "en")
    for cut in ("s", "es"):
        if word.endswith(cut) and len(word) > len(cut) + 3:
            best = max(best, zipf(word[: -len(cut)], "en"))
    return best


def accented(word: str) -> bool:
    """Whether ``word`` has a letter with a diacritic."""
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word))

