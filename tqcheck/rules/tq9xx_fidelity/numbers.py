"""TQ911: a number, time or date of the source missing from the translation, changed, or added.

Both sides are read into comparable keys by ``tqcheck.text.mentions``.
"""
from __future__ import annotations

from ...model import Severity
from ...registry import Rule, register
from ...text.mentions import number_mismatches
from ...text.sentences import article_pairs
from ...text.spans import strip_span


@register
class SourceNumberMismatch(Rule):
    """A number, time or date of the source missing from the translation, changed, or added.

    Every number written in digits in the French source (amounts, percentages,
    clock times, dates, ordinals such as "2e" and "XXIe") must appear in the
    translation in its English form, and the translation must add none:
    "2 500" = "2,500", "4,9 %" = "4.9%" or "4.9 percent", "16h30" = "4:30 p.m."
    or "16:30", "3 janvier 2020" = "January 3, 2020", "2,5 milliards" = "2.5
    billion", "2e" = "2nd" or "second", "XXIe" = "21st", "les années 1990" =
    "the ’90s". Number words ("douze", "twelve", up to twenty and the tens)
    count as counterparts but are never reported themselves. Each distinct
    value needs one counterpart in the segment (repetitions are not counted).
    A changed number is reported on the translation's value, naming both; a
    dropped one on the whole segment.

    Flag: some 2,000 soldiers were deployed <<< quelque 2 500 soldats ont été déployés
    Flag: prices rose 4.6 percent <<< les prix ont augmenté de 4,9 %
    Flag: the attack on January 3 killed 12 people <<< l'attaque du 3 janvier 2020 a fait douze morts
    Flag: the meeting starts at 5:30 p.m. with 40 delegates <<< la réunion commence à 17h30
    Okay: some 2,500 soldiers and 1,000 contractors <<< quelque 2 500 soldats et 1 000 sous-traitants
    Okay: prices rose 4.9 percent, or 4.9% in March <<< les prix ont augmenté de 4,9 % en mars
    Okay: at 4:30 p.m., or 16:30, on January 3, 2020 <<< à 16h30 le 3 janvier 2020
    Okay: twelve died on the second anniversary, 12 in all <<< 12 morts pour le 2e anniversaire, douze au total
    Okay: in the 21st century, as in the ’90s, $2.5 billion <<< au XXIe siècle, comme dans les années 1990, 2,5 milliards de dollars
    Okay: 400,000 people and 2,500 troops; the Nikkei closed at 11,743.61 <<< 400.000 personnes et 2.500 soldats ; le Nikkei a clôturé à 11.743,61
    Okay: a debt of 19 trillion dollars in the 1960s, at 5 p.m. <<< une dette de 19 billions de dollars dans les années 60, à 17 heures
    Okay: six miles from the town, on 9/11, $120 million <<< à 10 km de la ville, le 11 septembre, 120 M$
    """

    code = "TQ911"
    opt_in = True
    name = "source-number-mismatch"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR
    data_files = (
        "fidelity_number_words_fr.tsv", "fidelity_number_words_en.tsv", "fidelity_multipliers.tsv",
        "numbers_french_months.tsv",
    )
    needs = frozenset({"source"})

    def check(self, doc, ctx):
        for _, seg, src in article_pairs(doc):
            missing, added = number_mismatches(src, seg.text)
            yield from self._report(doc, seg, missing, added)

    def _report(self, doc, seg, missing, added):
        added, dropped = list(added), []
        for m in missing:
            partner = next((a for a in added if a.kind == m.kind), None)
            if partner is None:
                dropped.append(m)
                continue
            added.remove(partner)
            yield self.finding(
                doc, seg, partner.start, partner.end,
                f"'{partner.text}' does not match the source's '{m.text}' ('{m.english}' in English): "
                "a number was changed in translation",
                m.english,
            )
        if dropped:  # one finding for the segment: nothing in the translation to point at
            start, end = strip_span(seg.text)
            values = ", ".join(f"'{m.text}' ('{m.english}' in English)" for m in dropped)
            yield self.finding(
                doc, seg, start, end,
                f"the source's {values} {'has' if len(dropped) == 1 else 'have'} no counterpart in the "
                "translation: a number was dropped or changed",
            )
        for a in added:
            yield self.finding(
                doc, seg, a.start, a.end,
                f"'{a.text}' has no counterpart in the source: a number was added or changed in translation",
            )
