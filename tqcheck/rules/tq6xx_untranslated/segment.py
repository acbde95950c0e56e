"""TQ601: a whole segment left in French (or another language)."""
from __future__ import annotations

from ...model import Document, Segment, Severity
from ...registry import Context, SegmentRule, register
from ...text.language import language_name
from ...text.spans import strip_span


@register
class UntranslatedSegment(SegmentRule):
    """A whole segment left in French (or another language) instead of English.

    The translation engine sometimes passes a paragraph through untranslated.
    Language identification (langdetect) is unreliable on short lines and on
    headlines, so only segments of at least ``langid_min_chars`` characters
    (default 40) are examined, and only those a cheap prefilter finds full of
    French (Spanish, Italian...) function words and nearly free of English ones;
    capitalised words inside sentences (names: Le Pen, Des Moines) are dropped
    before identification, and a verdict counts only at ``langid_min_prob``
    (default 0.90) with English not among the candidates above 0.10.

    Flag: Le président a déclaré que la réforme était nécessaire pour le pays et pour l'Europe.
    Flag: Les États-Unis ont abattu lundi deux drones visant la coalition antijihadiste à l'aéroport.
    Flag: El presidente dijo que la reforma era necesaria para el país y para toda Europa.
    Okay: Monday’s attack, which occurred around 4:30 a.m. (8:30 p.m. Sunday EST), was not immediately claimed.
    Okay: Iraq | US military defeats drone attack
    Okay: Macron hails historic Franco-German treaty deal in Aachen ceremony
    Okay: Le Pen, Mélenchon and Macron met at the Élysée Palace and the Quai d'Orsay on Monday.
    Okay: “Two armed drones have targeted Baghdad airport,” an official told AFP.
    Okay: Mali junta expels French ambassador amid diplomatic row
    Okay: He landed at Charles de Gaulle airport; La Paz, Le Pen, du Pont and Des Moines; 8:30 p.m. EST.
    """

    code = "TQ601"
    name = "untranslated-segment"
    category = "accuracy/untranslated"
    severity = Severity.CRITICAL
    data_files = (
        "untranslated_english_markers.txt", "untranslated_foreign_markers.txt",
        "untranslated_language_names.tsv",
    )
    options = ("langid-min-chars", "langid-min-prob")

    def check_segment(self, doc: Document, seg: Segment, ctx: Context):
        verdict = ctx.non_english(seg)
        if verdict is None:
            return
        lang, prob = verdict
        language = language_name(lang) or f"language '{lang}'"
        start, end = strip_span(seg.text)
        yield self.finding(
            doc, seg, start, end,
            f"segment is in {language} (langdetect '{lang}', probability {prob:.2f}), not English: "
            "it was left untranslated",
        )
