"""Reading numbers, clock times and dates into keys both languages share: the scanner behind
``tqcheck.text.mentions`` (which pairs the two sides).

Each extractor (dates, then times, then numbers) takes its matches out of the text
so later ones do not see them; a mention offers ``keys`` and ``needs`` one of its
``needs`` among the other side's keys. French and English formats are both read
(dot or space thousands, decimal comma, "M$", "milliards", "années 60", "17 heures").
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .data import table
from .numbers import (
    ENGLISH_MONTHS,
    G,
    SP,
    french_number_to_english,
    group_thousands,
    parse_number,
)
from .ordinals import english_ordinal, roman_to_int
from .scanner import _LETTERS_RE, _num_key, _Scanner, digit_pattern

_MULTIPLIER_EN = {10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion", 10**18: "quintillion"}

_NUMBER_RE = digit_pattern(re.compile(
    rf"(?<![\w.,])(?:(?<!\d{G})\d{{1,3}}(?:{G}\d{{3}})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)*)"
))
_ORDINAL_SUFFIX_RE = re.compile(r"(?:er|re|ème|eme|e|st|nd|rd|th)(?![\w])")
_ROMAN_ORDINAL_RE = re.compile(r"(?<![\w])([IVXLC]{2,}|[IVX])(?:e|er|ème|eme)(?![\w])")
# French clock times, as TQ403 reads them: 16h30, 16 h 30, 9h, 12H00.
_FRENCH_TIME_RE = digit_pattern(re.compile(rf"(?<![\w.,:/])(\d{{1,2}}){SP}?[hH](?:{SP}?(\d{{2}}))?(?!\w|-[^\W\d_]|/)"))
_AMPM_RE = digit_pattern(re.compile(rf"(?<![\w.,:])(\d{{1,2}})(?:[:.](\d{{2}}))?{SP}*([aApP])\.?{SP}?[mM](?:\.|(?!\w))"))
_CLOCK_RE = digit_pattern(re.compile(r"(?<![\w.,:])(\d{1,2}): ?(\d{2})(?![\d:]|[.,]\d)"))
_GMT_RE = digit_pattern(re.compile(rf"(?<![\w.,:])([01]\d|2[0-3])([0-5]\d){SP}*(?:GMT|UTC)\b"))
_NUMERIC_DATE_RE = digit_pattern(re.compile(r"(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2((?:18|19|20)\d\d)(?![\w/.-]\d|\d)"))
_DECADE_RE = digit_pattern(re.compile(r"(?<![\w])['’‘]?(\d)0['’]?s(?!\w)"))
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                 "eighties": 80, "nineties": 90}
_DECADE_WORD_RE = re.compile(r"(?<!\w)(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?!\w)", re.I)
# "2022-23": a season or fiscal year, the second year shortened (AP style).
_YEAR_RANGE_RE = digit_pattern(re.compile(r"(?<![\w.,])((?:19|20)\d\d) ?[-–/] ?(\d\d)(?![\w.,]?\d)"))
# French decades: "les années 60", "années 1980" (the sixties, the 1980s).
_FRENCH_DECADE_RE = digit_pattern(re.compile(r"(?<!\w)(?i:années?)[ \u00a0]+((?:19|20)?\d0)(?:[ \u00a0]+(?:et|ou|à)[ \u00a0]+((?:19|20)?\d0))?(?!\w)"))
#: A century after a French decade: "les années 80 du XIXe siècle" are the 1880s.
_CENTURY_AFTER_RE = re.compile(r"[ \u00a0]+d[ue][ \u00a0]+(?:(?P<roman>[XVI]{2,5})e|(?P<digits>1[5-9]|2[01])e|"
                               r"(?P<word>dix[- \u00a0]?(?:septième|huitième|neuvième)|vingtième))[ \u00a0]+siècle", re.I)
_CENTURY_WORDS = {"septième": 17, "huitième": 18, "neuvième": 19}
#: "les années trente": the 1930s.
_FRENCH_DECADE_WORDS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
                        "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90}
_FRENCH_DECADE_WORD_RE = re.compile(r"(?<!\w)(?i:années)[ \u00a0]+(" + "|".join(
    sorted(_FRENCH_DECADE_WORDS, key=len, reverse=True)) + r")(?![\w-])", re.I)
# English dates without a year: "9/11", "7/7" (a name, or a date, month first or day first).
_SHORT_DATE_RE = digit_pattern(re.compile(r"(?<![\w/.,-])(\d{1,2}) ?/ ?(\d{1,2})(?![\w/]|[.,]\d|-\d| ?/)"))
# Numbers whose separators say two things: "2.500" (French thousands, or 2.5), "80,000" (English thousands,
# or a French decimal); "11.743,61" and "11,743.61" (European and English).
_DOT_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
_COMMA_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
_EUROPEAN_RE = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
# A year glued to the word before it in the source ("en1985"): a typo, still a year to carry over.
_GLUED_YEAR_RE = digit_pattern(re.compile(r"(?<=[^\W\d_])((?:1[89]|20)\d\d)(?!\d)"))
_RANGE_NEXT_RE = re.compile(r"[ \u00a0\u202f]*(?:-|–|à|et|ou|to|and|or)[ \u00a0\u202f]*\d+(?:[.,]\d+)?")
_DOT_TIME_RE = re.compile(r"([01]?\d|2[0-3])\.([0-5]\d)")
# "le 14-Juillet", "le 11-Septembre": a holiday or an event's name; its English name has no number.
_NAMED_DAY_RE = digit_pattern(re.compile(r"(?<![\w.,])(\d{1,2})-([A-ZÉ][a-zéû]+)(?!\w)"))
# A parenthetical conversion added for English readers: "($110 million)", "(six miles)", "(0830 GMT)".
_CONVERSION_RE = re.compile(
    r"\((?=[^()]*(?:[$£€¥]|\b(?:GMT|UTC|miles?|feet|foot|inch(?:es)?|yards?|pounds?|ounces?|gallons?|"
    r"acres?|Fahrenheit)\b|°F))[^()]{1,80}\)"
)

_KNOCKOUT = {"seizièmes": 32, "huitièmes": 16, "quarts": 8}
_KNOCKOUT_RE = re.compile(r"(?<!\w)(seizièmes|huitièmes|quarts)\s+de\s+finale", re.I)
# "8es de finale", "8e de finale retour": the round of the last 16.
_KNOCKOUT_NUMBER_RE = digit_pattern(re.compile(r"(?<![\w.,])(\d{1,2})(?:es?|èmes?|emes?)\s+de\s+finale", re.I))

_EN_MONTHS = "|".join(ENGLISH_MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"


@lru_cache(maxsize=None)
def _french_months() -> str:
    months = {row[0] for row in table("numbers_french_months.tsv")}
    return "|".join(sorted(months, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=None)
def month_heads() -> frozenset[str]:
    """The first word, lower-cased, of every month name and abbreviation the month patterns know."""
    names = [*ENGLISH_MONTHS, *"Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split(),
             *(row[0] for row in table("numbers_french_months.tsv"))]
    return frozenset(m.group(0).lower() for n in names if (m := _LETTERS_RE.match(n)))


@lru_cache(maxsize=None)
def _date_patterns(lang: str) -> tuple[tuple[re.Pattern, bool], ...]:
    """(pattern, month first?) for day-and-month dates; English ones also read French month names."""
    fr = f"(?i:{_french_months()})"
    if lang == "fr":
        return ((re.compile(rf"(?<![\w.,])(1er|1re|premier|\d{{1,2}}){SP}+({fr})(?!\w)"), False),)
    months = f"(?:{_EN_MONTHS}|{fr})"
    month_day = re.compile(rf"(?<![\w])({months}){SP}+(\d{{1,2}})(?:st|nd|rd|th)?(?![\w])")
    day_month = digit_pattern(re.compile(  # after a day number, a month name in any case ("On 17 may", MT's lower case)
        rf"(?<![\w.,])(\d{{1,2}})(?:st|nd|rd|th|er|e)?(?:{SP}+of)?{SP}+((?i:{_EN_MONTHS})|{fr})(?!\w)"
    ))
    return (month_day, True), (day_month, False)


@lru_cache(maxsize=None)
def _month_name_re(lang: str) -> re.Pattern:
    fr = f"(?i:{_french_months()})"
    return re.compile(rf"(?<![\w])({fr})(?!\w)" if lang == "fr" else rf"(?<![\w])({_EN_MONTHS}|{fr})(?!\w)")


def _values(raw: str, lang: str) -> list[Decimal]:
    """The values a number written ``raw`` may have in ``lang``, the likeliest first (none: not a number)."""
    if _EUROPEAN_RE.fullmatch(raw):  # 11.743,61
        return [Decimal(raw.replace(".", "").replace(",", "."))]
    if _DOT_THOUSANDS_RE.fullmatch(raw):  # 2.500: French thousands; in English also 2.5
        thousands = Decimal(raw.replace(".", ""))
        return [thousands] if lang == "fr" or raw.count(".") > 1 else [Decimal(raw), thousands]
    if _COMMA_THOUSANDS_RE.fullmatch(raw) and lang == "fr":  # 80,000 in French copy: thousands, or a decimal
        return [Decimal(raw.replace(",", "")), Decimal(raw.replace(",", "."))]
    value = parse_number(raw, lang)
    if value is None:
        value = parse_number(raw, "en" if lang == "fr" else "fr")
    return [value] if value is not None else []


#: Two consecutive one-digit numbers joined by a comma ("5,6 ans"): a decimal, or "five or six".
_CONSECUTIVE_RE = re.compile(r"(\d),(\d)")
_AND_A_HALF_RE = re.compile(rf"{SP}+et{SP}+demie?(?!\w)", re.I)
_AND_A_HALF_EN_RE = re.compile(rf"{SP}+and{SP}+a{SP}+half(?!\w)", re.I)
#: "1.7m people", "£3m": millions in English copy; "400m" is metres as often, so both readings count.
_MILLIONS_SUFFIX_RE = re.compile(r"m(?!\w)")
_COMPOUND_PART_RE = re.compile(rf"{SP}+(?:et{SP}+)?(\d{{1,3}})(?![\d.,])")


def _compound(sc: "_Scanner", total: Decimal, factor: int, end: int) -> tuple[Decimal, int]:
    """A French number written in words and digits ("5 millions 143 mille 312"): its value and end."""
    while factor > 1:
        m = _COMPOUND_PART_RE.match(sc.work, end)
        if not m:
            break
        factors, after = sc.multiplier(m.end())
        if factors[0] >= factor:
            break
        total += int(m.group(1)) * factors[0]
        factor, end = factors[0], after
    return total, end


def _english_number(raw: str, value: Decimal, lang: str) -> str:
    """How the source's number reads in English, for messages ("2.500" -> "2,500")."""
    if lang != "fr":
        return raw
    if _DOT_THOUSANDS_RE.fullmatch(raw) or _EUROPEAN_RE.fullmatch(raw):
        whole, _, decimals = format(value, "f").partition(".")
        return group_thousands(whole) + ("." + decimals if decimals else "")
    return french_number_to_english(raw) or raw


