"""TQ9xx: checks against the reference translations."""
from __future__ import annotations

from statistics import median

from ..model import Severity
from ..registry import DocumentRule, register

#: Fewer segments than this give no meaningful document statistics.
MIN_SEGMENTS = 4
#: A segment is an outlier when its chrF is below the document median by more than
#: max(MIN_GAP, SPREAD * robust sigma) and below CEILING in absolute terms.
#: Calibrated on two independent human translations of one article (samples/clean-*):
#: free but correct paraphrases reach down to chrF 35-40, so the ceiling sits below that.
MIN_GAP = 25.0
SPREAD = 2.5
CEILING = 30.0
MAD_TO_SIGMA = 1.4826
#: Length ratios say omission or addition only when the longer side has this many words.
MIN_WORDS_FOR_RATIO = 6


def outlier_cutoff(scores: list[float]) -> float:
    """The chrF below which a segment is an outlier for its document."""
    m = median(scores)
    sigma = MAD_TO_SIGMA * median(abs(s - m) for s in scores)
    return min(CEILING, m - max(MIN_GAP, SPREAD * sigma))


@register
class ReferenceOutlier(DocumentRule):
    """Segment far from its reference compared with the rest of the document.

    Sentence chrF (sacrebleu) of each segment against its references is compared
    with the document's own distribution: a segment whose chrF is below the median
    by more than max(25, 2.5 robust standard deviations) and under 30 is a likely
    mistranslation, omission or addition. The report shows its word diff against
    the reference. Documents of fewer than 4 segments are not judged.

    Flag: The army shot down two drones on Monday. ||| The army shot down two drones on Monday.\\nThe president said the talks would resume next week. ||| The president said talks would resume next week.\\nShare on Facebook ||| Agence France-Presse\\nThe ministry confirmed the figures on Tuesday. ||| The ministry confirmed the figures on Tuesday.\\nPrices rose by 4.9 percent in March. ||| Prices rose 4.9 percent in March.
    Flag: The army shot down two drones on Monday. ||| The army shot down two drones on Monday.\\nThe president said. ||| The president said the talks with the rebels would resume in Geneva next week, after a pause of three months.\\nThe ministry confirmed the figures on Tuesday. ||| The ministry confirmed the figures on Tuesday.\\nPrices rose by 4.9 percent in March. ||| Prices rose 4.9 percent in March.
    Okay: The army shot down two drones on Monday. ||| The army shot down two drones on Monday.\\nThe president said the talks would resume next week. ||| The president said talks would resume next week.\\nThe ministry confirmed the figures on Tuesday. ||| The ministry confirmed the figures on Tuesday.\\nPrices rose by 4.9 percent in March. ||| Prices rose 4.9 percent in March.
    Okay: Nobody came. ||| Everyone left.\\nThe sky fell. ||| It rained hard.\\nDogs barked loudly. ||| Cats were quiet.\\nThe end came. ||| It finished.
    """

    code = "TQ901"
    name = "reference-outlier"
    category = "accuracy/mistranslation"
    severity = Severity.MINOR
    needs = frozenset({"references"})

    def feed(self, window, ctx):
        ctx.score_window(window)
        # what the verdict needs once the document's distribution is known: the segment and its
        # shortest reference's length in words (the references themselves are not kept)
        kept = ctx.cache.setdefault(self.code, [])
        kept += [(seg, min(len(r.split()) for r in window.reference_texts(i)))
                 for i, seg in enumerate(window.segments)]
        return ()

    def end(self, doc, ctx):
        kept = ctx.cache.pop(self.code, [])
        scores = ctx.segment_chrf()
        if len(scores) < MIN_SEGMENTS:
            return
        cutoff = outlier_cutoff(scores)
        m = median(scores)
        for (seg, ref_words), chrf in zip(kept, scores):
            if chrf >= cutoff:
                continue
            if max(ref_words, seg.words) < MIN_WORDS_FOR_RATIO:
                category, what = "accuracy/mistranslation", "possible mistranslation"
            elif seg.words < 0.5 * ref_words:
                category, what = "accuracy/omission", "much shorter than its reference: possible omission"
            elif seg.words > 2 * max(ref_words, 1):
                category, what = "accuracy/addition", "much longer than its reference: possible addition"
            else:
                category, what = "accuracy/mistranslation", "possible mistranslation"
            start = len(seg.text) - len(seg.text.lstrip())
            end = len(seg.text.rstrip())
            yield self.finding(
                doc, seg, start, end,
                f"chrF {chrf:.1f} against the reference, far below this document's median "
                f"{m:.1f}; {what} (see the diff against the reference)",
                category=category,
            )
