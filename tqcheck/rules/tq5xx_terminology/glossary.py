"""TQ502, TQ503: the glossary in force (``ctx.glossary``).

The user's ``--glossary`` files and the default glossary's transliterations; the
default exonyms, acronyms and calques stay with TQ603, TQ604 and TQ701.
"""
from __future__ import annotations

from ...model import Document, Segment, Severity
from ...registry import Context, SegmentRule, register
from ...text.spans import strip_span


def _origin(term) -> str:
    return "default glossary" if term.default else term.origin


def _why(term) -> str:
    return f" ({term.note}; {_origin(term)})" if term.note else f" ({_origin(term)})"


@register
class GlossaryTerm(SegmentRule):
    """A form the glossary forbids (Hachd al-Chaabi, Mouhandis), with the required English term.

    The default glossary lists names French transliterates differently from
    English wire copy (Hachd al-Chaabi is Hashd al-Shaabi, Abou Mehdi
    al-Mouhandis is Abu Mahdi al-Muhandis, Sergueï is Sergei); ``--glossary``
    adds a desk's own terms and overrides a default entry with the same
    required term or variant. Variants are matched case-insensitively on whole
    words, longest first; a variant inside the required term ("trapped drone"
    in "booby-trapped drone") is not one. The suggestion is the required term,
    or for a part of a name ("Mouhandis") the matching part ("Muhandis").
    French exonyms, acronyms and calques of the default glossary are reported
    by TQ603, TQ604 and TQ701, not here.

    Flag: With him was Abu Mehdi al-Mouhandis, number 2 of Hachd al-Chaabi.
    Flag: Qais al-Khazali, leader of one of the main Hashd factions, Assaïb Ahl al-Haq, spoke.
    Flag: Sergueï Lavrov flew to Kirkouk; the tomb of al-Mouhandis
    Okay: With him was Abu Mahdi al-Muhandis, deputy head of the Hashd al-Shaabi.
    Okay: Qais al-Khazali, leader of Asaib Ahl al-Haq, met Sergei Lavrov in Kirkuk.
    Okay: the Hashed al-Shaabi, in AFP's English spelling, and Al-Qaeda and al-Qaida
    """

    code = "TQ502"
    fix_safety = "unsafe"
    name = "glossary-term"
    category = "terminology/wrong-term"
    severity = Severity.MAJOR
    data_files = ("glossary_transliterations.tsv",)
    options = ("glossary", "default-glossary")

    def check_segment(self, doc: Document, seg: Segment, ctx: Context):
        hits = list(ctx.glossary.forbidden_hits(seg.text))
        # A wholly foreign segment is TQ601's: do not report its words one by one too.
        if not hits or ctx.non_english(seg) is not None:
            return
        for start, end, term in hits:
            text = seg.text[start:end]
            message = f"'{text}' is a form the glossary forbids; write '{term.required}'{_why(term)}"
            yield self.finding(doc, seg, start, end, message, term.suggestion_for(text))


@register
class GlossarySourceTerm(SegmentRule):
    """The source has a glossary term but the translation lacks its required English term.

    Xbench's key-term check: where the aligned French segment contains a source
    term of a ``--glossary`` entry (or of the default glossary's
    transliterations), compared without case or diacritics and allowing
    plurals, the translation must contain the required term or an admitted
    alternative (case aside, plurals allowed). When it has a forbidden variant
    instead, TQ502 reports that; this rule speaks only when neither is there,
    once per segment, naming each missing term.

    Flag: the leaders of the Popular Crowd met <<< les dirigeants du Hachd al-Chaabi se sont réunis
    Flag: Abu Mahdi al-Mouhandes was killed <<< Abou Mehdi al-Mouhandis a été tué
    Okay: the leaders of the Hashd al-Shaabi met <<< les dirigeants du Hachd al-Chaabi se sont réunis
    Okay: the leaders of the Hashed al-Shaabi met <<< les dirigeants du HACHD AL-CHAABI se sont réunis
    Okay: the leaders of Hachd al-Chaabi met <<< les dirigeants du Hachd al-Chaabi se sont réunis
    """

    code = "TQ503"
    fix_safety = "unsafe"
    name = "glossary-source-term"
    category = "terminology/wrong-term"
    severity = Severity.MAJOR
    data_files = ("glossary_transliterations.tsv",)
    options = ("glossary", "default-glossary")
    needs = frozenset({"source"})

    def check(self, doc: Document, ctx: Context):
        glossary = ctx.glossary
        for seg, src in zip(doc.segments, doc.source.segments):
            found = glossary.source_terms(src.text)
            missing = [
                (source, term) for source, term in found
                if not glossary.translation_has(seg.text, term.english)
                and not glossary.translation_has(seg.text, term.variants)
            ]
            if not missing or ctx.non_english(seg) is not None:
                continue
            what = "; ".join(f"'{source}' -> '{term.required}'{_why(term)}" for source, term in missing)
            plural = "s" if len(missing) > 1 else ""
            message = (f"the source (line {src.line}) has the glossary term{plural} {what}, "
                       f"but the translation does not use the required term{plural}")
            suggestion = None
            start, end = strip_span(seg.text)
            yield self.finding(doc, seg, start, end, message, suggestion)