def _century_after(text: str, end: int) -> tuple[int, int, int] | None:
    """The century named right after a French decade ending at ``end`` ("du XIXe siècle": 19), with where
    its ordinal starts and the phrase ends; or None."""
    m = _CENTURY_AFTER_RE.match(text, end)
    if m is None:
        return None
    if m.group("roman"):
        century = roman_to_int(m.group("roman").upper(), strict=False)
    elif m.group("digits"):
        century = int(m.group("digits"))
    else:
        word = m.group("word").lower()
        century = 20 if word == "vingtième" else _CENTURY_WORDS[word[-8:]]  # dix-neuvième, dix neuvième: 19
    if not century or not 15 <= century <= 21:
        return None
    first = next(g for g in ("roman", "digits", "word") if m.group(g))
    return century, m.start(first), m.end()


def _numbers(sc: _Scanner, lang: str) -> None:
    if lang == "en":
        for m in sc.finditer(_DECADE_WORD_RE, "ties"):  # "the late Eighties"
            d = _DECADE_WORDS[m.group(1).lower()]
            sc.take(m.start(), m.end(), {f"n:{1900 + d}", f"n:{2000 + d}", f"n:{d}"}, [], False, m.group(0))
        for m in sc.finditer(_DECADE_RE, "0s", "0'", "0’"):
            if m.group(0)[0].isdigit() and "'" not in m.group(0) and "’" not in m.group(0):
                continue  # "1990s" and "60s" are numbers; this is "’90s", "'90s", "80's"
            d = int(m.group(1)) * 10
            sc.take(m.start(), m.end(), {f"n:{1900 + d}", f"n:{2000 + d}", f"n:{d}"}, [], False, m.group(0))
    if lang == "fr":
        for m in sc.finditer(_FRENCH_DECADE_WORD_RE, "année"):
            d = _FRENCH_DECADE_WORDS[m.group(1).lower()]
            sc.take(m.start(), m.end(), {f"n:{1900 + d}", f"n:{d}"}, [], False, f"the {1900 + d}s")
        for m in sc.finditer(_FRENCH_DECADE_RE, "année"):
            century = _century_after(sc.work, m.end())  # "les années 80 du XIXe siècle": the 1880s (not taken yet)
            for group in (1, 2):
                if m.group(group) is None:
                    continue
                d = int(m.group(group))
                keys = ({f"n:{d}"} | ({f"n:{d % 100}"} if d % 100 else set()) if d >= 100
                        else {f"n:{(century[0] - 1) * 100 + d}", f"n:{d}"} if century
                        else {f"n:{1900 + d}", f"n:{2000 + d}", f"n:{d}"})
                sc.take(m.start(group), m.end(group), keys, [{k} for k in sorted(keys)], True, f"the {d}s")
            if century:  # its ordinal is the decade's, not a number of its own
                sc.take(century[1], century[2], {f"n:{century[0]}"}, [], False, f"the {english_ordinal(century[0])} century")
    else:
        for m in sc.finditer(_SHORT_DATE_RE, "/"):
            a, b = int(m.group(1)), int(m.group(2))
            keys = {f"n:{a}", f"n:{b}"}
            if 1 <= a <= 12 and 1 <= b <= 31:
                keys |= {f"d:{b}/{a}", f"m:{a}"}
            if 1 <= b <= 12 and 1 <= a <= 31:
                keys |= {f"d:{a}/{b}", f"m:{b}"}
            sc.take(m.start(), m.end(), keys, [], False, m.group(0))
    for m in sc.finditer(_YEAR_RANGE_RE, "-", "–", "/"):
        first = int(m.group(1))
        second = first // 100 * 100 + int(m.group(2))
        if first < second <= first + 10:
            keys = {f"n:{first}", f"n:{second}"}
            sc.take(m.start(), m.end(), keys, [keys], True, f"{first}-{m.group(2)}")
    for m in sc.finditer(_ROMAN_ORDINAL_RE):
        value = roman_to_int(m.group(1), strict=False)
        if value:  # a century is often paraphrased ("au XXIe siècle": "today"): a counterpart only
            sc.take(m.start(), m.end(), {f"n:{value}"}, [{f"n:{value}"}], False, english_ordinal(value))
    if lang == "fr":
        for m in sc.finditer(_GLUED_YEAR_RE):
            sc.take(m.start(), m.end(), {f"n:{m.group(1)}"}, [{f"n:{m.group(1)}"}], True, m.group(1))
        for m in sc.finditer(_KNOCKOUT_NUMBER_RE, "finale"):
            n = int(m.group(1))
            sc.take(m.start(), m.end(), {f"n:{2 * n}", f"n:{n}"}, [], False, m.group(0))
    for m in sc.finditer(_NUMBER_RE):
        raw = m.group(0)
        values = _values(raw, lang)
        factors, end = sc.multiplier(m.end())
        if factors == (1,):  # "entre 12 et 16 milles", "0.5 - 1 billion": the second number's multiplier
            shared = _RANGE_NEXT_RE.match(sc.work, m.end())
            if shared:
                factors = (1,) + sc.multiplier(shared.end())[0]
        factor = factors[0]
        if not values:  # "1.2.3": compare as written
            key = "s:" + raw
            sc.take(m.start(), m.end(), {key}, [{key}], True, raw)
            continue
        keys = {_num_key(v * f) for v in values for f in factors}
        if factor > 1 and lang == "fr":  # "18 mille 969", "5 millions 143 mille 312": one number
            total, end = _compound(sc, values[0] * factor, factor, end)
            half = _AND_A_HALF_RE.match(sc.work, end)
            if half:  # "2 millions et demi": 2.5 million
                total, end = total + Decimal(factor) / 2, half.end()
            if total != values[0] * factor:
                keys.add(_num_key(total))
        if lang == "en" and factor == 1 and _MILLIONS_SUFFIX_RE.match(sc.work, m.end()):
            keys |= {_num_key(v * 10**6) for v in values}  # "Gaza's 1.7m people" (or metres: both readings)
        if factor == 1 and _DOT_TIME_RE.fullmatch(raw):
            hour, minute = raw.split(".")
            keys.add(f"t:{int(hour)}:{minute}")  # "20.30" may be a clock time
            if lang == "en" and 1 <= int(hour) < 12:  # "from 5.30 to 6.30 p.m.": a.m. or p.m., as "5:30" is
                keys.add(f"t:{int(hour) + 12}:{minute}")
        english = _english_number(raw, values[0], lang)
        if factor in _MULTIPLIER_EN:
            english += " " + _MULTIPLIER_EN[factor]
        elif factor > 1:  # "3 décennies": 30 years
            english = format(values[0] * factor, "f")
        else:
            suffix = _ORDINAL_SUFFIX_RE.match(sc.work, end)
            if suffix and raw.isdigit():  # 2e, 1er, 3ème, 21st: the span takes the suffix
                end = suffix.end()
                english = english_ordinal(int(raw)) if lang == "fr" else sc.text[m.start():end]
        needs = [{k} for k in sorted(keys)]
        pair = _CONSECUTIVE_RE.fullmatch(raw) if lang == "fr" and factor == 1 else None
        if pair and int(pair.group(2)) == int(pair.group(1)) + 1:  # "5,6 ans": 5.6, or "five or six"
            needs.append({f"n:{pair.group(1)}", f"n:{pair.group(2)}"})  # both there; one alone is a change
        sc.take(m.start(), end, keys, needs, True, english)
    if lang == "fr":  # "huitièmes de finale": the last 16
        for m in sc.finditer(_KNOCKOUT_RE, "finale"):
            sc.take(m.start(), m.end(), {f"n:{_KNOCKOUT[m.group(1).lower()]}"}, [], False, m.group(0))
