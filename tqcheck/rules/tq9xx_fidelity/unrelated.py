"""TQ918: a translation that renders almost none of its source's words: the translation of
another sentence, or lines out of alignment."""
from __future__ import annotations

from ...model import Severity
from ...registry import SegmentRule, register
from ...text.bilingual import (
    coverage,
    looks_french,
    name_bound,
    name_evidence,
    quick_coverage,
    shape_bound,
    shape_evidence,
    unrelated_evidence,
)
from ...text.sentences import article_pairs
from ...text.spans import strip_span

#: Flag when the counts and marks are this much likelier (natural log of the likelihood ratio) for the
#: translation of another sentence than for a translation of this source. Measured on 6,003
#: professional newstest segments and 300 swapped for far-away ones of similar length
#: (python benchmarks/challenge.py --types unrelated): 8 flags 6 professional segments and 85% of
#: the swapped ones, 8.5 flags 5 and 83%; none of the 23,643 Google, Bing and post-edited segments
#: of WCE-LIG at either (word counts alone, as before shape_evidence: 7 and 81% at 8.5). With the
#: closed-class words of SHAPE_WORDS: 8.5 flags the same 5 professional segments, 253 of the 300 swapped
#: ones (250 before) and none of WCE-LIG; 8 flags 8 and 263. With the names inside the sentences
#: (name_evidence): 9 flags the same 5 professional segments and 261 of the 300 (85% -> 87%; seeds 5, 7
#: and 11: 90/89/89% -> 90/92/91%), none of WCE-LIG; 8.5 flags 6 and 8 flags 10.
UNRELATED_MIN_EVIDENCE = 9.0
#: Both sides need this many content words (a segment with none cannot be judged; one short side
#: is judged, as the evidence of the other side's unrendered words adds up).
UNRELATED_MIN_WORDS = 1


@register
class UnrelatedTranslation(SegmentRule):
    """A translation that renders almost none of its source: another sentence's translation, or lines out of alignment.

    Each content word of the source counts as rendered when a word of the
    translation is one of its English renderings (fidelity_glossary_fr_en.tsv,
    10,000 French word forms), a cognate or the same name (amendements =
    amendments, Bagdad = Baghdad) or the same number; and each content word of
    the translation counts when it renders one of them. A translation renders
    about 60% of its source's words each way; the translation of another
    sentence about 2.5%, by chance. The segment is reported when the two counts
    are far likelier under chance (a log-likelihood ratio above 9): about
    ten words on each side with none rendered, or one or two in a long sentence.
    Marks a translation keeps from its source add their own ratio: a question
    mark, an exclamation mark, quotation marks, a parenthesis, a colon or a number
    (5 = five) on one side only is 3 to 40 times likelier for another sentence's
    translation; so are a negation, "I", "we" or "you" on one side only (ne...pas,
    je, nous, vous), 5 to 12 times. A name inside a sentence (a capitalised word after
    another word) weighs more than another word: translators keep 92% of names, and
    another sentence's names are other names (98%). A side with no content word, and a source without a French
    function word (another language), are not judged; a freely rendered sentence
    keeps enough words to pass.

    Flag: The ministry will publish the new unemployment figures next month. <<< Les pompiers ont maîtrisé l'incendie de forêt après trois jours de lutte acharnée.
    Flag: Voters in the north of the country will choose a new governor in March, officials said. <<< L'équipe de football a remporté le championnat 2-1 grâce à un but marqué dans les dernières secondes du match.
    Okay: The firefighters brought the forest fire under control after three days of fierce fighting. <<< Les pompiers ont maîtrisé l'incendie de forêt après trois jours de lutte acharnée.
    Okay: Emmanuel Macron met Olaf Scholz in Berlin on 12 May. <<< Emmanuel Macron a rencontré Olaf Scholz à Berlin le 12 mai.
    Okay: Nowadays it is appearance that counts. <<< Aujourd'hui, c'est l'habit qui importe.
    Okay: Yes, of course. <<< Oui, bien sûr.
    Flag: How has the number of infections in Bavaria developed? <<< Les soutiens du chef de l'Etat défileront eux, samedi, à Paris.
    Flag: It would break my heart if you left. <<< Aujourd'hui, l'affaire est en instance auprès de la Cour suprême.
    Okay: Today the case is pending before the Supreme Court. <<< Aujourd'hui, l'affaire est en instance auprès de la Cour suprême.
    Okay: Nevertheless, there are only five restarts available per race. <<< Mais vous ne disposez seulement que de 5 redémarrages.
    Okay: The central bank left its key interest rate unchanged, citing persistent inflation. <<< Die Feuerwehr hat den Waldbrand nach drei Tagen unter Kontrolle gebracht.
    """

    code = "TQ918"
    name = "unrelated-translation"
    category = "accuracy/mistranslation"
    severity = Severity.CRITICAL
    data_files = ("fidelity_glossary_fr_en.tsv", "fidelity_french_function_words.txt", "fidelity_function_words.txt")
    needs = frozenset({"source"})

    def check(self, doc, ctx):
        for _, seg, src in article_pairs(doc):
            quick = quick_coverage(src, seg.text)
            if quick.source_words < UNRELATED_MIN_WORDS or quick.words < UNRELATED_MIN_WORDS:
                continue
            words, names = unrelated_evidence(quick), name_bound(src, seg.text)
            if words + shape_bound() + names <= UNRELATED_MIN_EVIDENCE:
                continue  # the words alone clear it, whatever the marks and names (nearly every segment)
            shape = shape_evidence(src, seg.text)
            if words + shape + names <= UNRELATED_MIN_EVIDENCE:
                continue  # exact look-ups already find enough of the source (nearly every segment)
            if not looks_french(src):
                continue  # a source in another language is no French sentence to render
            cov = coverage(src, seg.text)
            if unrelated_evidence(cov) + shape + name_evidence(src, seg.text) <= UNRELATED_MIN_EVIDENCE:
                continue
            start, end = strip_span(seg.text)
            yield self.finding(
                doc, seg, start, end,
                f"the translation does not render its source: {cov.source_rendered} of the source's "
                f"{cov.source_words} content words and {cov.rendered} of its own {cov.words} have a counterpart "
                "(a rendering, a cognate, a name or a number); the translation of another sentence, or lines "
                "out of alignment",
            )
