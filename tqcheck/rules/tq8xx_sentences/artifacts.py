r"""TQ807, TQ808: surface artifacts of MT output that professional translation does not have.

Measured on the shared real data (benchmarks/accuracy.py): Google and Bing split about one
line in fifteen with a spaced hyphen ("States - United", "so - called", "week - end"); the
professional newstest translations and the post-edits have none of these.
"""
from __future__ import annotations

import re

from ...model import Severity
from ...registry import SegmentRule, register
from ...text.data import word_set
from ...text.lexicon import zipf
from ...text.spans import strip_span

_SPACED_HYPHEN = re.compile(r"(?<![\w-])([^\W\d_]+) - ([^\W\d_]+)(?![\w-])")
#: A hyphenated French name in the source ("Etats-Unis", "Moyen-Orient", "Grande-Bretagne").
_SOURCE_NAME_COMPOUND = re.compile(r"(?<![\w-])[A-ZÀ-Ý][^\W\d_]*-[A-ZÀ-Ý][^\W\d_]*")
#: A dash of the source (spaced hyphen, en or em dash, double hyphen): a spaced hyphen may translate it.
_SOURCE_DASH = re.compile(r"\s[-–—]\s|[–—]|--")
#: Two words whose joined form is this common in English are one word split ("can - not", "week - end").
JOINED_MIN_ZIPF = 3.0
#: ...unless the first part alone is this common (the joined form would then be a coincidence).
FIRST_PART_MAX_ZIPF = 6.5


@register
class SpacedHyphenCompound(SegmentRule):
    r"""A compound or a name split by a spaced hyphen ("States - United", "so - called", "week - end").

    MT renders the French hyphen of "États-Unis", "soi-disant", "week-end" or "peut-être" as a
    spaced hyphen between the English words, sometimes in French word order. English writes the
    compound closed or hyphenated ("weekend", "so-called") and the name in its own order ("United
    States"). Flagged: two words around " - " whose joined form is a common English word
    ("can - not", "may - be"); a prefix that English hyphenates ("anti - American", "post - war",
    "ex - KGB", "so - called"), not before a function word; two capitalised words when the source
    has a hyphenated name and no dash. A spaced hyphen used as a dash between clauses ("the vote -
    the first in years - was close") is left alone. The fix is the closed or hyphenated form, except
    for names, whose order may need changing.

    Flag: Talks with the States - United resumed. <<< Les pourparlers avec les Etats-Unis ont repris.
    Flag: He can - not come this week - end.
    Flag: the so - called anti - American protests
    Okay: The vote - the first in years - was close.
    Okay: Iraq - Drone attack foiled at Baghdad airport
    Okay: He said it was well - the talks went well. <<< Il a dit que c'était bien - les pourparlers ont bien marché.
    Okay: the so-called anti-American protests on the weekend
    """

    code = "TQ807"
    name = "spaced-hyphen-compound"
    category = "fluency/spelling"
    severity = Severity.MINOR
    fix_safety = "safe"  # a closed or hyphenated compound; split names have no suggestion
    data_files = ("sentences_hyphen_prefixes.txt", "untranslated_english_markers.txt")

    def check(self, doc, ctx):
        sources = doc.source.segments if doc.source is not None else None
        for i, seg in enumerate(doc.segments):
            if " - " in seg.text:
                yield from self._check(doc, seg, sources[i].text if sources is not None else None)

    def _check(self, doc, seg, source):
        for m in _SPACED_HYPHEN.finditer(seg.text):
            first, second = m.group(1), m.group(2)
            verdict = self._judge(first, second, source)
            if verdict is None:
                continue
            kind, suggestion = verdict
            yield self.finding(doc, seg, m.start(), m.end(), kind, suggestion,
                               severity=Severity.MAJOR if suggestion is None else None)

    @staticmethod
    def _judge(first: str, second: str, source: str | None):
        joined = (first + second).lower()
        if len(joined) >= 5 and zipf(joined, "en") >= JOINED_MIN_ZIPF and zipf(first, "en") < FIRST_PART_MAX_ZIPF:
            closed = first + second.lower() if first[:1].isupper() else joined
            return (f"'{first} - {second}' splits the word '{closed}' with a spaced hyphen (MT rendering a "
                    f"French hyphen); English writes '{closed}'", closed)
        if first.lower() in word_set("sentences_hyphen_prefixes.txt") and len(second) >= 3 \
                and second.lower() not in word_set("untranslated_english_markers.txt"):
            return (f"'{first} - {second}' splits a hyphenated compound with spaces; English writes "
                    f"'{first}-{second}'", f"{first}-{second}")
        if first[:1].isupper() and second[:1].isupper() and source is not None \
                and _SOURCE_NAME_COMPOUND.search(source) and not _SOURCE_DASH.search(source):
            return (f"'{first} - {second}' splits a name with a spaced hyphen, as MT renders a hyphenated "
                    f"French name ({_SOURCE_NAME_COMPOUND.search(source).group(0)}); write the English name "
                    "in English word order", None)
        return None


