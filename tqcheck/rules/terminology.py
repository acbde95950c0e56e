"""TQ502-TQ506: glossaries and consistency across a whole corpus.

TQ502 and TQ503 enforce the glossary in force (``tqcheck.glossary``): the
user's ``--glossary`` files and the default glossary's transliterations (the
default exonyms, acronyms and calques stay with TQ603, TQ604 and TQ701). TQ504,
TQ505 and TQ506 are corpus rules: they see every document of the run and keep
only compact summaries of each (name occurrences, hashes of segments), so a
corpus of any size is checked in one linear pass with dictionaries, never by
comparing all pairs.
"""
from __future__ import annotations

import hashlib
import unicodedata

from ..glossary import in_force
from ..model import Document, Finding, Segment, Severity
from ..registry import Context, CorpusRule, SegmentRule, register
from .names import document_names, pair_variants, preferred_in
from .untranslated import non_english_verdict


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
    name = "glossary-term"
    category = "terminology/wrong-term"
    severity = Severity.MAJOR

    def check_segment(self, doc: Document, seg: Segment, ctx: Context):
        hits = list(in_force(ctx.config).forbidden_hits(seg.text))
        # A wholly foreign segment is TQ601's: do not report its words one by one too.
        if not hits or non_english_verdict(seg, ctx) is not None:
            return
        for start, end, term in hits:
            text = seg.text[start:end]
            message = f"'{text}' is a form the glossary forbids; write '{term.required}'{_why(term)}"
            yield self.finding(doc, seg, start, end, message, term.suggestion_for(text))


def _span(text: str) -> tuple[int, int]:
    """The segment without its leading and trailing spaces."""
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())


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
    name = "glossary-source-term"
    category = "terminology/wrong-term"
    severity = Severity.MAJOR
    needs = frozenset({"source"})

    def check(self, doc: Document, ctx: Context):
        glossary = in_force(ctx.config)
        for seg, src in zip(doc.segments, doc.source.segments):
            found = glossary.source_terms(src.text)
            missing = [
                (source, term) for source, term in found
                if not glossary.translation_has(seg.text, term.english)
                and not glossary.translation_has(seg.text, term.variants)
            ]
            if not missing or non_english_verdict(seg, ctx) is not None:
                continue
            what = "; ".join(f"'{source}' -> '{term.required}'{_why(term)}" for source, term in missing)
            plural = "s" if len(missing) > 1 else ""
            message = (f"the source (line {src.line}) has the glossary term{plural} {what}, "
                       f"but the translation does not use the required term{plural}")
            suggestion = None
            start, end = _span(seg.text)
            yield self.finding(doc, seg, start, end, message, suggestion)


# --------------------------------------------------------------------------------------------
# Across the corpus


