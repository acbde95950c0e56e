"""TQ4xx: French number, time and date formats left in English text.

The conversions the rules use (French number, 24-hour time, month and date to their
English forms) are in ``tqcheck.text.numbers``, shared with the source comparison.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Document, Segment, Severity
from ..registry import Context, RegexRule, SegmentRule, register
from ..text.data import word_set
from ..text.numbers import (
    CHAIN_WORDS,
    ENGLISH_MONTHS,
    G,
    GROUP_SPACES,
    SP,
    SPACE_NAMES,
    case_like,
    english_date,
    english_time,
    french_date_to_english,
    french_month_to_english,
    french_number_to_english,
    french_weekday_to_english,
    label_words,
    month_number,
    month_weekday_pattern,
    months,
    prev_word,
)


# --------------------------------------------------------------------------- rules


class _ChainRule(SegmentRule):
    """A regex rule whose verdict may depend on a hit just before it ("from 9h to 17h")."""

    pattern: re.Pattern
    chain_gap = 16

    def check_segment(self, doc: Document, seg: Segment, ctx: Context) -> Iterator:
        last_end = None
        for m in self._pattern().finditer(seg.text):
            after_hit = last_end is not None and m.start() - last_end <= self.chain_gap
            verdict = self.match(m, seg, after_hit)
            if verdict is None:
                continue
            message, suggestion = verdict
            last_end = m.end()
            yield self.finding(doc, seg, m.start(1), m.end(1), message, suggestion)

    def _pattern(self) -> re.Pattern:
        return self.pattern

    def match(self, m: re.Match, seg: Segment, after_hit: bool):
        raise NotImplementedError


@register
class FrenchThousandsSeparator(RegexRule):
    """Space used as a thousands separator (French "2 500"); English writes "2,500".

    French separates groups of three digits with a space (often a no-break or
    narrow no-break space); English uses commas: "2,500", "12,500,000".

    To stay precise the rule only fires on a first group of 1-3 digits (not
    starting with 0) followed by one or more groups of exactly 3 digits, and not:
    when the first group follows another number and a space ("in 2020 500 people",
    phone numbers "+33 1 234 567"), when more digits follow after a space or a
    period, when the previous word is a label ("page", "chapter", "flight", "Boeing":
    rules/data/numbers_label_words.txt) or a month ("March 3 500 marched", "Dec. 9 200"),
    when one ordinary space is followed by a compound ("3 100-meter wins", unless
    the group starts with 0: "10 000-strong"), or on a run inside a token. A
    decimal comma after the groups is converted too ("2 500,5" -> "2,500.5").

    Flag: some 2 500 American soldiers are stationed in Iraq
    Flag: a budget of 12 500 000 euros
    Flag: about 1\u202f000 people
    Flag: a rise to 2\u00a0500,5 tonnes
    Flag: a 10 000-strong force
    Okay: some 2,500 American soldiers and 1,000 soldiers from coalition member countries
    Okay: in 2020 500 people died, and in 2021 300 more
    Okay: Boeing 737 800 and chapter 3 100 pages, flight 447 200 miles out
    Okay: call +33 1 234 567 890 or 01 45 67 89 00
    Okay: On March 3 500 protesters marched, on Dec. 9 200 more; he won 3 100-meter races.
    Okay: it cost 4.9 percent or 12,000,000 dollars
    Okay: police arrested 600 700 people <<< la police a arrêté de 600 à 700 personnes
    Flag: police arrested 600 700 people <<< la police a arrêté 600 700 personnes
    """

    code = "TQ401"
    fix_safety = "unsafe"
    name = "french-thousands-separator"
    category = "locale/number-format"
    severity = Severity.MINOR
    data_files = ("numbers_label_words.txt", "numbers_french_months.tsv")
    _COMPOUND = re.compile(r"-[^\W\d_]")
    pattern = re.compile(
        rf"(?<![\w.,+/:])(?<!\d{G})([1-9]\d{{0,2}}(?:{G}\d{{3}})+)(?:,(\d+))?(?!\w|[.,:/]\d|{G}\d)"
    )
    requires = re.compile(rf"\d{G}\d")

    def check(self, doc, ctx):
        sources = doc.source.segments if doc.source is not None else None
        for i, seg in enumerate(doc.segments):
            if self.requires.search(seg.text):
                source = sources[i].text if sources is not None else None
                yield from (f for f in self.check_segment(doc, seg, ctx) if not _apart_in(source, f.text))

    def match(self, m, seg):
        text, number = seg.text, m.group(0)
        prev = prev_word(text, m.start())
        if prev in label_words() or (prev.isalpha() and month_number(prev)):
            return None  # page 3 100, Boeing 737 800, March 3 500, Dec. 9 200
        single = number.count(" ") == 1 and len(number) == len(m.group(1))
        if single and number[-3] != "0" and self._COMPOUND.match(text, m.end()):
            return None  # "3 100-meter wins" (but "10 000-strong" is French: "000" is no number)
        english = french_number_to_english(number)
        if english is None:  # pragma: no cover - the pattern only passes French numbers
            return None
        seps = {c for c in number if c in GROUP_SPACES}
        sep = SPACE_NAMES[seps.pop()] if len(seps) == 1 else "spaces"
        return (
            f"French thousands separator ({sep}) in '{number}'; English separates thousands "
            f"with commas: '{english}'",
            english,
        )


def _apart_in(source: str | None, number: str) -> bool:
    """Whether ``source`` writes the two groups of ``number`` ("600 700") as two numbers ("600 à 700
    personnes", "650, 700"), never together: MT dropped the word between them; not a thousands group."""
    groups = number.split()
    if source is None or len(groups) != 2:
        return False
    first, second = (rf"(?<![\d.,]){re.escape(g)}(?![\d]|[.,]\d)" for g in groups)
    return bool(re.search(first, source) and re.search(second, source)
                and not re.search(rf"{re.escape(groups[0])}\W?{re.escape(groups[1])}", source))


@register
class DecimalComma(RegexRule):
    """Decimal comma (French "4,9"); English writes a decimal point ("4.9").

    French marks decimals with a comma; an English reader takes "4,9" for a
    list or for forty-nine, and "12,75 euros" for a typo. A comma followed by
    exactly three digits ("2,500") is read as an English thousands separator
    and not flagged, nor are numbers with several commas ("12,000,000",
    "1,00,000"), lists ("1,2 and 3", "1, 2,3"), or a comma inside a longer
    token ("48.85,2.35", "v1,2"). The decimal part of a French-grouped number
    ("2 500,5") is left to TQ401.

    Flag: inflation reached 4,9 % in December
    Flag: a rise of 0,5 percentage points
    Flag: tickets cost 12,75 euros
    Flag: a 1234,5 km route
    Okay: some 2,500 soldiers, 1,000 contractors and 12,000,000 dollars
    Okay: a rise of 4.9 percent, or 0.5 points
    Okay: chapters 1,2 and 3, then sections 4, 5,6 or 7
    Okay: the point at 48.85,2.35 on the map; 1,00,000 rupees
    Okay: On January 3, 2020, and again on December 9, 2021, officials met.
    """

    code = "TQ402"
    fix_safety = "unsafe"
    name = "decimal-comma"
    category = "locale/number-format"
    severity = Severity.MAJOR
    pattern = re.compile(r"(?<![\w.,])(\d+),(\d+)(?!\w|[.,]\d)")
    requires = re.compile(r"\d,\d")
    _LIST_AFTER = re.compile(rf"{SP}*(?:,|&|and\b|or\b|et\b|ou\b){SP}*\d")
    _LIST_BEFORE = re.compile(rf"(?:\d{SP}*,|\d{SP}+(?:and|or|&)){SP}*$")
    _GROUP_BEFORE = re.compile(rf"\d{G}$")

    def match(self, m, seg):
        text = seg.text
        if len(m.group(2)) == 3:
            return None  # 2,500: an English thousands separator
        lo = max(0, m.start() - 8)
        if self._LIST_AFTER.match(text, m.end()) or self._LIST_BEFORE.search(text, lo, m.start()):
            return None
        if self._GROUP_BEFORE.search(text, lo, m.start()):
            return None  # the decimals of "2 500,5": TQ401's finding
        english = french_number_to_english(m.group(0))
        return (
            f"decimal comma in '{m.group(0)}': English writes a decimal point ('{english}'); "
            f"an English reader may take '{m.group(0)}' for {m.group(1) + m.group(2)} or a list",
            english,
        )


@register
class FrenchTime(_ChainRule):
    """French 24-hour time notation (17h30, 17 h 30, 9h); English writes "5:30 p.m.".

    French writes clock times with an "h" between hours and minutes ("17h30",
    AFP's "17H00"); English (AP style) uses the 12-hour clock: "5:30 p.m.",
    "9 a.m.", "noon", "midnight".

    Flagged: hours 0-23 with two-digit minutes ("8h05", "17 h 30", "17H30");
    a bare hour ("9h", "17 h") only when a time word precedes it (at, à,
    from, until, by, around, vers, before, after, since, between...), when
    GMT/UTC/local follows, or when it continues a flagged time ("from 9h to
    17h"). A time after "in", "for", "within", "lasted"... or followed by "min"
    is reported as a French duration without a suggestion.

    Not flagged: "24h news", "a 48h deadline", "24h/24", "the 3h-long meeting",
    "H&M", "5G", "4:30 a.m.", a bare "8h" without a time word, "3.5h".

    Flag: the attack occurred around 4h30 in the morning
    Flag: a curfew from 21h to 6h
    Flag: the meeting starts at 17 h 30
    Flag: the statement came at 12H00 (1000 GMT)
    Flag: he will speak at 9h
    Flag: the race lasted 2h15
    Okay: the attack occurred around 4:30 a.m. (8:30 p.m. Sunday EST)
    Okay: a 24h news channel with a 48h deadline, open 24h/24
    Okay: the 3h-long meeting at H&M about 5G
    Okay: she sleeps 8h a night and ran 3.5h, then slept after 12h of talks
    Okay: officials met at 10 a.m. local time and again at noon
    """

    code = "TQ403"
    fix_safety = "unsafe"
    name = "french-time"
    category = "locale/date-time-format"
    severity = Severity.MINOR
    data_files = ("numbers_time_words.txt", "numbers_duration_words.txt")
    pattern = re.compile(
        rf"(?<![\w.,:/])((\d{{1,2}})({SP}?)([hH])(?:({SP}?)(\d{{2}}))?)(?!\w|-[^\W\d_]|/)"
    )
    requires = re.compile(rf"\d{SP}?[hH]")
    _ZONE_AFTER = re.compile(
        rf"{SP}*(?:GMT\b|UTC\b|local\b|heure\b|\(\d{{3,4}}{SP}*(?:GMT|UTC)|\(\d{{1,2}}[:h]\d{{2}})", re.I
    )
    _OF_AFTER = re.compile(rf"{SP}+of\b", re.I)
    _MIN_AFTER = re.compile(rf"{SP}*(?:min|mn|minutes?)\b", re.I)

    def match(self, m, seg, after_hit):
        hour, s1, h, s2, minutes = int(m.group(2)), m.group(3), m.group(4), m.group(5), m.group(6)
        if h == "H" and (s1 or s2):
            return None
        if hour > 23 or (minutes is not None and int(minutes) > 59):
            return None
        text = seg.text
        prev = prev_word(text, m.start())
        if minutes is None:
            if self._OF_AFTER.match(text, m.end()):
                return None  # "after 12h of talks": a duration
            chained = after_hit and prev in CHAIN_WORDS
            if not (prev in word_set("numbers_time_words.txt") or chained or self._ZONE_AFTER.match(text, m.end())):
                return None
        found = m.group(1)
        if prev in word_set("numbers_duration_words.txt") or self._MIN_AFTER.match(text, m.end()):
            return (
                f"French duration notation '{found}'; English writes hours and minutes out "
                "(e.g. '2 hours 15 minutes')",
                None,
            )
        english = english_time(hour, int(minutes) if minutes else None)
        return (
            f"French time notation '{found}'; English uses the 12-hour clock: '{english}' (AP style)",
            english,
        )


@register
class DayFirstDate(RegexRule):
    """Numeric day-first date (French 15/12/2022); English readers take 05/12/2022 for May 12.

    French writes numeric dates day/month/year (also with "." or "-"); US
    English reads month/day/year, so "05/12/2022" (5 December) becomes May 12.
    English wire copy spells the month out: "December 15, 2022" (AFP's English
    style; AP would write "Dec. 15, 2022").

    Flagged with a 4-digit year (1800-2099), or a 2-digit year with slashes
    when the first number is over 12: certain when the first number is over 12,
    ambiguous (but day-first in a translation from French) when both are 12 or
    less (with "." or "-", only when zero-padded: "03.01.2020", as "1.2.2020"
    may be a version number). Not flagged: month-first dates ("12/15/2022"), the same number twice
    ("05/05/2022"), impossible dates, and anything without a year ("1/2 cup",
    "24/7", "9/11"), ISO dates ("2022-12-15"), scores ("3-1"), versions.

    Flag: the decree of 15/12/2022 was published
    Flag: elections on 3/1/2020 were postponed
    Flag: signed on 15.12.2022 in Paris
    Flag: dated 15-12-2022
    Flag: on 25/12/21 in Bethlehem
    Okay: the decree of December 15, 2022 was published
    Okay: add 1/2 cup of sugar; the 24/7 news cycle after 9/11
    Okay: the final on 2022-12-15 ended 3-1
    Okay: the form dated 12/15/2022 and the 05/05/2022 vote, version 1.2.2020
    """

    code = "TQ404"
    fix_safety = "unsafe"
    name = "day-first-date"
    category = "locale/date-time-format"
    severity = Severity.MAJOR
    pattern = re.compile(r"(?<![\w./:,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\w|[/.:,-]\d)")
    requires = re.compile(r"\d[/.-]\d")

    def match(self, m, seg):
        day, sep, month, year = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        if month > 12 or day == month or day == 0 or month == 0:
            return None
        found = m.group(0)
        if sep != "/" and day <= 12 and (len(m.group(1)) < 2 or len(m.group(3)) < 2):
            return None  # 1.2.2020 may be a version number; French pads dotted dates: 03.01.2020
        if len(year) == 2:
            if sep != "/" or day <= 12:
                return None
            try:
                english = english_date(day, month)
            except ValueError:
                return None
            return (
                f"day-first date '{found}' ({day} {ENGLISH_MONTHS[month - 1]}); "
                f"English readers expect month/day; write '{english}' and the full year",
                None,
            )
        if not 1800 <= int(year) <= 2099:
            return None
        try:
            english = english_date(day, month, int(year))
        except ValueError:
            return None
        if day > 12:
            why = "French day/month/year order; US readers expect month/day/year"
        else:
            us = english_date(month, day, int(year))
            why = (f"ambiguous: day-first in French ({english}) but US readers read "
                   f"it as {us}")
        return f"numeric date '{found}': {why}; write '{english}'", english


@register
class FrenchMonthWeekday(_ChainRule):
    """French month or weekday name left untranslated (janvier, 3 mars 2022, Lundi 3).

    French month and weekday names (lower case in French, often capitalised by
    MT) must become the English ones: "3 janvier" -> "January 3",
    "lundi" -> "Monday". The suggestion is the English name.

    Lower-case names are flagged anywhere, except "mars" (an English verb)
    and "mai" (mai tai), and "mardi gras". Capitalised names, and mars/mai
    in any case, are flagged only in a date context, because Mars (the planet,
    Bruno Mars, Mars Inc.), Avril (Lavigne), Juin (Marshal Alphonse Juin),
    Janvier, Mai, Samedi (Baron Samedi) and Mardi Gras are English too.
    Date context: a day number before ("3 janvier", "le 3 mars", "1er Mai";
    for Mars/Mai, unless a lower-case word follows: "3 Mars bars"), a year after ("Janvier 2020";
    for Mars/Mai only after a preposition: "in Mars 2022", not "the Mars 2020
    rover"), "en"/"mid-" before a month, a day number after a weekday
    ("Lundi 3") or "on/le/this/next/last/every/until/by/since/from" before it,
    or "and/to/et/-" after another flagged name ("Lundi et Mardi").

    Flag: the attack of 3 janvier 2020 was not claimed
    Flag: talks resume on lundi
    Flag: On Lundi 3 Janvier, the president spoke.
    Flag: elections in Mars 2022 and in mai 2022
    Flag: the 1er mai rally and the 14 Juillet parade
    Flag: from Lundi to Vendredi
    Flag: the vote of 3 Mars
    Okay: On January 3, 2020, and again on December 9, officials met on Monday.
    Okay: Mars is the fourth planet, and Bruno Mars sang at Mardi Gras.
    Okay: the Mars 2020 rover, 3 Mars bars and a mai tai at Mars Inc.
    Okay: Avril Lavigne met Marshal Alphonse Juin's heirs and Baron Samedi's priest.
    Okay: the scandal mars his record; Marshal Juin landed in 1944
    Okay: write to juin@example.com or see example.fr/janvier and #lundi
    """

    code = "TQ405"
    fix_safety = "unsafe"
    name = "french-month-weekday"
    category = "locale/date-time-format"
    severity = Severity.MAJOR
    data_files = ("numbers_french_months.tsv", "numbers_french_weekdays.tsv")
    _AMBIGUOUS = frozenset({"mars", "mai"})
    _SKIP_PAIRS = {"mardi": "gras", "mai": "tai"}
    _MONTH_PREPS = frozenset({
        "en", "in", "since", "from", "until", "till", "of", "de", "depuis", "early", "late", "mid",
        "by", "before", "after", "during", "through", "à", "to",
    })
    _WEEKDAY_CUES = frozenset({
        "on", "le", "ce", "this", "next", "last", "every", "each", "until", "till", "by", "since",
        "from", "dès", "depuis", "jusqu",
    })
    _DAY_BEFORE = re.compile(
        rf"(?<![\w.,])(?:(\d{{1,2}})(?:(er|re|e|ème)|st|nd|rd|th)?|(premier)){SP}+$", re.I
    )
    _DAY_AFTER = re.compile(rf"{SP}+(\d{{1,2}})(?:er)?(?![\d.,:/hH])")
    _YEAR_AFTER = re.compile(rf",?{SP}+(?:1[89]\d\d|20\d\d)(?!\w|[.,:/]\d)")
    _FULL_DATE = re.compile(
        rf"(?<![\w.,])(?:\d{{1,2}}|1er|premier){SP}+([^\W\d_]+)(?:,?{SP}+\d{{4}})?$", re.I
    )
    _NEXT_WORD = re.compile(rf"[{GROUP_SPACES}-]+(\w+)")
    _AFTER_OK = re.compile(
        rf"(?:$|{SP}*(?:[^\w\s]|\d)|{SP}+(?:at|à|to|au|and|et|in|or|ou|dernier|prochain|last|next)\b)"
    )

    def _pattern(self) -> re.Pattern:
        return month_weekday_pattern()

    def match(self, m, seg, after_hit):
        text, word = seg.text, m.group(1)
        key = word.lower()
        start, end = m.span(1)
        nxt = self._NEXT_WORD.match(text, end)
        if key in self._SKIP_PAIRS and nxt and nxt.group(1).lower() == self._SKIP_PAIRS[key]:
            return None  # Mardi Gras, mai tai
        is_month = key in months()
        english = french_month_to_english(key) if is_month else french_weekday_to_english(key)
        if not (word == key and key not in self._AMBIGUOUS) and not self._in_date(
            text, start, end, key, word, is_month, after_hit
        ):
            return None
        kind = "month" if is_month else "weekday"
        message = f"French {kind} name '{word}' left untranslated; English writes '{english}'"
        date = is_month and self._FULL_DATE.search(text, max(0, start - 16), self._date_end(text, end))
        if date and date.end(1) == end:
            in_english = french_date_to_english(date.group(0).replace(",", ""))
            if in_english:
                message += f" (and puts the month first: '{in_english}')"
        return message, case_like(word, english)

    def _date_end(self, text, end):
        year = self._YEAR_AFTER.match(text, end)
        return year.end() if year else end

    def _in_date(self, text, start, end, key, word, is_month, after_hit) -> bool:
        prev = prev_word(text, start)
        ambiguous = key in self._AMBIGUOUS
        if after_hit and prev in CHAIN_WORDS and not ambiguous:
            return True
        if not is_month:
            return prev in self._WEEKDAY_CUES or bool(self._DAY_AFTER.match(text, end))
        day = self._DAY_BEFORE.search(text, max(0, start - 16), start)
        if day and (day.group(1) is None or 1 <= int(day.group(1)) <= 31):
            french = bool(day.group(2) or day.group(3)) or prev_word(text, day.start()) == "le"
            if not ambiguous or french or self._AFTER_OK.match(text, end):
                return True  # "3 janvier", "le 3 mars", "1er mai", "3 Mars" but not "3 Mars bars"
        if self._YEAR_AFTER.match(text, end) and (not ambiguous or prev in self._MONTH_PREPS):
            return True
        if not ambiguous and (prev == "en" or text[max(0, start - 4):start].lower() == "mid-"):
            return True
        return False
