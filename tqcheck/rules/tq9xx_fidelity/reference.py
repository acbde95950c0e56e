"""TQ901-TQ903: the translation against its reference translations.

TQ901 compares each segment's sentence chrF with its document's distribution; TQ902
and TQ903 align the translation with each reference by difflib over word stems
(``tqcheck.text.tokens.RunTokens``) and report runs of words with no counterpart.
"""
from __future__ import annotations

import difflib
from array import array
from dataclasses import dataclass
from statistics import median
from typing import Iterable

from ...model import Document, Segment, Severity
from ...registry import DocumentRule, Rule, register
from ...text.crossnames import same_word
from ...text.punctuation import EDGE_PUNCTUATION_WIDE
from ...text.sentences import is_debris_line
from ...text.spans import quote
from ...text.tokens import RunTokens, word_parts

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
    options = ("tokenize",)
    needs = frozenset({"references"})

    def feed(self, window, ctx):
        ctx.score_window(window)
        # what the verdict needs once the document's distribution is known: each segment's shortest
        # reference's length in words (the references themselves are not kept), and the segments that
        # may be outliers: all until their chrF is known, then those under CEILING (no cutoff is higher)
        state = ctx.state(self)
        if "base" not in state and window.segments:  # where the document starts among the file's scores
            state["base"] = ctx.score_position(window.segments[0])
        base = state.get("base", 0)
        lengths = state.setdefault("ref_words", array("q"))
        segs = state.setdefault("segments", {})  # position -> Segment
        for i, seg in enumerate(window.segments):
            segs[len(lengths)] = seg
            lengths.append(min(len(r.split()) for r in window.reference_texts(i)))
        start = state.get("judged", 0)
        known = ctx.scored_chrf(base + start)[:len(lengths) - start]
        for k, chrf in enumerate(known, start):
            if chrf >= CEILING:
                del segs[k]
        state["judged"] = start + len(known)
        return ()

    def end(self, doc, ctx):
        state = ctx.state(self)
        lengths, segs = state.get("ref_words", ()), state.get("segments", {})
        scores = ctx.segment_chrf(state.get("base", 0))[:len(lengths)]
        if len(scores) < MIN_SEGMENTS:
            return
        cutoff = outlier_cutoff(scores)
        m = median(scores)
        for k, (ref_words, chrf) in enumerate(zip(lengths, scores)):
            if chrf >= cutoff:
                continue
            seg = segs[k]
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


#: A run is an omission (addition) when this many of its content words appear nowhere in the
#: translation (reference), and the other side of the run has at most one content word of its
#: own for every OMISSION_COUNTERPART_RATIO of them (a paraphrase has its own words; an omission does not).
#: Calibrated on samples/clean-eu-summit, two independent human translations: their freest
#: paraphrases leave runs of 3-6 words unmatched, always with words of their own opposite.
OMISSION_MIN_WORDS = 4
OMISSION_COUNTERPART_RATIO = 4
#: Segments shorter than this (in words, on the side that has the run) are not judged:
#: headlines and credits are rewritten freely by editors.
OMISSION_MIN_SEGMENT_WORDS = 12
#: Equal runs this short do not split a run of differences ("of", "the").
OMISSION_GAP = 1
#: An addition this long (content words) is major; shorter ones are minor.
ADDITION_MAJOR_WORDS = 8
@dataclass(frozen=True)
class Run:
    """A run of one side's words with no counterpart on the other side."""

    own: tuple[int, int]    # token range on the side that has the words
    other: tuple[int, int]  # token range opposite (may be empty: an insertion point)
    words: tuple[int, ...]  # the content words with no counterpart (token indexes on the own side)


def unmatched_runs(own: RunTokens, other: RunTokens) -> list[Run]:
    """Runs of ``own`` whose content words are missing from ``other`` with nothing in their place."""
    other_stems = set(other.stems)
    absent = sum(1 for stem, content in zip(own.stems, own.content) if content and stem not in other_stems)
    if absent < OMISSION_MIN_WORDS:
        return []  # a run needs that many content words missing from ``other``: none can be found
    return aligned_runs(own, other)


