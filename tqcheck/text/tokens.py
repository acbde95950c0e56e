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
from dataclasses import dataclass
from functools import lru_cache

from .data import word_set
from .fold import fold_name, singular, strip_accents
from .names import name_key
from .punctuation import EDGE_PUNCTUATION, EDGE_PUNCTUATION_WIDE

_PART_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TERM_TOKEN_RE = re.compile(r"[^\W_]+")


def word_parts(text: str) -> list[tuple[str, str]]:
    """(surface, folded) for each word part of ``text`` (hyphens split, possessives dropped)."""
    out = []
    for m in _PART_TOKEN_RE.finditer(text.replace("\u2019", "'")):
        word = re.sub(r"'s$", "", m.group(0))
        for part in re.split(r"[-\u2010\u2011]", word):
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


@dataclass(frozen=True)
class RunTokens:
    """The whitespace tokens of a text: spans, raw text, 5-letter stems by name key, content flags."""

    spans: tuple[tuple[int, int], ...]
    raw: tuple[str, ...]
    stems: tuple[str, ...]
    content: tuple[bool, ...]

    @classmethod
    def of(cls, text: str) -> "RunTokens":
        """The tokens of ``text`` (cached: the rules comparing a translation with its references
        both ask for the same segment's and reference's tokens)."""
        return _run_tokens(cls, text)


_WHITESPACE_TOKEN_RE = re.compile(r"\S+")


@lru_cache(maxsize=1024)
def _run_tokens(cls, text: str) -> RunTokens:
    spans, raw, stems, content = [], [], [], []
    for m in _WHITESPACE_TOKEN_RE.finditer(text):
        token = m.group(0)
        stem, is_content = _run_word(token)
        spans.append(m.span())
        raw.append(token)
        stems.append(stem)
        content.append(is_content)
    return cls(tuple(spans), tuple(raw), tuple(stems), tuple(content))


@lru_cache(maxsize=16384)
def _run_word(token: str) -> tuple[str, bool]:
    """A whitespace token's 5-letter stem by name key, and whether it is a content word."""
    word = token.replace("\u2019", "'").strip(EDGE_PUNCTUATION_WIDE).lower()
    word = word.removesuffix("'s")
    key = name_key(word) if word else ""
    content = bool(key) and len(word) > 1 and word not in word_set("fidelity_function_words.txt") \
        and not any(c.isdigit() for c in word)
    return (key[:5] if key else word), content
