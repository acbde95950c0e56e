"""What the TQ6xx rules share: whole-word patterns over word lists, and the spans of text that
is correct English although it holds French (or Latin) words."""
from __future__ import annotations

import re
from functools import lru_cache

from ...text.data import word_list

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


# A short quotation is a term quoted as French on purpose: “laïcité”, "savoir-être".
_QUOTED_RE = re.compile(r"[\"\u201c\u00ab\u2018]\s*([^\"\u201c\u201d\u00ab\u00bb]{1,60}?)\s*[\"\u201d\u00bb\u2019](?!\w)")
QUOTED_MAX_WORDS = 4


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
        if len(m.group(1).split()) <= QUOTED_MAX_WORDS:
            spans.append(m.span())
    if "(" in text:
        spans.extend(m.span(1) for m in _GLOSS_RE.finditer(text))
    return spans
