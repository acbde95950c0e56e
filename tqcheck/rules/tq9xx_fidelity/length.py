"""TQ914: a segment much shorter or longer than its source, for its document's usual ratio."""
from __future__ import annotations

import math
from statistics import median

from ...model import Severity
from ...registry import DocumentRule, register
from ...text.sentences import article_pairs
from ...text.spans import strip_span

#: Segments whose source has fewer words are not judged (headlines, bylines, credits).
LENGTH_MIN_WORDS = 8
#: Documents with fewer judged segments give no usable ratio.
LENGTH_MIN_SEGMENTS = 5
#: Flag when the segment's length ratio is this far from the document's median ratio
#: (a factor), and at least LENGTH_SPREAD robust standard deviations away.
LENGTH_FACTOR = 1.6
LENGTH_SPREAD = 3.0
MAD_TO_SIGMA = 1.4826


@register
class LengthRatio(DocumentRule):
    """A segment much shorter or longer than its source, for this document's usual ratio.

    English translations of French run about 10% shorter, but the ratio varies
    by text and translator, so each segment's length ratio (characters of the
    translation over characters of the source) is compared with the document's
    own median: a segment 1.6 times shorter or longer than that, and three
    robust standard deviations away, is a likely omission or addition. Only
    segments whose source has eight words or more are judged, in documents
    with at least five of them; scraping-debris lines (TQ804's) are not.

    Flag: The army shot down two drones on Monday at the airport. <<< L'armée a abattu lundi deux drones à l'aéroport.\\nThe president said the talks would resume next week in Geneva. <<< Le président a dit que les pourparlers reprendraient la semaine prochaine à Genève.\\nThe minister said. <<< Le ministre a confirmé mardi les chiffres publiés par l'institut national de la statistique la semaine dernière.\\nPrices rose by 4.9 percent in March across the country. <<< Les prix ont augmenté de 4,9 % en mars dans tout le pays.\\nThe rebels left the town on Sunday after a week of fighting. <<< Les rebelles ont quitté la ville dimanche après une semaine de combats.\\nThe airport reopened on Tuesday morning to all flights. <<< L'aéroport a rouvert mardi matin à tous les vols.
    Okay: The army shot down two drones on Monday at the airport. <<< L'armée a abattu lundi deux drones à l'aéroport.\\nThe president said the talks would resume next week in Geneva. <<< Le président a dit que les pourparlers reprendraient la semaine prochaine à Genève.\\nThe minister confirmed on Tuesday the figures published last week. <<< Le ministre a confirmé mardi les chiffres publiés la semaine dernière.\\nPrices rose by 4.9 percent in March across the country. <<< Les prix ont augmenté de 4,9 % en mars dans tout le pays.\\nThe rebels left the town on Sunday after a week of fighting. <<< Les rebelles ont quitté la ville dimanche après une semaine de combats.\\nThe airport reopened on Tuesday morning to all flights. <<< L'aéroport a rouvert mardi matin à tous les vols.
    """

    code = "TQ914"
    opt_in = True
    name = "length-ratio"
    category = "accuracy/omission"
    severity = Severity.MINOR
    needs = frozenset({"source"})

    def feed(self, window, ctx):
        judged = ctx.state(self).setdefault("judged", [])  # (segment, log length ratio): no source text kept
        for _, seg, src in article_pairs(window):
            if len(src.split()) >= LENGTH_MIN_WORDS:
                judged.append((seg, math.log(len(seg.text.strip()) / len(src.strip()))))
        return ()

    def end(self, doc, ctx):
        judged = ctx.state(self).get("judged", [])
        if len(judged) < LENGTH_MIN_SEGMENTS:
            return
        logs = [r for _, r in judged]
        m = median(logs)
        sigma = MAD_TO_SIGMA * median(abs(r - m) for r in logs)
        limit = max(math.log(LENGTH_FACTOR), LENGTH_SPREAD * sigma)
        usual = math.exp(m)
        for seg, r in judged:
            if abs(r - m) <= limit:
                continue
            factor = math.exp(abs(r - m))
            shorter = r < m
            start, end = strip_span(seg.text)
            yield self.finding(
                doc, seg, start, end,
                f"{factor:.1f} times {'shorter' if shorter else 'longer'} than its source for this document "
                f"(length ratio {math.exp(r):.2f} against a usual {usual:.2f}): possible "
                f"{'omission' if shorter else 'addition'}",
                category="accuracy/omission" if shorter else "accuracy/addition",
            )
