"""Sentences: where they start, which full stops end abbreviations, and scraping debris.

- ``ends_with_abbreviation(before)``: does the full stop ending ``before`` belong to an
  abbreviation ("U.S.", "4:30 a.m.", "Gen.")? (list: data/sentences_abbreviations.txt)
- ``is_sentence_start(text, i)``: is position ``i`` where a sentence starts (so a capital
  there says nothing about a name)?
- ``debris_token_spans`` / ``is_debris_line``: scraping markers ("source site-593756") and
  whole lines of web-page boilerplate (patterns: data/sentences_debris_lines.txt);
  ``article_pairs`` walks a document with its source, debris lines left out.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..model import Document, Segment
from .data import word_list
from .punctuation import OPENERS, SENTENCE_END


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    return frozenset(word_list("sentences_abbreviations.txt"))


_TOKEN_STRIP = "([{“‘\"'«"
_INNER_PERIOD = re.compile(r"\w\.\w")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")


def ends_with_abbreviation(before: str) -> bool:
    """True when the full stop ending ``before`` belongs to an abbreviation, an
    initial or an ellipsis rather than ending a sentence ("U.S.", "4:30 a.m.",
    "Gen.", "et al.", "J.", "stalled...")."""
    words = before.split()
    if not words:
        return False
    token = words[-1].lstrip(_TOKEN_STRIP)
    if not token.endswith("."):
        return False
    if token.endswith("..") or not token.rstrip("."):
        return True  # an ellipsis
    if _INNER_PERIOD.search(token) or _INITIALS.fullmatch(token):
        return True  # U.S., a.m., Ph.D., J.
    abbrevs = _abbreviations()
    candidates = [token]
    if len(words) >= 2:
        candidates.append(f"{words[-2].lstrip(_TOKEN_STRIP)} {token}")
    lowered = not any(ch.isupper() for ch in before)  # text in lower case (tokenised MT): "st. petersburg"
    for c in candidates:
        if c in abbrevs or (c[:1].lower() + c[1:]) in abbrevs or (c.isupper() and c.capitalize() in abbrevs) \
                or lowered and c != "no." and (c[:1].upper() + c[1:]) in abbrevs:  # ("he said no.")
            return True  # "Kft.", "kft.", "KFT."
    return False


def is_sentence_start(text: str, i: int, openers: str = OPENERS, dash: bool = False) -> bool:
    """Does the word at ``i`` begin a sentence (where any word is capitalised)?

    Walks back over ``openers`` (spaces, quotes, opening brackets) without copying the
    text: a start of text or a SENTENCE_END mark there means yes. With ``dash``, a
    spaced hyphen used as a dash ("Iraq - Drone attack") counts as a sentence end too.
    """
    j = i - 1
    while j >= 0 and text[j] in openers:
        j -= 1
    if j < 0 or text[j] in SENTENCE_END:
        return True
    return dash and text[j] == "-" and (j == 0 or text[j - 1].isspace())


_DEBRIS_TOKEN = re.compile(r"(?<![\w-])(?:source\s+site-\d+|site-\d{4,})(?![\w-])", re.IGNORECASE)


def debris_token_spans(text: str) -> list[tuple[int, int]]:
    """Spans of scraping markers inside a segment ("source site-593756")."""
    return [m.span() for m in _DEBRIS_TOKEN.finditer(text)]


@lru_cache(maxsize=None)
def _debris_lines() -> re.Pattern:
    """The debris patterns as one alternation: it matches a whole line when one of them does."""
    return re.compile("|".join(f"(?:{p})" for p in word_list("sentences_debris_lines.txt")), re.IGNORECASE)


@lru_cache(maxsize=4096)
def is_debris_line(text: str) -> bool:
    """Is the whole segment web-page debris? (cached: several rules ask of the same segment)"""
    return _debris_lines().fullmatch(text.strip()) is not None


def article_pairs(doc: Document) -> Iterator[tuple[int, Segment, str]]:
    """``(i, segment, source text)`` for each aligned pair; scraping-debris lines (either side)
    are left out: they are TQ804's, not the article's."""
    for i, seg in enumerate(doc.segments):
        src = doc.source.segments[i].text
        if not (is_debris_line(src) or is_debris_line(seg.text)):
            yield i, seg, src
