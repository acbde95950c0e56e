"""TQ914, TQ915: a segment much shorter or longer than its source for its document's usual ratio, and a
translation that keeps only a fraction of its source whatever the document."""
from __future__ import annotations

import math
import re
from statistics import median

from ...model import Severity
from ...registry import DocumentRule, SegmentRule, register
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


#: A translation this much shorter than its source (characters), for a source of TRUNCATED_MIN_WORDS
#: words or more ending a sentence, has lost most of its meaning whatever the document's statistics.
TRUNCATED_MAX_RATIO = 0.45
#: ...or this much shorter when the translation is a whole sentence (a capital, a full stop): a
#: translator's condensed rendering ("Crows are protected." for "Les corneilles sont sous la
#: protection de la nature.") rather than a sentence cut off.
TRUNCATED_MAX_RATIO_WHOLE = 0.3
#: ...or this much shorter when it stops on an article or a conjunction, which no English sentence ends
#: with ("...to discuss the", "more than"; not a preposition: "who his wife sleeps with" is English).
TRUNCATED_MAX_RATIO_DANGLING = 0.9
_DANGLING_RE = re.compile(r"(?<![\w'’-])(?:the|a|an|and|or|than|their|its)\s*$", re.IGNORECASE)
TRUNCATED_MIN_WORDS = 8
#: A translation of this many words or fewer of such a source is empty ("." or "Yes."): critical.
EMPTY_MAX_WORDS = 2
#: A one-word translation ("Yes.", "No.") of a sentence of this many words or more is empty too.
EMPTY_SHORT_SOURCE_WORDS = 5
#: ...and a translation without a letter (".", "-", "...") of a source of this many words or more, even a
#: headline ("-" for "Séisme politique en Israël", "." for "HSV bat Gladbach 1:0"; ten letters at least
#: either way).
EMPTY_BARE_SOURCE_WORDS = 3
_SENTENCE_END_RE = re.compile(r"[.!?…:;\"”»)]\s*$")
#: A gloss in parentheses ("l'ISC (Institution supérieure de contrôle)"), which a translator may drop.
_PARENTHESES_RE = re.compile(r"\s*\([^()]*\)")
#: A whole sentence: a capital (or a quote mark) first, a full stop, ! or ? last.
_WHOLE_SENTENCE_RE = re.compile(r"^\s*[\"“«(]?[^\W\d_].*[.!?…][\"”’»)]*\s*$", re.S)


