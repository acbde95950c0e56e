"""The word tokenisers the comparisons use, one per kind of comparison.

- ``word_parts``: (surface, folded) word parts of 3+ letters, for names across languages.
- ``copy_words``: case-folded words without edge punctuation, for copy detection.
- ``term_tokens``: (compare form, surface) words, for glossary phrases.
- ``RunTokens``: every whitespace token with its span, stem and whether it is a
  content word, for aligning a translation with a reference.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .data import word_set
from .fold import fold_name, singular, strip_accents
from .names import name_key
from .punctuation import EDGE_PUNCTUATION, EDGE_PUNCTUATION_WIDE

_PART_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TERM_TOKEN_RE = re.compile(r"[^\W_]+")


def word_parts(text: str) -> list[tuple[str, str]]:
    """(surface, folded) for each word part of ``text`` (hyphens split, possessives dropped).

    A part is letters, with apostrophes inside: a hyphen ends it (it is no letter)."""
    out = []
    for m in _PART_TOKEN_RE.finditer(text.replace("\u2019", "'")):
        part = m.group(0).removesuffix("'s")
        folded = fold_name(part)
        if len(folded) >= 3:
            out.append((part, folded))
    return out


@lru_cache(maxsize=64)
def copy_words(text: str) -> tuple[str, ...]:
    """The case-folded words of ``text``, edge punctuation stripped (cached for the segment being
    checked: TQ913 reads a source twice in a row; a larger cache would only hold memory)."""
    return tuple(w for token in text.replace("\u2019", "'").casefold().split() if (w := token.strip(EDGE_PUNCTUATION)))


def term_tokens(text: str, fold: bool) -> list[tuple[str, str]]:
    """``(compare form, surface form)`` for each word of ``text`` (hyphens and apostrophes split
    words); the compare form is singular, case-folded and, with ``fold``, without diacritics."""
    text = unicodedata.normalize("NFC", text)
    return [(_compare_form(m.group(0), fold), m.group(0)) for m in _TERM_TOKEN_RE.finditer(text)]


@lru_cache(maxsize=65536)
def _compare_form(word: str, fold: bool) -> str:
    return singular(strip_accents(word) if fold else word.casefold())


class RunTokens:
    """The whitespace tokens of a text: 5-letter stems by name key and content flags, kept; raw text
    and spans, made when asked (a rule reads them only for the rare run it reports)."""

    __slots__ = ("content", "stems", "text")

    def __init__(self, text: str, stems: tuple[str, ...], content: tuple[bool, ...]) -> None:
        self.text, self.stems, self.content = text, stems, content

    @classmethod
    def of(cls, text: str) -> "RunTokens":
        """The tokens of ``text`` (cached: the rules comparing a translation with its references
        both ask for the same segment's and reference's tokens, one window after the other)."""
        return _run_tokens(cls, text)

    @property
    def raw(self) -> tuple[str, ...]:
        return tuple(self.text.split())

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return tuple(m.span() for m in _WHITESPACE_TOKEN_RE.finditer(self.text))


_WHITESPACE_TOKEN_RE = re.compile(r"\S+")


#: Two windows of segments and their references (engine.WINDOW_SEGMENTS is 1,000): TQ902 reads a
#: window's, then TQ903 the same again. An entry holds two tuples of pointers (stems are shared).
@lru_cache(maxsize=4096)
def _run_tokens(cls, text: str) -> RunTokens:
    pairs = [_run_word(token) for token in text.split()]
    return cls(text, tuple(stem for stem, _ in pairs), tuple(content for _, content in pairs))


@lru_cache(maxsize=16384)
def _run_word(token: str) -> tuple[str, bool]:
    """A whitespace token's 5-letter stem by name key, and whether it is a content word."""
    word = token.replace("\u2019", "'").strip(EDGE_PUNCTUATION_WIDE).lower()
    word = word.removesuffix("'s")
    key = name_key(word) if word else ""
    content = bool(key) and len(word) > 1 and word not in word_set("fidelity_function_words.txt") \
        and not any(c.isdigit() for c in word)
    return (key[:5] if key else word), content