def aligned_runs(own: RunTokens, other: RunTokens) -> list[Run]:
    """``unmatched_runs`` by aligning the two sides with difflib, whatever they hold."""
    other_stems = set(other.stems)
    matcher = difflib.SequenceMatcher(a=other.stems, b=own.stems, autojunk=False)
    regions, cur = [], None
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" and i2 - i1 > OMISSION_GAP:
            if cur:
                regions.append(cur)
                cur = None
            continue
        cur = [i1, i2, j1, j2] if cur is None else [cur[0], i2, cur[2], j2]
    if cur:
        regions.append(cur)
    own_stems = set(own.stems)
    runs = []
    for i1, i2, j1, j2 in regions:
        missing = tuple(j for j in range(j1, j2) if own.content[j] and own.stems[j] not in other_stems)
        counterparts = [i for i in range(i1, i2) if other.content[i] and other.stems[i] not in own_stems]
        if len(missing) >= OMISSION_MIN_WORDS and len(counterparts) <= len(missing) // OMISSION_COUNTERPART_RATIO:
            runs.append(Run((j1, j2), (i1, i2), missing))
    return runs


def _near(a: tuple[int, int], b: tuple[int, int], slack: int = 2) -> bool:
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def _span(tokens: RunTokens, first: int, last: int) -> tuple[int, int]:
    """Character offsets of tokens ``first``..``last``, without punctuation at the edges."""
    spans = tokens.spans  # (made from the text when asked: once)
    start, end = spans[first][0], spans[last][1]
    text = " ".join(tokens.raw[first:last + 1])  # only its edges matter
    lead = len(text) - len(text.lstrip(EDGE_PUNCTUATION_WIDE))
    trail = len(text) - len(text.rstrip(EDGE_PUNCTUATION_WIDE))
    if start + lead < end - trail:
        start, end = start + lead, end - trail
    return start, end


def _source_words(doc: Document, seg: Segment) -> list[str]:
    if doc.source is None:
        return []
    i = seg.index - doc.segments[0].index  # its position in this window of the document
    return [folded for _, folded in word_parts(doc.source.segments[i].text)]


def _in_source(word: str, source: list[str]) -> bool:
    folded = [f for _, f in word_parts(word)]
    return any(same_word(f, s) for f in folded for s in source)


class _ReferenceRunRule(Rule):
    needs = frozenset({"references"})

    def check(self, doc, ctx):
        for i, seg in enumerate(doc.segments):
            texts = doc.reference_texts(i) + ([doc.source.segments[i].text] if doc.source else [])
            if any(is_debris_line(t) for t in texts):
                continue  # a reference or source that is scraping debris says nothing of the article
            mt = RunTokens.of(seg.text)
            refs = [RunTokens.of(r) for r in doc.reference_texts(i)]
            yield from self.check_segment(doc, seg, mt, refs)

    def check_segment(self, doc, seg, mt: RunTokens, refs: list[RunTokens]) -> Iterable:
        raise NotImplementedError


