"""TQ918: a translation that renders almost none of its source's words: the translation of
another sentence, or lines out of alignment."""
from __future__ import annotations

from ...model import Severity
from ...registry import DocumentRule, register
from ...text.alignment import PartnerSearch
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
#: A translation whose own evidence is above OWN_EVIDENCE is also reported when it renders another
#: line of the source file with an evidence below PARTNER_EVIDENCE (far likelier a translation of
#: that line than of another sentence), looked for among PARTNER_MAX_LINES lines before and after it.
#: Measured on newstest2012/2013 (6,003 professional segments, every other line of their file
#: weighed for each one above 0) and 5,773 segments swapped for far-away ones (challenge.py's
#: make_unrelated, seed 1): the best other line of a professional segment scores -12.1 at the
#: lowest (chance meetings among 3,000 lines); at 2 and -14 no professional segment is added and
#: 282 of the 591 swapped ones missed at 9 are found (89.8% -> 94.7%); at 0 and -13, 2 and 95.3%.
OWN_EVIDENCE = 2.0
PARTNER_EVIDENCE = -14.0
#: A line rendering two thirds of the translation's words and two thirds of its own (two at least each
#: way) is named below this: a short sentence's whole translation scores no lower than about -13.4
#: ("The costs will run into the millions." against "Cela coûte des millions."). Measured as above
#: (seeds 1 to 3, 17,358 swapped segments): 48 more found (0.3%), no professional segment added (the
#: chance meetings down to -12.1 render a third to a half of one side).
MOST_RENDERED_EVIDENCE = -12.0
PARTNER_MAX_LINES = 20_000


@register
class UnrelatedTranslation(DocumentRule):
    """A translation that renders almost none of its source: another sentence's translation, or lines out of alignment.

    Each content word of the source counts as rendered when a word of the
    translation is one of its English renderings (fidelity_glossary_fr_en.tsv,
    30,000 French word forms), a cognate or the same name (amendements =
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

    A translation that renders little of its own source (a ratio above 2) is also
    weighed against the other lines of the source file (up to 20,000 before and
    after it): when it renders one of them as a translation renders its source
    (a ratio below -14, far beyond chance meetings among thousands of lines, or
    below -12 when the line renders two thirds of its words and of the line's, as a
    short sentence's whole translation does; and a length that fits), it is reported with that line, a line out of alignment or
    a segment put in the wrong place, even when it is too short to be judged on
    its own words.

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
    per_document = False  # the line a translation renders may be in another story of the file

    def feed(self, window, ctx):
        state = ctx.state(self)
        search = state.get("search")
        if search is None:
            search = state["search"] = PartnerSearch(OWN_EVIDENCE, PARTNER_EVIDENCE, PARTNER_MAX_LINES,
                                                     MOST_RENDERED_EVIDENCE)
        settled = []
        for i, seg, src in article_pairs(window):
            settled += search.add(seg.index, src, seg.text, seg, window.source.segments[i])
        return [self._finding(window, cand) for cand in settled if self._reported(cand)]

    def end(self, doc, ctx):
        search = ctx.state(self).get("search")
        if search is None:
            return []
        return [self._finding(doc, cand) for cand in search.close() if self._reported(cand)]

    @staticmethod
    def _reported(cand) -> bool:
        return cand.score > UNRELATED_MIN_EVIDENCE or cand.partner is not None

    def _finding(self, doc, cand):
        seg, cov = cand.item, cand.coverage
        start, end = strip_span(seg.text)
        counts = (f"{cov.source_rendered} of the source's {cov.source_words} content words and {cov.rendered} of "
                  f"its own {cov.words} have a counterpart (a rendering, a cognate, a name or a number)")
        if cand.partner is None:
            message = (f"the translation does not render its source: {counts}; the translation of another "
                       "sentence, or lines out of alignment")
        else:
            other = cand.partner_item
            quoted = other.text if len(other.text) <= 60 else other.text[:57].rstrip() + "..."
            message = (f"the translation renders the source of segment {other.index} (line {other.line}: "
                       f"\"{quoted}\"), not its own: {counts}; lines out of alignment, or a segment put in "
                       "the wrong place")
        return self.finding(doc, seg, start, end, message)