#: A segment with no capital letter at all and at least this many words is lower-cased throughout...
LOWERCASE_MIN_WORDS = 6
#: ...when it also writes a name of its source in lower case, or is tokenised ("afghanistan .", " i ").
_TOKENISED = re.compile(r"\w [.,](?:\s|$)|(?<!\S)i(?!\S)")  # " ;" " !" may be French spacing (TQ301's)
_CAPITALISED = re.compile(r"(?<=[^\s.!?:;«“\"(])\s+([A-ZÀ-Ý][^\W\d_]{2,})")


@register
class LowercaseSegment(SegmentRule):
    r"""A whole segment in lower case (a tokenised or lower-cased MT output line).

    Statistical MT systems often output lower-cased, tokenised text ("we got out of afghanistan .");
    English capitalises the start of a sentence and names. A segment of six words or more with no
    capital letter at all is flagged when it writes a name of its source in lower case (a word the
    source capitalises inside a sentence: "afghanistan" for "Afghanistan") or is tokenised
    (punctuation set off by spaces, a lone "i"). A line continuing a sentence split over two lines,
    or a lower-case headline, has neither.

    Flag: we got out of afghanistan , the minister said on monday . <<< Nous sommes sortis d'Afghanistan, a dit lundi le ministre.
    Flag: the government said that the talks would resume next week in geneva . <<< Le gouvernement a dit que les pourparlers reprendraient à Genève.
    Flag: i think that the talks with the rebels will resume next week
    Okay: We got out of Afghanistan, the minister said on Monday. <<< Nous sommes sortis d'Afghanistan, a dit lundi le ministre.
    Okay: and invested in a freight railway, for example, a lubricant maker. <<< Mais au contraire Buffett s'attaque plutôt au frêt ferroviaire.
    Okay: the rates are climbing, the stock exchanges are wavering <<< les taux grimpent, les Bourses flanchent
    """

    code = "TQ808"
    name = "lowercase-segment"
    category = "fluency/spelling"
    severity = Severity.MINOR

    def check(self, doc, ctx):
        sources = doc.source.segments if doc.source is not None else None
        for i, seg in enumerate(doc.segments):
            text = seg.text
            if any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
                continue
            if len(text.split()) < LOWERCASE_MIN_WORDS:
                continue
            lowered = sources is not None and self._lowered_name(text, sources[i].text)
            if not (lowered or _TOKENISED.search(text)):
                continue
            start, end = strip_span(text)
            why = f"the name '{lowered}' of the source is" if lowered else "punctuation is set off as in tokenised text;"
            yield self.finding(doc, seg, start, end,
                               f"the segment is in lower case throughout and {why} written in lower case "
                               "(tokenised MT output); English capitalises the start of a sentence and names"
                               if lowered else
                               f"the segment is in lower case throughout and {why} English capitalises the "
                               "start of a sentence and names")

    @staticmethod
    def _lowered_name(text: str, source: str) -> str | None:
        words = set(re.findall(r"[^\W\d_]+", text))
        for m in _CAPITALISED.finditer(source):
            if m.group(1).lower() in words and m.group(1).lower() not in word_set("untranslated_foreign_markers.txt"):
                return m.group(1).lower()
        return None