@register
class ReferenceOmission(_ReferenceRunRule):
    """A run of reference words with no counterpart in the translation: a likely omission.

    The translation is aligned with each reference by difflib over word stems
    (names compared by TQ501's transliteration key, so Hachd = Hashd). A run of
    the reference with four or more content words found nowhere in the
    translation, and nothing of the translation's own in its place, is a likely
    omission; the missing words are quoted. Free paraphrase does not count (it
    has words of its own opposite), nor does reordering (the words are found
    elsewhere in the segment). With several references, the run must be missing
    against every one of them. Segments of fewer than 12 reference words
    (headlines, credits) are not judged.

    Flag: Several hundred French soldiers are still in Niger. ||| Several hundred French soldiers are still in Niger, where their withdrawal is due to be completed by the end of the year.
    Flag: The president said the talks would resume next week. ||| The president said the talks with the rebels, suspended since the spring over a ceasefire dispute, would resume next week.
    Okay: Several hundred French troops remain in Niger, with the pullout due to be completed by year’s end. ||| Several hundred French soldiers are still in Niger, where their withdrawal is due to be completed by the end of the year.
    Okay: There was no immediate claim for Monday’s attack, which occurred around 4:30 a.m. ||| Monday’s attack, which occurred around 4:30 a.m., was not immediately claimed.
    """

    code = "TQ902"
    name = "reference-omission"
    category = "accuracy/omission"
    severity = Severity.MAJOR
    data_files = ("fidelity_function_words.txt",)

    def check_segment(self, doc, seg, mt, refs):
        if min(len(r.stems) for r in refs) < OMISSION_MIN_SEGMENT_WORDS:
            return
        per_ref = [unmatched_runs(r, mt) for r in refs]
        for run in per_ref[0]:
            if not all(any(_near(run.other, o.other) for o in others) for others in per_ref[1:]):
                continue
            ref = refs[0]
            quoted = " ".join(ref.raw[run.own[0]:run.own[1]]).strip(EDGE_PUNCTUATION_WIDE + " ")
            i1, i2 = run.other
            if i2 > i1:
                start, end = _span(mt, i1, i2 - 1)
            else:
                at = i1 - 1 if i1 > 0 else 0
                start, end = _span(mt, at, at)
            yield self.finding(
                doc, seg, start, end,
                f"the reference's “{quote(quoted)}” has no counterpart in the translation "
                f"({len(run.words)} content words missing): possible omission",
            )


@register
class ReferenceAddition(_ReferenceRunRule):
    """A run of translation words with no counterpart in any reference: a likely addition.

    The mirror of TQ902: four or more content words of the translation found
    nowhere in the reference, with nothing of the reference's own in their
    place, against every reference. Minor; major from eight content words.
    Scraping-debris lines are left to TQ804, and segments of fewer than 12
    words are not judged.

    Flag: The army said the talks, which the rebels had suspended since the spring over a ceasefire dispute, would resume next week. ||| The army said the talks would resume next week.
    Okay: The army said the talks would resume next week, a spokesman added. ||| The army said the negotiations would restart next week, a spokesman added.
    Okay: Monday’s attack, which occurred around 4:30 a.m., was not immediately claimed. ||| There was no immediate claim for Monday’s attack, which occurred around 4:30 a.m.
    """

    code = "TQ903"
    name = "reference-addition"
    category = "accuracy/addition"
    severity = Severity.MINOR
    data_files = ("fidelity_function_words.txt",)

    def check_segment(self, doc, seg, mt, refs):
        if len(mt.stems) < OMISSION_MIN_SEGMENT_WORDS or is_debris_line(seg.text):
            return
        per_ref = [unmatched_runs(mt, r) for r in refs]
        source: list[str] | None = None  # the source's words, read for the first capitalised word of a run
        raw = mt.raw if per_ref[0] else ()
        for run in per_ref[0]:
            if not all(any(_near(run.own, o.own) for o in others) for others in per_ref[1:]):
                continue
            # Names the source has are no addition, even when the references left them out.
            if source is None and any(raw[j][:1].isupper() for j in run.words):
                source = _source_words(doc, seg)
            words = [j for j in run.words if not (raw[j][:1].isupper() and _in_source(raw[j], source))]
            if len(words) < OMISSION_MIN_WORDS:
                continue
            run = Run(run.own, run.other, tuple(words))
            start, end = _span(mt, run.words[0], run.words[-1])
            severity = Severity.MAJOR if len(run.words) >= ADDITION_MAJOR_WORDS else None
            yield self.finding(
                doc, seg, start, end,
                f"“{quote(seg.text[start:end])}” has no counterpart in the reference "
                f"({len(run.words)} content words): possible addition",
                severity=severity,
            )
