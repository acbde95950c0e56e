"""TQ1xx: French ordinals and centuries left in English text."""
from __future__ import annotations

import re

from ..model import Severity
from ..registry import RegexRule, register
from ..text.ordinals import english_ordinal, roman_to_int


@register
class FrenchOrdinal(RegexRule):
    """French ordinal abbreviation left in English (2e, 1er, 1re, 3ème).

    French writes ordinals as a number with a superscript-style suffix: 1er/1re
    (premier/première), 2e, 2ème, 2nd/2nde is also French but valid English, so
    only the forms English never uses are flagged.

    Flag: an attack thwarted on the 2e anniversary of the assassination
    Flag: the 1er round of the election
    Flag: she finished 3ème in the race
    Flag: the 1re division
    Flag: the 10e arrondissement of Paris
    Okay: an attack thwarted on the 2nd anniversary of the assassination
    Okay: the 21st century and the 3rd round
    Okay: Abu Mehdi al-Mouhandis, number 2 of the group
    Okay: the 2e+3 expression and the E2E test, 4:30 a.m., 2,500 soldiers
    Okay: vitamin B12e is not a thing, nor is 1e10 in physics notation
    """

    code = "TQ101"
    fix_safety = "safe"
    name = "french-ordinal"
    category = "accuracy/untranslated"
    severity = Severity.MAJOR
    pattern = re.compile(r"(?<![\w.,+-])(\d{1,4})(er|re|ère|e|ème|eme|è)(?![\w+-])")
    requires = re.compile(r"\d[eèr]")

    def match(self, m, seg):
        n = int(m.group(1))
        if m.group(2) in ("er", "re", "ère") and n != 1:
            return None  # "2er" is not a French ordinal; leave it to other rules
        return (
            f"French ordinal '{m.group(0)}' left in English; English writes '{english_ordinal(n)}' "
            "(or spells it out, per house style)",
            english_ordinal(n),
        )


@register
class FrenchCentury(RegexRule):
    """French Roman-numeral century left in English (XIXe, XXIe siècle).

    French numbers centuries in Roman numerals with an ordinal suffix; English
    writes "19th century" (or "the nineteenth century").

    Flag: a XIXe century building
    Flag: the challenges of the XXIe siècle
    Flag: in the XXème century
    Okay: a 19th-century building
    Okay: the challenges of the 21st century
    Okay: World War II veterans and Pope Benedict XVI
    Okay: Louis XIV and Super Bowl LVII
    """

    code = "TQ102"
    fix_safety = "safe"
    name = "french-century"
    category = "accuracy/untranslated"
    severity = Severity.MAJOR
    pattern = re.compile(r"(?<![\w-])([IVXLC]{1,7})(e|ème|eme|è)(?:(\s+|\u00a0)(siècle|s\.))?(?![\w-])")
    requires = re.compile(r"[IVXLC][eè]")

    def match(self, m, seg):
        n = roman_to_int(m.group(1))
        if n is None or n > 30:
            return None
        ordinal = english_ordinal(n)
        suggestion = f"{ordinal} century" if m.group(4) else ordinal
        return (
            f"French century '{m.group(0)}' left in English; English writes '{ordinal} century'",
            suggestion,
        )
