"""TQ913: a segment identical or nearly identical to its French source: left untranslated."""
from __future__ import annotations

import difflib

from ...model import Severity
from ...registry import SegmentRule, register
from ...text.data import word_set
from ...text.sentences import article_pairs
from ...text.spans import strip_span
from ...text.tokens import copy_words

#: A segment is a copy of its source when this share of its words is unchanged (difflib ratio).
COPY_MIN_RATIO = 0.8
#: ...and the source has at least this many words, this many of them French function words.
COPY_MIN_WORDS = 4
COPY_MIN_FRENCH = 2
#: Only this many words from the start of each side are compared: difflib is quadratic on
#: repetitive text, and a copied segment is copied from its first words.
COPY_MAX_WORDS = 300


def copy_ratio(source: str, translation: str, at_least: float = 0.0) -> float:
    """The share of words a translation keeps from its source, in order (difflib ratio; on
    segments longer than COPY_MAX_WORDS, the ratio of their first COPY_MAX_WORDS words).
    With ``at_least``, 0.0 when an upper bound of the ratio (as if every word of the translation
    that the source has were matched) is already below it: the full comparison is made only for a
    likely copy."""
    a, b = copy_words(source), copy_words(translation)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    a, b = a[:COPY_MAX_WORDS], b[:COPY_MAX_WORDS]
    if at_least:
        in_a = set(a)
        if 2.0 * sum(w in in_a for w in b) / (len(a) + len(b)) < at_least:
            return 0.0
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio()


def _looks_french(text: str) -> bool:
    markers = word_set("untranslated_foreign_markers.txt")
    french = 0
    for w in copy_words(text):
        for part in w.split("'"):
            french += part in markers
    return french >= COPY_MIN_FRENCH


@register
class SourceCopy(SegmentRule):
    """A segment identical or nearly identical to its French source: left untranslated.

    The translation keeps 80% or more of the source's words in order (difflib
    ratio over words, case and punctuation ignored). Only sources of four words
    or more with at least two French function words are judged, so names,
    agency credits ("Agence France-Presse") and English quotations are never
    flagged; nor are scraping-debris lines (TQ804's), nor segments that TQ601
    already reports as untranslated.

    Flag: L’armée américaine déjoue une attaque de drones <<< L’armée américaine déjoue une attaque de drones
    Flag: Les dirigeants de l’Union européenne se sont mis d’accord lundi sur une stratégy. <<< Les dirigeants de l’Union européenne se sont mis d’accord lundi sur une stratégie.
    Okay: Agence France-Presse <<< Agence France-Presse
    Okay: source site-59 <<< source site-59
    Okay: “Yes we can,” he said in English. <<< « Yes we can », a-t-il dit en anglais.
    Okay: The US army foils a drone attack <<< L’armée américaine déjoue une attaque de drones
    """

    code = "TQ913"
    name = "source-copy"
    category = "accuracy/untranslated"
    severity = Severity.CRITICAL
    data_files = ("untranslated_foreign_markers.txt",)
    options = ("langid-min-chars", "langid-min-prob")
    needs = frozenset({"source"})

    def check(self, doc, ctx):
        langid = "TQ601" in ctx.rules_in_force
        for _, seg, src in article_pairs(doc):
            if len(src.split()) < COPY_MIN_WORDS:
                continue
            ratio = copy_ratio(src, seg.text, at_least=COPY_MIN_RATIO)
            if ratio < COPY_MIN_RATIO or not _looks_french(src):
                continue  # (the ratio's bound rules out nearly every segment first)
            if langid and ctx.non_english(seg) is not None:
                continue  # TQ601 reports it
            start, end = strip_span(seg.text)
            how = "identical to its source" if ratio == 1.0 else f"{ratio:.0%} the same words as its source"
            yield self.finding(doc, seg, start, end, f"segment is {how}: it was left untranslated")
