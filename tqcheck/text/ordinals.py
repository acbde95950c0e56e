"""English ordinals and Roman numerals."""
from __future__ import annotations

import re

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_CANONICAL_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def english_ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 21 -> '21st'."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def roman_to_int(s: str, strict: bool = True) -> int | None:
    """The value of a Roman numeral, or None.

    ``strict`` accepts only canonical numerals ("XIX", not "IXX"). Lenient mode
    reads any run of I, V, X, L, C by the subtractive rule and accepts values from
    1 to 399 (what a century or an ordinal in running text can be).

    >>> roman_to_int("XXI"), roman_to_int("IIII"), roman_to_int("IIII", strict=False)
    (21, None, 4)
    """
    if not s or any(c not in _ROMAN for c in s):
        return None
    if strict and not _CANONICAL_RE.match(s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    if strict:
        return total
    return total if 0 < total < 400 and not set(s) & {"D", "M"} else None
