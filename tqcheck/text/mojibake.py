"""Mojibake: UTF-8 text misread as Windows-1252 or Latin-1 ("Ã©" for "é"), found and repaired."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


# Mojibake: UTF-8 bytes decoded as Windows-1252 (or Latin-1). A UTF-8 lead byte
# (C2-F4) shows as Â..ô, each continuation byte (80-BF) as one of the characters
# Windows-1252 or Latin-1 gives those bytes.
_CONT = sorted(
    {bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xC0)}
    | {chr(b) for b in range(0x80, 0xC0)}
    - {""}
)
_C = "[" + "".join(re.escape(c) for c in _CONT) + "]"
_SEQ = rf"(?:[\u00c2-\u00df]{_C}|[\u00e0-\u00ef]{_C}{{2}}|[\u00f0-\u00f4]{_C}{{3}})"
_MOJIBAKE = re.compile(
    rf"(?P<run>{_SEQ}(?:[A-Za-z0-9]*{_SEQ})*)"
    rf"|(?P<rdq>â€\ufffd?)(?!{_C})"  # ” = E2 80 9D; 9D has no Windows-1252 character and is often lost
    r"|(?P<agrave>(?<![^\W\da-z_])Ã(?: (?= ))?)(?= )"  # à = C3 A0; the no-break A0 became a space
)
#: What each alternative of _MOJIBAKE starts with (a UTF-8 lead byte read as Windows-1252).
_LEAD = re.compile("[\u00c2-\u00f4]")
#: Where the characters a repair may give live: Latin, Greek, Cyrillic, general
#: punctuation, currency and letter-like symbols, pictographs, and the BOM.
_PLAUSIBLE = (
    (0x00A0, 0x024F), (0x0370, 0x04FF), (0x1E00, 0x1EFF), (0x2000, 0x206F),
    (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2600, 0x27BF), (0xFEFF, 0xFEFF),
    (0x1F000, 0x1FAFF),
)


def _plausible(ch: str) -> bool:
    o = ord(ch)
    return o < 0x80 or (
        any(lo <= o <= hi for lo, hi in _PLAUSIBLE) and unicodedata.category(ch)[0] != "C"
        or ch == "\ufeff"
    )


def _as_bytes(s: str) -> bytes | None:
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            out.append(ord(ch))  # Latin-1 fallback: 81, 8D, 8F, 90, 9D
    return bytes(out)


def _repair(run: str) -> str | None:
    """The text ``run`` was before UTF-8 was misread as Windows-1252, or None."""
    text = run
    for _ in range(3):  # text mangled twice or three times ("ÃƒÂ©") needs as many passes
        raw = _as_bytes(text)
        if raw is None:
            break
        try:
            fixed = raw.decode("utf-8")
        except UnicodeDecodeError:
            break
        if len(fixed) >= len(text) or not all(_plausible(c) for c in fixed):
            break
        if sum(0x370 <= ord(c) <= 0x4FF for c in fixed) == 1:
            break  # one Greek or Cyrillic letter is more likely "Ó”" than mangled Russian
        text = fixed
        if not _MOJIBAKE.search(text):
            break
    return text if text != run else None


@lru_cache(maxsize=4096)
def mojibake_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, repaired)`` for every run of mojibake in ``text``."""
    out: list[tuple[int, int, str]] = []
    if not _LEAD.search(text):
        return ()  # every kind of mojibake starts with one of Â..ô: most segments have none
    for m in _MOJIBAKE.finditer(text):
        if m.group("run"):
            fixed = _repair(m.group("run"))
            if fixed is not None:
                out.append((m.start(), m.end(), fixed))
        elif m.group("rdq"):
            out.append((m.start(), m.end(), "”"))
        else:  # "Ã " for "à": the no-break space became a plain space
            out.append((m.start(), m.end(), "à"))
    return tuple(out)