@register
class CorpusNameDrift(CorpusRule):
    """One name spelled differently in different files of the run (Hashd in one story, Hachd in the next).

    Readers notice when Monday's story and Tuesday's spell a name differently.
    Spellings are grouped by the transliteration key of TQ501 over the whole
    run (one dictionary, no all-pairs comparison); the usual spelling is the one
    most files use (``--prefer`` or a glossary's required term overrides), and
    a file that uses another spelling, and only that one, is flagged on every
    occurrence, citing a file and line with the usual one. A file that uses
    both spellings is TQ501's. The precision guards of TQ501 apply: distinct
    names, given names, spellings seen only at sentence starts, two spellings
    followed by different surnames, forms a glossary forbids. In the examples
    ``===`` separates files.

    Flag: General Qassem Soleimani was killed.\\n===\\nQassem Soleimani's funeral.\\n===\\nthe killing of Qasem Soleimani
    Flag: the Houthis attacked\\n===\\nthe Houthis said\\n===\\nthe Huthis denied\\n===\\nthe Houthis again
    Okay: General Qassem Soleimani was killed.\\n===\\nQassem Soleimani's funeral.\\n===\\nthe killing of Qassem Soleimani
    Okay: Philip Lowe spoke\\n===\\nPhillip Schofield spoke\\n===\\nPhilip Lowe again
    Okay: Iran and Iraq\\n===\\nIraq and Iran\\n===\\nColombia and Columbia University
    Okay: the leaders of Hachd al-Chaabi met\\n===\\nthe Hashd factions\\n===\\nthe Hashd again
    """

    code = "TQ504"
    name = "corpus-name-drift"
    category = "terminology/inconsistent"
    severity = Severity.MAJOR

    def __init__(self, severity: Severity | None = None) -> None:
        super().__init__(severity)
        #: per document: its path and, per name key, each spelling's occurrences
        #: as (line, segment, start, end, text) tuples: names only, never the text itself
        self._docs: list[tuple[str, dict[str, dict[str, tuple]]]] = []
        self._named: set[str] = set()
        self._followers: dict[str, set[str]] = {}
        self._preferred: dict[str, str] = {}

    def observe(self, window: Document, ctx: Context) -> None:
        document_names(window, ctx)  # collected as the windows come, shared with TQ501

    def end_document(self, doc: Document, ctx: Context) -> None:
        glossary = in_force(ctx.config)
        self._preferred = glossary.preferred
        groups, named, followers = document_names(doc, ctx)
        self._named |= named
        for spelling, keys in followers.items():
            self._followers.setdefault(spelling, set()).update(keys)
        compact = {
            key: {s: tuple((seg.line, seg.index, a, b, seg.text[a:b]) for seg, a, b in occ)
                  for s, occ in spellings.items()}
            for key, spellings in groups.items()
        }
        self._docs.append((doc.path, compact))

    def finish(self):
        usage: dict[str, dict[str, list[int]]] = {}  # key -> spelling -> documents using it
        for i, (_, groups) in enumerate(self._docs):
            for key, spellings in groups.items():
                for s in spellings:
                    if s in self._named:
                        usage.setdefault(key, {}).setdefault(s, []).append(i)
        for key, spellings in usage.items():
            if len(spellings) < 2:
                continue
            yield from self._drift(key, spellings)

    def _drift(self, key: str, spellings: dict[str, list[int]]):
        preferred = preferred_in(spellings, self._preferred.get(key))

        def weight(s):
            occurrences = sum(len(self._docs[i][1][key][s]) for i in spellings[s])
            return (s != preferred, -len(spellings[s]), -occurrences, spellings[s][0])

        for canonical, variant in pair_variants(sorted(spellings, key=weight), self._followers):
            cited = spellings[canonical][0]
            path, groups = self._docs[cited]
            line = groups[key][canonical][0][0]
            n = len(spellings[canonical])
            where = f"{path}, line {line}" + (f"; {n} files in all" if n > 1 else "")
            message = (f"'{variant}' is spelled '{canonical}' in other files of this run ({where}); "
                       f"use one spelling across the corpus"
                       + (f" ('{canonical}' is the preferred spelling)" if canonical == preferred else ""))
            for i in spellings[variant]:
                doc_path, groups = self._docs[i]
                if sum(1 for s in groups[key] if s in self._named) > 1:
                    continue  # the file uses more than one spelling: TQ501 reports it
                for line, index, start, end, text in groups[key][variant]:
                    yield Finding(self.code, self.name, self.category, self.severity, doc_path, line, start + 1,
                                  end + 1, index, text, message, canonical)


#: Segments shorter than this (in words) are left out of the source-consistency checks:
#: datelines, credits, numbers and one-word headings repeat with different translations for good reasons.
MIN_WORDS = 4


def _segment_key(text: str) -> bytes | None:
    """A 16-byte digest of the normalised segment (case, spaces, apostrophes aside), or None if too short."""
    norm = " ".join(unicodedata.normalize("NFC", text).replace("\u2019", "'").casefold().split())
    words = norm.split()
    if len(words) < MIN_WORDS or sum(1 for w in words if any(c.isalpha() for c in w)) < MIN_WORDS:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()