@register
class TruncatedTranslation(SegmentRule):
    """A translation that keeps a fraction of its source: empty, a stub, or cut off.

    An absolute floor, unlike TQ914's statistics: a segment less than 0.45 times as long as
    its source (characters), or of one or two words, for a source of eight words or more
    that ends a sentence, has lost most of what the source says. One or two words is an
    empty translation (critical); otherwise a truncated one (major). A shorter source is emptied
    too when nothing but punctuation is left of three words or more (".", "-"), or one word of a
    sentence of five or more ("No." for "Je n'ai pas d'autre option."). Headlines (a source
    without sentence-final punctuation, which editors rewrite freely) and scraping debris
    are left alone. A translation that is a whole sentence (a capital first, a full stop
    last) is a condensed rendering unless it is under 0.3 times as long, and the glosses in
    parentheses it leaves out of its source do not count. A translation whose sentence
    runs on into the next line (no full stop, and the next line starts in lowercase) is a
    line break placed differently, not a truncation. A translation that stops on an article or a
    conjunction ("...to discuss the") is cut off below 0.9 times its source's length.

    Flag: . <<< Le président a déclaré que la réforme était nécessaire pour le pays.
    Flag: The president said that <<< Le président a déclaré mardi que la réforme des retraites était nécessaire pour sauver le système.
    Flag: . <<< Je ne suis pas un sauveur.
    Flag: No. <<< Je n'ai pas d'autre option.
    Flag: - <<< Le retour des pilleurs de tombes maudits
    Flag: - <<< Séisme politique en Israël
    Okay: - <<< 2-1
    Okay: No. <<< Non, a-t-il dit.
    Okay: Thanks. <<< Merci beaucoup à tous.
    Okay: The president said the reform was needed. <<< Le président a déclaré que la réforme était nécessaire.
    Okay: Grave robbers <<< Des pilleurs de tombes ont dévalisé le cimetière pendant la nuit
    Okay: Yes. <<< Oui.
    Okay: Crows are protected. <<< Les corneilles sont sous la protection de la nature.
    Okay: "But no such person has been found," Paclik told CTK. <<< "Mais dans la situation actuelle il n'a pas été possible de trouver un tel candidat", a déclaré Paclik à l'Agence de presse tchèque.
    Flag: Crows are <<< Les corneilles sont sous la protection de la nature.
    Flag: European ministers will meet in Brussels on Monday to discuss the <<< Les ministres européens se réuniront lundi à Bruxelles pour discuter des sanctions contre la Russie.
    Okay: Rychytář does not care who his wife sleeps with <<< Rychtirova n'est pas intéressée de savoir avec qui son mari couche.
    Okay: The president said on Tuesday that <<< Le président a déclaré mardi que la réforme des retraites était nécessaire pour sauver le système.\\nthe pension reform was needed to save the system. <<< Il l'a dit à la presse.
    Okay: The ISC head said the audit failed because of politicians. <<< Le chef de l'ISC (Institution supérieure de contrôle des finances publiques) a déclaré que le contrôle (en tchèque « système Švarc ») a échoué à cause des politiciens.
    Flag: The president said on Tuesday that <<< Le président a déclaré mardi que la réforme des retraites était nécessaire pour sauver le système.\\nThe pension reform was needed, he said. <<< Il l'a dit à la presse.
    """

    code = "TQ915"
    name = "truncated-translation"
    category = "accuracy/omission"
    severity = Severity.MAJOR
    needs = frozenset({"source"})

    def check(self, doc, ctx):
        segments = doc.segments
        for i, seg, src in article_pairs(doc):
            whole = _WHOLE_SENTENCE_RE.match(seg.text) is not None and seg.text.lstrip(' "“«(')[:1].isupper()
            if whole and seg.text.count("(") < src.count("("):
                src = _PARENTHESES_RE.sub("", src)  # the glosses the translator dropped
            src_words, words = len(src.split()), len(seg.text.split())
            if self._short_source_emptied(seg.text, src, src_words, words):
                pass
            elif src_words < TRUNCATED_MIN_WORDS or not _SENTENCE_END_RE.search(src):
                continue
            ratio = len(seg.text.strip()) / len(src.strip())
            bar = TRUNCATED_MAX_RATIO_WHOLE if whole else TRUNCATED_MAX_RATIO
            if _DANGLING_RE.search(seg.text):
                bar = TRUNCATED_MAX_RATIO_DANGLING
            if words > EMPTY_MAX_WORDS and ratio >= bar:
                continue
            if words > EMPTY_MAX_WORDS and self._runs_on(seg.text, segments[i + 1].text if i + 1 < len(segments) else ""):
                continue
            start, end = strip_span(seg.text)
            empty = words <= EMPTY_MAX_WORDS
            yield self.finding(
                doc, seg, start, end,
                f"{'an empty translation' if empty else 'a truncated translation'}: {words} word"
                f"{'' if words == 1 else 's'} for a source of {len(src.split())} ({ratio:.0%} of its length); "
                "most of what the source says is missing",
                severity=Severity.CRITICAL if empty else None,
            )

    @staticmethod
    def _runs_on(text: str, following: str) -> bool:
        """Does the sentence of ``text`` go on in the next line (no full stop, next line in lowercase)?"""
        return not _SENTENCE_END_RE.search(text) and following.lstrip()[:1].islower()

    @staticmethod
    def _short_source_emptied(text: str, src: str, src_words: int, words: int) -> bool:
        """A shorter source emptied: no letter left of a source of three words or more (".", "-"), or
        one word left of a sentence of five words or more ("No." for "Je ne suis pas un sauveur.")."""
        emptied = not any(map(str.isalpha, text))
        if src_words < (EMPTY_BARE_SOURCE_WORDS if emptied else EMPTY_SHORT_SOURCE_WORDS):
            return False
        if not emptied and words > 1:
            return False  # (most segments: the letters of the source are not counted)
        if sum(map(str.isalpha, src)) < 10:
            return False
        return emptied or bool(_SENTENCE_END_RE.search(src))
