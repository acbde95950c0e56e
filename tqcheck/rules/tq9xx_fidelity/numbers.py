"""TQ911 and TQ916: the numbers, times and dates of the source against the translation's.

Both sides are read into comparable keys by ``tqcheck.text.mentions``; ``number_diff`` pairs a source
number and a translation number that both lack a counterpart and have close values (a number changed,
TQ911) and leaves what is dropped or added (TQ916).
"""
from __future__ import annotations

from ...model import Severity
from ...registry import Rule, register
from ...text.numdiff import changed_numbers, number_diff
from ...text.sentences import article_pairs
from ...text.spans import strip_span


@register
class SourceNumberChanged(Rule):
    """A number, time or date of the source changed into another in the translation.

    Every number of the French source (in digits or words) is read in its
    English forms: "2 500" = "2,500", "4,9 %" = "4.9%" or "4.9 percent",
    "16h30" = "4:30 p.m." or "16:30", "3 janvier 2020" = "January 3, 2020",
    "2,5 milliards" = "2.5 billion", "2 millions et demi" = "2.5 million",
    "XXIe" = "21st", "les années 1990" = "the ’90s", "sept" = "seven". A
    source number with no counterpart in the translation and a translation
    number with none in the source, of one kind (number, time, date) and
    close in value or digits (``1,967`` and ``1,697``; ``53`` and ``85``),
    are one number changed: reported on the translation's, naming the
    source's. A number dropped or added with no such partner is TQ916's.

    Flag: some 2,800 soldiers were deployed <<< quelque 2 500 soldats ont été déployés
    Flag: prices rose 4.6 percent <<< les prix ont augmenté de 4,9 %
    Flag: the meeting starts at 5:30 p.m. <<< la réunion commence à 16h30
    Flag: six people died <<< sept personnes sont mortes
    Flag: a total of 17 billion dollars <<< un total de 17 millions de dollars
    Flag: prices rose 6 percent <<< les prix ont augmenté de 5,6 %
    Flag: it often costs over a thousand dollars <<< il en coûte souvent plus de cent dollars
    Flag: The three senators had written to Panetta. <<< Les deux sénateurs avaient écrit à Panetta.
    Flag: Gaddafi was killed on Oct. 40. <<< Kadhafi a été tué le 20 octobre.
    Flag: the "Best Library of NL 2011" prize <<< le prix "Best Library of NL 2012"
    Okay: Both senators had written to Panetta three times. <<< Les deux sénateurs avaient écrit à Panetta à plusieurs reprises.
    Okay: some 2,500 soldiers and 1,000 contractors <<< quelque 2 500 soldats et 1 000 sous-traitants
    Okay: prices rose 4.9 percent, or 4.9% in March <<< les prix ont augmenté de 4,9 % en mars
    Okay: at 4:30 p.m., or 16:30, on January 3, 2020 <<< à 16h30 le 3 janvier 2020
    Okay: visits from 5.30 to 6.30 p.m. each day <<< visites de 17h30 à 18h30 chaque jour
    Flag: visits from 4.30 to 6.30 p.m. each day <<< visites de 17h30 à 18h30 chaque jour
    Okay: twelve died on the second anniversary, 12 in all <<< 12 morts pour le 2e anniversaire, douze au total
    Okay: in the 21st century, as in the early 90s, $2.5 billion <<< au XXIe siècle, comme au début des années 1990, 2,5 milliards de dollars
    Okay: 400,000 people and 2,500 troops; the Nikkei closed at 11,743.61 <<< 400.000 personnes et 2.500 soldats ; le Nikkei a clôturé à 11.743,61
    Okay: a debt of 19 trillion dollars in the 1960s, at 5 p.m. <<< une dette de 19 billions de dollars dans les années 60, à 17 heures
    Okay: it will take five or six years <<< cela durera 5,6 ans
    Okay: six miles from the town, on 9/11, $120 million <<< à 10 km de la ville, le 11 septembre, 120 M$
    Okay: about 500,000 artefacts, 2.5 million in all, Gaza's 1.7m people <<< près de 500 milles objets, 2 millions et demi au total, les 1,7 million d'habitants de Gaza
    Okay: 250 billion, then another 100 billion <<< 250 milliards, puis 100 autres milliards
    Okay: it grew by 0.5% <<< elle a crû de 0, 5%
    Okay: the book sold well <<< le livre s'est bien vendu en 2012
    """

    code = "TQ911"
    name = "source-number-changed"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR
    data_files = (
        "fidelity_number_words_fr.tsv", "fidelity_number_words_en.tsv", "fidelity_multipliers.tsv",
        "numbers_french_months.tsv",
    )
    needs = frozenset({"source"})

    def check(self, doc, ctx):
        for _, seg, src in article_pairs(doc):
            for m, partner in changed_numbers(src, seg.text):
                yield self.finding(
                    doc, seg, partner.start, partner.end,
                    f"'{partner.text}' does not match the source's '{m.text}' ('{m.english}' in English): "
                    "a number was changed in translation",
                    m.english,
                )


@register
class SourceNumberMissing(Rule):
    """A number, time or date of the source dropped from the translation, or one added to it.

    What TQ911 leaves: a number of the source (in digits) with no counterpart
    in the translation and no changed partner there, reported once on the
    whole segment; a number of the translation (in digits) with none in the
    source. Opt-in: translators legitimately drop, round and paraphrase
    numbers ("half a million", "a decade", a conversion), so its precision
    on real news is low.

    Flag: the attack killed people <<< l'attaque a fait 12 morts
    Flag: the 40 delegates met <<< les délégués se sont réunis
    Okay: some 2,500 soldiers and 1,000 contractors <<< quelque 2 500 soldats et 1 000 sous-traitants
    Okay: six miles from the town <<< à 10 km de la ville
    """

    code = "TQ916"
    opt_in = True
    name = "source-number-missing"
    category = "accuracy/omission"
    severity = Severity.MINOR
    data_files = SourceNumberChanged.data_files
    needs = frozenset({"source"})

    def check(self, doc, ctx):
        for _, seg, src in article_pairs(doc):
            diff = number_diff(src, seg.text)
            if diff.dropped:  # one finding for the segment: nothing in the translation to point at
                start, end = strip_span(seg.text)
                values = ", ".join(f"'{m.text}' ('{m.english}' in English)" for m in diff.dropped)
                yield self.finding(
                    doc, seg, start, end,
                    f"the source's {values} {'has' if len(diff.dropped) == 1 else 'have'} no counterpart in "
                    "the translation: a number was dropped",
                )
            for a in diff.added:
                yield self.finding(
                    doc, seg, a.start, a.end,
                    f"'{a.text}' has no counterpart in the source: a number was added in translation",
                )