class _SegmentConsistency(CorpusRule):
    """Shared by TQ505 and TQ506: a digest of each segment seen, and findings made as the run goes."""

    needs = frozenset({"source"})

    def __init__(self, severity: Severity | None = None) -> None:
        super().__init__(severity)
        self._first: dict[bytes, tuple[bytes, str, int]] = {}
        self._findings: list[Finding] = []

    def observe(self, doc: Document, ctx: Context) -> None:
        for seg, src in zip(doc.segments, doc.source.segments):
            src_key, mt_key = _segment_key(src.text), _segment_key(seg.text)
            if src_key is None or mt_key is None:
                continue
            key, other = self.keys(src_key, mt_key)
            first = self._first.setdefault(key, (other, doc.path, seg.line))
            if first[0] != other:
                start, end = _span(seg.text)
                self._findings.append(Finding(
                    self.code, self.name, self.category, self.severity, doc.path, seg.line, start + 1, end + 1,
                    seg.index, seg.text[start:end], self.message(first[1], first[2]), None))

    def finish(self):
        return self._findings

    def keys(self, src_key: bytes, mt_key: bytes) -> tuple[bytes, bytes]:
        raise NotImplementedError

    def message(self, path: str, line: int) -> str:
        raise NotImplementedError


@register
class SourceInconsistentTranslation(_SegmentConsistency):
    """One source segment translated two different ways in the run (Xbench: inconsistency in target).

    The same French segment (case, spacing and apostrophes aside; segments of
    four words or more) should get the same translation everywhere in a
    corpus. The later translation is reported, citing the file and line of the
    first. In the examples ``<<<`` gives a segment's source and ``===``
    separates files.

    Flag: The army shot down two drones. <<< L'armée a abattu deux drones.\\n===\\nThe military downed two drones. <<< L'armée a abattu deux drones.
    Flag: The army shot down two drones. <<< L'armée a abattu deux drones.\\nThe military downed two drones. <<< L’armée a abattu  deux drones.
    Okay: The army shot down two drones. <<< L'armée a abattu deux drones.\\n===\\nthe army shot down two drones. <<< L'ARMÉE a abattu deux drones.
    Okay: Baghdad (AFP) <<< Bagdad (AFP)\\n===\\nBAGHDAD — <<< Bagdad (AFP)
    """

    code = "TQ505"
    name = "source-inconsistent-translation"
    category = "terminology/inconsistent"
    severity = Severity.MINOR

    def keys(self, src_key, mt_key):
        return src_key, mt_key

    def message(self, path, line):
        return (f"this source segment is translated differently at {path}, line {line}; "
                "translate a repeated segment the same way")


@register
class TranslationInconsistentSource(_SegmentConsistency):
    """One translation given for two different source segments (Xbench: inconsistency in source).

    The same English segment (case, spacing and apostrophes aside; four words
    or more) translating two different French segments usually means one of
    them was translated by copying the other. The later one is reported,
    citing the file and line of the first.

    Flag: The army shot down two drones. <<< L'armée a abattu deux drones.\\n===\\nThe army shot down two drones. <<< L'armée a abattu trois drones.
    Okay: The army shot down two drones. <<< L'armée a abattu deux drones.\\n===\\nThe army shot down two drones. <<< L’armée a abattu deux drones.
    Okay: Troops shot down the drones. <<< L'armée a abattu deux drones.\\n===\\nThe army shot down two drones. <<< L'armée a abattu trois drones.
    """

    code = "TQ506"
    name = "translation-inconsistent-source"
    category = "terminology/inconsistent"
    severity = Severity.MINOR

    def keys(self, src_key, mt_key):
        return mt_key, src_key

    def message(self, path, line):
        return (f"this translation is also given for a different source segment at {path}, line {line}; "
                "check that each source was translated")
