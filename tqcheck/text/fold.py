"""Folding for comparisons: case, diacritics, apostrophes, hyphens and plurals set aside.

- ``strip_accents("Élysée")`` -> ``"elysee"``: case-folded, combining marks removed.
- ``fold_name("al-Chaabi")`` -> ``"chaabi"``: a name's letters only, lowercase, without
  an ``al-``/``el-`` prefix, diacritics, apostrophes or hyphens (for name keys).
- ``term_key``: how glossary terms compare (NFC, case-folded, one kind of space,
  hyphen and apostrophe).
- ``spelling``: the surface spelling a reader sees (NFC, one kind of apostrophe).
- ``singular``: a plural's naive singular, so "drones" meets "drone".
- ``common_prefix_length``: how many leading characters two words share (cognates, name spellings).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Letters NFKD does not decompose, folded by hand.
_LETTER_FOLD = str.maketrans({
    "ı": "i", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe",
})
_NON_LETTER_RE = re.compile(r"[^a-z]")
#: The Arabic article written as a prefix of a name ("al-Chaabi", "el-Sisi").
PREFIX_RE = re.compile(r"^(?:al|el)[-\u2010\u2011]", re.IGNORECASE)

_SEPARATORS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'", "\u02bc": "'", "\u00a0": " ",
                             "\u202f": " "})
_SPACES_RE = re.compile(r"\s+")


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def _uncombined(m: re.Match) -> str:
    return "".join(c for c in m.group(0) if not unicodedata.combining(c))


def strip_accents(text: str) -> str:
    """Case-folded, without combining marks: "Élysée" -> "elysee" (other characters kept).

    Only non-ASCII runs are looked at character by character (no ASCII character combines)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed if decomposed.isascii() else _NON_ASCII_RE.sub(_uncombined, decomposed)


@lru_cache(maxsize=65536)
def fold_name(word: str) -> str:
    """Lowercase letters only, without an al-/el- prefix or diacritics: "Goïta" -> "goita"."""
    word = PREFIX_RE.sub("", word)
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_LETTER_FOLD))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_LETTER_RE.sub("", plain)


def bare(word: str) -> str:
    """``word`` without an al-/el- prefix."""
    return PREFIX_RE.sub("", word)


def term_key(text: str) -> str:
    """How terms are compared: NFC, case-folded, one kind of space, hyphen and apostrophe."""
    text = unicodedata.normalize("NFC", text).translate(_SEPARATORS)
    return _SPACES_RE.sub(" ", text).strip().casefold()


def spelling(part: str) -> str:
    """The surface spelling a reader sees: NFC, one kind of apostrophe."""
    return unicodedata.normalize("NFC", part.replace("\u2019", "'"))


def common_prefix_length(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share from their start ("americains", "americans": 7)."""
    n, m = 0, min(len(a), len(b))
    while n < m and a[n] == b[n]:
        n += 1
    return n


def singular(word: str, min_length: int = 4, endings: str = "sx") -> str:
    """``word`` without a final plural letter (one of ``endings``) when it has ``min_length``
    letters or more: "drones" -> "drone", French "piégés" -> "piégé"; "bus" stays."""
    return word[:-1] if len(word) >= min_length and word[-1] in endings else word
